import type { ChalkInstance } from 'chalk';
import { highlightRanges, type SearchField } from '../core/search.js';
import type { Method } from '../schema.js';
import { sanitize, truncate } from '../terminal.js';
import { elementGrid } from './methods.js';

export interface SearchHit {
  method: Method;
  score: number;
  matched: Partial<Record<SearchField, string[]>>;
}

/**
 * For a terminal: rank, name with the matching words highlighted, id, elements; then a one-line
 * summary. `query` is the query's folded words (SearchOutcome.words).
 */
export function formatSearchResults(hits: SearchHit[], style: ChalkInstance, columns: number, query: string[] = []): string {
  const width = Math.max(40, columns);
  const rankWidth = String(hits.length).length + 2;
  const indent = ' '.repeat(rankWidth);
  const lines: string[] = [];
  for (const [i, hit] of hits.entries()) {
    const words = new Set(Object.values(hit.matched).flat());
    const m = hit.method;
    const grid = elementGrid(m.elements, style);
    const room = width - rankWidth - m.id.length - 2 - 9 - 2;
    const name = highlight(truncate(sanitize(m.name), Math.max(12, room)), words, query, style.bold, style.bold.yellow);
    lines.push(`${style.dim(`${i + 1}.`.padStart(rankWidth - 1))} ${name}  ${style.dim(m.id)}  ${grid}`);
    lines.push(indent + highlight(truncate(sanitize(m.summary), width - rankWidth), words, query, (s) => s, style.yellow));
  }
  return lines.join('\n') + '\n';
}

/** Plain lines for scripts: id, name and score, separated by tabs. */
export function formatSearchLines(hits: SearchHit[]): string {
  return hits.map((h) => `${h.method.id}\t${sanitize(h.method.name)}\t${h.score.toFixed(2)}\n`).join('');
}

/** The records as `list --json` gives them, each with its score and, per field, the words that matched. */
export function searchJson(hits: SearchHit[]): unknown[] {
  return hits.map((h) => ({ ...h.method, score: h.score, matched: h.matched }));
}

function highlight(text: string, words: Set<string>, query: string[], plain: (s: string) => string, marked: (s: string) => string): string {
  let out = '';
  let at = 0;
  for (const [from, to] of highlightRanges(text, words, query)) {
    out += plain(text.slice(at, from)) + marked(text.slice(from, to));
    at = to;
  }
  return out + plain(text.slice(at));
}
