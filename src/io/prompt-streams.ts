import type { ReadStream, WriteStream } from 'node:tty';

// Whether a person can be asked something, and on which streams. One rule for every prompt (the ACTIE
// questionnaire, the search picker): keys are read from stdin and the prompt is drawn on stderr, as gh
// and Inquirer do, so stdout keeps only the data. Both must be terminals, and real Node streams that
// can do their part: a prompt library handed anything else fails deep inside (`dest.on is not a
// function`, an unhandled read error). Where it cannot ask, the command gives its usage error.

export interface PromptStreams {
  input: ReadStream;
  output: WriteStream;
}

/** The streams a prompt may use, or why there is none: a short Dutch reason for the usage error. */
export function promptStreams(ctx: { stdin: unknown; stderr: unknown }): PromptStreams | { reason: string } {
  const { Readable, Writable } = process.getBuiltinModule('node:stream');
  const input = ctx.stdin as unknown;
  const output = ctx.stderr as unknown;
  if (!(input instanceof Readable) || !(input as ReadStream).isTTY) return { reason: 'stdin is geen terminal' };
  if (!(output instanceof Writable) || !(output as WriteStream).isTTY) return { reason: 'stderr is geen terminal (daar staan de vragen)' };
  // A terminal opened for writing only (`0>/dev/tty`) fails at the first read, inside the prompt library.
  if (!opensFor(input as ReadStream, 'read')) return { reason: 'stdin is een terminal die niet gelezen kan worden' };
  if (!opensFor(output as WriteStream, 'write')) return { reason: 'stderr is een terminal waarop niet geschreven kan worden' };
  return { input: input as ReadStream, output: output as WriteStream };
}

/**
 * Whether the descriptor behind a stream is open for `use`, as Linux's /proc/self/fdinfo says (its
 * access mode: 0 read, 1 write, 2 both). Where that cannot be read (another system, a stream without a
 * descriptor), the stream is taken at its word.
 */
function opensFor(stream: ReadStream | WriteStream, use: 'read' | 'write'): boolean {
  const { fd } = stream as { fd?: unknown };
  if (typeof fd !== 'number') return true;
  let info: string;
  try {
    info = process.getBuiltinModule('node:fs').readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8');
  } catch {
    return true;
  }
  const flags = /^flags:\s*([0-7]+)/m.exec(info);
  if (!flags) return true;
  const mode = Number.parseInt(flags[1], 8) & 3;
  return use === 'read' ? mode !== 1 : mode !== 0;
}
