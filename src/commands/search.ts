import { DamagedSnapshot, openSnapshot, snapshotOf, type SearchSnapshot } from '../catalogue/search-snapshot.js';
import { defineCommand, type Output } from '../command.js';
import type { Context } from '../context.js';
import { fold } from '../core/fold.js';
import { checkTags, filterFromFlags, filterMethods, type FilterFlags } from '../core/methods.js';
import { nearestWord, searchIndex, type SearchIndex, type SearchOutcome } from '../core/search.js';
import { SEARCH_LIMIT } from '../defaults.js';
import { NotFoundError, UsageError } from '../errors.js';
import { plural } from '../format/plural.js';
import { didYouMean } from '../format/suggest.js';
import { formatSearchLines, formatSearchResults, searchJson, type SearchHit } from '../format/search.js';
import { filterOptions, parseLimit } from '../options.js';
import { sanitize, wrap } from '../terminal.js';

export interface SearchOptions extends FilterFlags {
  limit?: number;
  json?: boolean;
}

export default defineCommand({
  name: 'search',
  description: 'zoek methoden op woorden uit hun naam, doel of setting; tikfouten en accenten maken niet uit',
  arguments: [['<woorden...>', 'zoekwoorden, los of aan elkaar geschreven']],
  options: (cmd) =>
    filterOptions(
      cmd
        .option('-n, --limit <aantal>', 'hoogstens zoveel resultaten', parseLimit, SEARCH_LIMIT)
        .option('--json', 'de records als JSON, met hun score en per veld de woorden die overeenkwamen'),
    ),
  examples: ['search tijd voor elkaar', 'search "jongeren keet"', 'search dorp toekomst --element inbedding', 'search vrijwilligers --limit 3 --json'],
  notes:
    '\nAfsluitcodes: 0 bij resultaten, 1 als niets gevonden is (zoals grep), 2 bij verkeerd gebruik, ' +
    '3 als een eigen catalogusbestand ongeldig is (de rest wordt wel doorzocht).\n',
  async run(ctx, options: SearchOptions, words: string[]): Promise<Output> {
    const query = words.join(' ').trim();
    if (!/[\p{L}\p{N}]/u.test(fold(query))) {
      throw new UsageError('geef een of meer zoekwoorden', 'Bijvoorbeeld: methodewijzer search "tijd voor elkaar"');
    }
    let snapshot = await catalogueForSearch(ctx);
    try {
      let found;
      try {
        found = find(snapshot, query, options);
      } catch (err) {
        if (!(err instanceof DamagedSnapshot)) throw err;
        // The cached snapshot failed its checksums (and is gone): search the catalogue itself, which saves a new one.
        snapshot.close();
        snapshot = snapshotOf(await ctx.catalogue(), ctx.folders, ctx.cache);
        found = find(snapshot, query, options);
      }
      const { hits, total, outcome } = found;
      if (hits.length === 0) {
        const error = new NotFoundError(`geen methoden gevonden voor "${sanitize(query)}"`, noResultHint(snapshot.index, outcome, found.filtered));
        return options.json ? { json: [], error } : { error };
      }
      const skipped = outcome.unknown.length ? ctx.errStyle.dim(`Niet gevonden en overgeslagen: ${outcome.unknown.map((w) => sanitize(w)).join(', ')}`) + '\n' : '';
      if (options.json) return { json: searchJson(hits), note: skipped };
      if (!ctx.interactive) return { text: formatSearchLines(hits), note: skipped };
      const more = total > hits.length ? ` (van ${total}; meer met --limit)` : '';
      const count = plural(hits.length, 'methode', 'methoden') + more;
      return {
        text: formatSearchResults(hits, ctx.style, ctx.width, outcome.words),
        note: skipped + ctx.errStyle.dim(wrap(`${count}. Meer over een methode: methodewijzer show <id>`, ctx.width)) + '\n',
      };
    } finally {
      snapshot.close();
    }
  },
});

/** The cached snapshot when nothing changed; else the catalogue loaded (through the folder cache). */
async function catalogueForSearch(ctx: Context): Promise<SearchSnapshot> {
  const cached = openSnapshot(ctx.folders, ctx.cache);
  if (cached) {
    ctx.reportProblems(cached.problems);
    return cached;
  }
  return snapshotOf(await ctx.catalogue(), ctx.folders, ctx.cache);
}

function find(snapshot: SearchSnapshot, query: string, options: SearchOptions) {
  let include: ((record: number) => boolean) | undefined;
  const filter = filterFromFlags(options);
  if (filter.elements?.length || filter.kind || filter.tags?.length) {
    const all = snapshot.filterable();
    checkTags(all, filter.tags);
    const kept = new Set(filterMethods(all, filter));
    include = (r) => kept.has(all[r]);
  }
  const outcome = searchIndex(snapshot.index, query, { limit: options.limit ?? SEARCH_LIMIT, include });
  const hits: SearchHit[] = outcome.results.map((r) => ({ method: snapshot.method(r.record), score: r.score, matched: r.matched }));
  return { hits, total: outcome.total, outcome, filtered: include !== undefined };
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
    return didYouMean([`methodewijzer search ${sanitize(suggestion)}`]).replace(/"/g, '');
  }
  return "Probeer andere of minder woorden. Alle methoden: methodewijzer list.";
}
