// The hostile-input cases of issue 14 (numbered as in docs/hostile-input.md) that take long in-process:
// huge inputs, and cache files that lie. The rest: tests/e2e and tests/process/hostile-input.test.ts.
import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bigFolder, method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { base, BUILTIN_COUNT, expectSkipped, folderWith, GOOD, type Run } from '../helpers/hostile.js';
import { tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';

/** In this process: for what cannot make the CLI wait. */
const inProcess: Run = (args) => runMain(args);

describe('3. a huge problem list: no stack overflow, the rest of the catalogue intact', () => {
  it('150,000 empty documents (`---` lines) give 100 problems and a count, exit 3, every other method listed', async () => {
    const dir = folderWith((d) => writeFileSync(join(d, 'streep.yaml'), '---\n'.repeat(150_000)));
    const r = await expectSkipped(inProcess, dir, /streep\.yaml:\d+: en nog 149900 problemen in dit bestand/);
    expect(r.stderr).not.toMatch(/call stack/i);
    expect(r.stderr.match(/streep\.yaml:\d+:\d+: leeg document/g)).toHaveLength(100);
  });
});

describe('4. unknown keys: linear, however many', () => {
  it('a record with 40,000 unknown keys: validate names the first 100 and counts the rest', async () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `k${i}: 1\n`).join('');
    const dir = userFolder({ 'sleutels.yaml': base('sleutels') + keys });
    const r = await runMain(['validate', dir]);
    expect(r.code).toBe(3);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0]).toMatch(/sleutels\.yaml:8:1: k0: onbekend veld/);
    expect(lines[100]).toMatch(/sleutels\.yaml:108: en nog 39900 problemen in dit bestand/);
    expect(r.stderr).toContain('40000 problemen');
  });
});

describe('13. repeated options stay linear', () => {
  it('40,000 times --tag wijk, and 40,000 times the same --catalogue, give the same answer as once', async () => {
    const dir = userFolder({ 'goed.yaml': yamlOf(method({ id: 'goed', tags: ['wijk'] })) });
    const once = await runMain(['--catalogue', dir, 'list', '--tag', 'wijk']);
    // One argument each (`-c<map>`, `--tag=wijk`), as on a command line, where 80,000 of them fit only so.
    const many = await runMain([...Array<string>(40_000).fill(`-c${dir}`), 'list', ...Array<string>(40_000).fill('--tag=wijk')]);
    expect(many.code, many.stderr).toBe(0);
    expect(many.stdout).toBe(once.stdout);
    expect(many.stdout).toContain('goed');
  });
});

describe('6 and 9. cache files that lie or are far too large', () => {
  const cacheFolder = (env: NodeJS.ProcessEnv) => join(env.XDG_CACHE_HOME!, 'methodewijzer', 'folders');

  it('records that still parse but were changed (tags a text, another name) are discarded and rebuilt', async () => {
    const dir = userFolder({ 'a.yaml': yamlOf(method({ id: 'eerlijk', name: 'Eerlijke naam', tags: ['wijk'] })) });
    const env = { XDG_CACHE_HOME: tempDir('cache-') };
    const first = await runMain(['--catalogue', dir, 'show', 'eerlijk', '--json'], { env });
    const file = join(cacheFolder(env), readdirSync(cacheFolder(env))[0]);
    const lie = readFileSync(file, 'utf8').replace('["wijk"]', '"wijk"').replace('Eerlijke naam', 'Valse naam!!!');
    expect(lie).toContain('"tags":"wijk"');
    writeFileSync(file, lie);
    for (let run = 0; run < 2; run++) {
      const r = await runMain(['--catalogue', dir, 'show', 'eerlijk', '--json'], { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(first.stdout);
    }
  });

  it('a search snapshot changed at the same length is caught by its checksum, searched without, and rebuilt', async () => {
    const dir = bigFolder(1000, 500);
    const env = { XDG_CACHE_HOME: tempDir('cache-') };
    const args = ['--catalogue', dir, 'search', 'groot-000005', '--json'];
    const first = await runMain(args, { env });
    expect(first.code, first.stderr).toBe(0);
    const searchFolder = join(env.XDG_CACHE_HOME, 'methodewijzer', 'search');
    const file = join(searchFolder, readdirSync(searchFolder)[0]);
    const bytes = readFileSync(file);
    const at = bytes.indexOf('Methode groot-000005');
    expect(at).toBeGreaterThan(0);
    bytes.write('Methode vals!-000005', at);
    writeFileSync(file, bytes);
    for (let run = 0; run < 2; run++) {
      const r = await runMain(args, { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(first.stdout);
    }
    expect(readFileSync(file).indexOf('vals!')).toBe(-1);
  });

  it('a cache file of 1.5 GB (sparse: it takes no disk) is not read, and is replaced by a true one', async () => {
    const dir = userFolder({ 'a.yaml': GOOD });
    const env = { XDG_CACHE_HOME: tempDir('cache-') };
    await runMain(['--catalogue', dir, 'list'], { env });
    const [file] = readdirSync(cacheFolder(env));
    truncateSync(join(cacheFolder(env), file), 1.5 * 1024 ** 3);
    const r = await runMain(['--catalogue', dir, 'list', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(BUILTIN_COUNT + 1);
    expect(statSync(join(cacheFolder(env), file)).size).toBeLessThan(4096);
  });
});
