import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import {
  adviseActie,
  answerFlags,
  answerOptions,
  byFit,
  contextOptions,
  matchKey,
  NO_PREFERENCE,
  type ActieAnswers,
  type AdviceCatalogue,
  type ShortlistItem,
} from '../../src/core/advice.js';
import { ATTENTION_THRESHOLD, SHORTLIST_SIZE } from '../../src/defaults.js';
import { CONTEXT_KEYS, type ContextKey, type ElementKey, type Method } from '../../src/schema.js';

const builtin = loadCatalogue();
const catalogue: AdviceCatalogue = { model: builtin.model, methods: builtin.methods };
const { model } = catalogue;
const elementKeys = model.elements.map((e) => e.key);

/** Every combination of answers over the five elements (4^5). */
function allCombinations(): Record<ElementKey, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const e of model.elements) {
    combos = combos.flatMap((c) => answerOptions(e, model).map((o) => ({ ...c, [e.key]: o.key })));
  }
  return combos as Record<ElementKey, string>[];
}

function withContext(elements: Record<ElementKey, string>, context: Partial<Record<ContextKey, string | null>> = {}): ActieAnswers {
  return { ...elements, setting: null, doelgroep: null, ...context } as ActieAnswers;
}

function attentionOf(key: ElementKey, answer: string): number {
  const e = model.elements.find((x) => x.key === key)!;
  return answerOptions(e, model).find((o) => o.key === answer)!.attention;
}

/** The pole of an element that asks the most (or least) of the professional, read from the data. */
function poleBy(key: ElementKey, pick: 'most' | 'least'): string {
  const poles = [...model.elements.find((e) => e.key === key)!.poles].sort((a, b) => a.attention - b.attention);
  return (pick === 'most' ? poles[poles.length - 1] : poles[0]).key;
}

function uniform(pick: 'most' | 'least'): Record<ElementKey, string> {
  return Object.fromEntries(elementKeys.map((k) => [k, poleBy(k, pick)])) as Record<ElementKey, string>;
}

/** Independent reading of the context rules: a filtering question drops methods tagged only for its other options. */
function fits(m: Method, answers: ActieAnswers, cat: AdviceCatalogue = catalogue): boolean {
  const tags = m.tags ?? [];
  return CONTEXT_KEYS.every((k) => {
    const q = cat.model.context[k];
    const tag = answers[k];
    if (!tag || !q.filter || tags.includes(tag)) return true;
    return !q.options.some((o) => tags.includes(o.tag));
  });
}

function focusOf(answers: ActieAnswers): ElementKey[] {
  const needing = elementKeys.filter((k) => attentionOf(k, answers[k]) >= ATTENTION_THRESHOLD);
  return needing.length ? needing : elementKeys;
}

/** The pairwise rule the shortlist must follow: a ranks at least as high as b. */
type Fit = Pick<ShortlistItem, 'id' | 'kind' | 'boosts' | 'attentionScore'>;
function ranksAtLeast(a: Fit, b: Fit): boolean {
  if (a.attentionScore !== b.attentionScore) return a.attentionScore > b.attentionScore;
  if (a.boosts !== b.boosts) return a.boosts > b.boosts;
  if (a.kind !== b.kind) return a.kind === 'databank';
  return a.id <= b.id;
}

const contextVariants: Partial<Record<ContextKey, string | null>>[] = [
  {},
  ...CONTEXT_KEYS.flatMap((k) => contextOptions(model.context[k], catalogue.methods).map((o) => ({ [k]: o.tag }))),
  ...contextOptions(model.context.setting, catalogue.methods).flatMap((s) =>
    contextOptions(model.context.doelgroep, catalogue.methods).map((d) => ({ setting: s.tag, doelgroep: d.tag })),
  ),
];

describe('adviseActie over every answer combination', () => {
  const combos = allCombinations();

  it('covers the whole answer space', () => {
    expect(combos).toHaveLength(4 ** model.elements.length);
    expect(contextVariants.length).toBeGreaterThan(3);
  });

  // One vitest assertion per variant (collecting broken rules) keeps 1024 combinations quick.
  it.each(contextVariants.map((c) => [JSON.stringify(c), c] as const))('holds every rule with context %s', (_, context) => {
    const broken: string[] = [];
    for (const combo of combos) {
      const answers = withContext(combo, context);
      const check = (ok: boolean, rule: string) => {
        if (!ok && broken.length < 20) broken.push(`${JSON.stringify(answers)}: ${rule}`);
      };
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      const advice = adviseActie(answers, catalogue);
      const focus = focusOf(answers);
      const fitting = catalogue.methods.filter((m) => fits(m, answers));

      // Elements: all five, each with its own answer, most attention first, equal attention in model order.
      check(same(advice.elements.map((e) => e.key).sort(), [...elementKeys].sort()), 'every element once');
      advice.elements.forEach((e, i) => {
        const source = model.elements.find((x) => x.key === e.key)!;
        check(e.answer.key === answers[e.key], `${e.key}: the answer given`);
        check(e.answer.attention === attentionOf(e.key, answers[e.key]), `${e.key}: attention from the data`);
        check(same(e.dos, source.dos) && same(e.donts, source.donts), `${e.key}: dos and don'ts from the model`);
        check(e.focus === focus.includes(e.key), `${e.key}: focus`);
        const under = fitting.filter((m) => m.elements.includes(e.key)).map((m) => m.id);
        check(same([...e.methods.map((m) => m.id)].sort(), under.sort()), `${e.key}: the methods under it that fit the context`);
        const next = advice.elements[i + 1];
        if (!next) return;
        check(e.answer.attention >= next.answer.attention, `${e.key} before ${next.key}: more attention first`);
        if (e.answer.attention === next.answer.attention) {
          check(elementKeys.indexOf(e.key) < elementKeys.indexOf(next.key), `${e.key} before ${next.key}: model order on a tie`);
        }
      });
      check(same(advice.focus, focus), 'focus elements');
      check(advice.excluded === catalogue.methods.length - fitting.length, 'excluded count');

      // Shortlist: the best candidates (methods under a focus element that fit the context), at most five.
      const candidates = fitting.filter((m) => m.elements.some((k) => focus.includes(k)));
      check(advice.shortlist.length === Math.min(SHORTLIST_SIZE, candidates.length), 'shortlist length');
      for (const item of advice.shortlist) {
        const method = candidates.find((m) => m.id === item.id);
        if (!method) {
          check(false, `${item.id} is no candidate`);
          continue;
        }
        const fit = expectedFit(method, answers, focus);
        check(item.boosts === fit.boosts && item.attentionScore === fit.attentionScore, `${item.id}: score`);
        check(item.url === method.url, `${item.id}: url`);
        const elementReasons = item.reasons.flatMap((r) => (r.kind === 'element' ? [r.element] : []));
        const contextReasons = item.reasons.flatMap((r) => (r.kind === 'context' ? [r.question] : []));
        check(same(elementReasons, fit.covered) && same(contextReasons, fit.matched), `${item.id}: reasons`);
      }
      advice.shortlist.slice(1).forEach((item, i) => check(ranksAtLeast(advice.shortlist[i], item), `${advice.shortlist[i].id} before ${item.id}`));
      // Nothing left out ranks above the last one taken.
      const last = advice.shortlist.at(-1);
      const leftOut = candidates.filter((c) => !advice.shortlist.some((x) => x.id === c.id)).map((c) => expectedFit(c, answers, focus));
      for (const c of last ? leftOut : []) check(ranksAtLeast(last!, c), `${c.id} left out but outranks ${last!.id}`);

      // Whatever the context: a method under one focus element never comes before one under several.
      const taken = advice.shortlist.flatMap((m) => candidates.filter((c) => c.id === m.id)).map((c) => expectedFit(c, answers, focus));
      const lastSingle = taken.map((f) => f.covered.length).lastIndexOf(1);
      for (const later of lastSingle < 0 ? [] : [...taken.slice(lastSingle + 1), ...leftOut]) {
        check(later.covered.length < 2, `${later.id} is under ${later.covered.length} focus elements but ranks below one under a single one`);
      }
    }
    expect(broken).toEqual([]);
  });
});

/** The fit of a method, read straight from the data: the focus elements it is under, and the context tags it has. */
function expectedFit(m: Method, answers: ActieAnswers, focus: ElementKey[]) {
  const covered = focus.filter((k) => m.elements.includes(k));
  const matched = CONTEXT_KEYS.filter((k) => answers[k] && (m.tags ?? []).includes(answers[k]!));
  return {
    id: m.id,
    kind: m.source.kind,
    covered,
    matched,
    boosts: matched.filter((k) => !model.context[k].filter).length,
    attentionScore: covered.reduce((sum, k) => sum + attentionOf(k, answers[k]), 0),
  };
}

describe('adviseActie: the rules one by one', () => {
  it('keeps the model order when every answer asks equally little', () => {
    const advice = adviseActie(withContext(uniform('least')), catalogue);
    expect(advice.elements.map((e) => e.key)).toEqual(elementKeys);
    expect(advice.focus).toEqual(elementKeys);
    // With nothing needing attention, methods under more elements come first.
    const counts = advice.shortlist.map((m) => m.elements.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it.each(elementKeys)('puts %s first when only it asks for much', (key) => {
    const answers = withContext({ ...uniform('least'), [key]: poleBy(key, 'most') });
    const advice = adviseActie(answers, catalogue);
    expect(advice.elements[0].key).toBe(key);
    expect(advice.elements.slice(1).map((e) => e.key)).toEqual(elementKeys.filter((k) => k !== key));
    expect(advice.focus).toEqual([key]);
    const under = catalogue.methods.filter((m) => m.elements.includes(key));
    expect(advice.shortlist.length).toBe(Math.min(SHORTLIST_SIZE, under.length));
    for (const m of advice.shortlist) expect(m.elements).toContain(key);
  });

  // Every pair of elements that some method shares, both answered with their most demanding pole; with each setting too.
  const pairs = [...new Set(catalogue.methods.filter((m) => m.elements.length >= 2).map((m) => m.elements.slice(0, 2).join('+')))];
  const settings = [null, ...contextOptions(model.context.setting, catalogue.methods).map((o) => o.tag)];
  it.each(settings)('ranks methods listed under several elements that need attention above those under one (setting %s)', (setting) => {
    expect(pairs.length).toBeGreaterThan(0);
    let seen = 0;
    for (const pair of pairs) {
      const [a, b] = pair.split('+') as ElementKey[];
      const advice = adviseActie(withContext({ ...uniform('least'), [a]: poleBy(a, 'most'), [b]: poleBy(b, 'most') }, { setting }), catalogue);
      const both = advice.shortlist.filter((m) => m.elements.includes(a) && m.elements.includes(b));
      const fitting = catalogue.methods.filter((m) => m.elements.includes(a) && m.elements.includes(b) && fits(m, withContext(uniform('least'), { setting })));
      expect(both.length).toBe(Math.min(SHORTLIST_SIZE, fitting.length));
      expect(advice.shortlist.slice(0, both.length)).toEqual(both);
      seen += both.length;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('counts "beide" and "onbekend" as needing attention, as the data says', () => {
    for (const extra of ['beide', 'onbekend'] as const) {
      const advice = adviseActie(withContext({ ...uniform('least'), animo: extra }), catalogue);
      expect(advice.focus.includes('animo')).toBe(model.answers[extra].attention >= ATTENTION_THRESHOLD);
    }
  });

  it('is deterministic: the same answers give the same advice, whatever order the methods come in', () => {
    const answers = withContext({ ...uniform('most'), inbedding: 'beide' }, { doelgroep: contextOptions(model.context.doelgroep, catalogue.methods)[0].tag });
    const first = adviseActie(answers, catalogue);
    const reversed = adviseActie(answers, { model, methods: [...catalogue.methods].reverse() });
    const shuffled = adviseActie(answers, { model, methods: [...catalogue.methods].sort((a, b) => (a.url < b.url ? 1 : -1)) });
    expect(reversed).toEqual(first);
    expect(shuffled).toEqual(first);
    expect(JSON.stringify(adviseActie(answers, catalogue))).toBe(JSON.stringify(first));
  });

  it('refuses answers the model does not know', () => {
    expect(() => adviseActie(withContext({ ...uniform('least'), animo: 'misschien' }), catalogue)).toThrow(RangeError);
    expect(() => adviseActie(withContext(uniform('least'), { setting: 'stad-of-land' }), catalogue)).toThrow(RangeError);
  });
});

describe('adviseActie with made-up methods: tie-breaks and context', () => {
  const [first, second] = model.elements.map((e) => e.key);
  const settingTags = model.context.setting.options.map((o) => o.tag);
  const groupTag = model.context.doelgroep.options[0].tag;
  const method = (id: string, kind: 'databank' | 'verkenning', elements: ElementKey[], tags: string[] = []): Method => ({
    id,
    name: id.toUpperCase(),
    summary: 'Testmethode.',
    elements,
    source: { kind },
    url: `https://example.org/${id}`,
    tags,
  });
  /** The first element asks for much; `also` another one too. */
  const answers = (context: Partial<Record<ContextKey, string | null>> = {}, also?: ElementKey) =>
    withContext({ ...uniform('least'), [first]: poleBy(first, 'most'), ...(also ? { [also]: poleBy(also, 'most') } : {}) }, context);

  const cases: { name: string; methods: Method[]; context?: Partial<Record<ContextKey, string | null>>; also?: ElementKey; expected: string[] }[] = [
    {
      name: 'databank before verkenning on a tie, whatever the id',
      methods: [method('aa-verkenning', 'verkenning', [first]), method('zz-databank', 'databank', [first])],
      expected: ['zz-databank', 'aa-verkenning'],
    },
    {
      name: 'then by id',
      methods: [method('b-databank', 'databank', [first]), method('a-databank', 'databank', [first]), method('c-databank', 'databank', [first])],
      expected: ['a-databank', 'b-databank', 'c-databank'],
    },
    {
      name: 'more attention beats the source kind',
      methods: [method('single', 'databank', [first]), method('double', 'verkenning', [first, second])],
      also: second,
      expected: ['double', 'single'],
    },
    {
      name: 'an element that asks little does not add to the score',
      methods: [method('single', 'databank', [first]), method('double', 'verkenning', [first, second])],
      expected: ['single', 'double'],
    },
    {
      name: 'a method under no element that needs attention stays off the shortlist',
      methods: [method('other', 'databank', [second]), method('focus', 'verkenning', [first])],
      expected: ['focus'],
    },
    {
      name: 'the setting drops methods tagged only for another setting, keeps untagged ones and both-tagged ones',
      methods: [
        method('elsewhere', 'databank', [first], [settingTags[1]]),
        method('neutral', 'verkenning', [first]),
        method('both', 'verkenning', [first], settingTags),
        method('here', 'verkenning', [first], [settingTags[0]]),
      ],
      context: { setting: settingTags[0] },
      expected: ['both', 'here', 'neutral'],
    },
    ...settingTags.flatMap((tag) => [
      {
        name: `with setting ${tag}: a method under two focus elements outranks one under one element that has the tag`,
        methods: [method('tagged-single', 'databank', [first], [tag]), method('untagged-double', 'verkenning', [first, second])],
        context: { setting: tag },
        also: second,
        expected: ['untagged-double', 'tagged-single'],
      },
      {
        name: `with setting ${tag}: the tag does not boost, so equal scores go by source kind, then id`,
        methods: [
          method('a-tagged', 'verkenning', [first], [tag]),
          method('b-untagged', 'databank', [first]),
          method('c-tagged', 'databank', [first], [tag]),
        ],
        context: { setting: tag },
        expected: ['b-untagged', 'c-tagged', 'a-tagged'],
      },
    ]),
    {
      name: 'a target group boosts but does not filter',
      methods: [method('general', 'databank', [first, second]), method('for-the-group', 'verkenning', [first], [groupTag])],
      context: { doelgroep: groupTag },
      expected: ['for-the-group', 'general'],
    },
    {
      name: 'a target group does not lift a method under one focus element above one under two',
      methods: [method('for-the-group', 'databank', [first], [groupTag]), method('general', 'verkenning', [first, second])],
      context: { doelgroep: groupTag },
      also: second,
      expected: ['general', 'for-the-group'],
    },
    {
      name: 'setting and target group together: filter first, then the group decides between equal scores',
      methods: [
        method('elsewhere-for-the-group', 'databank', [first, second], [settingTags[1], groupTag]),
        method('general', 'databank', [first]),
        method('here-for-the-group', 'verkenning', [first], [settingTags[0], groupTag]),
        method('double', 'verkenning', [first, second]),
      ],
      context: { setting: settingTags[0], doelgroep: groupTag },
      also: second,
      expected: ['double', 'here-for-the-group', 'general'],
    },
    {
      name: 'more shortlist candidates than room: only the best five',
      methods: Array.from({ length: SHORTLIST_SIZE + 3 }, (_, i) => method(`m${i}`, i % 2 ? 'databank' : 'verkenning', [first])),
      expected: Array.from({ length: SHORTLIST_SIZE + 3 }, (_, i) => ({ id: `m${i}`, db: i % 2 === 1 }))
        .sort((a, b) => Number(b.db) - Number(a.db) || (a.id < b.id ? -1 : 1))
        .slice(0, SHORTLIST_SIZE)
        .map((x) => x.id),
    },
  ];

  it.each(cases)('$name', ({ methods, context, also, expected }) => {
    const advice = adviseActie(answers(context, also), { model, methods });
    expect(advice.shortlist.map((m) => m.id)).toEqual(expected);
  });

  it('only offers context options some method has a tag for', () => {
    const methods = [method('x', 'databank', [first], [groupTag])];
    expect(contextOptions(model.context.doelgroep, methods).map((o) => o.tag)).toEqual([groupTag]);
    expect(() => adviseActie(answers({ doelgroep: model.context.doelgroep.options[1].tag }), { model, methods })).toThrow(RangeError);
  });

  it('byFit orders by attention, boosts, kind, id', () => {
    const item = (id: string, attentionScore: number, boosts: number, kind: 'databank' | 'verkenning'): ShortlistItem => ({
      id, name: id, url: '', kind, elements: [], attentionScore, boosts, reasons: [],
    });
    const items = [
      item('d', 6, 0, 'databank'),
      item('c', 3, 1, 'databank'),
      item('b', 6, 0, 'verkenning'),
      item('a', 6, 0, 'databank'),
      item('e', 6, 1, 'verkenning'),
    ];
    expect([...items].sort(byFit).map((i) => i.id)).toEqual(['e', 'a', 'd', 'b', 'c']);
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
    ['bij', undefined],
    ['', undefined],
  ])('matchKey(%j) -> %j', (input, expected) => {
    expect(matchKey(input, ['aansluiten', 'bijsturen', 'eigen-kracht'])).toBe(expected);
  });
});
