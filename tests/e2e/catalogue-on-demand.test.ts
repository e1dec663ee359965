import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { ROOT, cleanEnv, tempDir } from '../helpers/cli.js';

// The catalogue is loaded when a command asks for it: a run that must parse YAML (a cold cache) and
// one served from the cache (warm) must not differ in anything a user sees.

async function run(args: string[], env: NodeJS.ProcessEnv) {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'methodewijzer', ...args], {
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: false },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: false },
    env,
  });
  return { code, stdout, stderr };
}

const ANSWERS = ['--animo', 'beide', '--contact', 'beide', '--toerusting', 'beide', '--inbedding', 'beide', '--empathie', 'beide'];
const COMMANDS: string[][] = [
  ['list'],
  ['list', '--json', '--tag', 'eigen'],
  ['search', 'eigen', 'werkwijze'],
  ['search', 'buurt', '--json'],
  ['show', 'eigen-a'],
  ['show', 'eigen-a', '--json'],
  ['show', 'eigen-x'],
  ['compare', 'eigen-a', 'kan-wel', '--json'],
  ['model'],
  ['model', 'animo', '--json'],
  ['glossary'],
  ['sources', '--json'],
  ['export', '--format', 'csv'],
  ['export', '--format', 'yaml'],
  ['export', '--format', 'md'],
  ['validate'],
  ['actie', ...ANSWERS, '--json'],
  ['actie', ...ANSWERS, '--setting', 'dorp'],
];

describe('cold and warm cache', () => {
  // One good method, one that replaces a built-in one, and a broken file: problems must be reported both ways.
  const folder = userFolder({
    'a.yaml': yamlOf(method({ id: 'eigen-a', name: 'Eigen werkwijze', tags: ['eigen'] }), method({ id: 'abcd', name: 'ABCD eigen versie' })),
    'kapot.yaml': 'id: [\n',
  });

  it.each(COMMANDS.map((args) => [args.join(' '), args]))('%s: the same output, cold and warm', async (_, args) => {
    const env = cleanEnv();
    const cold = await run(['--catalogue', folder, ...(args as string[])], env);
    // The cache is warm now (validate reads afresh by design, so list fills it); the next run is served from it.
    await run(['--catalogue', folder, 'list'], env);
    expect(readdirSync(join(env.XDG_CACHE_HOME!, 'methodewijzer', 'folders')).length).toBeGreaterThan(0);
    const warm = await run(['--catalogue', folder, ...(args as string[])], env);
    expect(warm).toEqual(cold);
    // The broken file is reported (exit 3, or 1 for a method that is not there), never silently skipped.
    expect(cold.stdout + cold.stderr).toContain('kapot.yaml');
    expect([1, 3]).toContain(cold.code);
  });

  it('new: the same, with the folder read cold or warm', async () => {
    const results = [];
    for (const warmFirst of [false, true]) {
      const env = cleanEnv();
      const dir = userFolder({ 'a.yaml': yamlOf(method({ id: 'eigen-a' })) });
      if (warmFirst) await run(['--catalogue', dir, 'list'], env);
      const result = await run(['--catalogue', dir, 'new', 'Buurtkracht'], env);
      expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'buurtkracht.yaml']);
      results.push({ ...result, stderr: result.stderr.replaceAll(dir, '<map>') });
      rmSync(dir, { recursive: true, force: true });
    }
    expect(results[0].code).toBe(0);
    expect(results[1]).toEqual(results[0]);
  });
});

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
