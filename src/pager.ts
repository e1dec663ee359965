import { spawn } from 'node:child_process';
import { interruptHandlers } from './interrupt.js';
import type { OutputStream } from './terminal.js';

/** The pager to use: METHODEWIJZER_PAGER, then PAGER, then less; an empty value means none. */
export function pagerCommand(env: NodeJS.ProcessEnv): string | undefined {
  const command = env.METHODEWIJZER_PAGER ?? env.PAGER ?? 'less';
  return command.trim() ? command : undefined;
}

export interface PagerOptions {
  env: NodeJS.ProcessEnv;
}

/**
 * Writes `text` to stdout, through a pager when stdout is a terminal and the text is taller than it.
 * As git does, less gets LESS=FRX unless the user set LESS: quit when it fits, keep colours, and leave
 * the text on the screen afterwards.
 */
export async function writePaged(stdout: OutputStream, text: string, { env }: PagerOptions): Promise<void> {
  const command = pagerCommand(env);
  const rows = stdout.rows ?? 0;
  if (!stdout.isTTY || !command || !rows || lineCount(text) < rows) {
    stdout.write(text);
    return;
  }
  const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env: { ...env, LESS: env.LESS ?? 'FRX', LV: env.LV ?? '-c' } });
  // Ctrl-C belongs to the pager while it runs (less uses it to stop a search); the CLI must not end.
  const keepRunning = () => {};
  interruptHandlers.add(keepRunning);
  try {
    const code = await new Promise<number | null>((resolve) => {
      child.on('error', () => resolve(null));
      child.on('close', (status) => resolve(status));
      // The pager may quit before it has read everything (q in less): nothing more to show then.
      child.stdin.on('error', () => {});
      child.stdin.end(text);
    });
    // The shell could not start it (127: no such command): show the text without a pager.
    if (code === null || code === 127) stdout.write(text);
  } finally {
    interruptHandlers.delete(keepRunning);
  }
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
