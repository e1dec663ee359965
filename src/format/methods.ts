import type { ChalkInstance } from 'chalk';
import type { ElementNames, MethodOrigin } from '../core/methods.js';
import { ELEMENT_KEYS, type ElementKey } from '../model/keys.js';
import type { Method } from '../model/schema.js';
import { hang, noLink, sanitize, visibleLength, wrap, type Link } from '../text/terminal.js';

const KIND_LABELS = { databank: 'databank', verkenning: 'verkenning' } as const;

/** The head of the element grid, "A C T I E"; every grid is as wide. */
export const GRID_HEADER = ELEMENT_KEYS.map((e) => e[0].toUpperCase()).join(' ');
export const GRID_WIDTH = GRID_HEADER.length;

/** "A C · I ·": the letters of the elements a method is listed under. */
export function elementGrid(elements: ElementKey[], style: ChalkInstance): string {
  return ELEMENT_KEYS.map((e) => (elements.includes(e) ? style.bold.cyan(e[0].toUpperCase()) : style.dim('·'))).join(' ');
}

const KIND_WIDTH = 10;
/** Below this many columns for the names, each method is stacked: name, then elements and kind, then id. */
const NARROWEST_NAMES = 20;

/**
 * The human table for a terminal, never wider than `width` (unless one word is) and never cutting a
 * name or an id: one line per method where every name and id fit; else each name wrapped in its
 * column with its id on the line below; on the narrowest terminals everything stacked. Each name is a
 * link to its method where the terminal can open one, padded outside the link so widths stay true.
 */
export function formatMethodTable(methods: Method[], style: ChalkInstance, width: number, link: Link = noLink): string {
  // A loop, not Math.max(...spread): a catalogue of 100,000 methods would overflow the call stack.
  const idWidth = longest(methods, (m) => m.id, 2);
  const nameWidth = longest(methods, (m) => sanitize(m.name), 4);
  const fixed = 2 + GRID_HEADER.length + 2 + KIND_WIDTH;
  const kind = (m: Method) => KIND_LABELS[m.source.kind];
  const named = (m: Method, text: string, pad = 0) => link(text, m.url) + ' '.repeat(Math.max(0, pad - visibleLength(text)));
  if (nameWidth + fixed + 2 + idWidth <= width) {
    const row = (name: string, grid: string, k: string, id: string) => `${name}  ${grid}  ${k.padEnd(KIND_WIDTH)}  ${id}`.trimEnd();
    return (
      [
        style.bold(row('Naam'.padEnd(nameWidth), GRID_HEADER, 'Soort', 'id')),
        ...methods.map((m) => row(named(m, sanitize(m.name), nameWidth), elementGrid(m.elements, style), kind(m), style.dim(m.id))),
      ].join('\n') + '\n'
    );
  }
  const column = Math.min(width - fixed, nameWidth);
  const lines: string[] = [];
  if (column >= NARROWEST_NAMES) {
    lines.push(style.bold(`${'Naam'.padEnd(column)}  ${GRID_HEADER}  Soort`), style.bold('  id'));
    for (const m of methods) {
      const [first, ...rest] = wrap(sanitize(m.name), column).split('\n');
      lines.push(`${named(m, first, column)}  ${elementGrid(m.elements, style)}  ${kind(m)}`, ...rest.map((l) => named(m, l)), `  ${style.dim(m.id)}`);
    }
  } else {
    for (const m of methods) {
      lines.push(...wrap(sanitize(m.name), width).split('\n').map((l) => named(m, l)), `  ${elementGrid(m.elements, style)}  ${kind(m)}`, `  ${style.dim(m.id)}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Plain, stable lines for scripts: id, name, elements, kind, url, separated by tabs. */
export function formatMethodLines(methods: Method[]): string {
  return methods.map((m) => [m.id, sanitize(m.name), m.elements.join(','), m.source.kind, sanitize(m.url)].join('\t') + '\n').join('');
}

/** One method in full; on a terminal every line is wrapped to `width`, except a URL too long for any line. */
export function formatMethodDetail(
  m: Method,
  origin: MethodOrigin | undefined,
  { style, width, names, link = noLink }: { style: ChalkInstance; width: number; names: ElementNames; link?: Link },
): string {
  const labelWidth = 11;
  const label = (l: string) => style.bold(l.padEnd(labelWidth));
  // A label, then its text wrapped to the width under itself.
  const under = (indent: number, text: string) => wrap(text, width, ' '.repeat(indent)).slice(indent);
  const field = (l: string, text: string) => label(l) + under(labelWidth, text);
  const name = sanitize(m.name);
  const title =
    visibleLength(name) + 4 + m.id.length <= width
      ? [link(style.bold.cyan(name), m.url) + style.dim(`  (${m.id})`)]
      : [...wrap(name, width).split('\n').map((l) => link(style.bold.cyan(l), m.url)), style.dim(`(${m.id})`)];
  const lines = [...title, ''];
  lines.push(wrap(sanitize(m.summary), width), '');
  // Where the source describes the method differently under one element than under another: each in its words.
  const own = Object.entries(m.elementSummaries ?? {});
  if (own.length) lines.push(...own.map(([key, text]) => hang(`Onder ${names[key as ElementKey]}: `, sanitize(text), width)), '');
  // The element names beside the grid, or below it, under the label, when they do not fit there.
  const grid = elementGrid(m.elements, style);
  const elementNames = m.elements.map((e) => names[e]).join(', ');
  const gridEnd = labelWidth + GRID_WIDTH + 2;
  lines.push(label('ACTIE') + grid + (gridEnd + elementNames.length <= width ? '  ' + elementNames : '\n' + ' '.repeat(labelWidth) + under(labelWidth, elementNames)));
  const source = m.source.kind === 'databank' ? 'databank' : 'verkenning';
  lines.push(field('Bron', source + (m.source.collection ? ` (${sanitize(m.source.collection)})` : '')));
  if (m.aliases?.length) lines.push(field('Ook', m.aliases.map((a) => sanitize(a)).join(', ')));
  if (m.tags?.length) lines.push(field('Tags', m.tags.map((t) => sanitize(t)).join(', ')));
  // A URL is not broken (a terminal could no longer open it); too long beside its label, it starts a line of its own.
  const url = sanitize(m.url);
  lines.push(labelWidth + url.length <= width ? label('Link') + style.underline(url) : style.bold('Link') + '\n' + style.underline(url));
  if (origin && !origin.builtin) lines.push(field('Herkomst', `eigen methode, uit ${sanitize(origin.file)}`));
  return lines.join('\n') + '\n';
}

/** The width in columns of the widest text among `items`, at least `min`. */
function longest<T>(items: T[], text: (item: T) => string, min: number): number {
  let n = min;
  for (const item of items) n = Math.max(n, visibleLength(text(item)));
  return n;
}
