import { Readable } from 'node:stream';
import { main } from '../../src/cli/program.js';
import { cleanEnv } from './env.js';

export interface MainOptions {
  /** Added to the clean environment (see cleanEnv: no colour variables, a cache folder of its own). */
  env?: NodeJS.ProcessEnv;
  /** What stdin holds; it ends after that. */
  input?: string;
  /**
   * Make stdout (and stderr) a terminal, as a user's window is; by default both are pipes. stdin is never
   * a terminal here: the questions are tested through @inquirer/testing and in tmux.
   */
  isTTY?: boolean;
  /**
   * The terminal's width; given without isTTY, stdout and stderr are terminals of this width. It has no
   * height, so long output never goes through a pager (which would write to this process's own terminal).
   */
  columns?: number;
}

export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** An output stream that keeps what is written, as the CLI's stdout or stderr. */
class Capture {
  text = '';
  constructor(
    readonly isTTY: boolean,
    readonly columns?: number,
  ) {}
  write(chunk: string | Uint8Array): boolean {
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }
}

/**
 * Runs the CLI in this process, as `methodewijzer ...args` would, through `main(argv, io)`: the same
 * commands, exit codes and output as the binary, without starting Node for each run. What only a real
 * process has (the exit itself, signals, pipes that close, the working folder) is tested through
 * runCli in tests/helpers/cli.ts.
 */
export async function runMain(args: string[], options: MainOptions = {}): Promise<MainResult> {
  const tty = options.isTTY ?? options.columns !== undefined;
  const stdout = new Capture(tty, tty ? options.columns : undefined);
  const stderr = new Capture(tty, tty ? options.columns : undefined);
  const stdin = Object.assign(Readable.from(options.input === undefined ? [] : [options.input]), { isTTY: false });
  // Node prints a process warning (a library's process.emitWarning) on the process's stderr: as the
  // binary's would, it goes to the run's stderr, as Node words it.
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(`(node:${process.pid}) ${w.name}: ${w.message}\n`);
  process.on('warning', onWarning);
  try {
    const code = await main(['node', 'methodewijzer', ...args], { stdin, stdout, stderr, env: { ...cleanEnv(), ...options.env } });
    // Warnings are emitted on a later tick than the one that raised them.
    await new Promise((resolve) => setImmediate(resolve));
    return { code, stdout: stdout.text, stderr: stderr.text + warnings.join('') };
  } finally {
    process.off('warning', onWarning);
  }
}
