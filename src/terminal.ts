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

/**
 * The width to format a stream's text for: its columns on a terminal (read now, since a terminal can
 * be resized), or Infinity in a pipe or file, where lines are never broken.
 */
export function widthOf(stream: OutputStream): number {
  return stream.isTTY ? stream.columns || 80 : Infinity;
}

/**
 * Text after a first-line prefix, wrapped with the following lines indented under the text:
 * `hang('fout: ', message, width)`. The prefix may be styled; its visible length is `prefixWidth`.
 */
export function hang(prefix: string, text: string, width: number, prefixWidth = prefix.length): string {
  const indent = ' '.repeat(prefixWidth);
  return prefix + wrap(text, width, indent).slice(prefixWidth);
}

/**
 * The one wrapping function: prose to a width at word boundaries (a word longer than a line, such as
 * a URL or an id, stays whole on a line of its own rather than being split); `indent` prefixes every
 * line. Line breaks in the text are kept, and so is each line's own indentation.
 */
export function wrap(text: string, width: number, indent = ''): string {
  if (text.includes('\n')) return text.split('\n').map((part) => wrap(part, width, indent)).join('\n');
  // A line's own leading spaces (an indented list in a hint) indent its continuation lines too.
  const lead = /^ +/.exec(text)?.[0];
  if (lead) return wrap(text.slice(lead.length), width, indent + lead);
  if (!text.trim()) return '';
  if (!Number.isFinite(width)) return indent + text.trim();
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  let line = '';
  // Words and the spaces between them: spacing inside a line is kept, and only a break drops it.
  const parts = text.trim().split(/(\s+)/);
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i];
    const space = i > 0 ? parts[i - 1] : '';
    if (line && visibleLength(line) + space.length + visibleLength(word) > room) {
      lines.push(line);
      line = word;
    } else {
      line += space + word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

/**
 * A shell command wrapped at word boundaries, each line but the last ending in a backslash, so that it
 * can still be copied and pasted as it is. Continuation lines are indented four more spaces.
 */
/** The columns a text takes on a terminal: its length without colour codes. */
export function visibleLength(text: string): number {
  return text.includes('\u001b') ? text.replace(/\u001b\[[0-9;]*m/g, '').length : text.length;
}

export function wrapCommand(command: string, width: number, indent = ''): string {
  const lines = hang(indent, command, width - 2, indent.length + 4).split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? `${l} \\` : l)).join('\n');
}

/** The text on one line of `width`: whole words only, then " …" where something was left out. */
export function truncate(text: string, width: number): string {
  if (text.length <= width) return text;
  const cut = text.lastIndexOf(' ', width - 2);
  return cut > 0 ? `${text.slice(0, cut).trimEnd()} …` : '…';
}
