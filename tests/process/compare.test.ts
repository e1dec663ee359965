// compare as the built binary and in a real terminal. The rest: tests/e2e/compare.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { BIN, runCli } from '../helpers/cli.js';
import { cleanEnv, expectNoStackTrace, tempDir } from '../helpers/env.js';
import { TmuxSession } from '../helpers/tmux.js';
import { lacks } from '../helpers/tools.js';

const { methods } = await openCatalogue();

describe('compare', () => {
  it('the built binary: exit codes and streams as a user gets them', async () => {
    const ok = await runCli(['compare', 'abcd', 'kan-wel']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^id\tabcd\tkan-wel$/m);
    const bad = await runCli(['compare', 'abcd', 'nope-nope']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expectNoStackTrace(bad.stderr);
    const help = await runCli(['compare', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('Gebruik: methodewijzer compare [opties] <methode> <methode> [methode...]');
    expect(help.stdout).toMatch(/Voorbeelden:\n {2}\$ methodewijzer compare /);
  });
});

describe.skipIf(lacks('tmux', 'terminal tests'))('compare in a real terminal', () => {
  let session: TmuxSession | undefined;
  afterEach(() => session?.kill());

  it('at 80 columns: nothing wider than the window but a URL on its own line; no colour with NO_COLOR', async () => {
    session = new TmuxSession();
    const ids = ['abcd', 'kan-wel', 'maatschappelijke-activeringscentra'];
    session.start([process.execPath, BIN, 'compare', ...ids], { cwd: tempDir('compare-'), env: { ...cleanEnv(), NO_COLOR: '1' }, width: 80, height: 60 });
    expect(await session.waitForExit()).toBe(0);
    const lines = session.capture().split('\n').map((l) => l.trimEnd());
    const urls = ids.map((id) => methods.find((m) => m.id === id)!.url);
    expect(lines.filter((l) => l.length > 80 && !urls.includes(l))).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/^ {13}ABCD {2,}Kan wél {2,}Maatschappelijke$/));
    expect(lines).toContain('Link');
    for (const url of urls) expect(lines.some((l) => l.trim() === url), lines.join('\n')).toBe(true);
  });
});
