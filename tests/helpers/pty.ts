// A shell script in a real pseudo-terminal, through util-linux's `script` (lighter than a tmux session,
// and enough where nothing has to be typed): what the terminal showed, and the script's exit status.
// Tests that use it skip with lacks('script', ...) from tests/helpers/tools.ts.
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './env.js';

export interface PtyResult {
  status: number | null;
  /** Everything the terminal showed, with its \r\n as \n. */
  screen: string;
}

/**
 * Runs `bash` on `commands` with stdin, stdout and stderr on a new terminal of `columns` × `rows`. Nothing
 * is typed: a program that waits for a key waits until `timeoutMs`, and is then killed.
 */
export function inPty(commands: string, { env, columns = 100, rows = 40, timeoutMs = 15_000 }: { env: NodeJS.ProcessEnv; columns?: number; rows?: number; timeoutMs?: number }): Promise<PtyResult> {
  const dir = tempDir('pty-');
  const file = join(dir, 'run.sh');
  writeFileSync(file, commands);
  return new Promise((resolve, reject) => {
    // The terminal's size is set inside: `script` gives a new terminal the size of its own, and has none.
    const child = spawn('script', ['-qec', `stty rows ${rows} cols ${columns}; exec bash ${file}`, '/dev/null'], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs, killSignal: 'SIGKILL' });
    let screen = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (screen += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (screen += d));
    child.on('error', reject);
    child.on('close', (status) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ status, screen: screen.replace(/\r\n/g, '\n') });
    });
  });
}
