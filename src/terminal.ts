import { Chalk, type ChalkInstance } from 'chalk';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

/** Whether to colour a stream: never with --no-color or NO_COLOR, always with FORCE_COLOR, else only on a terminal. */
export function wantsColor(stream: OutputStream, env: NodeJS.ProcessEnv, colorFlag: boolean): boolean {
  if (!colorFlag) return false;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** Every style without colour: the text as it is, however the styles are chained (`style.bold.red`). */
const plain: ChalkInstance = new Proxy(((...text: unknown[]) => text.join(' ')) as unknown as ChalkInstance, { get: () => plain });

export function makeStyle(color: boolean): ChalkInstance {
  // Without colour chalk is not even loaded (the build loads it lazily): piped runs start faster.
  return color ? new Chalk({ level: 1 }) : plain;
}

// C0 and C1 control characters (ESC among them), the bidi overrides that can disguise text, and the
// invisible ones that take no column or break a line where the grid does not expect it: soft hyphen,
// zero-width space and joiners, direction marks, U+2028/U+2029 (line and paragraph separator), word
// joiner and invisible operators, the byte order mark, interlinear annotation marks.
// Newlines survive only where a formatter asks for them.
const INVISIBLE = '\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb';
const UNSAFE = new RegExp(`[\u0000-\u0009\u000b-\u001f\u007f-\u009f${INVISIBLE}]`, 'g');
const UNSAFE_WITH_NL = new RegExp(`[\u0000-\u001f\u007f-\u009f${INVISIBLE}]`, 'g');

/** Makes text from a catalogue file safe to print: control characters become visible escapes. */
export function sanitize(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? UNSAFE : UNSAFE_WITH_NL, (ch) => {
    if (ch === '\t' || ch === '\n' || ch === '\r') return ' ';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Wraps prose to a width, keeping words whole; `indent` prefixes every line. */
export function wrap(text: string, width: number, indent = ''): string {
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

export function truncate(text: string, width: number): string {
  return text.length <= width ? text : text.slice(0, Math.max(0, width - 1)) + '…';
}
