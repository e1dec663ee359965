import type { ChalkInstance } from 'chalk';
import type { Method } from '../schema.js';
import { sanitize } from '../terminal.js';
import { elementGrid } from './methods.js';

// `compare`: methods side by side on a terminal, one field a line in a pipe.

/** A column narrower than this makes prose hard to read: the methods then follow one another. */
export const MIN_COLUMN = 20;
const GAP = 2;
const INDENT = '  ';
const LABELS = { id: 'id', elements: 'ACTIE', source: 'Bron', tags: 'Tags', summary: 'Samenvatting', url: 'Link' };
const LABEL_WIDTH = Math.max(...Object.values(LABELS).map((l) => l.length)) + 1;

/** One cell: its lines, unstyled (for the widths), and how to style each. */
interface Cell {
  lines: string[];
  style: (line: string) => string;
}

/**
 * The terminal layout: a label column, then one column per method, sharing `width`; every field is
 * wrapped at word boundaries within its column. A URL is never split: when one does not fit its
 * column, the links follow the grid, each whole on a line (a line of its own when it needs all of
 * one). When the columns would be narrower than MIN_COLUMN, the methods follow one another, each as
 * a grid of one column.
 */
export function formatCompareTable(methods: Method[], { style, width }: { style: ChalkInstance; width: number }): string {
  const column = Math.floor((width - LABEL_WIDTH - GAP * (methods.length - 1)) / methods.length);
  if (column >= MIN_COLUMN) return grid(methods, column, width, style);
  return methods.map((m) => grid([m], Math.max(10, width - LABEL_WIDTH), width, style)).join('\n');
}

function grid(methods: Method[], column: number, width: number, style: ChalkInstance): string {
  const text = (t: string, s: (line: string) => string = (l) => l): Cell => ({ lines: cellLines(t, column), style: s });
  const urls = methods.map((m) => sanitize(m.url));
  const linksInGrid = urls.every((u) => u.length <= column);
  const rows: [string, Cell[]][] = [
    ['', methods.map((m) => text(m.name, (l) => style.bold.cyan(l)))],
    [LABELS.id, methods.map((m) => text(m.id, (l) => style.dim(l)))],
    // The grid is styled as a whole; its plain form only sets the width.
    [LABELS.elements, methods.map((m) => ({ lines: ['A C T I E'], style: () => elementGrid(m.elements, style) }))],
    [LABELS.source, methods.map((m) => text(m.source.kind + (m.source.collection ? ` (${m.source.collection})` : '')))],
    [LABELS.tags, methods.map((m) => (m.tags?.length ? text(m.tags.join(', ')) : { lines: ['–'], style: (l) => style.dim(l) }))],
    [LABELS.summary, methods.map((m) => text(m.summary))],
  ];
  if (linksInGrid) rows.push([LABELS.url, urls.map((u) => ({ lines: [u], style: (l) => style.underline(l) }))]);

  const out: string[] = [];
  for (const [label, cells] of rows) {
    const height = Math.max(...cells.map((c) => c.lines.length));
    for (let i = 0; i < height; i++) {
      const parts = cells.map((c, j) => {
        const line = c.lines[i] ?? '';
        // Styled text, then plain spaces: an underline or colour must not run on under the padding.
        const pad = j < cells.length - 1 ? ' '.repeat(column - line.length + GAP) : '';
        return (line ? c.style(line) : '') + pad;
      });
      out.push(((i === 0 ? style.bold(label.padEnd(LABEL_WIDTH)) : ' '.repeat(LABEL_WIDTH)) + parts.join('')).trimEnd());
    }
  }
  if (linksInGrid) return out.join('\n') + '\n';
  if (methods.length === 1) {
    // One method (a narrow terminal): the link under its label, as `show` has it.
    out.push(style.bold(LABELS.url), style.underline(urls[0]));
  } else {
    // Each link whole: beside its id when every one fits so, else each under its id, on a line of its own.
    out.push('', style.bold('Links'));
    const idWidth = Math.max(...methods.map((m) => m.id.length));
    const beside = urls.every((u) => INDENT.length + idWidth + GAP + u.length <= width);
    methods.forEach((m, i) => {
      const url = style.underline(urls[i]);
      if (beside) out.push(INDENT + style.dim(m.id.padEnd(idWidth)) + ' '.repeat(GAP) + url);
      else out.push(INDENT + style.dim(m.id), INDENT.length + urls[i].length <= width ? INDENT + url : url);
    });
  }
  return out.join('\n') + '\n';
}

/**
 * Text wrapped at word boundaries to `column`, as `wrap` does; a word longer than the column (an id,
 * a long compound) is broken after a hyphen where it has one, else where the column ends.
 */
function cellLines(text: string, column: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of sanitize(text).split(/\s+/).filter(Boolean)) {
    (word.length <= column ? [word] : pieces(word, column)).forEach((piece, i) => {
      const joined = line ? line + (i === 0 ? ' ' : '') + piece : piece;
      if (joined.length <= column) line = joined;
      else {
        lines.push(line);
        line = piece;
      }
    });
  }
  return [...lines, line];
}

/** A word too long for a column, in pieces of at most `column`: cut after hyphens where possible. */
function pieces(word: string, column: number): string[] {
  const out: string[] = [];
  let piece = '';
  for (const part of word.split(/(?<=-)/).flatMap((p) => p.match(new RegExp(`[^]{1,${column}}`, 'g')) ?? [])) {
    if (piece && piece.length + part.length > column) {
      out.push(piece);
      piece = '';
    }
    piece += part;
  }
  return [...out, piece];
}

/**
 * For scripts, one field a line: the field's name (as in the JSON record), then one value per method in
 * the order asked, separated by tabs. Lists are joined with commas; a missing value is empty.
 */
export function formatCompareLines(methods: Method[]): string {
  const fields: [string, (m: Method) => string][] = [
    ['id', (m) => m.id],
    ['name', (m) => m.name],
    ['elements', (m) => m.elements.join(',')],
    ['kind', (m) => m.source.kind],
    ['collection', (m) => m.source.collection ?? ''],
    ['tags', (m) => (m.tags ?? []).join(',')],
    ['summary', (m) => m.summary],
    ['url', (m) => m.url],
  ];
  return fields.map(([name, value]) => [name, ...methods.map((m) => sanitize(value(m)))].join('\t') + '\n').join('');
}
