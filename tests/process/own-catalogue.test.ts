// new as the binary runs it: the current folder and HOME are the process's own. The rest of own
// catalogues: tests/e2e/own-catalogue.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillIn } from '../helpers/catalogue.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/env.js';

describe('new', () => {
  // The binary, in a folder of its own: the current folder is the process's.
  it('writes a commented file into the current folder, with next steps on stderr', async () => {
    const cwd = tempDir('new-');
    const r = await runCli(['new', 'De Deelkast: één straat'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Nieuwe methode geschreven: de-deelkast-een-straat.yaml');
    expect(r.stderr).toContain('methodewijzer validate .');
    expect(r.stderr).toContain('methodewijzer --catalogue . show de-deelkast-een-straat');
    const text = readFileSync(join(cwd, 'de-deelkast-een-straat.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=file:\/\/\/\S+method\.schema\.json\n/);
    expect(text).toContain('name: "De Deelkast: één straat"');
  });

  it.each([
    ['METHODEWIJZER_CATALOGUE=~/methoden', [], { METHODEWIJZER_CATALOGUE: '~/methoden' }],
    ['--catalogue=~/methoden', ['--catalogue=~/methoden'], {}],
    ['a quoted --catalogue "~/methoden"', ['--catalogue', '~/methoden'], {}],
  ])('expands a leading ~ to the home folder: %s', async (_label, flags: string[], env: NodeJS.ProcessEnv) => {
    const home = tempDir('home-');
    const cwd = tempDir('new-');
    const r = await runCli([...flags, 'new', 'Thuis'], { cwd, env: { ...env, HOME: home } });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(home, 'methoden', 'thuis.yaml'))).toBe(true);
    expect(readdirSync(cwd)).toEqual([]);
    expect(r.stderr).toContain(`Nieuwe methode geschreven: ${join(home, 'methoden', 'thuis.yaml')}`);
    fillIn(join(home, 'methoden', 'thuis.yaml'));
    const list = await runCli([...flags, 'list'], { cwd, env: { ...env, HOME: home } });
    expect(list.stdout).toContain('thuis\tThuis');
  });
});
