// Runs of the real binary on one dossier at the same time, and a lock left by a killed run: what only
// processes of their own can show (tests/e2e/dossier.test.ts has the rest).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/env.js';
import { ANSWERS, consultant } from '../helpers/dossier.js';

describe('two runs at once', () => {
  it('both keep their session, and no lock or temporary file is left', async () => {
    const folder = tempDir('dossiers-');
    const runs = ['2026-04-01T10:00', '2026-04-01T10:01', '2026-04-01T10:02', '2026-04-01T10:03'].map((now) =>
      runCli(['actie', '--dossier', 'Keet Oost', ...ANSWERS.mar], { env: { METHODEWIJZER_DOSSIERS: folder, METHODEWIJZER_NOW: now } }),
    );
    const results = await Promise.all(runs);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const yaml = readFileSync(join(folder, 'keet-oost.yaml'), 'utf8');
    expect([...yaml.matchAll(/date: (\S+)/g)].map((m) => m[1]).sort()).toEqual(['2026-04-01T10:00', '2026-04-01T10:01', '2026-04-01T10:02', '2026-04-01T10:03']);
    expect(readdirSync(folder)).toEqual(['keet-oost.yaml']);
  });

  it('takes over a lock left by a run that was killed', async () => {
    const folder = tempDir('dossiers-');
    mkdirSync(folder, { recursive: true });
    // A process id that is gone: a child that has ended.
    const gone = (await import('node:child_process')).spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(folder, 'keet.yaml.lock'), `${gone}\n`);
    const result = await consultant(folder)(['actie', '--dossier', 'Keet', ...ANSWERS.jan], '2026-01-12T10:00');
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(folder)).toEqual(['keet.yaml']);
  });
});
