// What a person sees in a narrow real terminal (tmux, 60 columns): nothing wider than the window. The same
// rules at other widths run in-process, with stdout a terminal of that width.
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { BIN } from '../helpers/cli.js';
import { cleanEnv, tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';
import { TmuxSession } from '../helpers/tmux.js';
import { lacks } from '../helpers/tools.js';

const { methods } = (await openCatalogue());
const WIDTH = 60;
let sessions: TmuxSession[] = [];

/** The screen once the command has ended, its lines as the program wrote them (tmux joins what the terminal wrapped). */
async function screen(args: string[]): Promise<{ code: number; lines: string[] }> {
  const session = new TmuxSession();
  sessions.push(session);
  // cat as the pager: the text as less would show it, without waiting for a key.
  session.start([process.execPath, BIN, ...args], { cwd: tempDir('width-'), env: { ...cleanEnv(), METHODEWIJZER_PAGER: 'cat' }, width: WIDTH, height: 50 });
  const code = await session.waitForExit();
  return { code, lines: session.capture().split('\n').map((l) => l.trimEnd()) };
}

describe.skipIf(lacks('tmux', 'terminal tests'))(`at ${WIDTH} columns, in tmux`, () => {

  afterEach(() => {
    for (const s of sessions) s.kill();
    sessions = [];
  });

  it('search: no line runs over, and the three results are told apart by whole names and ids', async () => {
    const { code, lines } = await screen(['search', 'maatschapelijke']);
    expect(code).toBe(0);
    expect(lines.filter((l) => l.length > WIDTH)).toEqual([]);
    const found = methods.filter((m) => m.name.startsWith('Maatschappelijke'));
    expect(found.length).toBe(3);
    for (const m of found) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^\\d+\\. ${m.name.replace(/[()]/g, '\\$&')}$`)));
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(` ${m.id}$`)));
    }
  });

  it('show: only a URL too long for any line runs over, on a line of its own', async () => {
    const mac = methods.find((m) => m.id === 'maatschappelijke-activeringscentra')!;
    expect(mac.url.length).toBeGreaterThan(WIDTH);
    const { code, lines } = await screen(['show', mac.id]);
    expect(code).toBe(0);
    expect(lines.filter((l) => l.length > WIDTH)).toEqual([mac.url]);
  });

  it.each([[['list']], [['model', 'E']], [['model']]])('%j: no line runs over', async (args) => {
    const { code, lines } = await screen(args);
    expect(code).toBe(0);
    expect(lines.filter((l) => l.length > WIDTH)).toEqual([]);
  });
});

describe('at other widths, in-process', () => {
  const mac = methods.find((m) => m.id === 'maatschappelijke-activeringscentra')!;
  /** Both streams as a terminal shows them: without colour codes, each line as the program wrote it. */
  const shown = (r: { stdout: string; stderr: string }) => (r.stdout + r.stderr).replace(/\u001b\[[0-9;]*m/g, '').split('\n');

  it.each([40, 80, 120])('%d columns: no line runs over, but for a URL too long for any line, on a line of its own', async (width) => {
    for (const args of [['search', 'maatschapelijke'], ['list'], ['model', 'E'], ['model']]) {
      const r = await runMain(args, { isTTY: true, columns: width });
      expect(r.code).toBe(0);
      expect(shown(r).filter((l) => l.length > width), args.join(' ')).toEqual([]);
    }
    const show = await runMain(['show', mac.id], { isTTY: true, columns: width });
    expect(show.code).toBe(0);
    expect(shown(show).filter((l) => l.length > width)).toEqual(mac.url.length > width ? [mac.url] : []);
  });
});
