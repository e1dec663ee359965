import { readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderCache } from '../../src/catalogue/cache.js';
import { readFolder } from '../../src/catalogue/load.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { tempDir } from '../helpers/cli.js';

const ids = (cache: FolderCache, dir: string) => cache.read(dir).methods.map((m) => m.value.id).sort();
const LATER = () => Date.now() + 60_000;

/** A folder with one file per id, read once through a cache in a fresh cache folder. */
function cached(files: Record<string, string>) {
  const dir = userFolder(files);
  const root = join(tempDir('cache-'), 'methodewijzer');
  new FolderCache(root, LATER).read(dir);
  return { dir, root };
}

const cacheFiles = (root: string) => readdirSync(join(root, 'folders')).map((f) => join(root, 'folders', f));

/** A cache file is a line with the sha1 of its JSON, then the JSON. */
const jsonOf = (file: string) => JSON.parse(readFileSync(file, 'utf8').split('\n').slice(1).join('\n'));
const seal = (json: string) => `${createHash('sha1').update(json).digest('hex')}\n${json}`;

describe('folder cache', () => {
  it('serves an unchanged folder from the cache, with the same records, problems and locations', () => {
    const { dir, root } = cached({ 'a.yaml': yamlOf(method({ id: 'a' }), method({ id: 'b' })), 'b.yaml': 'id: [\n' });
    const again = new FolderCache(root, LATER);
    expect(again.isFresh(dir)).toBe(true);
    expect(again.read(dir)).toEqual(readFolder(dir));
  });

  it('sees a changed, added, deleted or renamed file at once', () => {
    const { dir, root } = cached({ 'a.yaml': yamlOf(method({ id: 'a' })), 'b.yaml': yamlOf(method({ id: 'b' })) });
    writeFileSync(join(dir, 'a.yaml'), yamlOf(method({ id: 'a2', summary: 'Een veel langere samenvatting dan eerst.' })));
    expect(ids(new FolderCache(root, LATER), dir)).toEqual(['a2', 'b']);
    writeFileSync(join(dir, 'c.yaml'), yamlOf(method({ id: 'c' })));
    expect(ids(new FolderCache(root, LATER), dir)).toEqual(['a2', 'b', 'c']);
    rmSync(join(dir, 'b.yaml'));
    expect(ids(new FolderCache(root, LATER), dir)).toEqual(['a2', 'c']);
    renameSync(join(dir, 'c.yaml'), join(dir, 'd.yml'));
    const contents = new FolderCache(root, LATER).read(dir);
    expect(contents.methods.map((m) => m.file.replace(/.*[/\\]/, ''))).toEqual(['a.yaml', 'd.yml']);
  });

  it('sees a change of the same size with the old modification time put back', () => {
    const { dir, root } = cached({ 'a.yaml': yamlOf(method({ id: 'aaaa' })) });
    const before = statSync(join(dir, 'a.yaml'));
    writeFileSync(join(dir, 'a.yaml'), yamlOf(method({ id: 'bbbb' })));
    utimesSync(join(dir, 'a.yaml'), before.atime, before.mtime);
    expect(statSync(join(dir, 'a.yaml')).size).toBe(before.size);
    expect(ids(new FolderCache(root, LATER), dir)).toEqual(['bbbb']);
  });

  it('checks a file read just after it changed by content, since a second change could keep its times', () => {
    const dir = userFolder({ 'a.yaml': yamlOf(method({ id: 'aaaa' })) });
    const root = join(tempDir('cache-'), 'methodewijzer');
    const justAfter = () => statSync(join(dir, 'a.yaml')).mtimeMs + 5;
    new FolderCache(root, justAfter).read(dir);
    // The same size, and times the manifest is made to agree with: only the content tells.
    writeFileSync(join(dir, 'a.yaml'), yamlOf(method({ id: 'bbbb' })));
    const stamp = statSync(join(dir, 'a.yaml'), { bigint: true });
    const manifestFile = cacheFiles(root).find((f) => !f.includes('.records.'))!;
    const manifest = jsonOf(manifestFile);
    Object.assign(manifest.files[0], { size: Number(stamp.size), mtimeNs: String(stamp.mtimeNs), ctimeNs: String(stamp.ctimeNs), ino: String(stamp.ino) });
    writeFileSync(manifestFile, seal(JSON.stringify(manifest)));
    expect(ids(new FolderCache(root, justAfter), dir)).toEqual(['bbbb']);
  });

  it.each([
    ['the manifest', (f: string) => !f.includes('.records.'), '{"format": 2, "files": [{'],
    ['the records', (f: string) => f.includes('.records.'), 'nonsense'],
    ['the records (valid JSON, wrong shape)', (f: string) => f.includes('.records.'), '{"format":2,"name":"x","files":{"a.yaml":{"methods":[{"value":1}]}}}'],
    // Parses, has the shape, and lies: what a bit flip or a hand edit leaves. The sha1 line no longer matches.
    ['the records (tags a text, not a list)', (f: string) => f.includes('.records.'), (text: string) => text.replace('"elements"', '"tags":"wijk","elements"')],
    ['the records (another name)', (f: string) => f.includes('.records.'), (text: string) => text.replace('Methode a', 'Methode X')],
    ['the manifest (a 40-character line that is no sha1)', (f: string) => !f.includes('.records.'), (text: string) => `${'0'.repeat(40)}${text.slice(40)}`],
  ])('ignores a corrupt cache file (%s) and rebuilds it', (_, which, garbage) => {
    const { dir, root } = cached({ 'a.yaml': yamlOf(method({ id: 'a' })) });
    for (const f of cacheFiles(root).filter(which)) {
      const text = readFileSync(f, 'utf8');
      const damaged = typeof garbage === 'string' ? garbage : garbage(text);
      expect(damaged).not.toBe(text);
      writeFileSync(f, damaged);
    }
    const cache = new FolderCache(root, LATER);
    expect(cache.read(dir)).toEqual(readFolder(dir));
    expect(new FolderCache(root, LATER).isFresh(dir)).toBe(true);
    for (const f of cacheFiles(root)) expect(() => jsonOf(f)).not.toThrow();
  });

  it('reports the problems of an invalid file on every read, cached or not', () => {
    const { dir, root } = cached({ 'a.yaml': yamlOf(method({ id: 'a' })), 'kapot.yaml': 'id: [\n' });
    for (const cache of [new FolderCache(root, LATER), new FolderCache(root, LATER)]) {
      const contents = cache.read(dir);
      expect(contents.methods.map((m) => m.value.id)).toEqual(['a']);
      expect(contents.problems).toHaveLength(1);
      expect(contents.problems[0].file).toMatch(/kapot\.yaml$/);
    }
  });

  it('works without a cache folder it can write to', () => {
    const blocker = join(tempDir('cache-'), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const dir = userFolder({ 'a.yaml': yamlOf(method({ id: 'a' })) });
    expect(ids(new FolderCache(join(blocker, 'methodewijzer'), LATER), dir)).toEqual(['a']);
    expect(ids(new FolderCache(undefined, LATER), dir)).toEqual(['a']);
  });

  it('reports a missing folder as a problem, every time', () => {
    const root = join(tempDir('cache-'), 'methodewijzer');
    const missing = join(tempDir('gone-'), 'nergens');
    for (const cache of [new FolderCache(root, LATER), new FolderCache(root, LATER)]) {
      expect(cache.read(missing).problems[0].message).toMatch(/bestaat niet/);
    }
  });

  it('gives a catalogue key that changes with any file and stays put otherwise', () => {
    const { dir, root } = cached({ 'a.yaml': yamlOf(method({ id: 'a' })) });
    const key = new FolderCache(root, LATER).catalogueKey([dir]);
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    expect(new FolderCache(root, LATER).catalogueKey([dir])).toBe(key);
    writeFileSync(join(dir, 'b.yaml'), yamlOf(method({ id: 'b' })));
    const cache = new FolderCache(root, LATER);
    expect(cache.catalogueKey([dir])).toBeUndefined();
    cache.read(dir);
    expect(cache.catalogueKey([dir])).not.toBe(key);
  });
});
