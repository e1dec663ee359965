// `methodewijzer actie` in a real terminal (tmux): answered with arrow keys and Enter, and interrupted with Ctrl-C.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { adviseActie, answerOptions, contextOptions, type ActieAnswers } from '../../src/core/advice.js';
import { BIN } from '../helpers/cli.js';
import { cleanEnv, expectNoStackTrace, tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';
import { squash } from '../helpers/text.js';
import { TmuxSession } from '../helpers/tmux.js';
import { lacks } from '../helpers/tools.js';

const catalogue = await openCatalogue();
const { model } = catalogue;

// Which choice to take per element, by position: every kind of answer once, and a second pole twice.
const picks = [1, 2, 0, 3, 1];
const answerAt = (i: number) => answerOptions(model.elements[i], model)[picks[i]];
const settingOptions = contextOptions(model.context.setting, catalogue.methods);
const setting = settingOptions[0];

let sessions: TmuxSession[] = [];

function start(args: string[], cwd: string, options: { env?: NodeJS.ProcessEnv; width?: number; height?: number } = {}): TmuxSession {
  const session = new TmuxSession();
  sessions.push(session);
  // cat as the pager: the pager's path is taken, and the whole advice stays on the screen to read.
  const env = options.env ?? { ...cleanEnv(), METHODEWIJZER_PAGER: 'cat' };
  session.start([process.execPath, BIN, ...args], { cwd, env, width: options.width ?? 100, height: options.height ?? 40 });
  return session;
}

/** Moves down `steps` choices and confirms. */
function choose(session: TmuxSession, steps: number): void {
  session.send(...Array<string>(steps).fill('Down'), 'Enter');
}

/** Answers the five questions as the picks say, waiting for each to appear first. */
async function answerElements(session: TmuxSession): Promise<void> {
  for (const [i, e] of model.elements.entries()) {
    await session.waitFor(e.question);
    choose(session, picks[i]);
  }
}

const withoutDate = (report: string) => report.replace(/^Datum: .*$/m, '');

afterEach(() => {
  for (const s of sessions) s.kill();
  sessions = [];
});

describe.skipIf(lacks('tmux', 'terminal tests'))('actie in a terminal', () => {
  it('is answered with arrow keys and Enter, and ends with the advice for all five elements and a shortlist with reasons', async () => {
    const dir = tempDir('tty-');
    const session = start(['actie', '--report', 'interactief.md'], dir);
    await session.waitFor(model.intro);
    await answerElements(session);
    await session.waitFor(model.context.setting.question);
    choose(session, 1 + settingOptions.indexOf(setting)); // past "geen voorkeur"
    await session.waitFor(model.context.doelgroep.question);
    session.send('Enter'); // skipped with one key
    await session.waitFor('Waar gaat het initiatief over?');
    session.send('Enter'); // skipped too: Enter without text
    await session.waitFor('Toon het advies');
    session.send('Enter');

    expect(await session.waitForExit()).toBe(0);
    const screen = session.capture();
    expectNoStackTrace(screen);
    const answers = {
      ...Object.fromEntries(model.elements.map((e, i) => [e.key, answerAt(i).key])),
      setting: setting.tag,
      doelgroep: null,
    } as ActieAnswers;
    const advice = adviseActie(answers, catalogue);
    const shown = squash(screen.slice(screen.lastIndexOf('ACTIE-ADVIES')));
    for (const e of advice.elements) {
      expect(shown).toContain(squash(e.name.toUpperCase()));
      expect(shown).toContain(squash(e.answer.role));
    }
    expect(shown).toContain('KORTLIJST');
    expect(advice.shortlist.length).toBeGreaterThan(0);
    for (const m of advice.shortlist) {
      expect(shown).toContain(squash(`${m.place}. ${m.name}`));
      expect(shown).toContain(m.url);
    }
    expect(shown.match(/Staatonder/g)).toHaveLength(advice.shortlist.length);
    // Then how to make it again, and last where the report went.
    const command = `methodewijzer actie ${Object.entries(answers).map(([k, v]) => `--${k} ${v ?? 'geen'}`).join(' ')}`;
    // The command is wrapped to the window with backslashes, so it can be pasted as it is: joined here.
    const tail = joinContinued(screen).split('\n').filter((l) => l.trim() && !l.startsWith('Pane is dead')).slice(-3);
    expect(tail).toEqual(['Hetzelfde advies later opnieuw:', `  ${command}`, 'Rapport geschreven naar interactief.md']);

    // The same answers as options give the same advice, without a prompt.
    const flags = await runMain(['actie', ...Object.entries(answers).flatMap(([k, v]) => [`--${k}`, v ?? 'geen']), '--report', join(dir, 'opties.md')]);
    expect(flags.code).toBe(0);
    expect(flags.stderr).not.toContain(model.elements[0].question);
    expect(withoutDate(readFileSync(join(dir, 'opties.md'), 'utf8'))).toBe(withoutDate(readFileSync(join(dir, 'interactief.md'), 'utf8')));
  });

  it('goes back to the previous question with ←, shown on screen, and no other key picks an answer', async () => {
    const session = start(['actie', '--setting', 'geen', '--doelgroep', 'geen'], tempDir('tty-'));
    const [animo, contact, toerusting] = model.elements;
    await session.waitFor(animo.question);
    const keyLine = (screen: string) => screen.split('\n').find((l) => l.includes('Ctrl-C stoppen')) ?? '';
    expect(keyLine(session.visible())).not.toContain('vorige vraag'); // nothing before the first question
    choose(session, 1);
    await session.waitFor(contact.question);
    expect(keyLine(session.visible())).toContain('← vorige vraag');
    choose(session, 1);
    await session.waitFor(toerusting.question);
    // Keys that mean nothing here change nothing: the cursor stays on the first answer, no answer is given.
    session.send('Right', 'Escape', 'x', 'Tab');
    session.send('Left');
    await session.waitFor((s) => squash(s).includes(squash(contact.question)) && !squash(s).includes(squash(toerusting.question)), 10_000, () => session.visible());
    // Back on Contact, with the cursor on the answer given before; ← again reaches Animo.
    expect(session.visible()).toMatch(new RegExp(`❯ ${answerOptions(contact, model)[1].label.slice(0, 30)}`));
    session.send('Left');
    await session.waitFor((s) => squash(s).includes(squash(animo.question)), 10_000, () => session.visible());
    // A new answer for Animo: two down from the one given before (the second), so the fourth.
    choose(session, 2);
    for (const e of model.elements.slice(1)) {
      await session.waitFor((s) => squash(s).includes(squash(e.question)), 10_000, () => session.visible());
      session.send('Enter');
    }
    await session.waitFor('Waar gaat het initiatief over?');
    session.send('Enter');
    await session.waitFor('Toon het advies');
    session.send('Enter');
    expect(await session.waitForExit()).toBe(0);
    const expected = [answerOptions(animo, model)[3].key, answerOptions(contact, model)[1].key, ...model.elements.slice(2).map((e) => e.poles[0].key)];
    const command = `methodewijzer actie ${model.elements.map((e, i) => `--${e.key} ${expected[i]}`).join(' ')} --setting geen --doelgroep geen`;
    expect(joinContinued(session.capture())).toContain(command);
  });

  it('redraws the question at the new width after a resize: no line too wide, no word broken, no stale copy', async () => {
    const session = start(['actie'], tempDir('tty-'), { width: 120, height: 40 });
    const contact = model.elements[1];
    await session.waitFor(model.elements[0].question);
    choose(session, 1);
    await session.waitFor(contact.question);
    const words = new Set(
      [`Contact (2/5): ${contact.question}`, contact.help, ...answerOptions(contact, model).flatMap((o) => [o.label, o.role]), 'Animo: Bijsturen', '↑↓ kiezen • ⏎ bevestigen • ← vorige vraag • Ctrl-C stoppen']
        .join(' ')
        .split(/\s+/),
    );
    const problems = (screen: string, width: number) => {
      const found: string[] = [];
      for (const line of screen.split('\n').filter((l) => l.trim())) {
        if (line.length > width) found.push(`too wide: ${line}`);
        // Every word on the screen is a whole word of the question, its answers or the key help.
        for (const word of line.replace(/^[?❯✔ ]+/, '').split(/\s+/).filter(Boolean)) if (!words.has(word)) found.push(`"${word}" in: ${line}`);
      }
      // One copy of the key help, not a stale one beside the new.
      if (screen.match(/Ctrl-C stoppen/g)?.length !== 1) found.push('the key help is not there exactly once');
      return found;
    };
    for (const [width, height] of [[60, 20], [40, 12], [90, 30]]) {
      session.resize(width, height);
      // The terminal reflows the old text first (breaking words); the redraw must follow and fix it.
      const screen = await session
        .waitFor((s) => problems(s, width).length === 0, 5_000, () => session.visible())
        .catch(() => session.visible());
      expect(problems(screen, width), screen).toEqual([]);
    }
    session.send('C-c');
    expect(await session.waitForExit()).toBe(130);
  });

  it('takes what the initiative is about as typed words, shows the answers given as options, and repeats the words in the command', async () => {
    const given = model.elements.slice(0, 4).flatMap((e) => [`--${e.key}`, e.poles[0].key]);
    const session = start(['actie', ...given, '--setting', 'dorp', '--doelgroep', 'geen'], tempDir('tty-'));
    const last = model.elements[4];
    const first = await session.waitFor(last.question);
    // The answers given as options stand above the first question asked.
    expect(squash(first)).toContain(squash(`✔ ${model.elements[0].name}: ${model.elements[0].poles[0].label}`));
    session.send('Enter');
    await session.waitFor('Waar gaat het initiatief over?');
    session.send('jongeren keeet');
    session.send('BSpace', 'BSpace');
    session.send('t');
    session.send('Enter');
    await session.waitFor('Toon het advies');
    session.send('Enter');
    expect(await session.waitForExit()).toBe(0);
    const screen = joinContinued(session.capture());
    expect(screen).toMatch(/Onderwerp +jongeren keet\n/);
    expect(screen).toContain("--over 'jongeren keet'");
  });

  it('shows advice taller than the window through less, and the command line after it', async () => {
    const session = start(['actie', ...model.elements.flatMap((e) => [`--${e.key}`, 'beide']), '--setting', 'geen'], tempDir('tty-'), {
      env: cleanEnv(),
      width: 80,
      height: 24,
    });
    // less waits at its prompt with the first screen: the profile and the start of the shortlist.
    const first = await session.waitFor((s) => /^:\s*$/m.test(s), 10_000, () => session.visible());
    expect(first).toContain('Uw profiel');
    expect(first).toContain('KORTLIJST');
    expect(first).not.toContain('PER ELEMENT');
    session.send('q');
    expect(await session.waitForExit()).toBe(0);
    expectNoStackTrace(session.capture());
  });

  const interruptions = [
    { at: 'the first question', reach: async (s: TmuxSession) => void (await s.waitFor(model.elements[0].question)) },
    {
      at: 'a context question',
      reach: async (s: TmuxSession) => {
        await answerElements(s);
        await s.waitFor(model.context.setting.question);
      },
    },
    {
      at: 'the review step',
      reach: async (s: TmuxSession) => {
        await answerElements(s);
        for (const key of ['setting', 'doelgroep'] as const) {
          await s.waitFor(model.context[key].question);
          s.send('Enter');
        }
        await s.waitFor('Waar gaat het initiatief over?');
        s.send('Enter');
        await s.waitFor('Toon het advies');
      },
    },
  ];

  it.each(interruptions)('Ctrl-C at $at: one short line, exit 130, no file written', async ({ reach }) => {
    const dir = tempDir('tty-');
    const session = start(['actie', '--report', 'advies.md'], dir);
    await reach(session);
    session.send('C-c');

    expect(await session.waitForExit()).toBe(130);
    const screen = session.capture();
    expect(screen.match(/Afgebroken\./g)).toHaveLength(1);
    expectNoStackTrace(screen);
    expect(screen).not.toMatch(/ExitPromptError|Error:/);
    expect(screen).not.toContain('ACTIE-ADVIES');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a SIGINT signal (not a key) during a prompt ends the same way', async () => {
    const dir = tempDir('tty-');
    const session = start(['actie', '--report', 'advies.md'], dir);
    await session.waitFor(model.elements[0].question);
    session.signal('SIGINT');

    expect(await session.waitForExit()).toBe(130);
    const screen = session.capture();
    expect(screen.match(/Afgebroken\./g)).toHaveLength(1);
    expectNoStackTrace(screen);
    expect(readdirSync(dir)).toEqual([]);
  });
});

/** A shell command wrapped with " \\" at the line ends, as one line again. */
function joinContinued(text: string): string {
  return text.replace(/ \\\n\s+/g, ' ');
}
