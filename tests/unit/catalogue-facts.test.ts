import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBuiltin } from '../../src/catalogue/load.js';
import { contextOptions } from '../../src/core/advice.js';
import { ELEMENT_KEYS } from '../../src/model/schema.js';
import { COLOPHON_FACTS, CRITERIA_COUNT, ELEMENT_FACTS, GLOSSARY_TERMS, METHOD_FACTS, SOURCE_FACTS } from '../fixtures/brochure-facts.js';
import { ROOT } from '../helpers/env.js';

const catalogue = compileBuiltin(join(ROOT, 'catalogue'));
const LETTERS: Record<string, string> = { A: 'animo', C: 'contact', T: 'toerusting', I: 'inbedding', E: 'empathie' };

describe('the built-in catalogue against the brochure', () => {
  it('validates without a single problem', () => {
    expect(catalogue.problems).toEqual([]);
  });

  it('holds exactly the brochure methods, each once', () => {
    expect(catalogue.methods.map((m) => m.name).sort()).toEqual(METHOD_FACTS.map((f) => f.name).sort());
  });

  it.each(METHOD_FACTS)('$name: elements, kind and link as the brochure gives them', (fact) => {
    const method = catalogue.methods.find((m) => m.name === fact.name)!;
    expect(method.elements).toEqual([...fact.columns].map((c) => LETTERS[c]));
    expect(method.source.kind).toBe(fact.kind);
    expect(method.url).toBe(fact.url);
    const collection = fact.url.includes('movisie.nl/esi/') ? 'esi' : fact.url.includes('watwerktindewijk') ? 'wat-werkt-in-de-wijk' : undefined;
    expect(method.source.collection).toBe(collection);
  });

  it('keeps both of the brochure\'s descriptions of De Smederijen: the buurt under Toerusting, buurt and wijk under Inbedding', () => {
    const smederijen = catalogue.methods.find((m) => m.id === 'de-smederijen')!;
    const { toerusting, inbedding } = smederijen.elementSummaries ?? {};
    expect(toerusting).toMatch(/\bbuurt\b/);
    expect(toerusting).not.toMatch(/\bwijk\b/);
    expect(inbedding).toMatch(/\bbuurt en wijk\b/);
    // Only this method has two descriptions in the brochure.
    expect(catalogue.methods.filter((m) => m.elementSummaries).map((m) => m.id)).toEqual(['de-smederijen']);
  });

  it('names each method file after its id, with the schema line first', () => {
    const dir = join(ROOT, 'catalogue', 'methods');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text.split('\n')[0], file).toBe('# yaml-language-server: $schema=../schema/method.schema.json');
      const id = catalogue.methods.find((m) => catalogue.origins[m.id].file.endsWith(`/${file}`))?.id;
      expect(`${id}.yaml`).toBe(file);
    }
  });

  it('lists, per element, as many methods as the brochure column does', () => {
    for (const [letter, key] of Object.entries(LETTERS)) {
      const expected = METHOD_FACTS.filter((f) => f.columns.includes(letter)).length;
      expect(catalogue.methods.filter((m) => m.elements.includes(key as never)).length, key).toBe(expected);
    }
  });

  it('has the five questions in order, with both poles and every do of "Doen of laten"', () => {
    expect(catalogue.model.elements.map((e) => e.key)).toEqual([...ELEMENT_KEYS]);
    for (const fact of ELEMENT_FACTS) {
      const element = catalogue.model.elements.find((e) => e.key === fact.key)!;
      expect(element.question).toMatch(fact.question);
      expect(element.poles.map((p) => p.key)).toEqual(fact.poles);
      expect(element.dos).toHaveLength(fact.points);
    }
  });

  it('keeps the two explicit don\'ts of the brochure (Animo and Inbedding)', () => {
    const donts = Object.fromEntries(catalogue.model.elements.map((e) => [e.key, e.donts.length]));
    expect(donts).toEqual({ animo: 1, contact: 0, toerusting: 0, inbedding: 1, empathie: 0 });
  });

  it('has the glossary terms, the four sources and the five criteria', () => {
    expect(catalogue.glossary.terms.map((t) => t.term)).toEqual(GLOSSARY_TERMS);
    expect(catalogue.sources.sources.map(({ kind, name, url }) => ({ kind, name, url }))).toEqual(SOURCE_FACTS);
    expect(catalogue.criteria.criteria).toHaveLength(CRITERIA_COUNT);
  });

  it('names the essay the brochure is based on, the shortened article and the funder, with the brochure\'s links', () => {
    const { essay, article, funder } = catalogue.sources.brochure;
    expect({ essay, article, funder }).toEqual(COLOPHON_FACTS);
  });

  it('offers under actie --doelgroep each group the brochure names for a method, and the methods carry them', () => {
    const groups = contextOptions(catalogue.model.context.doelgroep, catalogue.methods).map((o) => o.tag);
    const carriers = Object.fromEntries(groups.map((g) => [g, catalogue.methods.filter((m) => m.tags?.includes(g)).map((m) => m.id).sort()]));
    expect(carriers).toEqual({
      jongeren: ['eigen-wijze-buurten', 'keetkeur', 'mobieltje-voor-je-mening', 'whoznext'],
      ouderen: ['het-ondernemende-dorp'],
      leerlingen: ['gay-straight-alliances'],
      studenten: ['studenten-wonen-in-aandachtswijken'],
      'allochtone-groepen': ['woonatelier'],
      'kwetsbare-bewoners': ['moedercentra'],
      arbeidsmarkt: ['maatschappelijke-activeringscentra'],
      opvang: ['maatschappelijke-opvang-in-zelfbeheer'],
    });
  });

  it('grounds every tag of a method in a comment with the brochure\'s words', () => {
    const dir = join(ROOT, 'catalogue', 'methods');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      const tagLines = text.includes('\ntags:\n') ? text.split('\ntags:\n')[1].split('\n').filter((l) => l.startsWith('  - ')) : [];
      expect(tagLines.length, file).toBe(catalogue.methods.find((m) => `${m.id}.yaml` === file)?.tags?.length ?? 0);
      for (const line of tagLines) expect(line, file).toMatch(/ {2}# .*"[^"]+"/);
    }
  });
});
