import { spawn } from 'node:child_process';
import type { OutputStream } from '../text/terminal.js';

/**
 * The pager to use: METHODEWIJZER_PAGER, then PAGER, then less; an empty value means none. Windows
 * has no less, and cmd.exe reports a missing program with exit code 1, not 127, after its own message:
 * there `more`, which every Windows has. `platform` is for the tests.
 */
export function pagerCommand(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  const command = env.METHODEWIJZER_PAGER ?? env.PAGER ?? (platform === 'win32' ? 'more' : 'less');
  return command.trim() ? command : undefined;
}

export interface PagerOptions {
  env: NodeJS.ProcessEnv;
  /** Says on stderr why the text came without the pager. */
  warn: (message: string) => void;
  /** The context's: Ctrl-C belongs to the pager while it runs, and does not end the CLI. */
  signal?: AbortSignal;
}

/**
 * Writes `text` to stdout, through a pager when stdout is a terminal and the text is taller than it.
 * As git does, less gets LESS=FRX unless the user set LESS: quit when it fits, keep colours, and leave
 * the text on the screen afterwards.
 *
 * A pager that did not show the text (it could not start, the shell could not run it: 126, 127, or it
 * ended with another failure, as PAGER=false does) leaves it to us: the text is written directly, and
 * a warning says why, always, since a pager that fails is a setting the user will want to fix. A pager
 * ends with 0 when the user quits it (q in less), and a signal means it was stopped on purpose: both
 * count as shown. Whether a failing pager read the text first cannot be told (the pipe holds 64 KiB
 * unread), so it is shown again: twice is better than never.
 */
export async function writePaged(stdout: OutputStream, text: string, { env, warn, signal }: PagerOptions): Promise<void> {
  const command = pagerCommand(env);
  const rows = stdout.rows ?? 0;
  if (!stdout.isTTY || !command || !rows || lineCount(text) < rows) {
    stdout.write(text);
    return;
  }
  // Ctrl-C belongs to the pager while it runs (less uses it to stop a search); the CLI must not end.
  const keepRunning = () => {};
  signal?.addEventListener('abort', keepRunning);
  try {
    const failure = await new Promise<string | undefined>((resolve) => {
      const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env: { ...env, LESS: env.LESS ?? 'FRX', LV: env.LV ?? '-c' } });
      child.on('error', (err: NodeJS.ErrnoException) => resolve(`kon niet starten (${err.code ?? err.message})`));
      child.on('close', (status) => resolve(status ? `eindigde met afsluitcode ${status}` : undefined));
      // The pager may quit before it has read everything (q in less): nothing more to show then.
      child.stdin.on('error', () => {});
      child.stdin.end(text);
    });
    if (failure) {
      stdout.write(text);
      warn(`de pager "${command}" ${failure}; de tekst staat hierboven zonder pager`);
    }
  } finally {
    signal?.removeEventListener('abort', keepRunning);
  }
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
