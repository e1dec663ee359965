import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoStackTrace, runCli, tempDir } from '../helpers/cli.js';

// The code cache of src/boot.ts, as the real binary keeps it: one file per bundle in a folder per
// Node version, each starting with a line that names the commands whose code it holds.

const cacheHome = tempDir('code-cache-');
const folder = () => join(cacheHome, 'methodewijzer', `${process.version}-${process.arch}`);
const files = () => readdirSync(folder()).filter((f) => f.endsWith('.bin'));
const cliCache = () => join(folder(), files().find((f) => f.startsWith('cli.cjs.'))!);
const coveredBy = (file: string) => readFileSync(file, 'latin1').split('\n')[0].split(' ');
const run = (...args: string[]) => runCli(args, { env: { XDG_CACHE_HOME: cacheHome } });

describe('code cache', () => {
  it('is written by the first run, for the command that ran', async () => {
    expect((await run('list')).code).toBe(0);
    expect(coveredBy(cliCache())).toEqual(['list']);
  });

  it('is not written again by a command it already holds', async () => {
    const before = statSync(cliCache());
    expect((await run('list', '--json')).code).toBe(0);
    const after = statSync(cliCache());
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('grows with each new command, keeping the ones before, and gives a cache to a library bundle it loads', async () => {
    expect((await run('search', 'buurt')).code).toBe(0);
    expect(coveredBy(cliCache())).toEqual(['list', 'search']);
    // search loads fuse.js for words with typos; its bundle has a cache of its own.
    expect(files().some((f) => f.startsWith('fuse-js.cjs.'))).toBe(true);
    const output = (await run('search', 'buurt')).stdout;
    expect(coveredBy(cliCache())).toEqual(['list', 'search']);
    expect(output).toMatch(/buurt/i);
  });

  it('a damaged cache file is not trusted: the run works, with the same output, and writes it afresh', async () => {
    const expected = (await run('show', 'abcd')).stdout;
    for (const damage of ['list show\nnot what V8 wrote', 'no newline at all', '']) {
      writeFileSync(cliCache(), damage);
      const r = await run('show', 'abcd');
      expect(r.code).toBe(0);
      expectNoStackTrace(r.stderr);
      expect(r.stdout).toBe(expected);
      expect(coveredBy(cliCache())).toEqual(['show']);
      expect(statSync(cliCache()).size).toBeGreaterThan(10_000);
    }
  });
});
