// Completion in the shells themselves: bash and zsh in tmux, the same keys and the same completions in
// both, with the built binary answering. The scripts' content and __complete in-process:
// tests/unit/completion.test.ts and tests/e2e/completion.test.ts.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { BIN, runCli } from '../helpers/cli.js';
import { ROOT, cleanEnv, tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';
import { TmuxSession } from '../helpers/tmux.js';
import { lacks } from '../helpers/tools.js';

const own = () => userFolder({ 'eigen.yaml': yamlOf(method({ id: 'eigen-buurtsoep', tags: ['soep'] }), method({ id: 'eigen-deelkast' })) });

describe('completion <shell>', () => {
  it('the built binary writes the same script', async () => {
    const { code, stdout } = await runCli(['completion', 'bash']);
    expect(code).toBe(0);
    expect(stdout).toBe((await runMain(['completion', 'bash'])).stdout);
  });
});

describe('__complete, which the scripts ask', () => {
  it('loads neither yaml nor zod when the cache of the own folder is warm', () => {
    const dir = own();
    const env = cleanEnv();
    // The first run reads the folder (and fills the cache); the second must be served from the cache.
    expect(spawnSync(process.execPath, [BIN, '-c', dir, '__complete', 'ids'], { env }).status).toBe(0);
    const script = `
      const cli = require(${JSON.stringify(join(ROOT, 'dist', 'cli.cjs'))});
      let out = '';
      const sink = { write: (s) => ((out += s), true), isTTY: false };
      cli.main([process.execPath, 'methodewijzer', '-c', ${JSON.stringify(dir)}, '__complete', 'ids'], { stdout: sink, stderr: sink }).then((code) => {
        const vendor = Object.keys(require.cache).filter((f) => f.includes('vendor')).map((f) => f.split('/').pop());
        console.log(JSON.stringify({ code, vendor, own: out.includes('eigen-buurtsoep') }));
      });`;
    const result = spawnSync(process.execPath, ['-e', script], { env, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const { code, vendor, own: found } = JSON.parse(result.stdout);
    expect(code).toBe(0);
    expect(found).toBe(true);
    expect(vendor.filter((f: string) => /yaml|zod|inquirer/.test(f))).toEqual([]);
  });
});

/**
 * bash or zsh without any profile, with the script loaded (sourced, or from $fpath by compinit), and
 * `methodewijzer` on PATH as a wrapper around the built binary.
 */
async function shellWithScript(shell: 'bash' | 'zsh', env: NodeJS.ProcessEnv = {}): Promise<TmuxSession> {
  const dir = tempDir('completion-');
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'methodewijzer'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
  chmodSync(join(bin, 'methodewijzer'), 0o755);
  const script = (await runMain(['completion', shell])).stdout;
  const s = new TmuxSession();
  // Wide, so that a typed line with a folder in TMPDIR stays on one row, however long TMPDIR is.
  const options = { cwd: dir, env: { ...cleanEnv(), PATH: `${bin}:${process.env.PATH}`, PS1: '$ ', ...env }, width: 400, height: 30 };
  let setup: string;
  if (shell === 'bash') {
    writeFileSync(join(dir, 'methodewijzer.bash'), script);
    s.start(['bash', '--norc', '--noprofile'], options);
    setup = 'source methodewijzer.bash';
  } else {
    writeFileSync(join(dir, '_methodewijzer'), script);
    s.start(['zsh', '-f'], options);
    setup = `PS1='$ '; fpath=(${dir} $fpath); autoload -Uz compinit && compinit -u -D`;
  }
  s.send(setup, 'Enter');
  await s.waitFor((screen) => screen.split('\n').filter((l) => l === '$ ').length >= 1 && screen.includes(setup));
  return s;
}

/**
 * Types `line`, presses Tab, waits until the program has answered and the screen holds still, then
 * types '#' to show where the cursor is (capture-pane drops trailing spaces): the command line, with
 * '#' at the cursor, or the whole screen when `screen` is set.
 */
async function tab(s: TmuxSession, line: string, presses = 1, screen = false): Promise<string> {
  s.send('C-u', line);
  for (let i = 0; i < presses; i++) s.send('Tab');
  const typed = `$ ${line}`;
  let last = '';
  let since = Date.now();
  const start = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    const now = s.visible().trimEnd();
    if (now !== last) [last, since] = [now, Date.now()];
    const changed = now.split('\n').pop() !== typed || now.split('\n').length > 1 + (now.match(/^\$ /gm)?.length ?? 0);
    if ((changed && Date.now() - since > 300) || Date.now() - start > 10_000) break;
  }
  if (screen) return last;
  s.send('#');
  const shown = await s.waitFor((x) => x.trimEnd().endsWith('#'), 5_000, () => s.visible());
  return shown.trimEnd().split('\n').pop()!;
}

// The same keys, the same completions, in both shells whose scripts can be driven in a terminal.
for (const shell of ['bash', 'zsh'] as const) {
  describe.skipIf(lacks('tmux', 'terminal tests') || (shell === 'zsh' && lacks('zsh', 'zsh completion tests')))(`${shell} completion in a real terminal`, () => {
    let session: TmuxSession | undefined;
    afterEach(() => session?.kill());
    const start = (env?: NodeJS.ProcessEnv) => shellWithScript(shell, env);

    it('completes a command, and a method id after show', async () => {
      session = await start();
      expect(await tab(session, 'methodewijzer sh')).toBe('$ methodewijzer show #');
      expect(await tab(session, 'methodewijzer show ab')).toBe('$ methodewijzer show abcd #');
    });

    it('completes the ids of an own folder, from --catalogue on the line and from METHODEWIJZER_CATALOGUE, at every position of compare', async () => {
      const dir = own();
      session = await start({ METHODEWIJZER_CATALOGUE: '' });
      expect(await tab(session, `methodewijzer --catalogue ${dir} compare abcd eigen-b`)).toBe(`$ methodewijzer --catalogue ${dir} compare abcd eigen-buurtsoep #`);
      expect(await tab(session, `methodewijzer compare -c ${dir} eigen-buurtsoep eigen-d`)).toBe(`$ methodewijzer compare -c ${dir} eigen-buurtsoep eigen-deelkast #`);
      session.kill();
      session = await start({ METHODEWIJZER_CATALOGUE: dir });
      expect(await tab(session, 'methodewijzer show eigen-d')).toBe('$ methodewijzer show eigen-deelkast #');
    });

    it('completes list or show after dossier, and after show the dossiers there are', async () => {
      const dossiers = join(tempDir('dossiers-'), 'dossiers');
      const answers = ['--animo', 'beide', '--contact', 'beide', '--toerusting', 'beide', '--inbedding', 'beide', '--empathie', 'beide'];
      expect((await runMain(['actie', ...answers, '--dossier', 'Keet Oost'], { env: { METHODEWIJZER_DOSSIERS: dossiers } })).code).toBe(0);
      session = await start({ METHODEWIJZER_DOSSIERS: dossiers });
      expect(await tab(session, 'methodewijzer dossier sh')).toBe('$ methodewijzer dossier show #');
      expect(await tab(session, 'methodewijzer dossier show k')).toBe('$ methodewijzer dossier show keet-oost #');
      // After list a name is a usage error: nothing is offered (the line stays as typed; bash's own
      // script is driven word by word in completion-scripts.test.ts, without this wait).
      if (shell === 'zsh') expect(await tab(session, 'methodewijzer dossier list k')).toBe('$ methodewijzer dossier list k#');
    });

    it('completes option names and their fixed and dynamic values', async () => {
      session = await start();
      // zsh offers an option with a value as --format=, bash as a word of its own.
      expect(await tab(session, 'methodewijzer export --form')).toBe(`$ methodewijzer export --format${shell === 'zsh' ? '=' : ' '}#`);
      expect(await tab(session, 'methodewijzer export --format=c')).toBe('$ methodewijzer export --format=csv #');
      expect(await tab(session, 'methodewijzer list -e toe')).toBe('$ methodewijzer list -e toerusting #');
      expect(await tab(session, 'methodewijzer list --tag leef')).toBe('$ methodewijzer list --tag leefbaarheid #');
      expect(await tab(session, 'methodewijzer actie --animo bij')).toBe('$ methodewijzer actie --animo bijsturen #');
      expect(await tab(session, 'methodewijzer actie --setting do')).toBe('$ methodewijzer actie --setting dorp #');
      // Two candidates: a second Tab lists them.
      const screen = await tab(session, 'methodewijzer actie --animo a', 2, true);
      expect(screen).toMatch(/aansluiten/);
      expect(screen).not.toMatch(/beide|bijsturen/);
    });
  });
}
