import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { buildIndex, searchIndex } from '../../src/core/search.js';
import type { Method } from '../../src/model/schema.js';

// Issue 23: the consultant's words. Everyday, newer and regional words reach the brochure's through
// catalogue/words.yaml; compounds match through their parts, inflected forms through a stemmer.

const catalogue = await openCatalogue();
const index = buildIndex(catalogue.methods, catalogue.words.words);
const top = (query: string, n = 3) => searchIndex(index, query, { limit: n }).results.map((r) => catalogue.methods[r.record].id);
const found = (query: string) => searchIndex(index, query);

/** The issue's words that found nothing before; each must find the method it fits. */
const ISSUE: [query: string, id: string][] = [
  ['burgerbegroting', 'bewonersbudgetten'],
  ['statushouders', 'woonatelier'],
  ['zuipkeet', 'keetkeur'],
  ['ontmoetingsplek', 'kulturhuske'],
  ['daklozen', 'maatschappelijke-opvang-in-zelfbeheer'],
  ['voucherregeling', 'vouchersysteem'],
  ['prijsvraag dorpen', 'kern-met-pit'],
  ['armoede wijk', 'abcd'],
];

/**
 * Our own set, written before the tuning: words a consultant types that the brochure does not use,
 * compounds and inflected forms. Each intended method follows from the brochure's text.
 */
const OWN: [query: string, id: string, why: string][] = [
  ['buurtbudget', 'bewonersbudgetten', 'everyday word for a residents\u2019 budget'],
  ['nieuwkomers wijkverbetering', 'woonatelier', 'nieuwkomers -> allochtone groepen'],
  ['werklozen activeren', 'maatschappelijke-activeringscentra', 'werklozen -> afstand tot de arbeidsmarkt'],
  ['buurtkamer', 'kulturhuske', 'a living room in the neighbourhood'],
  ['keetcultuur', 'keetkeur', 'compound with keet'],
  ['vouchers', 'vouchersysteem', 'plural of voucher'],
  ['jongerenparticipatie', 'whoznext', 'jongeren + participatie'],
  ['dorpsplan', 'integraal-dorpsontwikkelingsplan', 'dorp + s + plan'],
  ['zelfbeheerde opvang', 'maatschappelijke-opvang-in-zelfbeheer', 'inflected zelfbeheer'],
  ['vrijwilligerswerk', 'maatschappelijke-beursvloer', 'in the summary'],
  ['schoolklas lhbt', 'gay-straight-alliances', 'school + klas'],
];

describe('search: the consultant\u2019s words (issue 23)', () => {
  it.each(ISSUE)('%s finds %s in the top three', (query, id) => {
    expect(top(query)).toContain(id);
  });

  it.each(OWN)('%s finds %s in the top three (%s)', (query, id) => {
    expect(top(query)).toContain(id);
  });

  it('zelfbeheer buurthuis puts Kulturhuske in the top two, not only the shelter method', () => {
    expect(top('zelfbeheer buurthuis', 2)).toContain('kulturhuske');
  });

  it('a match through the word list says which word stood for which', () => {
    const { results } = found('burgerbegroting');
    const hit = results.find((r) => catalogue.methods[r.record].id === 'bewonersbudgetten')!;
    expect(hit.via).toEqual([{ word: 'burgerbegroting', as: 'bewonersbudget' }]);
  });

  it('a direct match has no via', () => {
    const { results } = found('keetkeur');
    expect(results[0].via).toBeUndefined();
  });

  it('without the word list the everyday words find nothing', () => {
    const bare = buildIndex(catalogue.methods);
    expect(searchIndex(bare, 'burgerbegroting').results.map((r) => catalogue.methods[r.record].id)).not.toContain('bewonersbudgetten');
  });

  it('an inflected form matches through the stemmer: regelingen, dorpen', () => {
    const methods: Method[] = catalogue.methods;
    const own = buildIndex([{ ...methods[0], id: 'x', name: 'X', summary: 'Een regeling voor het dorp.', aliases: [], tags: [] }]);
    expect(searchIndex(own, 'regelingen').results).toHaveLength(1);
    expect(searchIndex(own, 'dorpen').results).toHaveLength(1);
  });

  it('a compound the catalogue has also finds records with its parts: vrijwilligerswerk finds Present (tag vrijwilligers)', () => {
    expect(found('vrijwilligerswerk').results.map((r) => catalogue.methods[r.record].id)).toContain('present');
  });

  it('a word the catalogue has as typed still finds the shorter form it inflects: dorpen finds dorp', () => {
    const methods: Method[] = catalogue.methods;
    const a = { ...methods[0], id: 'a', name: 'A', summary: 'Vijf dorpen.', aliases: [], tags: [] };
    const b = { ...methods[0], id: 'b', name: 'B', summary: 'Een dorp.', aliases: [], tags: [] };
    const own = buildIndex([a, b]);
    expect(searchIndex(own, 'dorpen').results.map((r) => [a, b][r.record].id).sort()).toEqual(['a', 'b']);
  });

  it('a compound weighs its head more than its first part', () => {
    const methods: Method[] = catalogue.methods;
    const a = { ...methods[0], id: 'a', name: 'A', summary: 'Over de keet.', aliases: [], tags: [] };
    const b = { ...methods[0], id: 'b', name: 'B', summary: 'Over de sport.', aliases: [], tags: [] };
    const own = buildIndex([a, b]);
    const ids = searchIndex(own, 'sportkeet', { everyMatch: true }).results.map((r) => [a, b][r.record].id);
    expect(ids[0]).toBe('a');
  });
});

describe('search output: what came through the word list', () => {
  it('the terminal shows it under the summary', async () => {
    const { formatSearchResults } = await import('../../src/format/search.js');
    const { makeStyle } = await import('../../src/text/terminal.js');
    const { results, words } = found('burgerbegroting');
    const hits = results.map((r) => ({ method: catalogue.methods[r.record], score: r.score, matched: r.matched, via: r.via }));
    const text = formatSearchResults(hits, makeStyle(false), 100, words);
    expect(text).toContain('via de woordenlijst: burgerbegroting \u2192 bewonersbudget');
  });
});

describe('catalogue/words.yaml', () => {
  // The brochure's words a list entry points at must be in the catalogue, or the entry finds nothing
  // (a rewritten summary may drop one).
  const bare = buildIndex(catalogue.methods);
  it.each(catalogue.words.words.flatMap((e) => e.as.map((as) => [as, e.words[0]])))('"%s" (for %s) finds a method by itself', (as) => {
    expect(searchIndex(bare, as).total).toBeGreaterThan(0);
  });

  it('no everyday word is listed twice', () => {
    const all = catalogue.words.words.flatMap((e) => e.words.map((w) => w.toLowerCase()));
    expect(all.length).toBe(new Set(all).size);
  });
});
