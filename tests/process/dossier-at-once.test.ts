// Runs of the real binary on one dossier at the same time, a lock left by a killed run, and one held by a
// run that is still going: what only processes of their own can show (tests/e2e/dossier.test.ts has the rest).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

  // The lock holds the process id of this test, which is alive: to the CLI, another run busy saving.
  it('waits for a run that is still saving, and saves after it', async () => {
    const folder = tempDir('dossiers-');
    mkdirSync(folder, { recursive: true });
    const lock = join(folder, 'keet.yaml.lock');
    writeFileSync(lock, `${process.pid}\n`);
    const run = runCli(['actie', '--dossier', 'Keet', ...ANSWERS.jan], { env: { METHODEWIJZER_DOSSIERS: folder, METHODEWIJZER_NOW: '2026-01-12T10:00' } });
    await new Promise((r) => setTimeout(r, 1500));
    // Still waiting: nothing saved while the other run holds the lock.
    expect(existsSync(join(folder, 'keet.yaml'))).toBe(false);
    const released = Date.now();
    rmSync(lock);
    const result = await run;
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(join(folder, 'keet.yaml')).mtimeMs).toBeGreaterThanOrEqual(released - 1000);
    expect(readdirSync(folder)).toEqual(['keet.yaml']);
  });

  it('gives up on a lock that stays, after its wait: the advice shown, the session not saved, the lock named, exit 1', { timeout: 60_000 }, async () => {
    const folder = tempDir('dossiers-');
    const env = { METHODEWIJZER_DOSSIERS: folder };
    expect((await runCli(['actie', '--dossier', 'Keet', ...ANSWERS.jan], { env: { ...env, METHODEWIJZER_NOW: '2026-01-12T10:00' } })).code).toBe(0);
    const before = readFileSync(join(folder, 'keet.yaml'), 'utf8');
    writeFileSync(join(folder, 'keet.yaml.lock'), `${process.pid}\n`);
    const result = await runCli(['actie', '--dossier', 'Keet', ...ANSWERS.mar], { env: { ...env, METHODEWIJZER_NOW: '2026-03-09T10:00' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/KORTLIJST/);
    expect(result.stderr).toMatch(/het dossier is bezet: .*keet\.yaml\.lock bestaat; de nieuwe sessie is niet opgeslagen/);
    expect(result.stderr).toMatch(/verwijder dan het \.lock-bestand/);
    // The dossier as it was, and the other run's lock left to it.
    expect(readFileSync(join(folder, 'keet.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(folder).sort()).toEqual(['keet.yaml', 'keet.yaml.lock']);
  });
});
