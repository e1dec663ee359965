// The questionnaire driven through @inquirer/testing: its vitest entry mocks every Inquirer prompt,
// so it must be imported before the command that lazily imports @inquirer/prompts.
import { screen } from '@inquirer/testing/vitest';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { actie, interview } from '../../src/commands/actie.js';
import { createContext } from '../../src/context.js';
import { adviseActie, answerOptions, contextOptions, type ActieAnswers } from '../../src/core/advice.js';
import { formatAdvice } from '../../src/format/advice.js';
import { makeStyle } from '../../src/terminal.js';
import { squash } from '../helpers/text.js';

const catalogue = loadCatalogue();
const { model } = catalogue;
const plain = makeStyle(false);

function sink() {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8').on('data', (d: string) => (text += d));
  return { stream, text: () => text };
}

/** Waits, render by render, until the active prompt shows `text`; bounded so a wrong screen fails instead of hanging. */
async function waitFor(text: string): Promise<string> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const now = screen.getScreen();
    if (squash(now).includes(squash(text))) return now;
    await Promise.race([screen.next(), new Promise((resolve) => setTimeout(resolve, 250))]);
  }
  throw new Error(`prompt never showed "${text}"; last screen:\n${screen.getScreen()}`);
}

/** Moves the cursor from the first choice to choice `index` and confirms. */
function choose(index: number): void {
  for (let i = 0; i < index; i++) screen.keypress('down');
  screen.keypress('enter');
}

const indexOf = (elementKey: string, answer: string) => {
  const e = model.elements.find((x) => x.key === elementKey)!;
  return answerOptions(e, model).findIndex((o) => o.key === answer);
};

// Picks per element, by position, so every kind of answer is used: pole 1, pole 2, beide, onbekend, pole 2.
const picks = [0, 1, 2, 3, 1];

describe('actie questionnaire (prompts)', () => {
  it('asks the five questions in order with help lines, then the skippable context questions, then the review', async () => {
    const err = sink();
    const done = interview(catalogue, {}, { input: screen.input, output: err.stream, style: plain });

    for (const [i, e] of model.elements.entries()) {
      const shown = await waitFor(e.question);
      expect(squash(shown)).toContain(`(${i + 1}/${model.elements.length})`);
      expect(squash(shown)).toContain(squash(e.help));
      for (const o of answerOptions(e, model)) expect(squash(shown)).toContain(squash(o.label));
      choose(picks[i]);
    }
    for (const key of ['setting', 'doelgroep'] as const) {
      const q = model.context[key];
      const shown = await waitFor(q.question);
      expect(squash(shown)).toContain(squash(q.none));
      for (const o of contextOptions(q, catalogue.methods)) expect(squash(shown)).toContain(squash(o.label));
      screen.keypress('enter'); // one key skips it
    }
    const review = await waitFor('Toon het advies');
    model.elements.forEach((e, i) => expect(squash(review)).toContain(squash(`${e.name}: ${answerOptions(e, model)[picks[i]].label}`)));
    screen.keypress('enter');

    const answers = await done;
    expect(answers).toEqual({
      ...Object.fromEntries(model.elements.map((e, i) => [e.key, answerOptions(e, model)[picks[i]].key])),
      setting: null,
      doelgroep: null,
    });
    expect(squash(err.text())).toContain(squash(model.intro));
  });

  it('lets the user go back from the review and change an earlier answer', async () => {
    const done = interview(catalogue, {}, { input: screen.input, output: sink().stream, style: plain });
    for (const e of model.elements) {
      await waitFor(e.question);
      choose(0);
    }
    await waitFor(model.context.setting.question);
    const dorp = contextOptions(model.context.setting, catalogue.methods).findIndex((o) => o.tag === 'dorp');
    choose(dorp + 1);
    await waitFor(model.context.doelgroep.question);
    screen.keypress('enter');

    // Review: "Toon het advies", then (past the separator) the elements in model order. Change the third.
    const target = model.elements[2];
    await waitFor('Toon het advies');
    choose(3);
    const again = await waitFor(target.question);
    expect(squash(again)).toContain(squash(target.help));
    const newAnswer = answerOptions(target, model)[1];
    // The cursor starts on the current answer (the first), so one step down picks the second.
    choose(1);
    const review = await waitFor('Toon het advies');
    expect(squash(review)).toContain(squash(`${target.name}: ${newAnswer.label}`));
    screen.keypress('enter');

    const answers = await done;
    // The transcript shows the final answer last; the review's own lines echo no (old) answer.
    const lines = (await screen.getFullOutput()).split('\n').filter((l) => l.startsWith('✔'));
    expect(lines.filter((l) => l.startsWith('✔ Overzicht:'))).toEqual([`✔ Overzicht: ${target.name} wijzigen`, '✔ Overzicht: advies tonen']);
    expect(lines.filter((l) => l.includes(`${target.name}:`)).at(-1)).toBe(`✔ ${target.name}: ${newAnswer.label}`);
    expect(answers[target.key]).toBe(newAnswer.key);
    expect(answers.setting).toBe('dorp');
    for (const e of model.elements.filter((x) => x !== target)) expect(answers[e.key]).toBe(e.poles[0].key);
  });

  it('asks only what the options left open, and shows the advice for the combined answers', async () => {
    const given = { animo: model.elements[0].poles[1].key, contact: 'beide', toerusting: 'onbekend', inbedding: model.elements[3].poles[0].key };
    const out = sink();
    const err = sink();
    const ctx = createContext({ color: false }, { stdin: Object.assign(new PassThrough(), { isTTY: true }), stdout: out.stream, stderr: err.stream, env: {} });
    const run = actie({ ...given, setting: 'geen' }, ctx);

    const last = model.elements[4];
    const shown = await waitFor(last.question);
    for (const e of model.elements.slice(0, 4)) expect(squash(shown)).not.toContain(squash(e.question));
    choose(indexOf(last.key, last.poles[1].key));
    await waitFor(model.context.doelgroep.question);
    screen.keypress('enter');
    await waitFor('Toon het advies');
    screen.keypress('enter');
    await run;

    const answers = { ...given, empathie: last.poles[1].key, setting: null, doelgroep: null } as ActieAnswers;
    expect(out.text()).toBe(formatAdvice(adviseActie(answers, catalogue), model, plain, Infinity));
  });

  // The opening counts the skippable questions that will really be asked.
  const groupTags = new Set(model.context.doelgroep.options.map((o) => o.tag));
  const withoutGroups = { model, methods: catalogue.methods.map((m) => ({ ...m, tags: m.tags?.filter((t) => !groupTags.has(t)) })) };
  const allElements = Object.fromEntries(model.elements.map((e) => [e.key, e.poles[0].key]));
  const introCases = [
    { name: 'both context questions', cat: catalogue, given: {}, asked: ['setting', 'doelgroep'], says: 'Daarna volgen twee vragen die u mag overslaan' },
    { name: 'no target group in the catalogue', cat: withoutGroups, given: {}, asked: ['setting'], says: 'Daarna volgt één vraag die u mag overslaan' },
    { name: 'the setting given as an option', cat: catalogue, given: { setting: null }, asked: ['doelgroep'], says: 'Daarna volgt één vraag die u mag overslaan' },
    { name: 'both given as options', cat: catalogue, given: { setting: null, doelgroep: null }, asked: [], says: 'Daarna kunt u elk antwoord nog wijzigen' },
  ] as const;

  it.each(introCases)('the opening counts the context questions still to come: $name', async ({ cat, given, asked, says }) => {
    const err = sink();
    const done = interview(cat, { ...allElements, ...given }, { input: screen.input, output: err.stream, style: plain });
    for (const key of asked) {
      await waitFor(model.context[key].question);
      screen.keypress('enter');
    }
    await waitFor('Toon het advies');
    screen.keypress('enter');
    await done;
    const intro = squash(err.text());
    expect(intro).toContain(squash(says));
    if (!asked.length) expect(intro).not.toContain('overslaan');
  });
});
