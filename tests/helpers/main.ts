import { Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import { cleanEnv } from './cli.js';

export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in this process (no child process to start), with stdout a pipe, or a terminal of
 * `columns` when given. stdin is never a terminal.
 */
export async function runMain(args: string[], options: { env?: NodeJS.ProcessEnv; columns?: number } = {}): Promise<MainResult> {
  let stdout = '';
  let stderr = '';
  const tty = options.columns !== undefined;
  const code = await main(['node', 'methodewijzer', ...args], {
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: tty, columns: options.columns },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: false },
    env: { ...cleanEnv(), ...options.env },
  });
  return { code, stdout, stderr };
}
