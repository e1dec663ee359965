import { Chalk, type ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import { createSupportsHyperlinks } from 'supports-hyperlinks';
import { CONTROL, INVISIBLE, escaped } from './unsafe-chars.js';

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

/** Makes `text` a link to `url` where the terminal can open one; elsewhere returns `text` as it is. */
export type Link = (text: string, url: string) => string;

/** No links: the text as it is (pipes, and formatters called without a terminal). */
export const noLink: Link = (text) => text;

/**
 * Whether to make method names links (OSC 8) on `stream`. FORCE_HYPERLINK decides when set (0: never,
 * else always, even in a pipe). Otherwise only on a terminal that supports them, as supports-hyperlinks
 * judges it (loaded only then). Links do not follow NO_COLOR: they are not colour, and a terminal that
 * knows them shows only the text. --no-color, the request for plain output, turns them off too.
 */
export function wantsLinks(stream: OutputStream, env: NodeJS.ProcessEnv, colorFlag: boolean): boolean {
  const force = env.FORCE_HYPERLINK;
  if (force) return Number.parseInt(force, 10) !== 0;
  if (!colorFlag || !stream.isTTY || env.TERM === 'dumb') return false;
  // The library reads process.env for the terminal's name and version.
  return createSupportsHyperlinks(stream as NodeJS.WriteStream);
}

/** A Link that decides on first use whether to link, so a command that links nothing never asks. */
export function makeLink(enabled: () => boolean): Link {
  let on: boolean | undefined;
  return (text, url) => (text && (on ??= enabled()) ? hyperlink(text, url) : text);
}

/**
 * `text` as an OSC 8 hyperlink to `url`: invisible escapes around the text, so its width is unchanged.
 * The URL is kept to printable ASCII, as the escape requires; other characters are percent-encoded.
 */
export function hyperlink(text: string, url: string): string {
  const safe = url.replace(/[^\x21-\x7e]/gu, (ch) => Array.from(new TextEncoder().encode(ch), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
  return `\u001b]8;;${safe}\u0007${text}\u001b]8;;\u0007`;
}

// The characters of unsafe-chars.ts; newlines survive only where a formatter asks for them.
const UNSAFE = new RegExp(`[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f${INVISIBLE}]`, 'g');
const UNSAFE_WITH_NL = new RegExp(`[${CONTROL}${INVISIBLE}]`, 'g');

/** Makes text from a catalogue file safe to print: control characters become visible escapes. */
export function sanitize(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? UNSAFE : UNSAFE_WITH_NL, (ch) => {
    if (ch === '\t' || ch === '\n' || ch === '\r') return ' ';
    return escaped(ch);
  });
}

/**
 * The one place a terminal's width is read: its columns now (a terminal can be resized), or 80 where
 * it does not say. For what is drawn only on a terminal (the prompts).
 */
export function columnsOf(terminal: Pick<OutputStream, 'columns'>): number {
  return terminal.columns || 80;
}

/** The width to format a stream's text for: its columns on a terminal, or Infinity in a pipe or file, where lines are never broken. */
export function widthOf(stream: OutputStream): number {
  return stream.isTTY ? columnsOf(stream) : Infinity;
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
/**
 * Characters that take one column each, as string-width measures them: printable ASCII, the Latin
 * letters with accents, dashes, quotes, the ellipsis and arrows, box drawing. Most text is only these.
 * And \x01, which wrapCommand puts in for a space it must keep (text to print never holds one: sanitize).
 */
const NARROW = /^[\x01\x20-\x7e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u205e\u20ac\u2190-\u21ff\u2500-\u257f]*$/;

/**
 * The columns a text takes on a terminal, without its colour codes and links: a wide character (CJK,
 * most emoji) takes two, a combining mark none. string-width measures what is not NARROW; it is
 * loaded on first use, since it makes a grapheme segmenter as it loads.
 */
export function visibleLength(text: string): number {
  return NARROW.test(text) ? text.length : stringWidth(text);
}

export function wrapCommand(command: string, width: number, indent = ''): string {
  // Words that must stay together: a quoted value, and an option of ours with its value. Their spaces are
  // held by a character wrap does not break at, and given back after. Another program's option (the -p
  // of `mkdir -p <map> && methodewijzer …`) takes no value as far as we know: there the words may part.
  const KEEP = '\u0001';
  const words = command.match(/(?:'[^']*'|"(?:[^"\\]|\\.)*"|\S)+/g) ?? [];
  const units: string[] = [];
  // Ours from the start, unless the line starts with another program (`$ mkdir …`).
  let ours = true;
  for (const [i, word] of words.entries()) {
    const previous = units.at(-1);
    if (word === 'methodewijzer') ours = true;
    else if (['&&', '||', '|', ';'].includes(word) || (i === 1 && previous === '$' && !word.startsWith('-'))) ours = false;
    if (ours && previous && /^--?[\w-]+$/.test(previous) && !word.startsWith('-')) units[units.length - 1] = `${previous} ${word}`;
    else units.push(word);
  }
  const held = units.map((u) => u.replaceAll(' ', KEEP)).join(' ');
  const lines = hang(indent, held, width - 2, indent.length + 4).replaceAll(KEEP, ' ').split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? `${l} \\` : l)).join('\n');
}

/** The text on one line of `width` columns: whole words only, then " …" where something was left out. */
export function truncate(text: string, width: number): string {
  if (visibleLength(text) <= width) return text;
  let kept = '';
  for (const word of text.matchAll(/\S+/g)) {
    const longer = text.slice(0, word.index + word[0].length);
    if (visibleLength(longer) + 2 > width) break;
    kept = longer;
  }
  return kept ? `${kept} …` : '…';
}
