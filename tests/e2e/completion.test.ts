import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { answerFlags } from '../../src/core/advice.js';
import { allTags } from '../../src/core/methods.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { BIN, ROOT, cleanEnv, runCli, tempDir } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { TmuxSession } from '../helpers/tmux.js';
import { lacks } from '../helpers/tools.js';

const catalogue = await openCatalogue();
const ids = catalogue.methods.map((m) => m.id);
const own = () => userFolder({ 'eigen.yaml': yamlOf(method({ id: 'eigen-buurtsoep', tags: ['soep'] }), method({ id: 'eigen-deelkast' })) });

describe('completion <shell>', () => {
  it.each(['bash', 'zsh', 'fish'])('%s: the script on stdout, exit 0', async (shell) => {
    const { code, stdout, stderr } = await runMain(['completion', shell]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(new RegExp(`^(#compdef methodewijzer\\n)?# ${shell} completion for methodewijzer`));
  });

  it('an unknown shell: usage error, exit 2, with the shells it knows', async () => {
    const { code, stdout, stderr } = await runMain(['completion', 'tcsh']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^fout: onbekende shell "tcsh"\nKies uit: bash, zsh, fish\.$/m);
  });

  it('--help gives the install line of every shell as examples, and how to load it without bash-completion or into $fpath', async () => {
    const { code, stdout } = await runMain(['completion', '--help']);
    expect(code).toBe(0);
    // Examples too wide for the help continue with a backslash.
    const flat = stdout.replace(/ \\\n\s+/g, ' ');
    expect(flat).toContain('$ methodewijzer completion bash > ~/.local/share/bash-completion/completions/methodewijzer');
    expect(flat).toContain('$ methodewijzer completion zsh > ~/.zfunc/_methodewijzer');
    expect(flat).toContain('$ methodewijzer completion fish > ~/.config/fish/completions/methodewijzer.fish');
    expect(stdout).toMatch(/^source <\(methodewijzer completion bash\)$/m);
    expect(stdout).toMatch(/^fpath=\(~\/\.zfunc \$fpath\)$/m);
  });

  it('the built binary writes the same script', async () => {
    const { code, stdout } = await runCli(['completion', 'bash']);
    expect(code).toBe(0);
    expect(stdout).toBe((await runMain(['completion', 'bash'])).stdout);
  });
});

describe('__complete, which the scripts ask', () => {
  it('is hidden from the help', async () => {
    expect((await runMain(['--help'])).stdout).not.toContain('__complete');
  });

  it('ids: every method id, one a line', async () => {
    const { code, stdout, stderr } = await runMain(['__complete', 'ids']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(ids.map((id) => id + '\n').join(''));
  });

  it('ids: with the ids of own folders, from --catalogue as typed (quotes, ~) and from METHODEWIJZER_CATALOGUE', async () => {
    const dir = own();
    for (const args of [['--catalogue', dir], ['-c', `'${dir}'`], [`--catalogue="${dir}"`]]) {
      const { code, stdout } = await runMain([...args, '__complete', 'ids']);
      expect(code).toBe(0);
      expect(stdout.split('\n')).toEqual(expect.arrayContaining(['eigen-buurtsoep', 'eigen-deelkast', 'abcd']));
    }
    const home = tempDir('home-');
    mkdirSync(join(home, 'methoden'));
    writeFileSync(join(home, 'methoden', 'm.yaml'), yamlOf(method({ id: 'thuis-methode' })));
    expect((await runMain(['-c', '~/methoden', '__complete', 'ids'], { env: { HOME: home } })).stdout).toContain('thuis-methode\n');
    expect((await runMain(['__complete', 'ids'], { env: { METHODEWIJZER_CATALOGUE: dir } })).stdout).toContain('eigen-deelkast\n');
  });

  it('tags: every tag, own ones too', async () => {
    expect((await runMain(['__complete', 'tags'])).stdout).toBe(allTags(catalogue.methods).map((t) => t + '\n').join(''));
    expect((await runMain(['-c', own(), '__complete', 'tags'])).stdout).toContain('soep\n');
  });

  it.each(answerFlags(catalogue).map((f) => [f.key, f.values]))('answers %s: the values actie takes', async (key, values) => {
    expect((await runMain(['__complete', 'answers', key as string])).stdout).toBe((values as string[]).map((v) => v + '\n').join(''));
  });

  it('a broken or missing folder: still the ids, nothing on stderr, exit 0 (a Tab must not print errors)', async () => {
    const broken = userFolder({ 'kapot.yaml': 'id: [\n' });
    const { code, stdout, stderr } = await runMain(['-c', broken, '-c', '/bestaat/niet', '__complete', 'ids']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('abcd\n');
  });

  it('an unknown kind: usage error, exit 2', async () => {
    expect((await runMain(['__complete', 'kleuren'])).code).toBe(2);
  });

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
