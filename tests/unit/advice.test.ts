import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  adviseActie,
  answerFlags,
  answerOptions,
  contextOptions,
  matchKey,
  NO_PREFERENCE,
  startsOf,
  type ActieAnswers,
  type AdviceCatalogue,
} from '../../src/core/advice.js';
import { SHORTLIST_SHARED_MAX } from '../../src/model/defaults.js';
import { CONTEXT_KEYS, type ElementKey, type Method } from '../../src/model/schema.js';
import { answers, catalogue, elementKeys, model } from '../helpers/advice.js';

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
