import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { answerFlags } from '../../src/core/advice.js';
import { allTags } from '../../src/core/methods.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';

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
    expect(stderr).toMatch(/^fout: onbekende shell "tcsh"\nKies uit: bash, zsh, fish, powershell\.$/m);
  });

  it('--help gives the install line of every shell (making its folder) as examples, and how to load it without bash-completion or into $fpath', async () => {
    const { code, stdout } = await runMain(['completion', '--help']);
    expect(code).toBe(0);
    // Examples too wide for the help continue with a backslash.
    const flat = stdout.replace(/ \\\n\s+/g, ' ');
    // Each makes its folder first: a fresh account has none of them.
    expect(flat).toContain('$ mkdir -p ~/.local/share/bash-completion/completions && methodewijzer completion bash > ~/.local/share/bash-completion/completions/methodewijzer');
    expect(flat).toContain('$ mkdir -p ~/.zfunc && methodewijzer completion zsh > ~/.zfunc/_methodewijzer');
    expect(flat).toContain('$ mkdir -p ~/.config/fish/completions && methodewijzer completion fish > ~/.config/fish/completions/methodewijzer.fish');
    expect(flat).toContain('$ methodewijzer completion powershell >> $PROFILE');
    expect(stdout).toMatch(/^source <\(methodewijzer completion bash\)$/m);
    expect(stdout).toMatch(/^fpath=\(~\/\.zfunc \$fpath\)$/m);
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

});

