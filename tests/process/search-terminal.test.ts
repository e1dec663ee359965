// `methodewijzer search` without words in a real terminal (tmux): the picker, typed into as a user would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { elementNames } from '../../src/core/methods.js';
import { formatMethodDetail } from '../../src/format/methods.js';
import { makeStyle } from '../../src/text/terminal.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { BIN, runCli } from '../helpers/cli.js';
import { cleanEnv, expectNoStackTrace, tempDir } from '../helpers/env.js';
import { TmuxSession } from '../helpers/tmux.js';
import { lacks } from '../helpers/tools.js';

const catalogue = await openCatalogue();
const WIDTH = 100;
let sessions: TmuxSession[] = [];

/**
 * `methodewijzer search` (and `args`) in a terminal of WIDTH columns; with `stdout` or `stderr`, that
 * stream goes to the file instead, as `> file` or `2> file` would send it.
 */
function start(args: string[] = [], options: { env?: NodeJS.ProcessEnv; stdout?: string; stderr?: string } = {}): TmuxSession {
  const session = new TmuxSession();
  sessions.push(session);
  const redirect = [options.stdout ? ' > "$1"' : '', options.stderr ? ' 2> "$2"' : ''].join('');
  const command = ['sh', '-c', `exec "$0" "$3" search "$@"${redirect}`.replace('"$@"', args.map((_, i) => `"$${i + 4}"`).join(' ')), process.execPath, options.stdout ?? '', options.stderr ?? '', BIN, ...args];
  session.start(command, { cwd: tempDir('pick-'), env: { ...cleanEnv(), ...options.env }, width: WIDTH, height: 30 });
  return session;
}

/** The names in the picker's list as the window shows it now, top to bottom, and the one under the cursor. */
function list(screen: string): { names: string[]; cursor?: string } {
  const rows = screen.split('\n').filter((l) => /^[❯ ] \S.*  [A·] [C·] [T·] [I·] [E·]$/.test(l));
  const name = (l: string) => l.slice(2).replace(/\s+[A·] [C·] [T·] [I·] [E·]$/, '');
  return { names: rows.map(name), cursor: rows.filter((l) => l.startsWith('❯')).map(name)[0] };
}

const shownFor = (session: TmuxSession, test: (l: ReturnType<typeof list>) => boolean) =>
  session.waitFor((s) => test(list(s)), 10_000, () => session.visible());

afterEach(() => {
  for (const s of sessions) s.kill();
  sessions = [];
});

describe.skipIf(lacks('tmux', 'terminal tests'))('search without words, in a terminal', () => {
  it('lists every method by name, narrows with each letter typed, moves with the arrows, and Enter shows the method as show does', async () => {
    const session = start();
    await session.waitFor('methoden op naam; typ woorden om te zoeken');
    expect(list(session.visible()).names[0]).toBe('ABCD');

    session.send('j', 'o', 'n', 'g');
    const jong = list(await shownFor(session, (l) => l.names.length > 0 && !l.names.includes('ABCD')));
    expect(session.visible()).toContain('Zoek een methode: jong');
    session.send('eren keet');
    await shownFor(session, (l) => l.names[0] === 'KeetKeur' && l.cursor === 'KeetKeur');
    expect(jong).not.toEqual(list(session.visible()));

    // Back to "jong": the arrows move through that list, the line under it follows the cursor.
    session.send(...Array<string>('eren keet'.length).fill('BSpace'));
    await shownFor(session, (l) => l.names.join() === jong.names.join());
    session.send('Down', 'Down', 'Up');
    await shownFor(session, (l) => l.cursor === jong.names[1]);
    const chosen = catalogue.methods.find((m) => m.name === jong.names[1])!;
    expect(session.visible()).toContain(`${chosen.id} · `);
    session.send('Enter');

    expect(await session.waitForExit()).toBe(0);
    const screen = session.capture();
    expectNoStackTrace(screen);
    expect(screen).toContain(`✔ Zoek een methode: ${chosen.name}`);
    const detail = formatMethodDetail(chosen, catalogue.origins[chosen.id], { style: makeStyle(false), width: WIDTH, names: elementNames(catalogue.model) });
    const after = screen.slice(screen.indexOf(`✔ Zoek een methode: ${chosen.name}`)).split('\n').slice(1).map((l) => l.trimEnd());
    expect(after.slice(0, detail.split('\n').length - 1)).toEqual(detail.trimEnd().split('\n'));
  });

  it('with stdout to a file: the picker is on the terminal, the file holds exactly what show writes', async () => {
    const out = join(tempDir('out-'), 'methode.txt');
    const session = start([], { stdout: out });
    await session.waitFor('methoden op naam');
    session.send('smederij');
    await shownFor(session, (l) => l.cursor === 'De Smederijen');
    session.send('Enter');
    expect(await session.waitForExit()).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe((await runCli(['show', 'de-smederijen'])).stdout);
  });

  it.each([
    ['Esc', 'Escape'],
    ['Ctrl-C', 'C-c'],
  ])('%s ends it: "Afgebroken.", exit 130, nothing on stdout', async (_, key) => {
    const out = join(tempDir('out-'), 'methode.txt');
    const session = start([], { stdout: out });
    await session.waitFor('methoden op naam');
    session.send('keet');
    await shownFor(session, (l) => l.cursor === 'KeetKeur');
    session.send(key);
    expect(await session.waitForExit()).toBe(130);
    expect(session.capture()).toMatch(/^Afgebroken\.$/m);
    expectNoStackTrace(session.capture());
    expect(readFileSync(out, 'utf8')).toBe('');
  });

  it('searches own folders too (METHODEWIJZER_CATALOGUE), with the filters of search', async () => {
    const folder = userFolder({ 'soep.yaml': yamlOf(method({ id: 'buurtsoep', name: 'Buurtsoep', elements: ['contact'], summary: 'Bewoners koken om de beurt voor de straat.' })) });
    const session = start(['--element', 'contact'], { env: { METHODEWIJZER_CATALOGUE: folder } });
    await session.waitFor('methoden op naam');
    const all = list(session.visible()).names;
    expect(all.length).toBeGreaterThan(0);
    session.send('koken');
    await shownFor(session, (l) => l.cursor === 'Buurtsoep');
    session.send('Enter');
    expect(await session.waitForExit()).toBe(0);
    // The path may be wrapped onto the next line, however long TMPDIR is.
    expect(session.capture()).toMatch(/Herkomst +eigen methode, uit\s+\S*soep\.yaml/);
  });

  it('with stderr not a terminal there is no picker: the usage error search always gave, exit 2', async () => {
    const err = join(tempDir('err-'), 'fouten.txt');
    const session = start([], { stderr: err });
    expect(await session.waitForExit()).toBe(2);
    expect(readFileSync(err, 'utf8')).toBe("fout: argument 'woorden' ontbreekt\nZie methodewijzer search --help voor de opties en voorbeelden.\n");
  });
});

describe('search without words, not in a terminal', () => {
  it.each([[['search']], [['search', '--element', 'animo']], [['search', '--json']]])('%j: the usage error it always gave, byte for byte, exit 2', async (args) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("fout: argument 'woorden' ontbreekt\nZie methodewijzer search --help voor de opties en voorbeelden.\n");
  });
});
