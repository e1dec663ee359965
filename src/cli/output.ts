import type { Output } from '../runtime/command.js';
import type { Context } from '../runtime/context.js';
import { EXIT } from '../model/errors.js';
import { jsonText } from '../format/json.js';
import { widthOf, wrap, type OutputStream } from '../text/terminal.js';
import { fstatSync, writeSync } from 'node:fs';

// The one place that decides what a failed write to stdout or stderr means, whoever wrote (a command,
// commander's help, a prompt): both outputs report every failure here.
//
//   EPIPE (the reader went away, `| head`)         quiet exit 0, as a Unix tool should (not on a terminal)
//   ENOSPC, EIO, a closed stream, any other error  one line on stderr, if stderr still works; exit 1
//
// Nothing is thrown, so a user never sees a stack trace for a full disk.

/**
 * stdout and stderr, guarded: a terminal gets Node's own stream (the prompts, the pager and the width
 * need it); a pipe or a file is written with plain synchronous writes to its descriptor, because
 * making Node's stream objects costs more start-up time than a short command needs for its whole work.
 */
export function openOutput(exit: (code: number) => void = process.exit): { stdout: OutputStream; stderr: OutputStream; stderrFailed(): boolean } {
  let ended = false;
  let stderrWorks = true;
  const fail = (name: 'stdout' | 'stderr', err: NodeJS.ErrnoException) => {
    if (ended) return;
    if (name === 'stderr' && err.code !== 'EPIPE') {
      // Messages are lost, but the data may still get through: finish, and end with 1 (stderrFailed).
      stderrWorks = false;
      return;
    }
    ended = true;
    if (err.code === 'EPIPE') return exit(EXIT.ok);
    if (stderrWorks) {
      try {
        stderr.write(`fout: kan niet naar ${name} schrijven (${err.code ?? 'gesloten'})${REASONS[err.code ?? ''] ?? ''}; de uitvoer is onvolledig.\n`);
      } catch {
        // Then there is no one left to tell.
      }
    }
    exit(EXIT.failed);
  };
  const open = (fd: 1 | 2, name: 'stdout' | 'stderr'): OutputStream => {
    if (isTerminal(fd)) {
      const stream = fd === 1 ? process.stdout : process.stderr;
      // A terminal has no reader to go away: Node reports EPIPE for one not opened for writing (`1</dev/tty`).
      stream.on('error', (err: NodeJS.ErrnoException) => fail(name, err.code === 'EPIPE' ? Object.assign(err, { code: 'EBADF' }) : err));
      return stream;
    }
    return descriptorWriter(fd, (err) => fail(name, err));
  };
  const stdout = open(1, 'stdout');
  const stderr = open(2, 'stderr');
  return { stdout, stderr, stderrFailed: () => !stderrWorks };
}

/** Whether a descriptor is a terminal; pipes and files are told apart without loading node:tty. */
function isTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    // Linux's memory devices (/dev/null, /dev/zero, /dev/full: major number 1) are no terminal.
    if (process.platform === 'linux' && ((stat.rdev >> 8) & 0xfff) === 1) return false;
  } catch {
    return false;
  }
  // Any other character device: ask node:tty.
  return process.getBuiltinModule('node:tty').isatty(fd);
}

/** Writes all of each text to `fd`, waiting where a non-blocking pipe is full; a failure goes to `onError`, once. */
function descriptorWriter(fd: number, onError: (err: NodeJS.ErrnoException) => void): OutputStream {
  let failed = false;
  return {
    isTTY: false,
    write(text: string) {
      if (failed) return false;
      const bytes = Buffer.from(text, 'utf8');
      for (let offset = 0; offset < bytes.length; ) {
        try {
          offset += writeSync(fd, bytes, offset);
        } catch (err) {
          const e = err as NodeJS.ErrnoException;
          // The reader is slower than we are: wait a millisecond and go on.
          if (e.code === 'EAGAIN') {
            Atomics.wait(PAUSE, 0, 0, 1);
            continue;
          }
          failed = true;
          onError(e);
          return false;
        }
      }
      return true;
    },
  };
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

const REASONS: Record<string, string> = {
  ENOSPC: ': de schijf is vol',
  EIO: ': een schrijffout van het apparaat',
  ERR_STREAM_DESTROYED: ': de uitvoer is gesloten',
  EBADF: ': de uitvoer is gesloten',
};

/** What a run shows: JSON (--json), the terminal view (stdout is a terminal), or the plain one (a pipe, a file). */
export type Mode = 'json' | 'terminal' | 'plain';

/**
 * The one render decision, as gh's list commands make it: --json wins, then the view for where stdout
 * goes; a command that has only one text view shows it in both places (in a pipe its context has no
 * colour and no width limit).
 */
export function chooseView<D>(output: Output<D>, mode: Mode, ctx: Context): { text?: string; note?: string; paged?: boolean } {
  const { data, views } = output;
  if (mode === 'json') return { text: jsonText(views.json ? views.json(data) : data), note: output.note };
  const view = mode === 'terminal' ? (views.terminal ?? views.plain) : (views.plain ?? views.terminal);
  const shown = view?.call(views, data, ctx) ?? {};
  const { text, note } = typeof shown === 'string' ? { text: shown, note: undefined } : shown;
  return { text, note: (output.note ?? '') + (note ?? '') || undefined, paged: mode === 'terminal' && views.paged === true };
}

/** Prints what a command produced: the chosen view on stdout (through the pager when asked), then the notes on stderr. */
export async function print(output: Output, json: boolean, ctx: Context): Promise<void> {
  const { text, note, paged } = chooseView(output, json ? 'json' : ctx.interactive ? 'terminal' : 'plain', ctx);
  if (text) {
    // The pager (and child_process with it) is loaded only for a terminal.
    if (paged && ctx.pager && ctx.stdout.isTTY) await (await import('../io/pager.js')).writePaged(ctx.stdout, text, { env: ctx.env, warn: ctx.warn, signal: ctx.signal });
    else ctx.stdout.write(text);
  }
  // Notes wrap to the terminal here, once for every command (commands may wrap them already; that holds).
  if (note) ctx.stderr.write(wrap(note, widthOf(ctx.stderr)));
}
