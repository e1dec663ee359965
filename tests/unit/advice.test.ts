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
  type ActieAnswers,
  type Advice,
  type AdviceCatalogue,
} from '../../src/core/advice.js';
import { SHORTLIST_SIZE } from '../../src/defaults.js';
import { whyText } from '../../src/format/advice.js';
import { CONTEXT_KEYS, type ContextKey, type ElementKey, type Method } from '../../src/schema.js';

const builtin = await openCatalogue();
const catalogue: AdviceCatalogue = { model: builtin.model, methods: builtin.methods };
const { model } = catalogue;
const elementKeys = model.elements.map((e) => e.key);
const byId = new Map(catalogue.methods.map((m) => [m.id, m]));
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

/** Independent reading of the setting rule: a method tagged only for another setting does not fit. */
function fitsSetting(m: Method, setting: string | null): boolean {
  const tags = m.tags ?? [];
  return !setting || tags.includes(setting) || !settingTags.some((t) => tags.includes(t));
}

const contextVariants: Partial<Record<ContextKey, string | null>>[] = [
  {},
  ...settingTags.map((setting) => ({ setting })),
  ...model.context.doelgroep.options.map((o) => ({ doelgroep: o.tag })),
  { setting: 'dorp', doelgroep: 'jongeren' },
  { setting: 'wijk', doelgroep: 'ouderen' },
];

/** The properties every advice must have, whatever the answers: each a rule of docs/actie.md. */
function check(advice: Advice, given: ActieAnswers, cat: AdviceCatalogue = catalogue): string[] {
  const broken: string[] = [];
  const fitting = cat.methods.filter((m) => fitsSetting(m, given.setting));
  const list = advice.shortlist;
  // Never thin: as many as the catalogue, after the context, can give, up to five.
  if (list.length !== Math.min(SHORTLIST_SIZE, fitting.length)) broken.push(`size ${list.length} of ${fitting.length} fitting`);
  // Context fit: nothing that belongs only to another setting.
  for (const m of list) if (!fitsSetting(cat.methods.find((x) => x.id === m.id)!, given.setting)) broken.push(`${m.id} belongs to another setting`);
  // Cover the focus: every focus element with a fitting method has one on the list, before any element's second.
  const covering = advice.focus.filter((k) => fitting.some((m) => m.elements.includes(k)));
  const firstOf = covering.map((k) => list.findIndex((m) => m.elements.includes(k)));
  if (covering.length <= SHORTLIST_SIZE && firstOf.some((i) => i === -1)) broken.push(`focus ${covering} not all covered`);
  for (let i = 0; i <= Math.max(-1, ...firstOf); i++) {
    const covers = list[i].elements.some((k) => covering.includes(k) && !list.slice(0, i).some((s) => s.elements.includes(k)));
    if (!covers) broken.push(`${list[i].id} at ${i + 1} covers no new focus element`);
  }
  // Fillers only once the focus methods are used up, and each says so.
  const focusFitting = fitting.filter((m) => m.elements.some((k) => advice.focus.includes(k)));
  if (list.some((m) => m.pick === 'fill') && list.filter((m) => m.pick !== 'fill').length < Math.min(SHORTLIST_SIZE, focusFitting.length)) broken.push('filled too early');
  // Order among the methods picked on fit: fit, then context, never upwards.
  const byFit = list.filter((m) => m.pick === 'fit');
  byFit.forEach((m, i) => {
    const prev = byFit[i - 1];
    if (prev && (prev.fit < m.fit || (prev.fit === m.fit && prev.contextMatches < m.contextMatches))) broken.push(`${prev.id} before ${m.id}`);
  });
  for (const m of list) {
    const why = whyText(m, advice);
    if (!/^(Past bij|Aanvulling: )/.test(why) || !model.elements.some((e) => why.includes(e.name))) broken.push(`${m.id}: reason "${why}"`);
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
});

/**
 * Scenarios as a consultant would put them, with what a consultant would expect of the shortlist. The
 * answers not named are the first pole of each element: what pressing Enter through the questions gives.
 */
const scenarios: {
  name: string;
  given: Partial<Record<ElementKey | ContextKey, string | null>>;
  first?: string;
  includes?: string[];
  excludes?: string[];
  focus?: ElementKey[];
  uncovered?: ElementKey[];
}[] = [
  {
    name: 'Enter through every question: a full list for the elements that always ask some attention',
    given: {},
    focus: ['inbedding', 'empathie'],
    includes: ['bewoners-aan-zet', 'buurt-bestuurt'],
  },
  {
    name: 'steering a village youth initiative: the Animo method tagged dorp and jongeren first, the other village one kept',
    given: { animo: 'bijsturen', setting: 'dorp', doelgroep: 'jongeren' },
    first: 'mobieltje-voor-je-mening',
    includes: ['plattelandsparlement'],
    excludes: ['kan-wel', 'abcd', 'eigen-wijze-buurten'],
  },
  {
    name: 'Empathie in a village: no Empathie method fits, said, and the list is still full',
    given: { empathie: 'betrokkenheid', setting: 'dorp' },
    uncovered: ['empathie'],
    excludes: ['bewoners-aan-zet'],
  },
  {
    name: 'betrokkenheid and dienstbaarheid weigh the same: the brochure ranks neither',
    given: { empathie: 'dienstbaarheid', setting: 'dorp' },
    uncovered: ['empathie'],
  },
  {
    name: 'strengthening ties and equipping: a method under both comes first',
    given: { contact: 'versterken', toerusting: 'aanreiken' },
    first: 'tijdvoorelkaar',
    focus: ['contact', 'toerusting', 'inbedding', 'empathie'],
  },
  {
    name: 'equipping a village: a databank method for the village that serves two focus elements first',
    given: { toerusting: 'aanreiken', setting: 'dorp' },
    first: 'vijf-sterren-dorpen',
    excludes: ['lusten-en-lasten', 'maatschappelijke-activeringscentra'],
  },
  {
    name: 'every answer unknown: every element gets a method',
    given: Object.fromEntries(elementKeys.map((k) => [k, 'onbekend'])),
    focus: elementKeys,
  },
  {
    name: 'every answer in balance in a neighbourhood: every element covered, nothing only for villages',
    given: { ...Object.fromEntries(elementKeys.map((k) => [k, 'beide'])), setting: 'wijk' },
    focus: elementKeys,
    excludes: ['dorpsagenda-met-dorpswaardering', 'vijf-sterren-dorpen', 'mobieltje-voor-je-mening'],
  },
  {
    name: 'steering in a neighbourhood: an Animo method made for the neighbourhood before an untagged one',
    given: { animo: 'bijsturen', setting: 'wijk' },
    first: 'abcd',
    excludes: ['maatschappelijke-opvang-in-zelfbeheer'],
  },
  {
    name: 'equipping older villagers: the method that names older people comes first among equals',
    given: { toerusting: 'aanreiken', setting: 'dorp', doelgroep: 'ouderen' },
    includes: ['het-ondernemende-dorp'],
  },
  {
    name: 'the logic of organisations with young people: the target group lifts, it does not filter',
    given: { inbedding: 'organisaties', doelgroep: 'jongeren' },
    includes: ['buurt-bestuurt'],
  },
  {
    name: 'connecting people in a neighbourhood: a Contact method made for the neighbourhood first',
    given: { contact: 'versterken', setting: 'wijk' },
    first: 'abcd',
    includes: ['woonatelier'],
  },
  {
    name: 'strengthening ties in a village: Contact has no village method, the untagged ones stay',
    given: { contact: 'versterken', setting: 'dorp' },
    includes: ['tijdvoorelkaar'],
    excludes: ['twexx-methode', 'woonatelier'],
  },
];

describe('adviseActie: scenarios as a consultant would judge them', () => {
  it('has at least twelve', () => expect(scenarios.length).toBeGreaterThanOrEqual(12));
  it.each(scenarios)('$name', ({ given, first, includes = [], excludes = [], focus, uncovered }) => {
    const full = answers(given);
    const advice = adviseActie(full, catalogue);
    const ids = advice.shortlist.map((m) => m.id);
    expect(check(advice, full)).toEqual([]);
    if (first) expect(ids[0]).toBe(first);
    for (const id of includes) expect(ids, id).toContain(id);
    for (const id of excludes) expect(ids, id).not.toContain(id);
    if (focus) expect(advice.focus).toEqual(focus);
    if (uncovered) expect(advice.uncovered).toEqual(uncovered);
    for (const id of ids) expect(byId.has(id)).toBe(true);
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

  it('fills the list with the nearest methods, each saying why, when the focus cannot fill it', () => {
    const methods = [method('animo-1', ['animo']), method('contact-1', ['contact']), method('toerusting-1', ['toerusting']), method('twee', ['contact', 'toerusting'])];
    const given = answers({ animo: 'bijsturen' });
    const advice = adviseActie(given, cat(methods));
    expect(advice.shortlist.map((m) => [m.id, m.pick])).toEqual([
      ['animo-1', 'cover'],
      ['twee', 'fill'],
      ['contact-1', 'fill'],
      ['toerusting-1', 'fill'],
    ]);
    expect(advice.uncovered).toEqual(['inbedding', 'empathie']);
    expect(whyText(advice.shortlist[1], advice)).toBe(
      'Aanvulling: geen methode onder Inbedding en Empathie past in de catalogus; deze methode helpt bij Contact (uw antwoord: bestaande netwerken) en Toerusting (uw antwoord: eigen kracht).',
    );
  });

  it('ranks a method tagged for the chosen setting above an untagged one of equal fit, and the target group the same way', () => {
    const methods = [method('a-geen', ['animo']), method('b-wijk', ['animo'], ['wijk']), method('c-beide', ['animo'], ['wijk', 'jongeren']), method('d-dorp', ['animo'], ['dorp'])];
    const advice = adviseActie(answers({ animo: 'bijsturen', setting: 'wijk', doelgroep: 'jongeren' }), cat(methods));
    expect(advice.shortlist.map((m) => m.id)).toEqual(['c-beide', 'b-wijk', 'a-geen']);
    expect(advice.excluded).toBe(1);
  });

  it('puts one method of each focus element before a second of any', () => {
    const methods = [method('a1', ['animo']), method('a2', ['animo']), method('a3', ['animo']), method('c1', ['contact'], [], 'verkenning')];
    const advice = adviseActie(answers({ animo: 'bijsturen', contact: 'versterken' }), cat(methods));
    expect(advice.shortlist.map((m) => m.id)).toEqual(['a1', 'c1', 'a2', 'a3']);
  });

  it('is deterministic: the same answers give the same advice, whatever order the methods come in', () => {
    const given = answers({ animo: 'beide', setting: 'dorp' });
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
