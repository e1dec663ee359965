// The questionnaire prompt driven in-process through @inquirer/testing: keys in, screens and answers out.
import { render } from '@inquirer/testing';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { introText } from '../../src/prompts/interview.js';
import { answerOptions } from '../../src/core/advice.js';
import { questionnaire, type Question, type QuestionnaireConfig } from '../../src/prompts/questionnaire.js';
import { makeStyle } from '../../src/text/terminal.js';

const { model } = (await openCatalogue());
const plain = makeStyle(false);

const questions: Question[] = model.elements.map((e, i) => ({
  key: e.key,
  label: e.name,
  message: `${e.name} (${i + 1}/5): ${e.question}`,
  help: e.help,
  choices: answerOptions(e, model).map((o) => ({ value: o.key, name: o.label, description: o.role })),
}));

/** A terminal that can be resized: the prompt reads its size and hears 'resize'. */
function terminal(columns = 80, rows = 40) {
  const t = Object.assign(new EventEmitter(), { columns, rows, written: '', write: (s: string) => void (t.written += s) });
  return t;
}

async function start(overrides: Partial<QuestionnaireConfig> = {}) {
  const term = terminal();
  const config: QuestionnaireConfig = {
    questions,
    ask: questions.map((q) => q.key),
    answers: {},
    review: (answers) => ({
      message: 'Overzicht',
      done: { value: '__done__', name: 'Toon het advies' },
      rows: questions.map((q) => ({ value: q.key, name: `${q.label}: ${answers[q.key] ?? '-'}` })),
    }),
    style: plain,
    terminal: term,
    ...overrides,
  };
  const rendered = await render(questionnaire, config);
  // A test that stops before the last answer leaves the prompt open; closing it at exit must not count as an error.
  rendered.answer.catch(() => {});
  return { term, ...rendered };
}

describe('the questionnaire prompt', () => {
  it('asks the questions in order, shows the role of the answer under the cursor, and ends in the overview', async () => {
    const { answer, events, getScreen, nextRender } = await start();
    for (const [i, q] of questions.entries()) {
      expect(getScreen()).toContain(q.message.slice(0, 40));
      events.keypress('down');
      await nextRender();
      expect(getScreen()).toContain(q.choices[1].description!.slice(0, 40));
      events.keypress('enter');
      await nextRender();
      if (i < questions.length - 1) expect(getScreen().replace(/\s+/g, ' ')).toContain(`✔ ${q.label}: ${q.choices[1].name}`);
    }
    expect(getScreen()).toContain('Overzicht');
    events.keypress('enter');
    expect(await answer).toEqual(Object.fromEntries(questions.map((q) => [q.key, q.choices[1].value])));
  });

  it('goes back with ← and Backspace to the previous question, the answer given there under the cursor', async () => {
    const { answer, events, getScreen, nextRender } = await start();
    expect(getScreen()).not.toContain('← vorige vraag'); // nothing to go back to yet
    events.keypress('down');
    events.keypress('down');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain('← vorige vraag');
    events.keypress('left');
    await nextRender();
    expect(getScreen()).toContain(questions[0].message.slice(0, 40));
    expect(getScreen()).toMatch(new RegExp(`❯ ${questions[0].choices[2].name.replace(/[()/]/g, '.')}`));
    events.keypress('up');
    events.keypress('enter');
    events.keypress('enter');
    await nextRender();
    events.keypress('backspace');
    await nextRender();
    expect(getScreen()).toContain(questions[1].message.slice(0, 40));
    for (let i = 1; i < questions.length; i++) events.keypress('enter');
    await nextRender();
    events.keypress('enter');
    const result = await answer;
    expect(result[questions[0].key]).toBe(questions[0].choices[1].value);
  });

  it('ignores keys that mean nothing here: no key silently picks or moves', async () => {
    // The screen after two moves down, with nothing in between.
    const reference = await start();
    for (let i = 0; i < 2; i++) {
      reference.events.keypress('down');
      await reference.nextRender();
    }
    const { answer, events, getScreen, nextRender } = await start();
    events.keypress('down');
    await nextRender();
    for (const key of ['right', 'escape', 'tab', 'x', 'space', '1']) events.keypress(key);
    events.keypress('left'); // on the first question there is nothing to go back to
    // Then a key that does move: the next screen is the reference's. Had any key above moved, picked
    // or drawn, this screen (the next one drawn) would differ.
    events.keypress('down');
    await nextRender();
    expect(getScreen()).toBe(reference.getScreen());
    events.keypress('enter');
    await nextRender();
    for (let i = 1; i < questions.length; i++) events.keypress('enter');
    events.keypress('enter');
    expect((await answer)[questions[0].key]).toBe(questions[0].choices[2].value);
  });

  it('changes an answer from the overview and returns there', async () => {
    const given = Object.fromEntries(questions.map((q) => [q.key, q.choices[0].value]));
    const { answer, events, getScreen, nextRender } = await start({ ask: [], answers: given });
    expect(getScreen()).toContain('Overzicht');
    events.keypress('down');
    events.keypress('down'); // the second question's row
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain(questions[1].message.slice(0, 40));
    expect(getScreen()).toContain('← vorige vraag'); // back to the overview
    events.keypress('down');
    events.keypress('down');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain(`${questions[1].label}: ${questions[1].choices[2].value}`);
    events.keypress('enter');
    expect(await answer).toEqual({ ...given, [questions[1].key]: questions[1].choices[2].value });
  });

  it('wraps at word boundaries to the terminal, and again at the new width after a resize', async () => {
    const { term, events, getScreen, nextRender } = await start();
    const words = new Set([questions[0].message, questions[0].help!, ...questions[0].choices.flatMap((c) => [c.name, c.description!]), '↑↓ kiezen • ⏎ bevestigen • Ctrl-C stoppen'].join(' ').split(/\s+/));
    for (const [columns, rows] of [[80, 40], [44, 30], [30, 40]]) {
      term.columns = columns;
      term.rows = rows;
      term.emit('resize');
      events.keypress('down'); // any render
      events.keypress('up');
      await nextRender();
      for (const line of getScreen().split('\n')) {
        expect(line.length, line).toBeLessThan(columns);
        for (const word of line.replace(/^[?❯ ]+/, '').split(/\s+/).filter(Boolean)) expect(words.has(word), `${word} in ${line}`).toBe(true);
      }
      expect(getScreen().split('\n').length).toBeLessThan(rows);
    }
    // The old screen is cleared before the redraw, so no stale lines stay above it.
    expect(term.written).toContain('\u001b[2J');
  });
});

describe('a question answered in words, and answers given as options', () => {
  const over: Question = { key: 'over', label: 'Onderwerp', message: 'Waar gaat het initiatief over?', choices: [], text: { hint: 'Enter zonder tekst slaat de vraag over.' } };
  const all = [...questions, over];

  it('takes typed words, deletes with Backspace, goes back on an empty line, and may be skipped', async () => {
    const { events, getScreen, answer } = await start({ questions: all, ask: ['empathie', 'over'] });
    events.keypress('enter');
    expect(getScreen()).toContain('Waar gaat het initiatief over?');
    events.type('keet');
    events.keypress('backspace');
    expect(getScreen()).toContain('❯ kee');
    for (let i = 0; i < 3; i++) events.keypress('backspace');
    // On an empty line Backspace goes back to the question before.
    events.keypress('backspace');
    expect(getScreen()).toContain(questions[4].message);
    events.keypress('enter');
    events.type('jongeren willen een eigen keet');
    events.keypress('enter');
    expect(getScreen()).toContain('Overzicht');
    events.keypress('enter');
    await expect(answer).resolves.toMatchObject({ over: 'jongeren willen een eigen keet' });
  });

  it('shows the answers given as options above the first question asked', async () => {
    const given = { animo: 'bijsturen', contact: 'benutten' };
    const { getScreen } = await start({ questions: all, ask: ['toerusting', 'inbedding', 'empathie', 'over'], answers: given });
    const screen = getScreen();
    expect(screen).toContain('✔ Animo: Bijsturen');
    expect(screen).toContain(`✔ Contact: ${questions[1].choices.find((c) => c.value === 'benutten')!.name}`);
    expect(screen.indexOf('✔ Animo')).toBeLessThan(screen.indexOf(questions[2].message.slice(0, 20)));
  });
});

describe('the opening', () => {
  it.each([
    [0, 'Daarna kunt u elk antwoord nog wijzigen.'],
    [1, 'Daarna volgt één vraag die u mag overslaan'],
    [2, 'Daarna volgen twee vragen die u mag overslaan'],
  ])('counts %i skippable questions and says how to go back', (n, says) => {
    const text = introText(model, plain, 1000, n);
    expect(text).toContain(says);
    expect(text).toContain('Met ← gaat u terug naar de vorige vraag.');
  });
});
