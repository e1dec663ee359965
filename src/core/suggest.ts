import { editDistance } from '../catalogue/parse-records.js';
import type { Method } from '../schema.js';
import { normalize } from './methods.js';

/** The few ids closest to what the user typed, by spelling of id, name and aliases. */
export function suggestIds(methods: Method[], query: string, count = 3): string[] {
  const q = normalize(query);
  if (!q) return [];
  const scored = methods.map((m) => {
    const keys = [m.id, m.name, ...(m.aliases ?? [])].map(normalize);
    const distance = Math.min(
      ...keys.map((k) => (k.includes(q) || q.includes(k) ? Math.abs(k.length - q.length) / 4 : editDistance(q, k))),
    );
    return { id: m.id, distance };
  });
  const limit = Math.max(2, Math.ceil(q.length / 2));
  return scored
    .filter((s) => s.distance <= limit)
    .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1))
    .slice(0, count)
    .map((s) => s.id);
}
