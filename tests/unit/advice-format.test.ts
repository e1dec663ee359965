import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { adviseActie, type ActieAnswers } from '../../src/core/advice.js';
import { adviceNotes, attentionLabel, explainMethod, formatAdvice, formatAdviceMarkdown, formatExplanation, OWN_READING } from '../../src/format/advice.js';
import { squash } from '../helpers/text.js';
import { mdText as md } from '../../src/format/markdown.js';
import type { Method } from '../../src/model/schema.js';
import { makeStyle } from '../../src/text/terminal.js';

const { model, methods, sources } = (await openCatalogue());
const first = model.elements[0];
const answers = {
  ...Object.fromEntries(model.elements.map((e) => [e.key, e.poles[0].key])),
  [first.key]: [...first.poles].sort((a, b) => b.attention - a.attention)[0].key,
  setting: null,
  doelgroep: null,
} as ActieAnswers;

describe('formatAdvice', () => {
  const advice = adviseActie(answers, { model, methods });

  it('names a crowded next place after the places it shows, and a crowded first place before an empty list', () => {
    // Nothing known, a village: a few methods get a place, and the many after them share the next one.
    const unknown = Object.fromEntries(model.elements.map((e) => [e.key, 'onbekend']));
    const crowded = adviseActie({ ...unknown, setting: 'dorp', doelgroep: null } as ActieAnswers, { model, methods });
    expect(crowded.shared && crowded.shortlist.length).toBeTruthy();
    for (const text of [formatAdvice(crowded, model, makeStyle(false), Infinity), formatAdviceMarkdown({ ...unknown, setting: 'dorp', doelgroep: null } as ActieAnswers, crowded, model, { date: '2026-12-06', sources, command: 'x' })]) {
      const last = crowded.shortlist[crowded.shortlist.length - 1];
      expect(text.indexOf('Daarna delen')).toBeGreaterThan(text.indexOf(last.url));
    }
    // Answers that tie many methods, nothing else given: the note stands where the list would be.
    const tied = adviseActie({ ...Object.fromEntries(model.elements.map((e) => [e.key, e.poles[0].key])), setting: null, doelgroep: null } as ActieAnswers, { model, methods });
    if (!tied.shortlist.length) expect(formatAdvice(tied, model, makeStyle(false), Infinity)).toMatch(/delen de eerste plaats/);
  });

  it('is plain without colour, and styled with it', () => {
    const plain = formatAdvice(advice, model, makeStyle(false), Infinity);
    expect(plain).not.toMatch(/\u001b\[/);
    expect(formatAdvice(advice, model, makeStyle(true), 80)).toMatch(/\u001b\[/);
  });

  it('wraps to the terminal width and keeps every line within it; a link stands whole on a line of its own', () => {
    // The longest link of the catalogue, on the list: a method whose name is the theme.
    const longest = [...methods].sort((a, b) => b.url.length - a.url.length)[0];
    const withLong = adviseActie({ ...answers, over: longest.name }, { model, methods });
    expect(withLong.shortlist.map((m) => m.id)).toContain(longest.id);
    for (const width of [60, 80]) {
      const lines = formatAdvice(withLong, model, makeStyle(false), width).split('\n');
      for (const line of lines) {
        // A single word longer than the room (a URL) may stick out; nothing else.
        if (!/^\s*\S+$/.test(line)) expect(line.length, line).toBeLessThanOrEqual(width);
      }
      for (const m of withLong.shortlist) {
        const line = lines.find((l) => l.includes(m.url))!;
        expect(line.trim(), `${width}: ${m.url}`).toBe(m.url);
        // Where the link does not fit behind the indent, it starts in the first column.
        if (line.length > width) expect(line).toBe(m.url);
      }
    }
  });

  it("speaks plain words: no internal terms, and says once that the points and the stars are this project's reading", () => {
    for (const given of [answers, { ...answers, over: 'jongeren keet', setting: 'dorp' }]) {
      const advice = adviseActie(given as ActieAnswers, { model, methods });
      for (const text of [formatAdvice(advice, model, makeStyle(false), Infinity), formatAdviceMarkdown(given as ActieAnswers, advice, model, { date: '2025-01-02', command: 'x' })]) {
        expect(text).not.toMatch(/stuurt de kortlijst|gemiddelde aandacht|focus/i);
        expect(text.split(md(OWN_READING).slice(0, 40)).length - 1).toBe(1);
      }
    }
  });

  it('names the answer of every element and the reason for every shortlisted method', () => {
    const text = formatAdvice(advice, model, makeStyle(false), Infinity);
    for (const e of advice.elements) expect(text).toContain(`${e.name.toUpperCase()}  ${attentionLabel(e.answer)}`);
    for (const m of advice.shortlist) {
      const block = text.slice(text.indexOf(m.name, text.indexOf('KORTLIJST')));
      expect(block).toMatch(new RegExp(`^${escapeRe(m.name)} \\(${m.kind}(, gedeelde plaats)?\\)\\n\\s+${escapeRe(m.summary)}\\n\\s+Staat onder .+\\n\\s+${escapeRe(m.url)}`));
    }
  });

  it('with every answer unknown, opens with the five questions as a checklist and calls the methods starting points', () => {
    const unknown = { ...answers, ...Object.fromEntries(model.elements.map((e) => [e.key, 'onbekend'])), doelgroep: 'jongeren' } as ActieAnswers;
    const text = formatAdvice(adviseActie(unknown, { model, methods }), model, makeStyle(false), Infinity);
    expect(text.indexOf('EERST HET GESPREK')).toBeLessThan(text.indexOf('Uw profiel'));
    for (const e of model.elements) expect(text).toContain(`[ ] ${e.name}: ${e.question}`);
    expect(text).toContain('STARTPUNTEN');
    expect(text).not.toContain('KORTLIJST');
    expect(text).not.toMatch(/uw antwoord: /);
  });

  it('lists the methods under each element by name, not as a count', () => {
    const text = formatAdvice(advice, model, makeStyle(false), Infinity);
    for (const e of advice.elements) expect(text).toContain(`Methoden    ${e.methods.map((m) => m.name).join(', ')}\n`);
  });
});

describe('the lines above the shortlist', () => {
  const m = (id: string, tags: string[], kind: 'databank' | 'verkenning' = 'databank'): Method => ({
    id, name: id, summary: 'Test.', elements: [first.key], source: { kind }, url: `https://example.org/${id}`, tags,
  });

  it('say when a chosen target group is on no method of the shortlist, naming where it is', () => {
    const set = [...Array.from({ length: 5 }, (_, i) => m(`w${i}`, ['wijk'])), m('oud', ['ouderen'], 'verkenning')];
    const advice = adviseActie({ ...answers, setting: 'wijk', doelgroep: 'ouderen' }, { model, methods: set });
    expect(adviceNotes(advice)).toContain('Ouderen: geen methode op de kortlijst; in de catalogus wel oud (plaats 6).');
  });

  it('say when the words match nothing', () => {
    const advice = adviseActie({ ...answers, over: 'qqxz' }, { model, methods });
    expect(adviceNotes(advice).some((n) => n.startsWith('Geen methode in de catalogus sluit aan bij "qqxz"'))).toBe(true);
  });
});

describe('--explain', () => {
  const given = { ...answers, setting: 'dorp', doelgroep: 'jongeren', over: 'jongeren willen een eigen keet' } as ActieAnswers;
  const advice = adviseActie(given, { model, methods });

  it('says in a sentence each where a method stands: place, theme, setting, target group, element, answer, source, shortlist', () => {
    const outside = advice.ranking.find((r) => !advice.shortlist.includes(r))!;
    const e = explainMethod(advice, model, outside.id);
    expect(e.parts.map((p) => p.part)).toEqual(['place', 'theme', 'setting', 'doelgroep', 'element', 'answer', 'order', 'shortlist']);
    for (const p of e.parts) expect(p.text).toMatch(/^[A-Z"].*[.]$/);
    expect(e.parts[0].text).toContain(`plaats ${outside.place} van ${methods.length}`);
    expect(e.parts.at(-1)!.text).toMatch(/^Niet op de kortlijst: de laatste daar, .+, heeft \d+ punten?; /);
    expect(e.inShortlist).toBe(false);
    const text = formatExplanation(e, makeStyle(false), 60);
    for (const p of e.parts) expect(squash(text)).toContain(squash(p.text));
  });

  it('of a method on the shortlist, says so', () => {
    const e = explainMethod(advice, model, advice.shortlist[0].id);
    expect(e.inShortlist).toBe(true);
    expect(e.parts.at(-1)!.text).toBe('De methode staat op de kortlijst.');
  });
});

describe('formatAdviceMarkdown', () => {
  it('writes each place out, so a shared place stays shared where Markdown would renumber a list', () => {
    const given = { ...answers, setting: 'dorp', doelgroep: 'jongeren', over: 'jongeren willen een eigen keet' } as ActieAnswers;
    const advice = adviseActie(given, { model, methods });
    const shared = advice.shortlist.find((m, i) => advice.shortlist.some((o, j) => j !== i && o.place === m.place))!;
    const text = formatAdviceMarkdown(given, advice, model, { date: '2025-01-02', command: 'x' });
    const places = [...text.matchAll(/^- Plaats (\d+): /gm)].map((m) => Number(m[1]));
    expect(places).toEqual(advice.shortlist.map((m) => m.place));
    expect(places.filter((p) => p === shared.place).length).toBeGreaterThan(1);
    expect(text).not.toMatch(/^\d+\. /m);
  });

  it('keeps text from a catalogue from breaking the Markdown', () => {
    const tricky: Method = {
      id: 'lastig',
      name: 'Naam | met [haken](x) en *sterren*',
      summary: 'Test.',
      elements: [first.key],
      source: { kind: 'databank' },
      url: 'https://example.org/pad (1)',
      tags: [],
    };
    const advice = adviseActie(answers, { model, methods: [tricky] });
    const text = formatAdviceMarkdown(answers, advice, model, { date: '2025-01-02', sources, command: "methodewijzer actie --x 'a b'" });
    expect(text).toContain('Datum: 2025-01-02');
    expect(text).toContain('[Naam \\| met \\[haken\\](x) en \\*sterren\\*](https://example.org/pad%20%281%29)');
    // The profile and the command stand in closed code blocks.
    expect(text.match(/^```/gm)).toHaveLength(4);
    expect(text).toContain("```sh\nmethodewijzer actie --x 'a b'\n```");
    // The brochure uses the ACTIE model; for the model itself it points to Platform31.
    expect(text).not.toMatch(/ACTIE-model komt uit/);
    expect(text).toContain('met het ACTIE-model zoals "Methodisch werken aan actief burgerschap" (Movisie, juli 2015) het gebruikt: https://www.movisie.nl/publicaties');
    expect(text).toContain('verwijst de brochure naar Platform31: http://www.platform31.nl/nieuws/actie-model-om-burgerinitiatieven-te-ondersteunen');
  });

  it.each([
    ['a|b', 'a\\|b'],
    ['<script>', '\\<script\\>'],
    // The control character becomes a visible escape, whose backslash Markdown must show as is.
    ['regel\u0007', 'regel\\\\u0007'],
  ])('md(%j) -> %j', (input, expected) => {
    expect(md(input)).toBe(expected);
  });
});

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
