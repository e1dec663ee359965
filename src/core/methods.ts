import { ELEMENT_KEYS, type ElementKey, type SourceKind } from '../keys.js';
import type { Method } from '../schema.js';

export interface MethodFilter {
  /** A method listed under any of these elements. */
  elements?: ElementKey[];
  kind?: SourceKind;
  /** A method carrying every one of these tags. */
  tags?: string[];
}

/** What the filters look at; search filters records it has not loaded whole. */
export type Filterable = Pick<Method, 'elements' | 'tags'> & { source: Pick<Method['source'], 'kind'> };

export function filterMethods<T extends Filterable>(methods: T[], filter: MethodFilter): T[] {
  const elements = filter.elements?.length ? filter.elements : undefined;
  const tags = filter.tags?.length ? filter.tags.map(normalize) : undefined;
  return methods.filter(
    (m) =>
      (!elements || m.elements.some((e) => elements.includes(e))) &&
      (!filter.kind || m.source.kind === filter.kind) &&
      (!tags || tags.every((t) => (m.tags ?? []).some((mt) => normalize(mt) === t))),
  );
}

/** Lower case, accents stripped, everything but letters and digits removed: "Kan wél" -> "kanwel". */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** The method a user means by an id, a name or an alias, in any case and with or without accents. */
export function findMethod(methods: Method[], query: string): Method | undefined {
  const key = normalize(query);
  if (!key) return undefined;
  return (
    methods.find((m) => m.id === query) ??
    methods.find((m) => normalize(m.id) === key) ??
    methods.find((m) => normalize(m.name) === key) ??
    methods.find((m) => (m.aliases ?? []).some((a) => normalize(a) === key))
  );
}

export function allTags(methods: Pick<Method, 'tags'>[]): string[] {
  return [...new Set(methods.flatMap((m) => m.tags ?? []))].sort();
}

/** The element a user means: its key, its name in any case, or its letter (A, C, T, I, E). */
export function parseElement(input: string): ElementKey | undefined {
  const key = normalize(input);
  return ELEMENT_KEYS.find((e) => e === key || (key.length === 1 && e[0] === key));
}

export function countByElement(methods: Method[]): Record<ElementKey, number> {
  const counts = Object.fromEntries(ELEMENT_KEYS.map((e) => [e, 0])) as Record<ElementKey, number>;
  for (const m of methods) for (const e of m.elements) counts[e]++;
  return counts;
}
