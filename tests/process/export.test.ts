// export where only a real process shows it: killed midway through the write, and a large export to a
// pipe. The rest: tests/e2e/export.test.ts.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bigFolder } from '../helpers/catalogue.js';
import { BIN, runCli } from '../helpers/cli.js';
import { cleanEnv, tempDir } from '../helpers/env.js';

const OLD = 'oude inhoud die blijven moet\n';
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('export --output never loses a file', () => {
  describe('killed midway through the write (the real binary: signals)', () => {
    // Big enough that the write takes a while: 240 methods of 100 kB each, about 24 MB of JSON.
    let big: string;
    let env: NodeJS.ProcessEnv;
    let fullSize: number;
    // One export first: its size, and a cache the runs below share, so they read the records unparsed.
    beforeAll(async () => {
      big = bigFolder(240, 60, 100_000);
      env = cleanEnv();
      const r = await runCli(['--catalogue', big, 'export', '--format', 'json'], { env });
      expect(r.code).toBe(0);
      fullSize = Buffer.byteLength(r.stdout);
    }, 60_000);

    it.each(['SIGTERM', 'SIGINT'] as const)('%s: exit 130, "Afgebroken.", the old file as it was and no temporary file', async (signal) => {
      const dir = tempDir('kill-');
      const target = join(dir, 'export.json');
      writeFileSync(target, OLD);
      const child = spawn(process.execPath, [BIN, '--catalogue', big, 'export', '--output', target, '--force'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      try {
        // Freeze it at the first change in the folder (its temporary file appearing), so the signal
        // surely lands while it writes: not before it started, not after the file took its place.
        await new Promise<void>((resolve) => {
          const watcher = watch(dir, () => {
            watcher.close();
            child.kill('SIGSTOP');
            resolve();
          });
        });
        const [temp, ...more] = leftovers(dir);
        expect(more).toEqual([]);
        expect(statSync(join(dir, temp)).size, 'stopped before the last byte was written').toBeLessThan(fullSize);
        expect(readFileSync(target, 'utf8')).toBe(OLD);
        child.kill(signal);
        child.kill('SIGCONT');
        expect(await closed).toBe(130);
      } finally {
        child.kill('SIGKILL');
      }
      expect(stderr).toBe('Afgebroken.\n');
      expect(readdirSync(dir)).toEqual(['export.json']);
      expect(readFileSync(target, 'utf8')).toBe(OLD);
    }, 60_000);
  });
});

describe('export to a pipe', () => {
  it('delivers all of a large export', async () => {
    const big = bigFolder(3000, 1000);
    const r = await runCli(['--catalogue', big, 'export', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(3039);
  });
});
