import { matchChoice } from './choice.js';
import { compact } from './fold.js';
import { ELEMENT_KEYS, ELEMENT_LETTERS, type ElementKey, type SourceKind } from '../model/keys.js';
import type { Method } from '../model/schema.js';

/** Where a method was read from: the built-in catalogue or a user's file. */
export interface MethodOrigin {
  file: string;
  line: number;
  builtin: boolean;
}

export interface MethodFilter {
  /** A method listed under any of these elements. */
  elements?: ElementKey[];
  kind?: SourceKind;
  /** A method carrying every one of these tags. */
  tags?: string[];
}

/** The filter options as commander parses them (`--element` and `--tag` repeatable). */
export interface FilterFlags {
  element?: ElementKey[];
  kind?: SourceKind;
  tag?: string[];
}

export function filterFromFlags(flags: FilterFlags): MethodFilter {
  return { elements: flags.element, kind: flags.kind, tags: flags.tag };
}

/** The asked tags that no method has, and the tags there are. */
export function unknownTags(methods: Pick<Method, 'tags'>[], tags: string[] | undefined): { unknown: string[]; known: string[] } {
  const known = allTags(methods);
  return { unknown: (tags ?? []).filter((t) => !known.includes(t.toLowerCase())), known };
}

/** What the filters look at; search filters records it has not loaded whole. */
export type Filterable = Pick<Method, 'elements' | 'tags'> & { source: Pick<Method['source'], 'kind'> };

export function filterMethods<T extends Filterable>(methods: T[], filter: MethodFilter): T[] {
  const elements = filter.elements?.length ? filter.elements : undefined;
  const tags = filter.tags?.length ? filter.tags.map(compact) : undefined;
  return methods.filter(
    (m) =>
      (!elements || m.elements.some((e) => elements.includes(e))) &&
      (!filter.kind || m.source.kind === filter.kind) &&
      (!tags || tags.every((t) => (m.tags ?? []).some((mt) => compact(mt) === t))),
  );
}

/**
 * The method a user means by an id, a name or an alias, in any case and with or without accents, or
 * by the start of exactly one method's id or name ("dorpsagenda" for "Dorpsagenda met dorpswaardering").
 */
export function findMethod(methods: Method[], query: string): Method | undefined {
  const key = compact(query);
  if (!key) return undefined;
  const exact =
    methods.find((m) => m.id === query) ??
    methods.find((m) => compact(m.id) === key) ??
    methods.find((m) => compact(m.name) === key) ??
    methods.find((m) => (m.aliases ?? []).some((a) => compact(a) === key));
  if (exact) return exact;
  const starts = methodsStartingWith(methods, key);
  return starts.length === 1 ? starts[0] : undefined;
}

/** The methods whose id, name or an alias starts with the compacted `key`. */
export function methodsStartingWith(methods: Method[], key: string): Method[] {
  return methods.filter((m) => [m.id, m.name, ...(m.aliases ?? [])].some((text) => compact(text).startsWith(key)));
}

export function allTags(methods: Pick<Method, 'tags'>[]): string[] {
  return [...new Set(methods.flatMap((m) => m.tags ?? []))].sort();
}

/** The element a user means: its key or name in any case, its letter (A, C, T, I, E), or the start of one. */
export function parseElement(input: string): ElementKey | undefined {
  return matchChoice(input, ELEMENT_KEYS, ELEMENT_LETTERS) as ElementKey | undefined;
}

export function countByElement(methods: Method[]): Record<ElementKey, number> {
  const counts = Object.fromEntries(ELEMENT_KEYS.map((e) => [e, 0])) as Record<ElementKey, number>;
  for (const m of methods) for (const e of m.elements) counts[e]++;
  return counts;
}

/** Each element's name as the model gives it ("Animo"), for formatters. */
export type ElementNames = Record<ElementKey, string>;

export function elementNames(model: { elements: { key: ElementKey; name: string }[] }): ElementNames {
  return Object.fromEntries(model.elements.map((e) => [e.key, e.name])) as ElementNames;
}

// Made on first use: the first Intl.Collator of a process costs milliseconds, which every command
// (and every Tab of the shell completion) would pay at start-up, sorting or not.
let collator: Intl.Collator | undefined;
const byName = () => (collator ??= new Intl.Collator('nl', { sensitivity: 'base', numeric: true }));

/**
 * The one order by name, as a Dutch dictionary sorts: without case and accents, numbers by their value
 * ("Plan 2" before "Plan 10"); then by id, so that the order is the same every time.
 */
export function compareNames(a: Pick<Method, 'id' | 'name'>, b: Pick<Method, 'id' | 'name'>): number {
  return byName().compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Methods in the order people look for them: by name (compareNames). */
export function sortByName<T extends Pick<Method, 'id' | 'name'>>(methods: T[], order?: string[]): T[] {
  // The order worked out at build time, where it covers every method: the collator takes ~9 ms to
  // make, more than the rest of a short command.
  if (order) {
    const rank = new Map(order.map((id, i) => [id, i]));
    if (methods.every((m) => rank.has(m.id))) return [...methods].sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  }
  return [...methods].sort(compareNames);
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Every tag with the number of methods that carry it, by tag. */
export function countByTag(methods: Pick<Method, 'tags'>[]): TagCount[] {
  const counts = new Map<string, number>();
  for (const m of methods) for (const t of new Set(m.tags ?? [])) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => byName().compare(a.tag, b.tag));
}
