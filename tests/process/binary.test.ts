// The built binary (bin/ -> dist/) against main() in this process: the other CLI tests run in-process,
// so these prove that what they test is what a user gets. See also the tests that need a real process:
// pipes and full disks, signals, and the terminal (tmux).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCatalogue } from '../../scripts/gen-catalogue.mjs';
import { SEARCH_INDEX_CACHE_MIN } from '../../src/model/defaults.js';
import { method, yamlOf } from '../helpers/catalogue.js';
import { runCli } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';

const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
const ANSWERS = ['--animo', 'bijsturen', '--contact', 'benutten', '--toerusting', 'aanreiken', '--inbedding', 'beide', '--empathie', 'onbekend'];

describe('the built binary', () => {
  it('--version prints the version of package.json', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect(r.stderr).toBe('');
  });

  // One run per way the bundle differs from the source: libraries loaded on first use (fuse.js for
  // search, csv-stringify, yaml, chalk for colour), the advice, and an error's exit code and hint.
  it.each([
    { args: ['search', 'tijd', 'voor', 'elkaar'] },
    { args: ['actie', ...ANSWERS, '--setting', 'dorp'] },
    { args: ['export', '--format', 'csv', '--element', 'animo'] },
    { args: ['export', '--format', 'yaml', '--tag', 'dorp'] },
    { args: ['show', 'kan wel'], env: { FORCE_COLOR: '1' } },
    { args: ['show', 'kan-well'] },
  ])('$args: the same exit code and output as main()', async ({ args, env }) => {
    const [binary, inProcess] = await Promise.all([runCli(args, { env }), runMain(args, { env })]);
    expect(binary.signal).toBeNull();
    expect({ code: binary.code, stdout: binary.stdout, stderr: binary.stderr }).toEqual(inProcess);
    expect(binary.stdout + binary.stderr).not.toBe('');
  });

  it('reads a user folder cold (through the YAML reader), then from its cache and search snapshot, as main() does', async () => {
    // Large enough for a search snapshot: a warm search reads it and loads no records.
    const dir = tempDir('own-');
    writeCatalogue(dir, SEARCH_INDEX_CACHE_MIN, { perFile: 500 });
    writeFileSync(join(dir, 'eigen.yaml'), yamlOf(method({ id: 'zeepkistrace', name: 'Zeepkistrace', summary: 'Kinderen timmeren een racewagen.' })));
    const env = { XDG_CACHE_HOME: tempDir('cache-') };
    const inProcessEnv = { XDG_CACHE_HOME: tempDir('cache-') };
    for (const args of [['list', '--json'], ['search', 'zeepkist']]) {
      const expected = await runMain(['--catalogue', dir, ...args], { env: inProcessEnv });
      expect(expected.code).toBe(0);
      expect(expected.stdout).toContain('zeepkistrace');
      for (let run = 0; run < 2; run++) {
        const r = await runCli(['--catalogue', dir, ...args], { env });
        expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual(expected);
      }
    }
    expect(existsSync(join(env.XDG_CACHE_HOME, 'methodewijzer', 'search'))).toBe(true);
  });
});
