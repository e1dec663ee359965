import type { Output } from './command.js';
import type { Context } from './context.js';
import { EXIT } from './errors.js';
import { widthOf, wrap } from './terminal.js';

// The one place that decides what a failed write to stdout or stderr means, whoever wrote (a command,
// commander's help, a prompt): the process's two streams report every failure here.
//
//   EPIPE (the reader went away, `| head`)         quiet exit 0, as a Unix tool should
//   ENOSPC, EIO, a closed stream, any other error  one line on stderr, if stderr still works; exit 1
//
// Nothing is thrown, so a user never sees a stack trace for a full disk.

interface Stream {
  on(event: 'error', listener: (err: NodeJS.ErrnoException) => void): unknown;
  write(text: string): unknown;
}

export function guardOutput(stdout: Stream = process.stdout, stderr: Stream = process.stderr, exit: (code: number) => void = process.exit): void {
  let ended = false;
  let stderrWorks = true;
  const fail = (stream: 'stdout' | 'stderr', err: NodeJS.ErrnoException) => {
    if (ended) return;
    ended = true;
    if (err.code === 'EPIPE') return exit(EXIT.ok);
    if (stream === 'stderr') stderrWorks = false;
    if (stderrWorks) {
      try {
        stderr.write(`fout: kan niet naar ${stream} schrijven (${err.code ?? 'gesloten'})${REASONS[err.code ?? ''] ?? ''}; de uitvoer is onvolledig.\n`);
      } catch {
        // Then there is no one left to tell.
      }
    }
    exit(EXIT.failed);
  };
  stdout.on('error', (err) => fail('stdout', err));
  stderr.on('error', (err) => fail('stderr', err));
}

const REASONS: Record<string, string> = {
  ENOSPC: ': de schijf is vol',
  EIO: ': een schrijffout van het apparaat',
  ERR_STREAM_DESTROYED: ': de uitvoer is gesloten',
  EBADF: ': de uitvoer is gesloten',
};

/** Prints what a command produced: the data on stdout (through the pager when asked), then the note on stderr. */
export async function print(output: Output, ctx: Pick<Context, 'stdout' | 'stderr' | 'env' | 'pager'>): Promise<void> {
  if (output.json !== undefined) ctx.stdout.write(JSON.stringify(output.json, null, 2) + '\n');
  if (output.text) {
    // The pager (and child_process with it) is loaded only for a terminal.
    if (output.paged && ctx.pager && ctx.stdout.isTTY) await (await import('./pager.js')).writePaged(ctx.stdout, output.text, { env: ctx.env });
    else ctx.stdout.write(output.text);
  }
  // Notes wrap to the terminal here, once for every command (commands may wrap them already; that holds).
  if (output.note) ctx.stderr.write(wrap(output.note, widthOf(ctx.stderr)));
}
