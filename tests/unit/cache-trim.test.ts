import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OwnCache } from '../../src/store/cache-root.js';
import { FolderCache } from '../../src/store/folder-cache.js';
import { CACHE_MAX_FILES } from '../../src/model/defaults.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { tempDir } from '../helpers/env.js';

// The caches shrink: folders/ and search/ keep the files used most recently (src/store/cache-root.ts, trim).

function cacheWith(files: Record<string, { bytes: number; ageDays: number }>) {
  const root = join(tempDir('trim-'), 'methodewijzer');
  mkdirSync(join(root, 'folders'), { recursive: true, mode: 0o700 });
  for (const [name, { bytes, ageDays }] of Object.entries(files)) {
    const path = join(root, 'folders', name);
    writeFileSync(path, 'x'.repeat(bytes), { mode: 0o600 });
    const at = (Date.now() - ageDays * 86_400_000) / 1000;
    utimesSync(path, at, at);
  }
  return { root, cache: new OwnCache(root), names: () => readdirSync(join(root, 'folders')).sort() };
}

describe('OwnCache.trim', () => {
  it('keeps the most recent files up to the count, the oldest go', () => {
    const { cache, names } = cacheWith({ 'a.json': { bytes: 10, ageDays: 3 }, 'b.json': { bytes: 10, ageDays: 1 }, 'c.json': { bytes: 10, ageDays: 2 } });
    cache.trim('folders', 2, 1000);
    expect(names()).toEqual(['b.json', 'c.json']);
  });

  it('keeps the most recent files up to the size, and the newest whatever its size', () => {
    const { cache, names } = cacheWith({ 'big.json': { bytes: 500, ageDays: 0 }, 'b.json': { bytes: 10, ageDays: 1 }, 'c.json': { bytes: 10, ageDays: 2 } });
    cache.trim('folders', 10, 100);
    expect(names()).toEqual(['big.json']);
  });

  it('leaves what is not its own regular file: a link, a folder, a temporary file being written', () => {
    const { root, cache, names } = cacheWith({ 'a.json': { bytes: 10, ageDays: 3 }, 'b.json': { bytes: 10, ageDays: 1 } });
    const outside = join(tempDir('trim-outside-'), 'keep.json');
    writeFileSync(outside, 'mine');
    symlinkSync(outside, join(root, 'folders', 'link.json'));
    mkdirSync(join(root, 'folders', 'sub'));
    writeFileSync(join(root, 'folders', '.x.json.0123456789abcdef.tmp'), 'half');
    cache.trim('folders', 1, 1000);
    expect(names()).toEqual(['.x.json.0123456789abcdef.tmp', 'b.json', 'link.json', 'sub']);
    expect(readFileSync(outside, 'utf8')).toBe('mine');
  });

  it('gives a file that is read, and last written long ago, the time of now: used is not forgotten', () => {
    const { root, cache } = cacheWith({ 'a.json': { bytes: 10, ageDays: 3 } });
    const path = join(root, 'folders', 'a.json');
    cache.read('folders/a.json', 100);
    expect(Date.now() - statSync(path).mtimeMs).toBeGreaterThan(86_400_000);
    cache.read('folders/a.json', 100, 86_400_000);
    expect(Date.now() - statSync(path).mtimeMs).toBeLessThan(60_000);
  });
});

describe('the folder cache keeps at most CACHE_MAX_FILES folders', () => {
  it('removes the least recently used folder cache when one more is written', async () => {
    const root = join(tempDir('trim-folders-'), 'methodewijzer');
    const cache = new FolderCache(root, () => Date.now() + 60_000);
    const first = userFolder({ 'a.yaml': yamlOf(method({ id: 'a' })) });
    await cache.read(first, () => import('../../src/catalogue/load.js'));
    const [firstFile] = readdirSync(join(root, 'folders'));
    const old = (Date.now() - 10 * 86_400_000) / 1000;
    utimesSync(join(root, 'folders', firstFile), old, old);
    // As many more as the cap, each newer than the first: planted, since the names do not matter to trim.
    for (let i = 0; i < CACHE_MAX_FILES - 1; i++) writeFileSync(join(root, 'folders', `${i}.json`), '{}', { mode: 0o600 });
    const last = userFolder({ 'b.yaml': yamlOf(method({ id: 'b' })) });
    await new FolderCache(root, () => Date.now() + 60_000).read(last, () => import('../../src/catalogue/load.js'));
    expect(readdirSync(join(root, 'folders'))).toHaveLength(CACHE_MAX_FILES);
    expect(existsSync(join(root, 'folders', firstFile))).toBe(false);
  });
});
