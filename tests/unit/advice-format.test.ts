import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { adviseActie, type ActieAnswers } from '../../src/core/advice.js';
import { attentionLabel, formatAdvice, formatAdviceMarkdown } from '../../src/format/advice.js';
import { mdText as md } from '../../src/format/markdown.js';
import type { Method } from '../../src/schema.js';
import { makeStyle } from '../../src/terminal.js';

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

  it('is plain without colour, and styled with it', () => {
    const plain = formatAdvice(advice, model, makeStyle(false), Infinity);
    expect(plain).not.toMatch(/\u001b\[/);
    expect(formatAdvice(advice, model, makeStyle(true), 80)).toMatch(/\u001b\[/);
  });

  it('wraps to the terminal width and keeps every line within it', () => {
    const text = formatAdvice(advice, model, makeStyle(false), 60);
    for (const line of text.split('\n')) {
      // A single word longer than the room (a URL) may stick out; nothing else.
      if (!/^\s*\S+$/.test(line)) expect(line.length, line).toBeLessThanOrEqual(60);
    }
  });

  it('names every answer and the reason for every shortlisted method', () => {
    const text = formatAdvice(advice, model, makeStyle(false), Infinity);
    for (const e of advice.elements) expect(text).toContain(`${e.name.toUpperCase()}  ${attentionLabel(e.answer.attention)}`);
    for (const m of advice.shortlist) {
      const block = text.slice(text.indexOf(m.name, text.indexOf('KORTLIJST')));
      expect(block).toMatch(new RegExp(`^${escapeRe(m.name)} \\(${m.kind}\\)\\n\\s+${escapeRe(m.summary)}\\n\\s+Past bij .+\\n\\s+${escapeRe(m.url)}`));
    }
  });
});

describe('the note on methods the setting leaves out', () => {
  const [here, elsewhere] = model.context.setting.options;
  const method = (id: string, tags: string[]): Method => ({
    id, name: id, summary: 'Test.', elements: [first.key], source: { kind: 'databank' }, url: `https://example.org/${id}`, tags,
  });
  it.each([
    { left: 0, says: undefined },
    { left: 1, says: '1 methode valt af omdat die alleen bij een andere omgeving hoort' },
    { left: 2, says: '2 methoden vallen af omdat ze alleen bij een andere omgeving horen' },
  ])('$left left out: $says', ({ left, says }) => {
    const set = [method('hier', [here.tag]), ...Array.from({ length: left }, (_, i) => method(`elders-${i}`, [elsewhere.tag]))];
    const chosen = { ...answers, setting: here.tag };
    const advice = adviseActie(chosen, { model, methods: set });
    const texts = [formatAdvice(advice, model, makeStyle(false), Infinity), formatAdviceMarkdown(chosen, advice, model, { date: '2025-01-02', command: 'methodewijzer actie' })];
    for (const text of texts) {
      if (says) expect(text).toContain(`${says}.`);
      else expect(text).not.toMatch(/(valt|vallen) af/);
    }
  });
});

describe('formatAdviceMarkdown', () => {
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
