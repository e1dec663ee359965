import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { cleanEnv, ROOT } from './env.js';

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
