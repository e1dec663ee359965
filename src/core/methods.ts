import { UsageError } from '../errors.js';
import { compact } from './fold.js';
import { ELEMENT_KEYS, type ElementKey, type SourceKind } from '../keys.js';
import type { Method } from '../schema.js';

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

/** The methods that match the filter options; an unknown tag is a usage error, since it can only be a typo. */
export function selectMethods(methods: Method[], flags: FilterFlags): Method[] {
  const filter = filterFromFlags(flags);
  checkTags(methods, filter.tags);
  return filterMethods(methods, filter);
}

export function checkTags(methods: Pick<Method, 'tags'>[], tags: string[] | undefined): void {
  if (!tags?.length) return;
  const known = allTags(methods);
  const unknown = tags.filter((t) => !known.includes(t.toLowerCase()));
  if (unknown.length) {
    throw new UsageError(`onbekende tag: ${unknown.join(', ')}`, `Bekende tags: ${known.join(', ')}.`);
  }
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

/** The method a user means by an id, a name or an alias, in any case and with or without accents. */
export function findMethod(methods: Method[], query: string): Method | undefined {
  const key = compact(query);
  if (!key) return undefined;
  return (
    methods.find((m) => m.id === query) ??
    methods.find((m) => compact(m.id) === key) ??
    methods.find((m) => compact(m.name) === key) ??
    methods.find((m) => (m.aliases ?? []).some((a) => compact(a) === key))
  );
}

export function allTags(methods: Pick<Method, 'tags'>[]): string[] {
  return [...new Set(methods.flatMap((m) => m.tags ?? []))].sort();
}

/** The element a user means: its key, its name in any case, or its letter (A, C, T, I, E). */
export function parseElement(input: string): ElementKey | undefined {
  const key = compact(input);
  return ELEMENT_KEYS.find((e) => e === key || (key.length === 1 && e[0] === key));
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
