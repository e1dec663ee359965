import type { ChalkInstance } from 'chalk';
import type { Method } from '../model/schema.js';
import { sanitize, visibleLength, wrap } from '../text/terminal.js';
import { GRID_HEADER, elementGrid } from './methods.js';

// `compare`: methods side by side on a terminal, one field a line in a pipe.

/** A column narrower than this makes prose hard to read (and `wrap` needs 20): the methods then follow one another. */
export const MIN_COLUMN = 20;
const GAP = 2;
const INDENT = '  ';
const LABELS = { id: 'id', elements: 'ACTIE', source: 'Bron', tags: 'Tags', summary: 'Samenvatting', url: 'Link' };
const LABEL_WIDTH = Math.max(...Object.values(LABELS).map((l) => l.length)) + 1;

interface Options {
  style: ChalkInstance;
  width: number;
}

/** One cell of the grid: its lines, unstyled (for the widths), and how to style each. */
interface Cell {
  lines: string[];
  style: (line: string) => string;
}

/**
 * The terminal layout: a label column, then one column per method, sharing `width`, every field
 * wrapped at word boundaries within its column. Nothing is broken inside a word, and an id or a URL
 * never (docs/style.md): when one does not fit its column, the ids and links follow the grid, each
 * link beside its id or on a line of its own. When a column would be narrower than MIN_COLUMN, or a
 * word longer than one, the methods follow one another, each with its fields under their labels.
 */
export function formatCompareTable(methods: Method[], { style, width }: Options): string {
  const column = Math.floor((width - LABEL_WIDTH - GAP * (methods.length - 1)) / methods.length);
  const fits = column >= MIN_COLUMN && methods.every((m) => prose(m).every((text) => longestWord(text) <= column));
  if (fits) return sideBySide(methods, column, width, style);
  return methods.map((m) => oneAfterAnother(m, width, style)).join('\n');
}

/** The fields wrapped in a cell, in words; the id and URL are never wrapped. */
function prose(m: Method): string[] {
  return [m.name, sourceText(m), tagsText(m), m.summary].map((t) => sanitize(t));
}

const sourceText = (m: Method) => m.source.kind + (m.source.collection ? ` (${m.source.collection})` : '');
const tagsText = (m: Method) => (m.tags?.length ? m.tags.join(', ') : '–');
const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => visibleLength(w)));

function sideBySide(methods: Method[], column: number, width: number, style: ChalkInstance): string {
  const text = (t: string, s: (line: string) => string = (l) => l): Cell => ({ lines: wrap(sanitize(t), column).split('\n'), style: s });
  const ids = methods.map((m) => m.id);
  const urls = methods.map((m) => sanitize(m.url));
  const idsInGrid = ids.every((id) => id.length <= column);
  const linksInGrid = idsInGrid && urls.every((u) => u.length <= column);
  const rows: [string, Cell[]][] = [['', methods.map((m) => text(m.name, (l) => style.bold.cyan(l)))]];
  if (idsInGrid) rows.push([LABELS.id, ids.map((id) => ({ lines: [id], style: (l) => style.dim(l) }))]);
  rows.push(
    // The grid is styled as a whole; its plain form only sets the width.
    [LABELS.elements, methods.map((m) => ({ lines: [GRID_HEADER], style: () => elementGrid(m.elements, style) }))],
    [LABELS.source, methods.map((m) => text(sourceText(m)))],
    [LABELS.tags, methods.map((m) => text(tagsText(m), m.tags?.length ? undefined : (l) => style.dim(l)))],
    [LABELS.summary, methods.map((m) => text(m.summary))],
  );
  if (linksInGrid) rows.push([LABELS.url, urls.map((u) => ({ lines: [u], style: (l) => style.underline(l) }))]);

  const out: string[] = [];
  for (const [label, cells] of rows) {
    const height = Math.max(...cells.map((c) => c.lines.length));
    for (let i = 0; i < height; i++) {
      const parts = cells.map((c, j) => {
        const line = c.lines[i] ?? '';
        // Styled text, then plain spaces: an underline or colour must not run on under the padding.
        const pad = j < cells.length - 1 ? ' '.repeat(Math.max(0, column - visibleLength(line)) + GAP) : '';
        return (line ? c.style(line) : '') + pad;
      });
      out.push(((i === 0 ? style.bold(label.padEnd(LABEL_WIDTH)) : ' '.repeat(LABEL_WIDTH)) + parts.join('')).trimEnd());
    }
  }
  if (!linksInGrid) {
    // Under the field's own label: each id and link whole, the link beside its id when every one fits so, else on a line of its own.
    out.push('', style.bold(LABELS.url));
    const idWidth = Math.max(...ids.map((id) => id.length));
    const beside = urls.every((u) => INDENT.length + idWidth + GAP + u.length <= width);
    methods.forEach((m, i) => {
      const url = style.underline(urls[i]);
      if (beside) out.push(INDENT + style.dim(m.id.padEnd(idWidth)) + ' '.repeat(GAP) + url);
      else out.push(INDENT + style.dim(m.id), INDENT.length + urls[i].length <= width ? INDENT + url : url);
    });
  }
  return out.join('\n') + '\n';
}

/** One method, its fields under their labels, as `show` has them; a field with a word too long for beside its label starts below it. */
function oneAfterAnother(m: Method, width: number, style: ChalkInstance): string {
  const column = width - LABEL_WIDTH;
  const label = (l: string) => style.bold(l.padEnd(LABEL_WIDTH));
  const indent = ' '.repeat(LABEL_WIDTH);
  const field = (l: string, text: string, s: (t: string) => string = (t) => t) => {
    if (longestWord(text) > column || column < MIN_COLUMN) return [style.bold(l), ...wrap(text, width).split('\n').map(s)].join('\n');
    const body = wrap(text, width, indent).split('\n').map((line) => s(line.slice(LABEL_WIDTH)));
    return [label(l) + body[0], ...body.slice(1).map((line) => indent + line)].join('\n');
  };
  const lines = [
    ...wrap(sanitize(m.name), width).split('\n').map((line) => style.bold.cyan(line)),
    field(LABELS.id, m.id, (t) => style.dim(t)),
    label(LABELS.elements) + elementGrid(m.elements, style),
    field(LABELS.source, sanitize(sourceText(m))),
    field(LABELS.tags, sanitize(tagsText(m)), m.tags?.length ? undefined : (t) => style.dim(t)),
    field(LABELS.summary, sanitize(m.summary)),
    field(LABELS.url, sanitize(m.url), (t) => style.underline(t)),
  ];
  return lines.join('\n') + '\n';
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
