// What the built CLI loads: a library a command does not need is never required (require.cache of a
// fresh Node). Cold and warm cache in-process: tests/e2e/catalogue-on-demand.test.ts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { ROOT, cleanEnv, tempDir } from '../helpers/env.js';

// The catalogue is loaded when a command asks for it: a run that must parse YAML (a cold cache) and
// one served from the cache (warm) must not differ in anything a user sees.

const ANSWERS = ['--animo', 'beide', '--contact', 'beide', '--toerusting', 'beide', '--inbedding', 'beide', '--empathie', 'beide'];

describe('start-up', () => {
  it('loads no library a command does not need: list, show, compare and __complete load neither yaml, zod nor the prompts', () => {
    // In the built CLI, as installed: which bundles are in require's cache after the command ran.
    const script = `
      const cli = require(${JSON.stringify(join(ROOT, 'dist', 'cli.cjs'))});
      const sink = { write: () => true, isTTY: false };
      (async () => {
        for (const args of [['list'], ['show', 'abcd'], ['compare', 'abcd', 'kan-wel'], ['__complete', 'ids'], ['search', 'buurt'], ['actie', ${ANSWERS.map((a) => JSON.stringify(a)).join(', ')}]]) {
          const code = await cli.main([process.execPath, 'methodewijzer', ...args], { stdout: sink, stderr: sink });
          if (code !== 0) throw new Error(args.join(' ') + ' ended with ' + code);
        }
        console.log(Object.keys(require.cache).filter((f) => f.includes('vendor')).map((f) => f.split('/').pop()).sort().join(','));
      })();`;
    const result = spawnSync(process.execPath, ['-e', script], { env: cleanEnv(), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // commander's help and fuse.js may load; the YAML parser, zod, the prompt library, open and supports-hyperlinks (a pipe has no links) must not.
    expect(result.stdout.trim().split(',')).not.toEqual(expect.arrayContaining([expect.stringMatching(/yaml|zod|inquirer|open|hyperlinks/)]));
  });

  it('loads yaml and zod once a user folder must be parsed', () => {
    const dir = userFolder({ 'a.yaml': yamlOf(method({ id: 'eigen-a' })) });
    const script = `
      const cli = require(${JSON.stringify(join(ROOT, 'dist', 'cli.cjs'))});
      const sink = { write: () => true, isTTY: false };
      cli.main([process.execPath, 'methodewijzer', '--catalogue', ${JSON.stringify(dir)}, 'list'], { stdout: sink, stderr: sink }).then(() =>
        console.log(Object.keys(require.cache).filter((f) => f.includes('vendor')).map((f) => f.split('/').pop()).sort().join(',')));`;
    const result = spawnSync(process.execPath, ['-e', script], { env: { ...cleanEnv(), XDG_CACHE_HOME: tempDir('cache-') }, encoding: 'utf8' });
    expect(result.stdout).toMatch(/yaml\.cjs/);
    expect(result.stdout).toMatch(/zod\.cjs/);
  });
});
