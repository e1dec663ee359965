// `methodewijzer actie` in a real terminal (tmux): answered with arrow keys and Enter, and interrupted with Ctrl-C.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { adviseActie, answerOptions, contextOptions, type ActieAnswers } from '../../src/core/advice.js';
import { BIN, cleanEnv, expectNoStackTrace, runCli, tempDir } from '../helpers/cli.js';
import { squash } from '../helpers/text.js';
import { requireTmux, TmuxSession } from '../helpers/tmux.js';

const catalogue = loadCatalogue();
const { model } = catalogue;

// Which choice to take per element, by position: every kind of answer once, and a second pole twice.
const picks = [1, 2, 0, 3, 1];
const answerAt = (i: number) => answerOptions(model.elements[i], model)[picks[i]];
const settingOptions = contextOptions(model.context.setting, catalogue.methods);
const setting = settingOptions[0];

let sessions: TmuxSession[] = [];

function start(args: string[], cwd: string): TmuxSession {
  const session = new TmuxSession();
  sessions.push(session);
  session.start([process.execPath, BIN, ...args], { cwd, env: cleanEnv(), width: 100, height: 40 });
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

beforeAll(() => requireTmux());

afterEach(() => {
  for (const s of sessions) s.kill();
  sessions = [];
});

describe('actie in a terminal', () => {
  it('is answered with arrow keys and Enter, and ends with the advice for all five elements and a shortlist with reasons', async () => {
    const dir = tempDir('tty-');
    const session = start(['actie', '--report', 'interactief.md'], dir);
    await session.waitFor(model.intro);
    await answerElements(session);
    await session.waitFor(model.context.setting.question);
    choose(session, 1 + settingOptions.indexOf(setting)); // past "geen voorkeur"
    await session.waitFor(model.context.doelgroep.question);
    session.send('Enter'); // skipped with one key
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
      expect(shown).toContain(squash(`${advice.shortlist.indexOf(m) + 1}. ${m.name}`));
      expect(shown).toContain(m.url);
    }
    expect(shown.match(/Waarom:/g)).toHaveLength(advice.shortlist.length);

    // The same answers as options give the same advice, without a prompt.
    const flags = await runCli(
      ['actie', ...Object.entries(answers).flatMap(([k, v]) => [`--${k}`, v ?? 'geen']), '--report', 'opties.md'],
      { cwd: dir },
    );
    expect(flags.code).toBe(0);
    expect(flags.stderr).not.toContain(model.elements[0].question);
    expect(withoutDate(readFileSync(join(dir, 'opties.md'), 'utf8'))).toBe(withoutDate(readFileSync(join(dir, 'interactief.md'), 'utf8')));
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
