import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { expectNoStackTrace, tempDir } from '../helpers/env.js';

// The code cache of src/boot/boot.ts, as the real binary keeps it: in a folder per Node version, a file per
// bundle and command (cli.cjs.<build>.list.bin), so that each command loads the code it runs and no more,
// written by the first two runs of the command (its first byte counts them).

const cacheHome = tempDir('code-cache-');
const folder = () => join(cacheHome, 'methodewijzer', `${process.version}-${process.arch}`);
const files = () => readdirSync(folder()).filter((f) => f.endsWith('.bin'));
/** bundle.command for each cache file: "cli.cjs.list". */
const kept = () => files().map((f) => f.replace(/\.[0-9a-f]{16}\./, '.').replace(/\.bin$/, '')).sort();
/** The cache file of a bundle and command ("cli.cjs", "list"). */
const fileOf = (bundle: string, command: string) => join(folder(), files().find((f) => f === `${bundle}.${f.split('.')[2]}.${command}.bin`)!);
/** When a cache file was last written. */
const stamp = (bundle: string, command: string) => {
  const s = statSync(fileOf(bundle, command));
  return [s.ino, s.mtimeMs];
};
/** How many runs wrote a cache file. */
const writesOf = (bundle: string, command: string) => readFileSync(fileOf(bundle, command))[0];
const run = (...args: string[]) => runCli(args, { env: { XDG_CACHE_HOME: cacheHome } });

describe('code cache', () => {
  it('is written by the first run of a command, for that command; a run for help makes none of its own', async () => {
    expect((await run('list', '--help')).code).toBe(0);
    expect(kept()).toEqual(['cli.cjs.-']);
    expect((await run('list')).code).toBe(0);
    expect(kept()).toEqual(['cli.cjs.-', 'cli.cjs.list']);
  });

  it('is written once more by the second run of the command, and then no more', async () => {
    expect(writesOf('cli.cjs', 'list')).toBe(1);
    const first = stamp('cli.cjs', 'list');
    expect((await run('list', '--json')).code).toBe(0);
    expect(stamp('cli.cjs', 'list')).not.toEqual(first);
    expect(writesOf('cli.cjs', 'list')).toBe(2);
    const second = stamp('cli.cjs', 'list');
    expect((await run('--no-color', 'list')).code).toBe(0);
    expect((await run('list')).code).toBe(0);
    expect(stamp('cli.cjs', 'list')).toEqual(second);
  });

  it('has a file per command, and one per library bundle that command loads', async () => {
    expect((await run('search', 'buurt')).code).toBe(0);
    expect(kept()).toEqual(['cli.cjs.-', 'cli.cjs.list', 'cli.cjs.search']);
    // A word with a typo makes search load fuse.js, and the stemmer (a word the catalogue does not
    // have is tried for its other forms first); each bundle then gets a cache of its own.
    const r = await run('search', 'bewonrs');
    expect(r.stdout).toMatch(/bewoners/i);
    expect(kept()).toEqual(['cli.cjs.-', 'cli.cjs.list', 'cli.cjs.search', 'fuse-js.cjs.search', 'snowball-stemmers.cjs.search']);
    expect([writesOf('cli.cjs', 'search'), writesOf('fuse-js.cjs', 'search'), writesOf('snowball-stemmers.cjs', 'search')]).toEqual([2, 1, 1]);
  });

  it('runs that read own folders have a file of their own: the folder cache is code other runs never compile', async () => {
    const own = tempDir('code-cache-own-');
    writeFileSync(join(own, 'eigen.yaml'), 'id: eigen\nname: Eigen\nsummary: Een eigen methode.\nelements: [animo]\nsource:\n  kind: verkenning\nurl: https://example.org/eigen\n');
    expect((await run('__complete', 'ids')).code).toBe(0);
    expect((await run('--catalogue', own, '__complete', 'ids')).stdout).toContain('eigen\n');
    expect((await runCli(['__complete', 'ids'], { env: { XDG_CACHE_HOME: cacheHome, METHODEWIJZER_CATALOGUE: own } })).stdout).toContain('eigen\n');
    expect(kept().filter((k) => k.startsWith('cli.cjs.__complete'))).toEqual(['cli.cjs.__complete', 'cli.cjs.__complete+own']);
  });

  it('runs that name no command share one file, a typo included', async () => {
    expect((await run('--help')).code).toBe(0);
    expect((await run('lsit')).code).toBe(2);
    expect(kept()).toContain('cli.cjs.-');
    expect(writesOf('cli.cjs', '-')).toBe(2);
    const before = stamp('cli.cjs', '-');
    expect((await run('lsit')).code).toBe(2);
    expect(stamp('cli.cjs', '-')).toEqual(before);
    expect(kept().filter((k) => k.includes('lsit'))).toEqual([]);
  });

  it('tidies up when it writes: caches of an earlier build and the temporary file of a killed writer go, a file being written stays', async () => {
    const build = fileOf('cli.cjs', 'list').split('.').at(-3)!;
    const earlier = join(folder(), 'cli.cjs.0123456789abcdef.list.bin');
    const abandoned = join(folder(), `cli.cjs.${build}.tags.bin.4242.tmp`);
    const beingWritten = join(folder(), `cli.cjs.${build}.tags.bin.4243.tmp`);
    for (const f of [earlier, abandoned, beingWritten]) writeFileSync(f, 'x');
    const twoMinutesAgo = (Date.now() - 120_000) / 1000;
    utimesSync(abandoned, twoMinutesAgo, twoMinutesAgo);
    expect((await run('tags')).code).toBe(0);
    expect(kept()).toContain('cli.cjs.tags');
    expect([existsSync(earlier), existsSync(abandoned), existsSync(beingWritten)]).toEqual([false, false, true]);
  });

  it('when it writes, the folders of other Node versions go, and the caches of bundles an earlier build had; a stranger\'s file keeps its folder, a link is not followed', async () => {
    const root = join(cacheHome, 'methodewijzer');
    const older = join(root, 'v18.19.0-x64');
    const withLink = join(root, 'v21.0.0-arm64');
    const outside = tempDir('code-cache-outside-');
    const victim = join(outside, 'keep.bin');
    writeFileSync(victim, 'not the cache');
    mkdirSync(older, { mode: 0o700 });
    mkdirSync(withLink, { mode: 0o700 });
    writeFileSync(join(older, 'cli.cjs.0123456789abcdef.list.bin'), 'x'.repeat(1000));
    symlinkSync(victim, join(withLink, 'cli.cjs.0123456789abcdef.list.bin'));
    // Not a Node version's folder: left alone.
    mkdirSync(join(root, 'mine'), { mode: 0o700 });
    const gone = join(folder(), 'yaml.cjs.0123456789abcdef.validate.bin');
    writeFileSync(gone, 'x');
    expect((await run('glossary')).code).toBe(0);
    expect(kept()).toContain('cli.cjs.glossary');
    expect(existsSync(older)).toBe(false);
    expect(existsSync(gone)).toBe(false);
    // The link is no file of ours: it stays, and so does the folder it is in, and what it points to.
    expect(readdirSync(withLink)).toEqual(['cli.cjs.0123456789abcdef.list.bin']);
    expect(readFileSync(victim, 'utf8')).toBe('not the cache');
    expect(existsSync(join(root, 'mine'))).toBe(true);
    expect(existsSync(folder())).toBe(true);
  });

  it('a damaged cache file is not trusted: the run works, with the same output, and writes it afresh', async () => {
    const expected = (await run('show', 'abcd')).stdout;
    const file = fileOf('cli.cjs', 'show');
    for (const damage of ['not what V8 wrote', '']) {
      writeFileSync(file, damage);
      const r = await run('show', 'abcd');
      expect(r.code).toBe(0);
      expectNoStackTrace(r.stderr);
      expect(r.stdout).toBe(expected);
      expect(statSync(file).size).toBeGreaterThan(10_000);
    }
  });
});
