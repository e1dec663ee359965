import { compact } from './fold.js';

/**
 * The value a user means from a fixed set: the value itself in any case or accents, an alias
 * (`yml` for yaml), or the start of exactly one value (`j` for json, `verk` for verkenning).
 */
export function matchChoice(input: string, values: readonly string[], aliases: Record<string, string> = {}): string | undefined {
  const wanted = compact(input);
  if (!wanted) return undefined;
  const exact = values.find((v) => v === input) ?? values.find((v) => compact(v) === wanted);
  if (exact) return exact;
  const alias = Object.entries(aliases).find(([a]) => compact(a) === wanted)?.[1];
  if (alias) return alias;
  const starts = values.filter((v) => compact(v).startsWith(wanted));
  return starts.length === 1 ? starts[0] : undefined;
}
