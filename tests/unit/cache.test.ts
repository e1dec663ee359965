import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderCache } from '../../src/store/folder-cache.js';
import { readFolder } from '../../src/catalogue/load.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { tempDir } from '../helpers/env.js';

/** The YAML reader, as the CLI loads it; `noParse` fails the test if any file had to be parsed. */
const yaml = () => import('../../src/catalogue/load.js');
const noParse = (): never => {
  throw new Error('a file was parsed, but the cache should have served it');
};
const ids = async (cache: FolderCache, dir: string) => (await cache.read(dir, yaml)).methods.map((m) => m.value.id).sort();
const LATER = () => Date.now() + 60_000;

/** A folder with one file per id, read once through a cache in a fresh cache folder. */
async function cached(files: Record<string, string>) {
  const dir = userFolder(files);
  const root = join(tempDir('cache-'), 'methodewijzer');
  await new FolderCache(root, LATER).read(dir, yaml);
  return { dir, root };
}

const cacheFiles = (root: string) => readdirSync(join(root, 'folders')).map((f) => join(root, 'folders', f));

/** A cache file is a line with the checksum of its JSON, then the JSON. */
const jsonOf = (file: string) => JSON.parse(readFileSync(file, 'utf8').split('\n').slice(1).join('\n'));
/** Writes a cache file as the cache does, sealed with the checksum of its JSON: what a forger can do too. */
const writeSealed = (file: string, value: unknown) => {
  const json = JSON.stringify(value);
  writeFileSync(file, `${crc32(json).toString(16).padStart(8, '0')}\n${json}`);
};

describe('folder cache', async () => {
  it('serves an unchanged folder from the cache, with the same records, problems and locations', async () => {
    const { dir, root } = await cached({ 'a.yaml': yamlOf(method({ id: 'a' }), method({ id: 'b' })), 'b.yaml': 'id: [\n' });
    const again = new FolderCache(root, LATER);
    expect(await again.read(dir, noParse)).toEqual(readFolder(dir));
  });

  it('sees a changed, added, deleted or renamed file at once', async () => {
    const { dir, root } = await cached({ 'a.yaml': yamlOf(method({ id: 'a' })), 'b.yaml': yamlOf(method({ id: 'b' })) });
    writeFileSync(join(dir, 'a.yaml'), yamlOf(method({ id: 'a2', summary: 'Een veel langere samenvatting dan eerst.' })));
    expect(await ids(new FolderCache(root, LATER), dir)).toEqual(['a2', 'b']);
    writeFileSync(join(dir, 'c.yaml'), yamlOf(method({ id: 'c' })));
    expect(await ids(new FolderCache(root, LATER), dir)).toEqual(['a2', 'b', 'c']);
    rmSync(join(dir, 'b.yaml'));
    expect(await ids(new FolderCache(root, LATER), dir)).toEqual(['a2', 'c']);
    renameSync(join(dir, 'c.yaml'), join(dir, 'd.yml'));
    const contents = await new FolderCache(root, LATER).read(dir, yaml);
    expect(contents.methods.map((m) => m.file.replace(/.*[/\\]/, ''))).toEqual(['a.yaml', 'd.yml']);
  });

  it('sees a change of the same size with the old modification time put back', async () => {
    const { dir, root } = await cached({ 'a.yaml': yamlOf(method({ id: 'aaaa' })) });
    const before = statSync(join(dir, 'a.yaml'));
    writeFileSync(join(dir, 'a.yaml'), yamlOf(method({ id: 'bbbb' })));
    utimesSync(join(dir, 'a.yaml'), before.atime, before.mtime);
    expect(statSync(join(dir, 'a.yaml')).size).toBe(before.size);
    expect(await ids(new FolderCache(root, LATER), dir)).toEqual(['bbbb']);
  });

  it('checks a file read just after it changed by content, since a second change could keep its times', async () => {
    const dir = userFolder({ 'a.yaml': yamlOf(method({ id: 'aaaa' })) });
    const root = join(tempDir('cache-'), 'methodewijzer');
    const justAfter = () => statSync(join(dir, 'a.yaml')).mtimeMs + 5;
    await new FolderCache(root, justAfter).read(dir, yaml);
    // The same size, and times the cache file is made to agree with: only the content tells.
    writeFileSync(join(dir, 'a.yaml'), yamlOf(method({ id: 'bbbb' })));
    const stamp = statSync(join(dir, 'a.yaml'));
    const [file] = cacheFiles(root);
    const data = jsonOf(file);
    Object.assign(data.entries[0], { size: stamp.size, mtimeMs: stamp.mtimeMs, ctimeMs: stamp.ctimeMs, ino: stamp.ino });
    writeSealed(file, data);
    expect(await ids(new FolderCache(root, justAfter), dir)).toEqual(['bbbb']);
  });

  it('sees a file added to, removed from or renamed in the methods/ subfolder, and the subfolder made or removed', async () => {
    const { dir, root } = await cached({ 'a.yaml': yamlOf(method({ id: 'a' })) });
    mkdirSync(join(dir, 'methods'));
    writeFileSync(join(dir, 'methods', 'b.yaml'), yamlOf(method({ id: 'b' })));
    expect(await ids(new FolderCache(root, LATER), dir)).toEqual(['a', 'b']);
    writeFileSync(join(dir, 'methods', 'c.yaml'), yamlOf(method({ id: 'c' })));
    expect(await ids(new FolderCache(root, LATER), dir)).toEqual(['a', 'b', 'c']);
    renameSync(join(dir, 'methods', 'c.yaml'), join(dir, 'methods', 'c.txt'));
    expect(await ids(new FolderCache(root, LATER), dir)).toEqual(['a', 'b']);
    rmSync(join(dir, 'methods'), { recursive: true });
    expect(await ids(new FolderCache(root, LATER), dir)).toEqual(['a']);
  });

  it('sees a file replaced by another (a new inode) and a link that points elsewhere', async () => {
    const { dir, root } = await cached({ 'a.yaml': yamlOf(method({ id: 'a' })) });
    // Link targets inside the folder (links out of it are refused), under names that are not read as YAML.
    const elsewhere = join(dir, 'bron');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'x.yaml.txt'), yamlOf(method({ id: 'x' })));
    writeFileSync(join(elsewhere, 'y.yaml.txt'), yamlOf(method({ id: 'y' })));
    writeFileSync(join(dir, 'new.tmp'), yamlOf(method({ id: 'b' })));
    renameSync(join(dir, 'new.tmp'), join(dir, 'a.yaml'));
    expect(await ids(new FolderCache(root, LATER), dir)).toEqual(['b']);
    symlinkSync(join(elsewhere, 'x.yaml.txt'), join(dir, 'link.yaml'));
    expect(await ids(new FolderCache(root, LATER), dir)).toEqual(['b', 'x']);
    rmSync(join(dir, 'link.yaml'));
    symlinkSync(join(elsewhere, 'y.yaml.txt'), join(dir, 'link.yaml'));
    expect(await ids(new FolderCache(root, LATER), dir)).toEqual(['b', 'y']);
  });

  it('reports a link to nowhere on every read', async () => {
    const { dir, root } = await cached({ 'a.yaml': yamlOf(method({ id: 'a' })) });
    symlinkSync(join(dir, 'nergens.yaml'), join(dir, 'kapot.yaml'));
    for (const cache of [new FolderCache(root, LATER), new FolderCache(root, LATER), new FolderCache(root, LATER)]) {
      const contents = await cache.read(dir, yaml);
      expect(contents.methods.map((m) => m.value.id)).toEqual(['a']);
      expect(contents.problems.map((p) => p.file)).toEqual([expect.stringMatching(/kapot\.yaml$/)]);
    }
  });

  it('two runs that parse at the same time each write a whole file; the next run parses nothing', async () => {
    const dir = userFolder({ 'a.yaml': yamlOf(method({ id: 'a' })), 'b.yaml': yamlOf(method({ id: 'b' })) });
    const root = join(tempDir('cache-'), 'methodewijzer');
    const [one, two] = [new FolderCache(root, LATER), new FolderCache(root, LATER)];
    await Promise.all([one.read(dir, yaml), two.read(dir, yaml)]);
    expect(cacheFiles(root)).toHaveLength(1);
    expect(await new FolderCache(root, LATER).read(dir, noParse)).toEqual(readFolder(dir));
  });

  it.each([
    ['not sealed', 'nonsense'],
    ['sealed, of an earlier format', (text: string) => text.replace('"format":6', '"format":5')],
    ['valid JSON, wrong shape', '{"format":6,"entries":[{"methods":[{"value":1}]}]}'],
    ['a word list of the wrong shape', (text: string) => text.replace('"problems"', '"words":{"words":[{"words":"x"}]},"problems"')],
    // Parses, has the shape, and lies: what a bit flip or a hand edit leaves. The checksum line no longer matches.
    ['tags a text, not a list', (text: string) => text.replace('"elements"', '"tags":"wijk","elements"')],
    ['another name', (text: string) => text.replace('Methode a', 'Methode X')],
    ['a checksum line that does not match', (text: string) => `${text.startsWith('0') ? '1' : '0'}${text.slice(1)}`],
  ])('ignores a corrupt cache file (%s) and rebuilds it', async (_, garbage) => {
    const { dir, root } = await cached({ 'a.yaml': yamlOf(method({ id: 'a' })) });
    const [file] = cacheFiles(root);
    const text = readFileSync(file, 'utf8');
    const damaged = typeof garbage === 'string' ? garbage : garbage(text);
    expect(damaged).not.toBe(text);
    writeFileSync(file, damaged);
    expect(await new FolderCache(root, LATER).read(dir, yaml)).toEqual(readFolder(dir));
    expect(await new FolderCache(root, LATER).read(dir, noParse)).toEqual(readFolder(dir));
    expect(cacheFiles(root)).toEqual([file]);
    expect(jsonOf(file).entries).toHaveLength(1);
  });

  it('reports the problems of an invalid file on every read, cached or not', async () => {
    const { dir, root } = await cached({ 'a.yaml': yamlOf(method({ id: 'a' })), 'kapot.yaml': 'id: [\n' });
    for (const cache of [new FolderCache(root, LATER), new FolderCache(root, LATER)]) {
      const contents = await cache.read(dir, yaml);
      expect(contents.methods.map((m) => m.value.id)).toEqual(['a']);
      expect(contents.problems).toHaveLength(1);
      expect(contents.problems[0].file).toMatch(/kapot\.yaml$/);
    }
  });

  it('works without a cache folder it can write to', async () => {
    const blocker = join(tempDir('cache-'), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const dir = userFolder({ 'a.yaml': yamlOf(method({ id: 'a' })) });
    expect(await ids(new FolderCache(join(blocker, 'methodewijzer'), LATER), dir)).toEqual(['a']);
    expect(await ids(new FolderCache(undefined, LATER), dir)).toEqual(['a']);
  });

  it('reports a missing folder as a problem, every time', async () => {
    const root = join(tempDir('cache-'), 'methodewijzer');
    const missing = join(tempDir('gone-'), 'nergens');
    for (const cache of [new FolderCache(root, LATER), new FolderCache(root, LATER)]) {
      expect((await cache.read(missing, yaml)).problems[0].message).toMatch(/bestaat niet/);
    }
  });

  it('gives a key of the files and their stamps, and says when they are settled', async () => {
    const { dir, root } = await cached({ 'a.yaml': yamlOf(method({ id: 'a' })) });
    const key = new FolderCache(root, LATER).stampKey([dir]);
    expect(key).toContain(dir);
    expect(new FolderCache(root, LATER).stampKey([dir])).toBe(key);
    writeFileSync(join(dir, 'b.yaml'), yamlOf(method({ id: 'b' })));
    const cache = new FolderCache(root, LATER);
    expect(cache.stampKey([dir])).not.toBe(key);
    // Just after b.yaml was written its stamp may not tell the next change; later it does.
    const written = statSync(join(dir, 'b.yaml')).mtimeMs;
    expect(cache.settled([dir], written + 5)).toBe(false);
    expect(cache.settled([dir], LATER())).toBe(true);
  });
});
