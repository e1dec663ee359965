import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import {
  adviseActie,
  answerFlags,
  answerOptions,
  contextOptions,
  matchKey,
  NO_PREFERENCE,
  startsOf,
  type ActieAnswers,
  type Advice,
  type AdviceCatalogue,
} from '../../src/core/advice.js';
import { SHORTLIST_SHARED_MAX, SHORTLIST_SIZE } from '../../src/model/defaults.js';
import { searchMethods } from '../../src/core/search.js';
import { whyText } from '../../src/format/advice.js';
import { CONTEXT_KEYS, type ContextKey, type ElementKey, type Method } from '../../src/model/schema.js';

const builtin = await openCatalogue();
const catalogue: AdviceCatalogue = { model: builtin.model, methods: builtin.methods };
const { model } = catalogue;
const elementKeys = model.elements.map((e) => e.key);
const settingTags = model.context.setting.options.map((o) => o.tag);

/** Every combination of answers over the five elements (4^5). */
function allCombinations(): Record<ElementKey, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const e of model.elements) combos = combos.flatMap((c) => answerOptions(e, model).map((o) => ({ ...c, [e.key]: o.key })));
  return combos as Record<ElementKey, string>[];
}

/** The first pole of every element (what Enter through the questionnaire gives), with some answers changed. */
function answers(changes: Partial<Record<ElementKey | ContextKey, string | null>> = {}): ActieAnswers {
  return { ...Object.fromEntries(model.elements.map((e) => [e.key, e.poles[0].key])), setting: null, doelgroep: null, ...changes } as ActieAnswers;
}

const contextVariants: Partial<Record<ContextKey, string | null>>[] = [
  {},
  ...settingTags.map((setting) => ({ setting })),
  ...model.context.doelgroep.options.map((o) => ({ doelgroep: o.tag })),
  { setting: 'dorp', doelgroep: 'jongeren' },
  { setting: 'wijk', doelgroep: 'ouderen' },
];

/** The points an answer gives, read independently from the model: its attention, none for "weet ik niet". */
function answerWeight(element: ElementKey, answer: string): number {
  if (answer === 'onbekend') return 0;
  const e = model.elements.find((x) => x.key === element)!;
  return answerOptions(e, model).find((o) => o.key === answer)!.attention;
}

/** The rules of docs/actie.md that hold for every advice, checked against an independent reading. */
function check(advice: Advice, given: ActieAnswers, cat: AdviceCatalogue = catalogue): string[] {
  const broken: string[] = [];
  const { ranking, shortlist } = advice;
  // Context only lifts: every method stays in the ranking.
  if (ranking.length !== cat.methods.length) broken.push(`ranking has ${ranking.length} of ${cat.methods.length}`);
  for (const r of ranking) {
    const m = cat.methods.find((x) => x.id === r.id)!;
    // Element points: the weightiest answer among its elements, once; never the sum.
    const element = Math.max(0, ...m.elements.map((k) => answerWeight(k, given[k])));
    if (r.points.element !== element) broken.push(`${r.id}: element points ${r.points.element}, expected ${element}`);
    const context = CONTEXT_KEYS.filter((k) => given[k] && (m.tags ?? []).includes(given[k]!)).length;
    if (r.points.context !== context) broken.push(`${r.id}: context points ${r.points.context}, expected ${context}`);
    // "Weet ik niet" never claims a fit: no part names an element answered so.
    for (const p of r.parts) if (p.part === 'element' && (given[p.element] === 'onbekend' || p.also.some((a) => given[a.element] === 'onbekend'))) broken.push(`${r.id}: claims ${p.element}`);
    // Ties are never broken by name: the place is one more than the methods strictly ahead on points and source.
    const ahead = ranking.filter((o) => o.points.total > r.points.total || (o.points.total === r.points.total && o.kind === 'databank' && r.kind !== 'databank')).length;
    if (r.place !== ahead + 1) broken.push(`${r.id}: place ${r.place}, expected ${ahead + 1}`);
  }
  // The shortlist: the head of the ranking, whole places only, every method on it with points.
  if (shortlist.some((m, i) => ranking[i] !== m)) broken.push('shortlist is not the head of the ranking');
  const next = ranking[shortlist.length];
  if (next && shortlist.length && next.place === shortlist.at(-1)!.place) broken.push('a shared place is cut');
  if (shortlist.some((m) => m.points.total === 0)) broken.push('a method without points on the shortlist');
  if (shortlist.length > SHORTLIST_SHARED_MAX) broken.push(`shortlist of ${shortlist.length}`);
  const withPoints = ranking.filter((r) => r.points.total > 0).length;
  if (!advice.shared && shortlist.length < Math.min(SHORTLIST_SIZE, withPoints)) broken.push(`shortlist of ${shortlist.length} with ${withPoints} with points`);
  if (advice.mode === 'conversation' && !model.elements.every((e) => given[e.key] === 'onbekend')) broken.push('conversation with answers known');
  for (const m of shortlist) {
    const why = whyText(m);
    if (/weet ik/.test(why)) broken.push(`${m.id}: "${why}"`);
  }
  // The do's of each element: all of the brochure's, the weightiest for the answer first.
  for (const e of advice.elements) {
    const source = model.elements.find((x) => x.key === e.key)!;
    if (e.dos.length !== source.dos.length) broken.push(`${e.key}: dos missing`);
    const marks = e.dos.map((d) => d.emphasis);
    if (marks.join() !== [...marks].sort((a, b) => Number(b) - Number(a)).join()) broken.push(`${e.key}: emphasised dos not first`);
  }
  return broken;
}

describe('adviseActie over every answer combination', () => {
  const combos = allCombinations();
  it('covers the whole answer space', () => {
    expect(combos).toHaveLength(4 ** model.elements.length);
  });
  it.each(contextVariants.map((c) => [JSON.stringify(c), c] as const))('holds every rule with context %s', (_, context) => {
    for (const combo of combos) {
      const given = { ...answers(combo), ...context } as ActieAnswers;
      const broken = check(adviseActie(given, catalogue), given);
      expect(broken, JSON.stringify(given)).toEqual([]);
    }
  });

  it('context never removes: with a setting or target group every method keeps at least its points, and no method leaves the shortlist for a method without the tag', () => {
    for (const combo of combos) {
      const plain = adviseActie(answers(combo), catalogue);
      for (const context of contextVariants.slice(1)) {
        const lifted = adviseActie({ ...answers(combo), ...context } as ActieAnswers, catalogue);
        const after = new Map(lifted.ranking.map((r) => [r.id, r]));
        const onList = new Set(lifted.shortlist.map((r) => r.id));
        for (const r of plain.ranking) {
          const a = after.get(r.id)!;
          if (a.points.total < r.points.total) expect.fail(`${r.id} lost points with ${JSON.stringify(context)}`);
          // A method that carries the tag is never pushed off by one that does not.
          if (a.points.context > 0 && plain.shortlist.includes(r) && !onList.has(r.id)) {
            expect(lifted.shortlist.every((x) => x.points.context > 0), `${r.id} ${JSON.stringify(context)}`).toBe(true);
          }
        }
      }
    }
  }, 60_000);

  it('"weet ik (nog) niet" everywhere: the advice is a conversation, and no method is said to fit an answer', () => {
    for (const context of contextVariants) {
      const given = { ...answers(Object.fromEntries(elementKeys.map((k) => [k, 'onbekend']))), ...context } as ActieAnswers;
      const advice = adviseActie(given, catalogue);
      expect(advice.mode).toBe('conversation');
      expect(advice.open).toEqual(elementKeys);
      for (const r of advice.ranking) expect(r.parts.filter((p) => p.part === 'element')).toEqual([]);
      // Without theme or context there is no starting point at all; with them, only what they give.
      for (const m of advice.shortlist) expect(m.points.total).toBe(m.points.context);
    }
  });

  it('the light pole of an answer does not hide its element: a method under it alone keeps points', () => {
    for (const e of model.elements) {
      const light = [...e.poles].sort((a, b) => a.attention - b.attention)[0];
      const advice = adviseActie(answers({ [e.key]: light.key }), catalogue);
      for (const r of advice.ranking.filter((x) => x.elements.includes(e.key))) expect(r.points.element, r.id).toBeGreaterThan(0);
    }
  });
});

describe('what the initiative is about', () => {
  // Every tag and every word of a method's name, and some phrases as a consultant would type them.
  const themes = [
    ...new Set(catalogue.methods.flatMap((m) => m.tags ?? [])),
    ...catalogue.methods.filter((_, i) => i % 3 === 0).map((m) => m.name),
    'jongeren willen een eigen keet',
    'een huiskamer in de wijk',
    'vrijwilligers koppelen aan mensen die hulp nodig hebben',
    'de leefbaarheid van ons dorp',
  ];
  // A spread of the answer space (every 61st combination, with all-unknown and all-in-balance among them) in three contexts.
  const sample = allCombinations().filter((_, i) => i % 61 === 0 || i === 1023);
  const contexts = [contextVariants[0], { setting: 'dorp', doelgroep: 'jongeren' }, { setting: 'wijk', doelgroep: 'ouderen' }];

  it('its best search match is in the top three (or behind only methods the search finds equally good), whatever the answers and the context', () => {
    for (const theme of themes) {
      const first = searchMethods(catalogue.methods, theme)[0];
      if (!first) continue;
      for (const combo of sample) {
        for (const context of contexts) {
          const advice = adviseActie({ ...answers(combo), ...context, over: theme } as ActieAnswers, catalogue);
          const place = advice.ranking.find((r) => r.id === first.method.id)!.place;
          // Where the search itself finds several equally good, a method ahead may be another of those.
          const ahead = advice.ranking.filter((r) => r.place < place);
          const tiedInSearch = ahead.every((r) => r.parts.some((p) => p.part === 'theme' && p.level === 'best'));
          expect(place <= 3 || tiedInSearch, `${theme}: ${first.method.id} at ${place} ${JSON.stringify({ ...combo, ...context })}`).toBe(true);
          expect(advice.ranking[0].parts.some((p) => p.part === 'theme' && p.level === 'best')).toBe(true);
        }
      }
    }
  });

  it('is the strongest signal: a best match is ahead of every method that is not one', () => {
    for (const theme of themes) {
      const advice = adviseActie({ ...answers({ animo: 'bijsturen', toerusting: 'aanreiken' }), setting: 'dorp', doelgroep: 'jongeren', over: theme } as ActieAnswers, catalogue);
      const best = advice.ranking.filter((r) => r.parts.some((p) => p.part === 'theme' && p.level === 'best'));
      const rest = advice.ranking.filter((r) => !best.includes(r));
      if (best.length && rest.length) expect(Math.min(...best.map((r) => r.points.total)), theme).toBeGreaterThan(Math.max(...rest.map((r) => r.points.total)));
    }
  });

  it('words that match nothing give no points and say so', () => {
    const advice = adviseActie({ ...answers(), over: 'qqxz' } as ActieAnswers, catalogue);
    expect(advice.theme).toEqual({ text: 'qqxz', best: [], matches: 0 });
    expect(advice.ranking.every((r) => r.points.theme === 0)).toBe(true);
  });
});

describe('adviseActie with made-up catalogues', () => {
  const method = (id: string, elements: ElementKey[], tags: string[] = [], kind: 'databank' | 'verkenning' = 'databank'): Method => ({
    id,
    name: id.toUpperCase(),
    summary: 'Testmethode.',
    elements,
    source: { kind },
    url: `https://example.org/${id}`,
    tags,
  });
  const cat = (methods: Method[]): AdviceCatalogue => ({ model, methods });

  it('gives a method under two elements no advantage: it shares the place of one under its weightiest element', () => {
    const methods = [method('twee', ['animo', 'contact']), method('een', ['animo']), method('zwak', ['contact'])];
    const advice = adviseActie(answers({ animo: 'bijsturen', contact: 'benutten' }), cat(methods));
    expect(advice.ranking.map((r) => [r.id, r.place])).toEqual([
      ['een', 1],
      ['twee', 1],
      ['zwak', 3],
    ]);
  });

  it('shows a place shared by too many as a count, not a cut by name', () => {
    const methods = Array.from({ length: SHORTLIST_SHARED_MAX + 1 }, (_, i) => method(`m${i}`, ['animo']));
    const advice = adviseActie(answers({ animo: 'bijsturen' }), cat(methods));
    expect(advice.shortlist).toEqual([]);
    expect(advice.shared).toMatchObject({ place: 1, points: 3 });
    expect(advice.shared!.methods).toHaveLength(SHORTLIST_SHARED_MAX + 1);
  });

  it('lifts a method tagged for the chosen setting and target group; the one for another setting stays', () => {
    const methods = [method('a-geen', ['animo']), method('b-wijk', ['animo'], ['wijk']), method('c-beide', ['animo'], ['wijk', 'jongeren']), method('d-dorp', ['animo'], ['dorp'])];
    const advice = adviseActie(answers({ animo: 'bijsturen', setting: 'wijk', doelgroep: 'jongeren' }), cat(methods));
    expect(advice.ranking.map((r) => [r.id, r.points.total])).toEqual([
      ['c-beide', 5],
      ['b-wijk', 4],
      ['a-geen', 3],
      ['d-dorp', 3],
    ]);
  });

  it('says when a chosen target group is on no method of the shortlist', () => {
    const methods = [...Array.from({ length: 6 }, (_, i) => method(`w${i}`, ['animo'], ['wijk'])), method('oud', ['empathie'], ['ouderen'], 'verkenning')];
    const advice = adviseActie(answers({ animo: 'bijsturen', empathie: 'onbekend', setting: 'wijk', doelgroep: 'ouderen' }), cat(methods));
    expect(advice.contextFit.find((f) => f.question === 'doelgroep')).toMatchObject({ onShortlist: false, methods: [{ id: 'oud' }] });
  });

  it('is deterministic: the same answers give the same advice, whatever order the methods come in', () => {
    const given = { ...answers({ animo: 'beide', setting: 'dorp' }), over: 'jongeren in het dorp' } as ActieAnswers;
    const reversed = adviseActie(given, cat([...catalogue.methods].reverse()));
    expect(reversed).toEqual(adviseActie(given, catalogue));
  });

  it('refuses answers the model does not know', () => {
    expect(() => adviseActie(answers({ animo: 'misschien' }), catalogue)).toThrow(RangeError);
    expect(() => adviseActie(answers({ setting: 'stad' }), catalogue)).toThrow(RangeError);
  });
});

describe('the model as data', () => {
  it('gives every answer of every element its weightiest do, and a role', () => {
    for (const e of model.elements) {
      for (const o of answerOptions(e, model)) {
        expect(e.emphasis[o.key]?.length, `${e.key}.${o.key}`).toBeGreaterThan(0);
        expect(o.role.length).toBeGreaterThan(20);
      }
    }
  });

  it('explains every weight in docs/actie.md, one line per weight', () => {
    const doc = readFileSync(new URL('../../docs/actie.md', import.meta.url), 'utf8');
    for (const e of model.elements) {
      for (const p of e.poles) expect(doc, `${e.key}.${p.key}`).toMatch(new RegExp(`^\\| ${e.name} \\| \`${p.key}\` \\| ${p.attention} \\|`, 'm'));
      // Neutral where the brochure gives no ground: the two poles of an element differ only with a ground in the doc.
      if (e.poles[0].attention !== e.poles[1].attention) expect(doc).not.toMatch(new RegExp(`^\\| ${e.name} \\| [^|]+ \\| \\d \\| Neutraal`, 'm'));
    }
    for (const key of ['beide', 'onbekend'] as const) expect(doc).toMatch(new RegExp(`^\\| elk \\| \`${key}\` \\| ${model.answers[key].attention} \\|`, 'm'));
  });
});

describe('answer values', () => {
  it('derives every flag and its values from the model', () => {
    const flags = answerFlags(catalogue);
    expect(flags.map((f) => f.key)).toEqual([...elementKeys, ...CONTEXT_KEYS]);
    for (const e of model.elements) {
      expect(flags.find((f) => f.key === e.key)!.values).toEqual([...e.poles.map((p) => p.key), 'beide', 'onbekend']);
    }
    for (const k of CONTEXT_KEYS) {
      expect(flags.find((f) => f.key === k)!.values).toEqual([...contextOptions(model.context[k], catalogue.methods).map((o) => o.tag), NO_PREFERENCE]);
    }
  });

  it.each([
    ['bijsturen', 'bijsturen'],
    ['Bijsturen', 'bijsturen'],
    ['EIGEN-KRACHT', 'eigen-kracht'],
    ['eigen kracht', 'eigen-kracht'],
    ['eigenkracht', 'eigen-kracht'],
    // The start of exactly one value is that value; of several, or of none, nothing.
    ['bij', 'bijsturen'],
    ['ei', 'eigen-kracht'],
    ['b', undefined],
    ['x', undefined],
    ['', undefined],
  ])('matchKey(%j) -> %j', (input, expected) => {
    expect(matchKey(input, ['aansluiten', 'bijsturen', 'beide', 'eigen-kracht'])).toBe(expected);
  });
});

describe('startsOf', () => {
  it.each([
    ['b', ['bijsturen', 'beide']],
    ['bi', ['bijsturen']],
    ['x', []],
    ['', []],
  ])('startsOf(%j) -> %j', (input, expected) => {
    expect(startsOf(input, ['aansluiten', 'bijsturen', 'beide', 'onbekend'])).toEqual(expected);
  });
});
