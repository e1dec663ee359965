import { DamagedSnapshot, openSnapshot, snapshotOf, type SearchSnapshot } from '../catalogue/search-snapshot.js';
import { writeJson, type Context } from '../context.js';
import { filterMethods } from '../core/methods.js';
import { fold, nearestWord, searchIndex, type SearchIndex, type SearchOutcome } from '../core/search.js';
import { SEARCH_LIMIT } from '../defaults.js';
import { NotFoundError, UsageError } from '../errors.js';
import { plural } from '../format/plural.js';
import { formatSearchLines, formatSearchResults, searchJson, type SearchHit } from '../format/search.js';
import { sanitize, wrap } from '../terminal.js';
import { checkTags, filterFromFlags, type FilterFlags } from './list.js';

export interface SearchOptions extends FilterFlags {
  limit?: number;
  json?: boolean;
}

export async function search(words: string[], options: SearchOptions, ctx: Context): Promise<void> {
  const query = words.join(' ').trim();
  if (!/[\p{L}\p{N}]/u.test(fold(query))) {
    throw new UsageError('geef een of meer zoekwoorden', 'Bijvoorbeeld: methodewijzer search "tijd voor elkaar"');
  }
  let snapshot = await catalogueForSearch(ctx);
  try {
    let outcome;
    try {
      outcome = run(snapshot, query, options, ctx);
    } catch (err) {
      if (!(err instanceof DamagedSnapshot)) throw err;
      // The cached snapshot failed its checksums (and is gone): search the catalogue itself, which saves a new one.
      snapshot.close();
      await ctx.prepare();
      snapshot = snapshotOf(ctx, ctx.catalogue());
      outcome = run(snapshot, query, options, ctx);
    }
    const { hits, total, words } = outcome;
    if (options.json) return writeJson(ctx, searchJson(hits));
    if (!ctx.interactive) return void ctx.stdout.write(formatSearchLines(hits));
    ctx.stdout.write(formatSearchResults(hits, ctx.style, ctx.columns, words));
    const more = total > hits.length ? ` (van ${total}; meer met --limit)` : '';
    const count = plural(hits.length, 'methode', 'methoden') + more;
    ctx.stderr.write(ctx.errStyle.dim(wrap(`${count}. Meer over een methode: methodewijzer show <id>`, ctx.columns)) + '\n');
  } finally {
    snapshot.close();
  }
}

/** The cached snapshot when nothing changed; else the catalogue loaded (through the folder cache). */
async function catalogueForSearch(ctx: Context): Promise<SearchSnapshot> {
  await ctx.prepare({ records: false });
  const cached = openSnapshot(ctx);
  if (cached) {
    ctx.reportProblems(cached.problems);
    return cached;
  }
  await ctx.prepare();
  return snapshotOf(ctx, ctx.catalogue());
}

function run(snapshot: SearchSnapshot, query: string, options: SearchOptions, ctx: Context): { hits: SearchHit[]; total: number; words: string[] } {
  let include: ((record: number) => boolean) | undefined;
  const filter = filterFromFlags(options);
  if (filter.elements?.length || filter.kind || filter.tags?.length) {
    const all = snapshot.filterable();
    checkTags(all, filter.tags);
    const kept = new Set(filterMethods(all, filter));
    include = (r) => kept.has(all[r]);
  }
  const outcome = searchIndex(snapshot.index, query, { limit: options.limit ?? SEARCH_LIMIT, include });
  const hits = outcome.results.map((r) => ({ method: snapshot.method(r.record), score: r.score, matched: r.matched }));
  if (hits.length === 0) {
    if (options.json) writeJson(ctx, []);
    throw new NotFoundError(`geen methoden gevonden voor "${sanitize(query)}"`, noResultHint(snapshot.index, outcome, include !== undefined));
  }
  if (outcome.unknown.length) {
    ctx.stderr.write(ctx.errStyle.dim(`Niet gevonden en overgeslagen: ${outcome.unknown.map((w) => sanitize(w)).join(', ')}`) + '\n');
  }
  return { hits, total: outcome.total, words: outcome.words };
}

/** What to try when nothing was found: without the filters, a nearby spelling, or the whole list. */
function noResultHint(index: SearchIndex, outcome: SearchOutcome, filtered: boolean): string {
  const query = outcome.words.join(' ');
  if (filtered) {
    const unfiltered = searchIndex(index, query).total;
    if (unfiltered > 0) return `Zonder de filters (--element, --kind, --tag) geeft deze zoekvraag ${plural(unfiltered, 'resultaat', 'resultaten')}.`;
  }
  const respelled = outcome.words.map((w) => (outcome.unknown.includes(w) ? (nearestWord(index, w) ?? w) : w));
  const suggestion = respelled.join(' ');
  if (suggestion !== query && searchIndex(index, suggestion, { limit: 1 }).results.length > 0) {
    return `Bedoelde je: methodewijzer search "${sanitize(suggestion)}"?`;
  }
  return "Probeer andere of minder woorden, of bekijk alle methoden met 'methodewijzer list'.";
}
