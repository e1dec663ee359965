// search through the CLI on thousands of records: the cache (the very next search sees every change) and
// the quality of the ranking among 2,000 synthetic records. The rest of search: tests/e2e/search.test.ts.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCatalogue } from '../../scripts/gen-catalogue.mjs';
import { SEARCH_INDEX_CACHE_MIN } from '../../src/model/defaults.js';
import { method, yamlOf } from '../helpers/catalogue.js';
import { tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';

const ids = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => l.split('\t')[0]);

describe('search quality through the CLI, with 2,000 synthetic records around the real ones', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = tempDir('synthetic-');
    writeCatalogue(dir, 2000, { seed: 3, perFile: 1000 });
    env = { XDG_CACHE_HOME: tempDir('cache-') };
  });

  it.each([
    ['kan wel', 'kan-wel'],
    ['tijd voor elkaar', 'tijdvoorelkaar'],
    ['jongeren keet', 'keetkeur'],
    ['politie buurt', 'buurt-bestuurt'],
    ['vrijwilligers vraag aanbod', 'maatschappelijke-beursvloer'],
  ])('%s -> %s in the top three', async (query, id) => {
    const r = await runMain(['--catalogue', dir, 'search', ...query.split(' ')], { env });
    expect(r.code).toBe(0);
    expect(ids(r.stdout).slice(0, 3)).toContain(id);
  });
});

describe.each([
  ['a small folder', 0],
  ['a large folder', SEARCH_INDEX_CACHE_MIN + 200],
])('cache, with %s: the very next search sees every change', (_, synthetic) => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const search = (...words: string[]) => runMain(['--catalogue', dir, 'search', ...words], { env });

  beforeAll(() => {
    dir = tempDir('own-');
    if (synthetic) writeCatalogue(dir, synthetic, { perFile: 700 });
    writeFileSync(join(dir, 'eigen.yaml'), yamlOf(method({ id: 'zeepkistrace', name: 'Zeepkistrace', summary: 'Kinderen timmeren een racewagen.' })));
    env = { XDG_CACHE_HOME: tempDir('cache-') };
  });

  it('removes the cache files of earlier formats when it writes its own', async () => {
    const root = join(env.XDG_CACHE_HOME!, 'methodewijzer');
    const earlier = [
      join(root, 'folders', '0123456789abcdef0123.manifest'),
      join(root, 'folders', '0123abcd.manifest'),
      join(root, 'folders', '0123abcd.k2x9.records.json'),
      join(root, 'search', '0123abcd.bin'),
    ];
    const unrelated = join(root, 'search', 'notes.txt');
    for (const sub of ['folders', 'search']) mkdirSync(join(root, sub), { recursive: true });
    for (const f of [...earlier, unrelated]) writeFileSync(f, 'old');
    expect(ids((await search('zeepkist')).stdout)[0]).toBe('zeepkistrace');
    expect(earlier.filter(existsSync)).toEqual([]);
    expect(existsSync(unrelated)).toBe(true);
    rmSync(unrelated);
    if (!synthetic) rmSync(join(root, 'search'), { recursive: true });
  });

  it('finds the folder’s own method, cold and then warm', async () => {
    for (let run = 0; run < 2; run++) {
      const r = await search('zeepkist');
      expect(r.code).toBe(0);
      expect(ids(r.stdout)[0]).toBe('zeepkistrace');
    }
    const root = join(env.XDG_CACHE_HOME!, 'methodewijzer');
    // One folder, one cache file.
    expect(readdirSync(join(root, 'folders'))).toEqual([expect.stringMatching(/^[0-9a-f]{8}\.json$/)]);
    // Only a large catalogue keeps a search snapshot.
    expect(existsSync(join(root, 'search'))).toBe(synthetic > 0);
  });

  it('a changed file, even at once and to the same size', async () => {
    const file = join(dir, 'eigen.yaml');
    const size = statSync(file).size;
    writeFileSync(file, readFileSync(file, 'utf8').replace('racewagen', 'bolderkar'));
    expect(statSync(file).size).toBe(size);
    expect(ids((await search('bolderkar')).stdout)[0]).toBe('zeepkistrace');
    expect((await search('racewagen')).stdout).not.toMatch(/zeepkistrace/);
  });

  it('an added file', async () => {
    writeFileSync(join(dir, 'erbij.yaml'), yamlOf(method({ id: 'buurtbieb', name: 'Buurtbieb', summary: 'Een boekenkast op het plein.' })));
    expect(ids((await search('boekenkast')).stdout)[0]).toBe('buurtbieb');
  });

  it('a renamed file', async () => {
    renameSync(join(dir, 'erbij.yaml'), join(dir, 'hernoemd.yml'));
    const r = await runMain(['--catalogue', dir, 'search', 'boekenkast', '--json'], { env });
    expect(JSON.parse(r.stdout)[0].id).toBe('buurtbieb');
    expect((await runMain(['--catalogue', dir, 'show', 'buurtbieb'], { env })).stdout).toMatch(/hernoemd\.yml/);
  });

  it('a deleted file', async () => {
    rmSync(join(dir, 'hernoemd.yml'));
    const r = await search('boekenkast');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('an invalid file is reported on every run, cached or not (exit 3), and the rest still found', async () => {
    writeFileSync(join(dir, 'kapot.yaml'), 'id: kapot\nname: [\n');
    for (let run = 0; run < 2; run++) {
      const r = await search('zeepkistrace');
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/kapot\.yaml:\d+:\d+: geen geldige YAML/);
      expect(ids(r.stdout)[0]).toBe('zeepkistrace');
    }
    rmSync(join(dir, 'kapot.yaml'));
    expect((await search('zeepkistrace')).code).toBe(0);
  });

  it('a corrupt cache is ignored and rebuilt', async () => {
    const root = join(env.XDG_CACHE_HOME!, 'methodewijzer');
    for (const sub of readdirSync(root)) for (const f of readdirSync(join(root, sub))) writeFileSync(join(root, sub, f), '{"format": 2, "files": [[[');
    const r = await search('bolderkar');
    expect(r.code).toBe(0);
    expect(ids(r.stdout)[0]).toBe('zeepkistrace');
    // Rewritten whole: JSON behind its checksum line.
    const [file] = readdirSync(join(root, 'folders'));
    expect(() => JSON.parse(readFileSync(join(root, 'folders', file), 'utf8').replace(/^[0-9a-f]{8}\n/, ''))).not.toThrow();
    expect(ids((await search('bolderkar')).stdout)[0]).toBe('zeepkistrace');
  });

  it('a cache folder that cannot be written does not stop the search', async () => {
    const blocked = join(tempDir('blocked-'), 'file');
    writeFileSync(blocked, 'not a folder');
    const r = await runMain(['--catalogue', dir, 'search', 'bolderkar'], { env: { XDG_CACHE_HOME: blocked } });
    expect(r.code).toBe(0);
    expect(ids(r.stdout)[0]).toBe('zeepkistrace');
  });
});
