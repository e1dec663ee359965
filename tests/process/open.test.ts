// `open <methode>` and `show <methode> --web`. No test starts a real browser: BROWSER points at a stub
// that records its arguments in a file, or the environment has no way to show one (and PATH holds no
// xdg-open, in case the rules were ever wrong).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { expectNoStackTrace, tempDir } from '../helpers/env.js';

const KAN_WEL = 'https://www.movisie.nl/esi/kan-wel';

/** A browser that writes its arguments, one per line, to a file; `exitCode` lets it fail. */
function stubBrowser(exitCode = 0): { command: string; calls: () => string[] | undefined } {
  const dir = tempDir('browser-');
  const command = join(dir, 'browser.sh');
  const log = join(dir, 'called-with');
  writeFileSync(command, `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\nexit ${exitCode}\n`, { mode: 0o755 });
  return { command, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trimEnd().split('\n') : undefined) };
}

/** No browser variable, no display, no CI, and no xdg-open on PATH. */
const NOWHERE = { BROWSER: undefined, DISPLAY: undefined, WAYLAND_DISPLAY: undefined, WSL_DISTRO_NAME: undefined, CI: undefined, PATH: tempDir('empty-path-') };

describe('open', () => {
  it.each([
    ['open', 'kan wel'],
    ['open', 'kan-wel'],
    ['show', 'Kan wél', '--web'],
  ])('%s %s %s: runs $BROWSER with the link, prints nothing on stdout, exit 0', async (...args) => {
    const browser = stubBrowser();
    const r = await runCli(args, { env: { BROWSER: browser.command, CI: undefined } });
    expect(r.code).toBe(0);
    expect(browser.calls()).toEqual([KAN_WEL]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Kan wél geopend in de browser: ${KAN_WEL}\n`);
  });

  it('BROWSER wins over CI and a missing display: the user named the program', async () => {
    const browser = stubBrowser();
    const r = await runCli(['open', 'abcd'], { env: { ...NOWHERE, CI: '1', BROWSER: browser.command } });
    expect(r.code).toBe(0);
    expect(browser.calls()).toEqual(['https://www.movisie.nl/esi/abcd']);
  });

  it('BROWSER with %s puts the link there; a list separated by ":" is tried in order until one succeeds', async () => {
    const failing = stubBrowser(3);
    const browser = stubBrowser();
    const r = await runCli(['open', 'abcd'], { env: { BROWSER: `${failing.command}:/no/such/browser:${browser.command} --new-tab %s` } });
    expect(r.code).toBe(0);
    expect(failing.calls()).toEqual(['https://www.movisie.nl/esi/abcd']);
    expect(browser.calls()).toEqual(['--new-tab', 'https://www.movisie.nl/esi/abcd']);
  });

  const noBrowser: [string, NodeJS.ProcessEnv, RegExp][] = [
    ['BROWSER=none', { BROWSER: 'none' }, /^Geen browser geopend: BROWSER=none\. Open de link zelf\.\n$/],
    ['CI set', { ...NOWHERE, DISPLAY: ':99', CI: 'true' }, /de omgevingsvariabele CI is gezet/],
  ];
  if (process.platform === 'linux') noBrowser.push(['no display (Linux)', NOWHERE, /er is geen beeldscherm \(DISPLAY en WAYLAND_DISPLAY zijn leeg\)/]);
  it.each(noBrowser)('no browser can start (%s): the link on stdout, the reason on stderr, exit 0', async (_, env, reason) => {
    for (const args of [['open', 'abcd'], ['show', 'abcd', '--web']]) {
      const r = await runCli(args, { env });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('https://www.movisie.nl/esi/abcd\n');
      expect(r.stderr).toMatch(reason);
    }
  });

  it.runIf(process.platform === 'linux')('the default browser through the open package: without xdg-open, the link on stdout and why', async () => {
    const r = await runCli(['open', 'abcd'], { env: { ...NOWHERE, DISPLAY: ':99' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('https://www.movisie.nl/esi/abcd\n');
    expect(r.stderr).toBe('Geen browser geopend: de standaardbrowser kon niet gestart worden (xdg-open niet gevonden). Open de link zelf.\n');
  });

  it('a BROWSER that cannot start: the link on stdout, and which commands failed', async () => {
    const r = await runCli(['open', 'abcd'], { env: { BROWSER: '/no/such/browser' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('https://www.movisie.nl/esi/abcd\n');
    expect(r.stderr).toMatch(/BROWSER kon niet gestart worden \(\/no\/such\/browser: niet gevonden\)/);
  });

  it('an unknown method: exit 1 with the suggestions of show, and no browser', async () => {
    const browser = stubBrowser();
    const r = await runCli(['open', 'smedrijen'], { env: { BROWSER: browser.command } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/geen methode gevonden voor "smedrijen"\nBedoelde u: de-smederijen\?/);
    expect(browser.calls()).toBeUndefined();
    expectNoStackTrace(r.stderr);
  });

  it.each([
    [['open'], /argument 'methode' ontbreekt/],
    [['open', '🙂'], /geef het id of de naam van een methode\nBijvoorbeeld: methodewijzer open abcd/],
    [['show', 'abcd', '--web', '--json'], /--web en --json gaan niet samen/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const r = await runCli(args, { env: { BROWSER: 'none' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
