import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { fold } from '../../src/core/fold.js';
import { filterMethods } from '../../src/core/methods.js';
import {
  RELEVANCE,
  buildIndex,
  checkedIndex,
  highlightRanges,
  nearestWord,
  searchIndex,
  searchMethods,
  tiebreakOf,
} from '../../src/core/search.js';
import { formatSearchLines, formatSearchResults } from '../../src/format/search.js';
import type { Method } from '../../src/model/schema.js';
import { makeStyle } from '../../src/text/terminal.js';
import { method } from '../helpers/catalogue.js';
import { BUILTIN_ONLY, QUERIES, rankOf } from '../helpers/search-queries.js';

const builtin = (await openCatalogue()).methods;

describe('search quality: the intended method in the top three', () => {
  it('the queries hold their methods in the built-in catalogue', () => {
    for (const [, id] of QUERIES) expect(builtin.map((m) => m.id)).toContain(id);
  });

  it.each([...QUERIES, ...BUILTIN_ONLY])('built-in catalogue: %s -> %s (%s)', (query, id) => {
    expect(rankOf(searchMethods(builtin, query, { limit: 3 }), id)).toBeLessThanOrEqual(3);
  });

  it('ranks every query at least as well as plain fuse.js over the full records', () => {
    const fuse = new Fuse(builtin, {
      ignoreLocation: true,
      threshold: 0.4,
      keys: [
        { name: 'id', weight: 3 },
        { name: 'name', weight: 3 },
        { name: 'aliases', weight: 3 },
        { name: 'tags', weight: 2 },
        { name: 'elements', weight: 2 },
        { name: 'summary', weight: 1 },
      ],
    });
    for (const [query, id] of QUERIES) {
      const plain = rankOf(fuse.search(query).map((r) => ({ method: r.item })), id);
      expect(rankOf(searchMethods(builtin, query), id), query).toBeLessThanOrEqual(plain);
    }
  });
});

describe('matching', () => {
  const catalogue = [
    method({ id: 'kan-wel', name: 'Kan wél', summary: 'Bewoners maken hun wijk mooier.' }),
    method({ id: 'tijdvoorelkaar', name: 'TijdvoorElkaar', aliases: ['Tijd voor elkaar'], summary: 'Buren doen iets voor elkaar.' }),
    method({ id: 'buurtkracht', name: 'Buurtkracht', summary: 'Eigen initiatief in de straat.', tags: ['wijk'] }),
    method({ id: 'dorpsraad', name: 'Dorpsraad', summary: 'Het dorp praat mee.', tags: ['dorp'] }),
  ];
  const top = (query: string) => searchMethods(catalogue, query)[0]?.method.id;

  it.each([
    ['kan wel', 'kan-wel'],
    ['KAN WÉL', 'kan-wel'],
    ['kanwel', 'kan-wel'],
    ['tijd voor elkaar', 'tijdvoorelkaar'],
    ['TijdvoorElkaar', 'tijdvoorelkaar'],
    ['tijdvoor elkaar', 'tijdvoorelkaar'],
    ['buurt kracht', 'buurtkracht'],
    ['buurtkracht', 'buurtkracht'],
    ['kracht', 'buurtkracht'],
    ['buurtkrakht', 'buurtkracht'],
    ['dorpen', 'dorpsraad'],
    ['dorps raad', 'dorpsraad'],
  ])('%s finds %s', (query, id) => {
    expect(top(query)).toBe(id);
  });

  describe('typos: fuse.js decides which words count and ranks them', () => {
    const ids = (methods: Method[], query: string) => searchMethods(methods, query).map((r) => r.method.id);

    it('ranks the word with fewer typos first', () => {
      const methods = [
        method({ id: 'twee', name: 'Vrijwilligar', summary: 'Iets.' }),
        method({ id: 'een', name: 'Vrijwilliger', summary: 'Iets.' }),
      ];
      expect(ids(methods, 'vrijwiliger')).toEqual(['een', 'twee']);
    });

    it('lets no word through that shares letters but holds the query only after a skipped start', () => {
      // "witos" shares "to" with "toms", enough to be asked about; fuse.js finds "tos" two letters in.
      const methods = [method({ id: 'witos', name: 'Witos', summary: 'Iets.' }), method({ id: 'tomas', name: 'Tomas', summary: 'Iets.' })];
      expect(ids(methods, 'toms')).toEqual(['tomas']);
    });

    it('takes a word the catalogue has as typed, not as a typo of another', () => {
      const methods = [method({ id: 'wijk', name: 'Wijk', summary: 'Iets.' }), method({ id: 'wijs', name: 'Wijs', summary: 'Iets.' })];
      expect(ids(methods, 'wijk')).toEqual(['wijk']);
      expect(ids(methods, 'wijx')).toEqual(['wijk', 'wijs']);
      // Nor the start of a word, as every word is while it is typed into the picker.
      const longer = [method({ id: 'wijkraad', name: 'Wijkraad', summary: 'Iets.' }), method({ id: 'wijsraad', name: 'Wijsraad', summary: 'Iets.' })];
      expect(ids(longer, 'wijkra')).toEqual(['wijkraad']);
    });
  });

  it('finds nothing for letters that are in no word', () => {
    expect(searchMethods(catalogue, 'qxzvbn')).toEqual([]);
  });

  it('folds accents, ligatures and case', () => {
    expect(fold('Kan WÉL, coöperatie, ĳs')).toBe('kan wel, cooperatie, ijs');
  });
});

describe('ranking', () => {
  it('orders equal scores databank first, then by name as list does: "Plan 2" before "Plan 10"', () => {
    const methods = [
      method({ id: 'plan-10', name: 'Plan 10' }),
      method({ id: 'plan-2', name: 'Plan 2' }),
      method({ id: 'alfa', name: 'Alfa', source: { kind: 'databank' } }),
    ];
    expect([...tiebreakOf(methods)]).toEqual([2, 1, 0]);
  });
  it('weighs name, aliases and id above tags and elements, and those above the summary', () => {
    const catalogue = [
      method({ id: 'c', name: 'Gamma', summary: 'Over de moestuin.' }),
      method({ id: 'b', name: 'Beta', summary: 'Iets anders.', tags: ['moestuin'] }),
      method({ id: 'a', name: 'Alfa', aliases: ['Moestuin'], summary: 'Iets anders.' }),
    ];
    expect(searchMethods(catalogue, 'moestuin').map((r) => r.method.id)).toEqual(['a', 'b', 'c']);
  });

  it('puts methods that match every word above those that match one, however strongly', () => {
    const catalogue = [
      method({ id: 'een-woord', name: 'Jongeren Jongeren', aliases: ['Jongeren'], tags: ['jongeren'], summary: 'Jongeren.' }),
      method({ id: 'alle-woorden', name: 'Iets', summary: 'Jongeren bouwen een keet.' }),
    ];
    expect(searchMethods(catalogue, 'jongeren keet').map((r) => r.method.id)[0]).toBe('alle-woorden');
  });

  it('puts sure matches above guesses: a typo of a short word (groen, grond) or a known word inside an unknown one (onder in onderhouden)', () => {
    const catalogue = [
      method({ id: 'zeker', name: 'Alfa', summary: 'Bewoners doen het zelf.' }),
      method({ id: 'grond', name: 'Grond', tags: ['grond'], summary: 'Bewoners op grond van een onderzoek.' }),
      method({ id: 'onder', name: 'Onder', tags: ['onder'], summary: 'Bewoners onder elkaar.' }),
    ];
    for (const query of ['bewoners zelf groen', 'bewoners zelf onderhouden']) {
      const results = searchMethods(catalogue, query);
      expect(results[0].method.id, query).toBe('zeker');
      // The guesses still count, below it.
      expect(results.length, query).toBeGreaterThan(1);
    }
    // A typo of a longer word is no guess: kultuurhuske is the Kulturhuske.
    expect(searchMethods([...catalogue, method({ id: 'k', name: 'Kulturhuske', summary: 'Een huiskamer.' })], 'bewoners kultuurhuske')[0].method.id).toBe('k');
  });

  it('does not flood: records that match one of three words in passing stay below the relevance floor', () => {
    const weak = Array.from({ length: 200 }, (_, i) => method({ id: `zwak-${i}`, summary: `Een project over de buurt nummer ${i}.` }));
    const strong = method({ id: 'sterk', name: 'Buurt moestuin kas', summary: 'Een moestuin met een kas in de buurt.' });
    const results = searchMethods([...weak, strong], 'buurt moestuin kas');
    expect(results.map((r) => r.method.id)).toEqual(['sterk']);
    for (const r of searchMethods([...weak, strong], 'buurt')) expect(r.score).toBeGreaterThanOrEqual(RELEVANCE.minimum);
  });

  it('rarer words weigh more when no method matches them all', () => {
    const catalogue = [
      ...Array.from({ length: 20 }, (_, i) => method({ id: `gewoon-${i}`, summary: `Bewoners in de wijk ${i}.` })),
      method({ id: 'zeldzaam', summary: 'Samen met de politie.' }),
    ];
    expect(searchMethods(catalogue, 'wijk politie')[0].method.id).toBe('zeldzaam');
  });

  it('lets a rare word in a summary outweigh a common word in name, id, tags and summary', () => {
    const catalogue = [
      ...Array.from({ length: 8 }, (_, i) => method({ id: `dorp-${i}`, name: `Dorp ${i}`, tags: ['dorp'], summary: `Het dorp ${i} doet iets.` })),
      ...Array.from({ length: 30 }, (_, i) => method({ id: `ander-${i}`, summary: `Bewoners doen iets ${i}.` })),
      method({ id: 'zeldzaam', summary: 'Bewoners overleggen met de politie.' }),
    ];
    const results = searchMethods(catalogue, 'dorp politie');
    expect(results[0].method.id).toBe('zeldzaam');
    expect(results.every((r) => r.coverage === 1)).toBe(true);
  });

  it('saturates: a second and third field add less than the first', () => {
    const catalogue = [
      method({ id: 'a', name: 'Moestuin', summary: 'Iets.' }),
      method({ id: 'b', name: 'Moestuin', tags: ['moestuin'], summary: 'Iets.' }),
      method({ id: 'c', name: 'Moestuin', tags: ['moestuin'], summary: 'Een moestuin.' }),
    ];
    const score = Object.fromEntries(searchMethods(catalogue, 'moestuin').map((r) => [r.method.id, r.score]));
    expect(score.b - score.a).toBeGreaterThan(score.c - score.b);
    expect(score.c - score.b).toBeGreaterThan(0);
    expect(score.c).toBe(1);
  });

  it('counts a compound it does not know as the known word it starts or ends with, at reduced weight', () => {
    const catalogue = [
      method({ id: 'voetbal', name: 'Voetbal in de wijk', summary: 'Jongeren voetballen samen.' }),
      method({ id: 'vereniging', name: 'Sterke vereniging', summary: 'Besturen leren van elkaar.' }),
      method({ id: 'anders', name: 'Een kas', summary: 'Niets hiervan.' }),
    ];
    const head = searchMethods(catalogue, 'voetbalclub');
    expect(head.map((r) => r.method.id)).toEqual(['voetbal']);
    expect(head[0].matched).toEqual({ id: ['voetbal'], name: ['voetbal'] });
    expect(head[0].score).toBeLessThan(searchMethods(catalogue, 'voetbal')[0].score);
    expect(searchMethods(catalogue, 'buurtvereniging').map((r) => r.method.id)).toEqual(['vereniging']);
    expect(searchMethods(catalogue, 'wijkfeest').map((r) => r.method.id)).toEqual(['voetbal']);
    // Parts of fewer than four letters do not count.
    expect(searchMethods(catalogue, 'kasfeest')).toEqual([]);
  });

  it('breaks equal scores by more matched fields, then databank before verkenning, then name', () => {
    const catalogue = [
      method({ id: 'a', name: 'Zuid moestuin', summary: 'Iets.', source: { kind: 'databank' } }),
      method({ id: 'b', name: 'Noord moestuin', summary: 'Iets.', source: { kind: 'verkenning' } }),
      method({ id: 'c', name: 'Oost moestuin', summary: 'Iets.', source: { kind: 'databank' } }),
      method({ id: 'moestuin', name: 'West moestuin', summary: 'Iets.', source: { kind: 'verkenning' } }),
    ];
    const results = searchMethods(catalogue, 'moestuin');
    expect(new Set(results.map((r) => r.score)).size).toBe(1);
    expect(results.map((r) => r.method.id)).toEqual(['moestuin', 'c', 'a', 'b']);
  });

  it('orders the four built-in methods that match "jongeren" alike: databank first, then by name', () => {
    const top = searchMethods(builtin, 'jongeren', { limit: 4 });
    expect(new Set(top.map((r) => r.score)).size).toBe(1);
    expect(top.map((r) => r.method.id)).toEqual(['eigen-wijze-buurten', 'whoznext', 'keetkeur', 'mobieltje-voor-je-mening']);
  });

  it('scores from 0 to 1, best first, and reports which words matched in which fields', () => {
    const results = searchMethods(builtin, 'vrijwilligers vraag aanbod');
    expect(results[0].method.id).toBe('maatschappelijke-beursvloer');
    expect(results[0].matched).toEqual({ tags: ['vrijwilligers'], summary: ['aanbod', 'vraag', 'vrijwilligerswerk'] });
    for (const [a, b] of results.slice(1).map((r, i) => [results[i], r])) expect(a.coverage * 10 + a.score).toBeGreaterThanOrEqual(b.coverage * 10 + b.score);
    for (const r of results) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
  });

  it('skips words found nowhere and says which', () => {
    const outcome = searchIndex(buildIndex(builtin), 'smederij qqxqq');
    expect(outcome.unknown).toEqual(['qqxqq']);
    expect(outcome.results[0].record).toBe(builtin.findIndex((m) => m.id === 'de-smederijen'));
  });

  it('applies a filter and a limit', () => {
    const index = buildIndex(builtin);
    const kept = new Set(filterMethods(builtin, { elements: ['inbedding'] }));
    const { results, total } = searchIndex(index, 'dorp', { include: (r) => kept.has(builtin[r]), limit: 2 });
    expect(results).toHaveLength(2);
    expect(total).toBeGreaterThan(2);
    for (const r of results) expect(builtin[r.record].elements).toContain('inbedding');
  });
});

describe('index', () => {
  it('survives a round trip through its parts, and refuses damaged ones', () => {
    const index = buildIndex(builtin);
    expect(checkedIndex(index.size, index.terms, index.offsets.slice(), index.postings.slice(), index.tiebreak.slice())).toEqual(index);
    const bad = index.postings.slice();
    bad[3] = (builtin.length + 5) << 6;
    expect(checkedIndex(index.size, index.terms, index.offsets, bad, index.tiebreak)).toBeUndefined();
    expect(checkedIndex(index.size, index.terms.slice(1), index.offsets, index.postings, index.tiebreak)).toBeUndefined();
    expect(checkedIndex(index.size, index.terms, index.offsets, index.postings, index.tiebreak.slice(1))).toBeUndefined();
  });

  it('keeps its vocabulary sorted and distinct', () => {
    const { terms } = buildIndex(builtin);
    expect(terms).toEqual([...new Set(terms)].sort());
  });

  it('suggests the nearest catalogue word for a misspelling', () => {
    const index = buildIndex(builtin);
    expect(nearestWord(index, 'smadarijen')).toBe('smederijen');
    expect(nearestWord(index, 'qqqqqqqq')).toBeUndefined();
  });
});

describe('highlighting', () => {
  it('marks displayed words whose folded form matched, whole names glued together, and parts of hyphenated words', () => {
    const mark = (text: string, words: string[], query: string[] = []) => highlightRanges(text, new Set(words), query).map(([a, b]) => text.slice(a, b));
    expect(mark('Bewoners leren elkaar kennen.', ['elkaar'])).toEqual(['elkaar']);
    expect(mark('Kan wél', ['kanwel'], ['kan', 'wel'])).toEqual(['Kan wél']);
    expect(mark('Eigen Kracht-conferentie', ['kracht'])).toEqual(['Kracht-conferentie']);
    expect(mark('Niets hier', ['elkaar'])).toEqual([]);
  });

  it('marks a whole name only when the query spells most of it', () => {
    const mark = (text: string, words: string[], query: string[]) => highlightRanges(text, new Set(words), query).map(([a, b]) => text.slice(a, b));
    expect(mark('Buurt bestuurt', ['buurt', 'buurtbestuurt'], ['politie', 'buurt'])).toEqual(['Buurt']);
    expect(mark('Tijd voor elkaar', ['tijdvoorelkaar'], ['tijd', 'voor', 'elkaar'])).toEqual(['Tijd voor elkaar']);
  });
});

describe('terminal output', () => {
  const hits = searchMethods(builtin, 'tijd voor elkaar', { limit: 2 });

  it('ranks, names with elements and id, and one summary line cut to the width', () => {
    const text = formatSearchResults(hits, makeStyle(false), 50);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^1\. TijdvoorElkaar {2}· C T · · {2}tijdvoorelkaar$/);
    expect(lines[1]).toMatch(/^ {3}Bewoners leren elkaar kennen/);
    expect(lines[1].length).toBeLessThanOrEqual(50);
    expect(lines[1].endsWith('…')).toBe(true);
  });

  it('highlights the matching words when colouring', () => {
    const text = formatSearchResults(hits, makeStyle(true), 200, ['tijd', 'voor', 'elkaar']);
    expect(text).toContain(makeStyle(true).yellow('elkaar'));
    expect(text).toContain(makeStyle(true).bold.yellow('TijdvoorElkaar'));
    expect(text).not.toContain(makeStyle(true).yellow('Bewoners'));
  });

  it('gives scripts id, name and score (two decimals), one line per hit, in the order given', () => {
    const scored = [0.876, 0.5, 0.004].map((score) => ({ ...hits[0], score }));
    expect(formatSearchLines(scored)).toBe('tijdvoorelkaar\tTijdvoorElkaar\t0.88\ntijdvoorelkaar\tTijdvoorElkaar\t0.50\ntijdvoorelkaar\tTijdvoorElkaar\t0.00\n');
    expect(formatSearchLines([])).toBe('');
  });
});

describe('everyMatch (what actie --over counts)', () => {
  it('keeps the results below the relevance floor, in the same order, but none that match only words like "de"', () => {
    const query = 'een wekelijkse huiskamer voor ouderen in de buurt';
    const shown = searchMethods(builtin, query);
    const every = searchMethods(builtin, query, { everyMatch: true });
    expect(every.slice(0, shown.length).map((r) => r.method.id)).toEqual(shown.map((r) => r.method.id));
    // Eigen Wijze Buurten has only "buurt" (in its name and summary): too little for the list of search, enough to count.
    expect(shown.map((r) => r.method.id)).not.toContain('eigen-wijze-buurten');
    expect(every.map((r) => r.method.id)).toContain('eigen-wijze-buurten');
    expect(every.every((r) => r.coverage > 0)).toBe(true);
    // "een", "voor", "in" and "de" occur in nearly every summary; alone they match nothing here.
    const onlyStopwords = builtin.filter((m) => /\b(een|voor|in|de)\b/.test(m.summary) && !every.some((r) => r.method.id === m.id));
    expect(onlyStopwords.length).toBeGreaterThan(0);
  });
});
