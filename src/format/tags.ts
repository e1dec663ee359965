import type { ChalkInstance } from 'chalk';
import type { TagCount } from '../core/methods.js';
import { sanitize, visibleLength } from '../text/terminal.js';

/** For a terminal: the tags in a column, each with its number of methods. */
export function formatTagTable(tags: TagCount[], style: ChalkInstance): string {
  let width = 3;
  for (const t of tags) width = Math.max(width, visibleLength(sanitize(t.tag)));
  const header = style.bold(`${'Tag'.padEnd(width)}  Methoden`);
  const padded = (tag: string) => tag + ' '.repeat(width - visibleLength(tag));
  return [header, ...tags.map((t) => `${padded(sanitize(t.tag))}  ${String(t.count).padStart(8)}`)].join('\n') + '\n';
}

/** For scripts: tag and count, separated by a tab. */
export function formatTagLines(tags: TagCount[]): string {
  return tags.map((t) => `${sanitize(t.tag)}\t${t.count}\n`).join('');
}
