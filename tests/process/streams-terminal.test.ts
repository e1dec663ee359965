// The runs that ask: stdin and stderr terminals, stdout each of the five kinds, in tmux where keys can be
// typed; and the picker with an own name that carries escapes, seen from the terminal (its title, its
// clipboard).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { answerOptions } from '../../src/core/advice.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { expectNoStackTrace, tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';
import { env, KINDS, line, terminal, type Cell } from '../helpers/streams.js';
import { squash } from '../helpers/text.js';
import { TmuxSession } from '../helpers/tmux.js';
import { lacks } from '../helpers/tools.js';

const { model } = await openCatalogue();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.skipIf(lacks('tmux', 'terminal tests of every stdout'))('asking: stdin and stderr terminals, stdout each kind', () => {
  let sessions: TmuxSession[] = [];
  afterEach(() => {
    for (const s of sessions) s.kill();
    sessions = [];
  });

  /** `args` in tmux with the cell's streams; the session ends with the command's exit status. */
  function start(c: Cell, args: string[], extra: NodeJS.ProcessEnv = {}, settings: string[] = []) {
    const dir = tempDir('ask-');
    dirs.push(dir);
    writeFileSync(join(dir, 'in'), 'invoer\n');
    const session = new TmuxSession();
    sessions.push(session);
    session.start(['bash', '-c', `D=${dir}\n${line(c, args)}\nexit "$(cat "$D/rc")"`], { cwd: dir, env: env(join(dir, 'cache'), extra), settings });
    return { session, out: () => (c.stdout.captured ? readFileSync(join(dir, 'out'), 'utf8') : undefined) };
  }

  const [first, ...rest] = model.elements;
  const others = [...rest.flatMap((e) => [`--${e.key}`, answerOptions(e, model)[0].key]), '--setting', 'geen', '--doelgroep', 'geen'];
  it.each(KINDS.map((k) => [k.name, k] as const))('actie, stdout %s: asks on the terminal, and the advice goes where stdout goes', async (_, stdout) => {
    const { session, out } = start({ stdin: terminal, stdout, stderr: terminal }, ['actie', ...others]);
    await session.waitFor(first.question);
    session.send('Down', 'Enter');
    await session.waitFor('Waar gaat het initiatief over?');
    session.send('Enter');
    await session.waitFor('Toon het advies');
    session.send('Enter');
    expect(await session.waitForExit()).toBe(0);
    const screen = session.capture();
    expectNoStackTrace(screen);
    expect(squash(screen)).toContain(squash('Hetzelfde advies later opnieuw:'));
    const flags = await runMain(['actie', `--${first.key}`, answerOptions(first, model)[1].key, ...others]);
    if (stdout.captured) expect(out()).toBe(flags.stdout);
    if (stdout.terminal) expect(screen).toContain('ACTIE-ADVIES');
    else expect(screen).not.toContain('ACTIE-ADVIES');
  });

  it.each(KINDS.map((k) => [k.name, k] as const))('search without words, stdout %s: the picker on the terminal, the method where stdout goes', async (_, stdout) => {
    const { session, out } = start({ stdin: terminal, stdout, stderr: terminal }, ['search']);
    await session.waitFor('methoden op naam');
    session.send('keetkeur');
    await session.waitFor('❯ KeetKeur');
    session.send('Enter');
    expect(await session.waitForExit()).toBe(0);
    expectNoStackTrace(session.capture());
    if (stdout.captured) expect(out()).toBe((await runMain(['show', 'keetkeur'])).stdout);
  });

  it('the picker with an own name carrying OSC 0, OSC 52 and CSI: title and clipboard untouched, the escapes shown as text', async () => {
    const name = 'Valse\u001b]0;GEHACKT\u0007naam\u001b]52;c;R0VIRUlN\u0007\u001b[2Jhier';
    const folder = userFolder({ 'vals.yaml': yamlOf(method({ id: 'valse-naam', name })) });
    dirs.push(folder);
    // set-clipboard on: a program's OSC 52 fills a tmux buffer, where the test can see it.
    const { session } = start({ stdin: terminal, stdout: terminal, stderr: terminal }, ['search'], { METHODEWIJZER_CATALOGUE: folder }, ['set -g set-clipboard on']);
    await session.waitFor('methoden op naam');
    session.send('valse');
    await session.waitFor('❯ Valse');
    session.send('Enter');
    expect(await session.waitForExit()).toBe(0);
    expect(session.title()).not.toContain('GEHACKT');
    expect(session.buffers()).toBe('');
    expect(session.capture()).toContain('✔ Zoek een methode: Valse\\u001b]0;GEHACKT\\u0007naam\\u001b]52;c;R0VIRUlN\\u0007\\u001b[2Jhier');
  });
});

