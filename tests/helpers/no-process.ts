// Set-up file of the projects whose tests run in this process (tests/unit, tests/e2e, tests/deep). Starting
// a program there (the binary, a shell, tmux, the pager, a browser) fails the test with a message, so
// that a test which needs one moves to tests/process and `npm run test:fast` stays fast. The imports
// are held too, without running anything: tests/unit/test-kinds.test.ts.
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import { afterAll } from 'vitest';

const STARTERS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;
type Starter = (typeof STARTERS)[number];

const table = childProcess as unknown as Record<Starter, unknown>;
const originals = Object.fromEntries(STARTERS.map((name) => [name, table[name]]));

for (const name of STARTERS) {
  table[name] = () => {
    throw new Error(`child_process.${name}: a test in tests/unit, tests/e2e or tests/deep starts no process; one that needs to belongs in tests/process`);
  };
}
// Named imports (`import { spawn } from 'node:child_process'`) see the change too.
syncBuiltinESMExports();

// The worker may run a file of tests/process next (isolate: false): it gets the real functions back.
afterAll(() => {
  Object.assign(table, originals);
  syncBuiltinESMExports();
});
