import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { getCurrentTest } from 'vitest/suite';
import { removeTree } from './test-run.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'methodewijzer.cjs');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
  cwd?: string;
  /** Leave stdin open (a pipe nobody writes to), as a shell pipeline that has not finished does. */
  stdinOpen?: boolean;
  /** Kill the program after this many ms (the result then has signal SIGKILL): for tests of what must not hang. */
  killAfter?: number;
}

/** Runs the built binary as a user would, with stdin/stdout as pipes (not a terminal). */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...cleanEnv(), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.killAfter ? { timeout: options.killAfter, killSignal: 'SIGKILL' as const } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.stdin.on('error', () => undefined);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (options.stdinOpen) child.stdin.write(options.input ?? '');
    else child.stdin.end(options.input ?? '');
  });
}

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
  if (getCurrentTest()) onTestFinished(() => removeTree(dir));
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
