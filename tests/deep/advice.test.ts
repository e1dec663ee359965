// The advice over every combination of answers (4^5) in every context, and the initiative's theme over a
// spread of them: rules that must hold everywhere. The rules by example: tests/unit/advice.test.ts.
import { describe, expect, it } from 'vitest';
import {
  adviseActie,
  answerOptions,
  type ActieAnswers,
  type Advice,
  type AdviceCatalogue,
} from '../../src/core/advice.js';
import { SHORTLIST_SHARED_MAX, SHORTLIST_SIZE } from '../../src/model/defaults.js';
import { searchMethods } from '../../src/core/search.js';
import { whyText } from '../../src/format/advice.js';
import { CONTEXT_KEYS, type ContextKey, type ElementKey } from '../../src/model/schema.js';
import { answers, catalogue, elementKeys, model } from '../helpers/advice.js';

const settingTags = model.context.setting.options.map((o) => o.tag);

/** Every combination of answers over the five elements (4^5). */
function allCombinations(): Record<ElementKey, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const e of model.elements) combos = combos.flatMap((c) => answerOptions(e, model).map((o) => ({ ...c, [e.key]: o.key })));
  return combos as Record<ElementKey, string>[];
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
