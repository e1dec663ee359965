// Bad input where only a real process shows it: a folder another user may not read, and pipes that close.
// The rest: tests/e2e/bad-input.test.ts.
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Method } from '../../src/model/schema.js';
import { bigFolder, method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { BIN, runCli } from '../helpers/cli.js';
import { cleanEnv } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';
import { AS_OTHER_USER, binForOtherUser, reachableDir } from '../helpers/other-user.js';
import { lacks } from '../helpers/tools.js';

const GOOD = yamlOf(method({ id: 'goed' }));

let builtinJson: Method[];
beforeAll(async () => {
  builtinJson = JSON.parse((await runMain(['list', '--json'])).stdout);
  expect(builtinJson).toHaveLength(39);
});

describe('bad input: several at once', () => {
  const asRoot = process.getuid?.() === 0;
  it.skipIf(asRoot && lacks('setpriv', 'tests as another user'))('a folder that cannot be read is named, not taken for an empty one', async ({ skip }) => {
    let command = [process.execPath, BIN];
    let dir = userFolder({ 'goed.yaml': GOOD });
    if (asRoot) {
      const other = binForOtherUser();
      if ('reason' in other) return skip(other.reason);
      command = [...AS_OTHER_USER, process.execPath, other.bin];
      dir = userFolder({ 'goed.yaml': GOOD }, reachableDir());
    }
    chmodSync(dir, 0o000);
    try {
      const r = spawnSync(command[0], [...command.slice(1), 'validate', dir], { env: cleanEnv(), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(3);
      expect(r.stdout).toContain(`${dir}: kan de map niet lezen (EACCES)`);
    } finally {
      chmodSync(dir, 0o700);
    }
  });

// Pipes that close and the end of a process: these need the real binary.
});

describe('output to a pipe', () => {
  let big: string;
  let env: NodeJS.ProcessEnv;
  // One cold run fills a cache that the runs below share: they read the 4,000 records from it, unparsed.
  beforeAll(() => {
    big = bigFolder(4000, 2000);
    env = cleanEnv();
    expect(spawnSync(process.execPath, [BIN, '--catalogue', big, 'list'], { env, stdio: 'ignore' }).status).toBe(0);
  }, 60_000);

  it('list | head -1 ends quietly, exit 0 on the CLI side', () => {
    const script = `set -o pipefail; "${process.execPath}" "${BIN}" --catalogue "${big}" list | head -1`;
    const r = spawnSync('bash', ['-c', script], { env, encoding: 'utf8' });
    expect(r.stdout).toBe('abcd\tABCD\tanimo,contact\tdatabank\thttps://www.movisie.nl/esi/abcd\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('list --json | head -c 100 ends quietly too', () => {
    const script = `"${process.execPath}" "${BIN}" --catalogue "${big}" list --json | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', script], { env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('0');
  });

  it('nothing is cut off: list --json piped parses whole, with the 39 records', async () => {
    const r = await runCli(['list', '--json']);
    expect(JSON.parse(r.stdout)).toHaveLength(39);
    const large = await runCli(['--catalogue', big, 'list', '--json'], { env });
    expect(JSON.parse(large.stdout)).toHaveLength(4039);
    const viaCat = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" list --json | cat`], { env: cleanEnv(), encoding: 'utf8' });
    expect(JSON.parse(viaCat.stdout)).toHaveLength(39);
  });
});
