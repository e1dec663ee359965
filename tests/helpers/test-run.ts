// Global set-up of the whole run: one folder of the run's own becomes TMPDIR, for the workers, the CLIs
// they start, tmux, npm and all; at the end it goes, with whatever a test left in it, so a run leaves
// $TMPDIR as it found it. Vitest calls this once for the run and once per project: the first makes it.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTree } from './remove-tree.js';

const OWNER = Symbol.for('methodewijzer.testRun');

export default function testRun(): (() => void) | undefined {
  const state = globalThis as { [OWNER]?: string };
  if (state[OWNER]) return undefined;
  const run = mkdtempSync(join(tmpdir(), 'methodewijzer-test-run-'));
  // Others may pass through and read, as in /tmp: some tests run the CLI as another user.
  chmodSync(run, 0o755);
  state[OWNER] = run;
  process.env.TMPDIR = run;
  process.env.METHODEWIJZER_TEST_RUN = run;
  return () => {
    stopTmuxServers(run);
    removeTree(run);
  };
}

/** A test that failed before its afterEach may leave its tmux server running; each has its socket in the run. */
function stopTmuxServers(run: string): void {
  for (const entry of readdirSync(run)) {
    if (!entry.startsWith('methodewijzer-tmux-')) continue;
    spawnSync(process.env.TMUX_BIN ?? 'tmux', ['-S', join(run, entry, 'socket'), 'kill-server'], { stdio: 'ignore' });
  }
}
