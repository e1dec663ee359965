import { filterFromFlags, filterMethods, sortByName, type FilterFlags } from '../core/methods.js';
import { checkTags } from './catalogue.js';
import { searchIndex, type SearchIndex, type SearchOutcome } from '../core/search.js';
import type { SearchHit } from '../format/search.js';
import type { Method } from '../model/schema.js';
import type { FolderCache } from '../store/folder-cache.js';
import type { Catalogue } from './catalogue.js';
import type { Problem } from './problem.js';
import { DamagedSnapshot, openSnapshot, snapshotOf, type SearchSnapshot } from '../store/search-snapshot.js';

// The catalogue as `search` and its picker search it: the cached snapshot when nothing changed (no
// catalogue loaded at all), else the catalogue loaded through the folder cache, with the filters of
// `list` applied. One query or many (the picker searches on every key); a snapshot that fails its
// checksums is replaced by the catalogue itself, once, without the user noticing.

export interface Found {
  hits: SearchHit[];
  /** How many methods matched before the limit. */
  total: number;
  outcome: SearchOutcome;
  /** Whether --element, --kind or --tag narrowed the search. */
  filtered: boolean;
}

export interface Searcher {
  /** The index searched now (a damaged snapshot is replaced by another). */
  readonly index: SearchIndex;
  find(query: string, limit: number): Promise<Found>;
  /** Every method the filters let through, by name: what the picker lists before a word is typed. */
  byName(): Promise<Method[]>;
  close(): void;
}

/** What a search needs of the run (the context gives it). */
export interface SearchContext {
  folders: string[];
  cache: FolderCache;
  catalogue(): Promise<Catalogue>;
  reportProblems(problems: Problem[]): void;
}

export async function openSearcher(ctx: SearchContext, flags: FilterFlags): Promise<Searcher> {
  let snapshot = await catalogueForSearch(ctx);
  let include: ((record: number) => boolean) | null | undefined;
  let sorted: Method[] | undefined;
  /** Every record, once byName has read them: later results are taken from here, not read again. */
  let decoded: Method[] | undefined;
  const filter = filterFromFlags(flags);
  const filtered = Boolean(filter.elements?.length || filter.kind || filter.tags?.length);

  /** The records the filters let through; null for all. An unknown tag is a usage error. */
  const included = () => {
    if (include !== undefined) return include;
    if (!filtered) return (include = null);
    const all = snapshot.filterable();
    checkTags(all, filter.tags);
    const kept = new Set(filterMethods(all, filter));
    return (include = (r) => kept.has(all[r]));
  };

  /** Runs `work` on the snapshot; once more on the catalogue itself if the snapshot turns out damaged. */
  const withSnapshot = async <T>(work: () => T): Promise<T> => {
    try {
      return work();
    } catch (err) {
      if (!(err instanceof DamagedSnapshot)) throw err;
      // The cached snapshot failed its checksums (and is gone): search the catalogue itself, which saves a new one.
      snapshot.close();
      snapshot = snapshotOf(await ctx.catalogue(), ctx.folders, ctx.cache);
      include = undefined;
      decoded = undefined;
      return work();
    }
  };

  return {
    get index() {
      return snapshot.index;
    },
    find: (query, limit) =>
      withSnapshot(() => {
        const keep = included();
        const outcome = searchIndex(snapshot.index, query, { limit, include: keep ?? undefined });
        const hits = outcome.results.map((r) => ({ method: decoded?.[r.record] ?? snapshot.method(r.record), score: r.score, matched: r.matched }));
        return { hits, total: outcome.total, outcome, filtered };
      }),
    byName: async () =>
      (sorted ??= await withSnapshot(() => {
        const keep = included();
        decoded = snapshot.methods();
        return sortByName(keep ? decoded.filter((_, r) => keep(r)) : decoded);
      })),
    close: () => snapshot.close(),
  };
}

/** The cached snapshot when nothing changed; else the catalogue loaded (through the folder cache). */
async function catalogueForSearch(ctx: SearchContext): Promise<SearchSnapshot> {
  const cached = openSnapshot(ctx.folders, ctx.cache);
  if (cached) {
    ctx.reportProblems(cached.problems);
    return cached;
  }
  return snapshotOf(await ctx.catalogue(), ctx.folders, ctx.cache);
}
