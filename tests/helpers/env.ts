// What a test in this process needs around the CLI: a clean environment, temporary folders that go
// when the test ends, and the check for stack traces. Nothing here starts a process (tests/helpers/cli.ts
// runs the binary), so the fast tests (tests/unit, tests/e2e) can use it.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished, TestRunner } from 'vitest';
import { removeTree } from './remove-tree.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The environment without anything that would change the CLI's output (colour, user catalogues). */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'METHODEWIJZER_CATALOGUE', 'METHODEWIJZER_DEBUG', 'METHODEWIJZER_PAGER', 'PAGER', 'LESS']) delete env[key];
  // Keep each test's cache away from the user's.
  env.XDG_CACHE_HOME = tempDir('cache-');
  return env;
}

/**
 * A new folder in TMPDIR (the run's own, tests/helpers/test-run.ts). Made inside a test, it goes when the
 * test ends; made while the tests are collected or in a hook, with the run's folder.
 */
export function tempDir(prefix = 'mw-'): string {
  const dir = mkdtempSync(join(tmpdir(), `methodewijzer-${prefix}`));
  if (TestRunner.getCurrentTest()) onTestFinished(() => removeTree(dir));
  return dir;
}

/**
 * A folder this process may not create files in: a read-only temporary folder, or, for root (whom
 * permissions do not stop), /sys, where the kernel refuses new files to everyone.
 */
export function unwritableDir(): string {
  if (process.getuid?.() === 0) return '/sys';
  const dir = tempDir('ro-');
  chmodSync(dir, 0o555);
  return dir;
}

/** The stack-trace markers a user must never see. */
export function expectNoStackTrace(text: string): void {
  if (/\n\s+at .+\(.*:\d+:\d+\)|node:internal/.test(text)) {
    throw new Error(`output holds a stack trace:\n${text}`);
  }
}
