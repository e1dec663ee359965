// Running the CLI as another user (uid 65534, "nobody"), for tests of what a user other than the one who
// made a file may do with it. Root becomes that user with setpriv. The checkout may sit where nobody
// can go (a root home is 0700), so the user runs a copy of the built package, in a folder it can reach.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';
import { ROOT } from './env.js';
import { removeTree } from './remove-tree.js';

export const OTHER_UID = 65534;

/** setpriv's words that run a command as uid and gid 65534, without groups or capabilities. */
export const AS_OTHER_USER = ['setpriv', `--reuid=${OTHER_UID}`, `--regid=${OTHER_UID}`, '--clear-groups', '--inh-caps=-all'];

/**
 * The built binary, copied where the other user can read and run it, or why that cannot be: the folders
 * above TMPDIR, or Node itself, may be closed to others.
 */
export function binForOtherUser(): { bin: string } | { reason: string } {
  const dir = reachableDir();
  for (const part of ['bin', 'dist', 'catalogue', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  openToAll(dir);
  const bin = join(dir, 'bin', 'methodewijzer.cjs');
  const probe = spawnSync(AS_OTHER_USER[0], [...AS_OTHER_USER.slice(1), process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(bin)}, require('fs').constants.R_OK)`], { encoding: 'utf8' });
  if (probe.status === 0) return { bin };
  const why = probe.error?.message ?? probe.stderr.trim().split('\n').pop() ?? `exit ${probe.status}`;
  return { reason: `uid ${OTHER_UID} kan Node of ${dir} niet bereiken (${why})` };
}

/**
 * A new folder (0755) that the other user can reach: in TMPDIR where every folder above it lets others
 * pass, else in /tmp. Call it inside a test: it goes when the test ends.
 */
export function reachableDir(): string {
  const base = passable(tmpdir()) ? tmpdir() : '/tmp';
  const dir = mkdtempSync(join(base, 'methodewijzer-other-user-'));
  onTestFinished(() => removeTree(dir));
  chmodSync(dir, 0o755);
  return dir;
}

/** Whether others may pass through `dir` and every folder above it. */
function passable(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (d === dirname(d)) return true;
  }
}

/** Folders 0755 and files 0644: readable for all, as an installed package is. */
function openToAll(path: string): void {
  const isDir = statSync(path).isDirectory();
  chmodSync(path, isDir ? 0o755 : 0o644);
  if (isDir) for (const entry of readdirSync(path)) openToAll(join(path, entry));
}
