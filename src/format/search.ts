import type { ChalkInstance } from 'chalk';
import { highlightRanges, type SearchField } from '../core/search.js';
import type { Method } from '../model/schema.js';
import { noLink, sanitize, truncate, visibleLength, type Link } from '../text/terminal.js';
import { GRID_WIDTH, elementGrid } from './methods.js';

export interface SearchHit {
  method: Method;
  score: number;
  matched: Partial<Record<SearchField, string[]>>;
  /** Query words that matched through the word list (catalogue/words.yaml), and the brochure's words they stood for. */
  via?: { word: string; as: string }[];
}

/** Narrower terminals get this width anyway: below it the elements and an id no longer fit beside the indent. */
const MIN_WIDTH = 30;

/**
 * For a terminal, never wider than `columns`: per method its rank, name (matching words highlighted),
 * elements and id, then its summary on one line. Where every name and id fit on one line, name,
 * elements and id are columns, as in `list`; otherwise each name stands whole on its own line(s), with
 * the elements and the id below it (the id on a line of its own when it does not fit beside them, and
 * never shortened). `query` is the query's folded words (SearchOutcome.words); `link` makes each
 * name a link to its method.
 */
export function formatSearchResults(hits: SearchHit[], style: ChalkInstance, columns: number, query: string[] = [], link: Link = noLink): string {
  const width = Math.max(MIN_WIDTH, columns);
  const rankWidth = String(hits.length).length + 2;
  const indent = ' '.repeat(rankWidth);
  const room = width - rankWidth;
  const names = hits.map((h) => sanitize(h.method.name));
  const nameWidth = Math.max(0, ...names.map((n) => visibleLength(n)));
  const idWidth = Math.max(0, ...hits.map((h) => h.method.id.length));
  const oneLine = nameWidth + 2 + GRID_WIDTH + 2 + idWidth <= room;
  const lines: string[] = [];
  for (const [i, hit] of hits.entries()) {
    const words = new Set(Object.values(hit.matched).flat());
    const m = hit.method;
    const name = names[i];
    const ranges = highlightRanges(name, words, query);
    const rank = style.dim(`${i + 1}.`.padStart(rankWidth - 1)) + ' ';
    const grid = elementGrid(m.elements, style);
    const nameSpan = (span: [number, number]) => link(mark(name, ranges, span, style.bold, style.bold.yellow), m.url);
    if (oneLine) {
      lines.push(rank + nameSpan([0, name.length]) + ' '.repeat(nameWidth - visibleLength(name) + 2) + grid + '  ' + style.dim(m.id));
    } else {
      lineSpans(name, room).forEach((span, j) => lines.push((j === 0 ? rank : indent) + nameSpan(span)));
      // The id whole, so it can be typed after `show`: beside the elements, or below them when too long.
      if (GRID_WIDTH + 2 + m.id.length <= room) lines.push(indent + grid + '  ' + style.dim(m.id));
      else lines.push(indent + grid, indent + style.dim(m.id));
    }
    const summary = truncate(sanitize(m.summary), room);
    lines.push(indent + mark(summary, highlightRanges(summary, words, query), [0, summary.length], (s) => s, style.yellow));
    if (hit.via?.length) {
      const via = hit.via.map((v) => `${sanitize(v.word)} \u2192 ${sanitize(v.as)}`).join(', ');
      lines.push(indent + style.dim(truncate(`via de woordenlijst: ${via}`, room)));
    }
  }
  return lines.join('\n') + '\n';
}

/** Plain lines for scripts: id, name and score, separated by tabs. */
export function formatSearchLines(hits: SearchHit[]): string {
  return hits.map((h) => `${h.method.id}\t${sanitize(h.method.name)}\t${h.score.toFixed(2)}\n`).join('');
}

/** The records as `list --json` gives them, each with its score and, per field, the words that matched. */
export function searchJson(hits: SearchHit[]): unknown[] {
  return hits.map((h) => ({ ...h.method, score: h.score, matched: h.matched, ...(h.via ? { via: h.via } : {}) }));
}

/** Where `text` breaks into lines of at most `room` characters, between words; a word longer than a line stays whole. */
export function lineSpans(text: string, room: number): [number, number][] {
  const spans: [number, number][] = [];
  let start = -1;
  let end = -1;
  for (const word of text.matchAll(/\S+/g)) {
    const from = word.index;
    const to = from + word[0].length;
    if (start >= 0 && to - start <= room) {
      end = to;
      continue;
    }
    if (start >= 0) spans.push([start, end]);
    [start, end] = [from, to];
  }
  if (start >= 0) spans.push([start, end]);
  return spans;
}

/** The part `span` of `text`, styled `marked` where it lies in one of `ranges` and `plain` elsewhere. */
function mark(text: string, ranges: [number, number][], [from, to]: [number, number], plain: (s: string) => string, marked: (s: string) => string): string {
  let out = '';
  let at = from;
  for (const [a, b] of ranges) {
    const start = Math.max(a, at);
    const end = Math.min(b, to);
    if (start >= end) continue;
    out += plain(text.slice(at, start)) + marked(text.slice(start, end));
    at = end;
  }
  return out + plain(text.slice(at, to));
}
