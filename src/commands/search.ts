import { openSearcher, type Found } from '../catalogue/searcher.js';
import { defineCommand, type Output, type Views } from '../runtime/command.js';
import type { Context } from '../runtime/context.js';
import { fold, hasWord } from '../core/fold.js';
import type { FilterFlags } from '../core/methods.js';
import type { Method } from '../model/schema.js';
import { nearby, nearestWord, searchIndex, type SearchIndex } from '../core/search.js';
import { SEARCH_LIMIT } from '../model/defaults.js';
import { MissingArgument, NotFoundError, UsageError } from '../model/errors.js';
import { plural } from '../text/plural.js';
import { didYouMean } from '../text/suggest.js';
import { formatSearchLines, formatSearchResults, searchJson } from '../format/search.js';
import { lookupMethod, methodDetail } from '../runtime/method-lookup.js';
import { filterOptions, jsonOption, parseLimit } from '../runtime/options.js';
import { promptStreams, type PromptStreams } from '../io/prompt-streams.js';
import { sanitize } from '../text/terminal.js';

export interface SearchOptions extends FilterFlags {
  limit?: number;
  json?: boolean;
}

/** The hits as JSON, a line each in a pipe, and on a terminal with the words that matched and a count. */
const views: Views<Found> = {
  json: ({ hits }) => searchJson(hits),
  plain: ({ hits }) => formatSearchLines(hits),
  terminal({ hits, total, outcome }, ctx) {
    const more = total > hits.length ? ` (van ${total}; meer met --limit)` : '';
    const count = plural(hits.length, 'methode', 'methoden') + more;
    return {
      text: formatSearchResults(hits, ctx.style, ctx.width, outcome.words, ctx.link),
      note: ctx.errStyle.dim(`${count}. Meer over een methode: methodewijzer show <id>`) + '\n',
    };
  },
};

/** Nothing found: `[]` for --json, nothing on stdout otherwise (the error says it). */
const NONE: Views<Found> = { json: () => [] };

export default defineCommand({
  name: 'search',
  description: 'zoek methoden op woorden uit hun naam, doel of setting; tikfouten en accenten maken niet uit',
  arguments: [['[woorden...]', 'zoekwoorden, los of aan elkaar geschreven; zonder woorden, in een terminal: kies al typend']],
  options: (cmd) =>
    filterOptions(
      cmd
        .option('-n, --limit <aantal>', 'hoogstens zoveel resultaten', parseLimit, SEARCH_LIMIT)
        .addOption(jsonOption('de records als JSON, met hun score en per veld de woorden die overeenkwamen')),
    ),
  examples: [
    'search tijd voor elkaar',
    'search "jongeren keet"',
    'search dorp toekomst --element inbedding',
    'search vrijwilligers --limit 3 --json',
    'search',
    'search --element animo',
  ],
  notes:
    '\nZonder woorden, in een terminal, opent een keuzelijst die bij elke toets opnieuw zoekt; Enter toont ' +
    'de gekozen methode zoals show dat doet, Esc of Ctrl-C stopt (afsluitcode 130). Zijn stdin en stderr ' +
    'niet allebei een terminal, dan zijn zoekwoorden verplicht.\n' +
    '\nAfsluitcodes: 0 bij resultaten, 1 als niets gevonden is (zoals grep), 2 bij verkeerd gebruik, ' +
    '3 als een eigen catalogusbestand ongeldig is (de rest wordt wel doorzocht), 130 als de keuzelijst is afgebroken.\n',
  async run(ctx, options: SearchOptions, words: string[]): Promise<Output> {
    if (words.length === 0) {
      // Only a person at a terminal can pick; a script gets the usage error it always got.
      const streams = options.json ? undefined : promptStreams(ctx);
      if (!streams || 'reason' in streams) throw new MissingArgument('woorden');
      return pick(ctx, options, streams);
    }
    const query = words.join(' ').trim();
    if (!hasWord(fold(query))) {
      throw new UsageError('geef een of meer zoekwoorden', 'Bijvoorbeeld: methodewijzer search "tijd voor elkaar"');
    }
    const searcher = await openSearcher(ctx, options);
    const found = await searcher.find(query, options.limit ?? SEARCH_LIMIT);
    if (found.hits.length === 0) {
      const tags = tagsOf(await searcher.byName());
      return { data: found, views: NONE, error: new NotFoundError(`geen methoden gevonden voor "${sanitize(query)}"`, noResultHint(searcher.index, found, tags)) };
    }
    const { unknown } = found.outcome;
    const tags = unknown.length ? tagsOf(await searcher.byName()) : [];
    const skipped = unknown.length
      ? ctx.errStyle.dim(`Niet gevonden en overgeslagen: ${unknown.map((w) => sanitize(w) + nearbyNote(searcher.index, w, tags)).join(', ')}`) + '\n'
      : undefined;
    return { data: found, views, note: skipped };
  },
});

/** The picker: search as the user types, then the chosen method as `show` shows it. */
async function pick(ctx: Context, options: SearchOptions, { input, output }: PromptStreams): Promise<Output> {
  const searcher = await openSearcher(ctx, options);
  // The prompt library is loaded only now, for a person at a terminal.
  const { pickMethod } = await import('../prompts/pick.js');
  const chosen = await pickMethod(searcher, { input, output, style: ctx.errStyle, limit: options.limit ?? SEARCH_LIMIT });
  const { method, catalogue } = await lookupMethod(ctx, [chosen.id], 'show');
  return methodDetail(catalogue, method);
}

/** What to try when nothing was found: without the filters, a nearby spelling, or the whole list. */
function noResultHint(index: SearchIndex, { outcome, filtered }: Found, tags: string[]): string {
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
  const near = outcome.unknown.map((w) => `${sanitize(w)}${nearbyNote(index, w, tags)}`);
  return (near.length ? `Niet in de catalogus: ${near.join(', ')}.\n` : '') + 'Probeer andere of minder woorden. Alle methoden: methodewijzer list; alle tags: methodewijzer tags.';
}

const tagsOf = (methods: Method[]) => methods.flatMap((m) => m.tags ?? []);

/** " (lijkt op: a, b; tags: c, d)": the catalogue words and tags nearest to a word that matched nothing. */
function nearbyNote(index: SearchIndex, word: string, catalogueTags: string[]): string {
  const { words, tags } = nearby(index, word, catalogueTags);
  const parts = [words.length ? `lijkt op: ${words.join(', ')}` : '', tags.length ? `tags: ${tags.join(', ')}` : ''].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
}
