// Method names as terminal links (OSC 8) in list, search, show and the actie advice: present on a
// terminal that supports them (FORCE_HYPERLINK stands in for one), absent everywhere else, and
// never changing what a person sees.
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { BIN, cleanEnv, runCli, tempDir } from '../helpers/cli.js';
import { TmuxSession } from '../helpers/tmux.js';
import { lacks } from '../helpers/tools.js';

const OSC8 = /\u001b\]8;;[^\u0007]*\u0007/g;
const SGR = /\u001b\[[0-9;]*m/;
const ANSWERS = ['--animo', 'bijsturen', '--contact', 'benutten', '--toerusting', 'aanreiken', '--inbedding', 'beide', '--empathie', 'beide', '--over', 'jongeren'];
const COMMANDS = [['list'], ['search', 'dorp'], ['show', 'maatschappelijke-activeringscentra'], ['actie', ...ANSWERS, '--no-pager']];

/** A run in-process with stdout a terminal of 100 columns (or a pipe). */
async function run(args: string[], env: NodeJS.ProcessEnv, tty = true) {
  let stdout = '';
  const code = await main(['node', 'methodewijzer', ...args], {
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: tty, columns: 100, rows: 1000 },
    stderr: { write: () => true, isTTY: false },
    env: { ...cleanEnv(), ...env },
  });
  return { code, stdout };
}

describe('links on a terminal', () => {
  it.each(COMMANDS.map((args) => [args.slice(0, 2).join(' '), args]))('%s: names are links, and without the escapes the output is byte for byte the same', async (_, args) => {
    const linked = await run(args as string[], { FORCE_HYPERLINK: '1', FORCE_COLOR: '1' });
    const plain = await run(args as string[], { FORCE_HYPERLINK: '0', FORCE_COLOR: '1' });
    expect(linked.code).toBe(0);
    expect(linked.stdout.match(OSC8)?.length).toBeGreaterThan(0);
    expect(plain.stdout).not.toMatch(OSC8);
    expect(linked.stdout.replace(OSC8, '')).toBe(plain.stdout);
  });

  it('NO_COLOR takes the colour away, not the links; --no-color takes both', async () => {
    const noColor = await run(['list'], { FORCE_HYPERLINK: '1', NO_COLOR: '1' });
    expect(noColor.stdout).toMatch(OSC8);
    expect(noColor.stdout).not.toMatch(SGR);
    // Without FORCE_HYPERLINK the terminal decides, except after --no-color.
    expect((await run(['--no-color', 'list'], { TERM_PROGRAM: 'ghostty' })).stdout).not.toMatch(/\u001b/);
  });

  it.each(COMMANDS.map((args) => [args.slice(0, 2).join(' '), args]))('%s piped: no escapes of any kind', async (_, args) => {
    const piped = await run(args as string[], { TERM_PROGRAM: 'ghostty' }, false);
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toMatch(/\u001b/);
  });

  it('the built binary, piped: FORCE_HYPERLINK=1 links the name in show (asked for), plain lines of list stay plain', async () => {
    const show = await runCli(['show', 'abcd'], { env: { FORCE_HYPERLINK: '1' } });
    expect(show.stdout.startsWith('\u001b]8;;https://www.movisie.nl/esi/abcd\u0007ABCD\u001b]8;;\u0007  (abcd)\n')).toBe(true);
    const list = await runCli(['list'], { env: { FORCE_HYPERLINK: '1' } });
    expect(list.stdout).toBe((await runCli(['list'])).stdout);
    expect(list.stdout).not.toMatch(/\u001b/);
  });
});

describe.skipIf(lacks('tmux', 'terminal tests'))('links in a real terminal (tmux)', () => {
  let sessions: TmuxSession[] = [];
  afterEach(() => {
    for (const s of sessions) s.kill();
    sessions = [];
  });

  async function screen(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
    const session = new TmuxSession();
    sessions.push(session);
    session.start([process.execPath, BIN, ...args], { cwd: tempDir('links-'), env: { ...cleanEnv(), METHODEWIJZER_PAGER: 'cat', ...env }, width: 90, height: 60 });
    expect(await session.waitForExit()).toBe(0);
    // tmux's own last line carries the time the program ended.
    return session.capture().replace(/^Pane is dead.*$/m, '');
  }

  it.each([[['list']], [['search', 'maatschapelijke']]])('%j: the screen with links is the screen without', async (args) => {
    expect(await screen(args, { FORCE_HYPERLINK: '1' })).toBe(await screen(args, { FORCE_HYPERLINK: '0' }));
  });
});
