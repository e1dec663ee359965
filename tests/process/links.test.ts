// Method names as terminal links (OSC 8) in list, search, show and the actie advice: present on a
// terminal that supports them (FORCE_HYPERLINK stands in for one), absent everywhere else, and
// never changing what a person sees.
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { cleanEnv, tempDir } from '../helpers/env.js';
import { TmuxSession } from '../helpers/tmux.js';
import { lacks } from '../helpers/tools.js';

describe('links on a terminal', () => {
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
