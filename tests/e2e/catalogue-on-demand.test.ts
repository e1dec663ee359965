import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { cleanEnv } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';

// The catalogue is loaded when a command asks for it: a run that must parse YAML (a cold cache) and
// one served from the cache (warm) must not differ in anything a user sees.

const run = (args: string[], env: NodeJS.ProcessEnv) => runMain(args, { env });

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

