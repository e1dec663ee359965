import type { ChalkInstance } from 'chalk';
import type { TagCount } from '../core/methods.js';
import { sanitize } from '../text/terminal.js';

/** For a terminal: the tags in a column, each with its number of methods. */
export function formatTagTable(tags: TagCount[], style: ChalkInstance): string {
  let width = 3;
  for (const t of tags) width = Math.max(width, sanitize(t.tag).length);
  const header = style.bold(`${'Tag'.padEnd(width)}  Methoden`);
  return [header, ...tags.map((t) => `${sanitize(t.tag).padEnd(width)}  ${String(t.count).padStart(8)}`)].join('\n') + '\n';
}

/** For scripts: tag and count, separated by a tab. */
export function formatTagLines(tags: TagCount[]): string {
  return tags.map((t) => `${sanitize(t.tag)}\t${t.count}\n`).join('');
}
