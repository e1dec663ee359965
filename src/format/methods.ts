import type { ChalkInstance } from 'chalk';
import type { ElementNames, MethodOrigin } from '../core/methods.js';
import { ELEMENT_KEYS, type ElementKey } from '../keys.js';
import type { Method } from '../schema.js';
import { noLink, sanitize, truncate, wrap, type Link } from '../terminal.js';

const KIND_LABELS = { databank: 'databank', verkenning: 'verkenning' } as const;

/** "A C · I ·": the letters of the elements a method is listed under. */
export function elementGrid(elements: ElementKey[], style: ChalkInstance): string {
  return ELEMENT_KEYS.map((e) => (elements.includes(e) ? style.bold.cyan(e[0].toUpperCase()) : style.dim('·'))).join(' ');
}

/** The human table for a terminal; each name a link to the method where the terminal can open one. */
export function formatMethodTable(methods: Method[], style: ChalkInstance, columns: number, link: Link = noLink): string {
  const grid = 'A C T I E';
  const kindWidth = 10;
  // A loop, not Math.max(...spread): a catalogue of 100,000 methods would overflow the call stack.
  const idWidth = longest(methods, (m) => m.id, 2);
  const fixed = grid.length + kindWidth + 4;
  // Names come first: the id column is shown only where the whole names fit beside it.
  const nameWidth = Math.max(12, Math.min(columns - fixed, longest(methods, (m) => m.name, 4)));
  const showId = nameWidth + fixed + 2 + idWidth <= columns;
  // The name is padded outside its link: the padding counts visible characters only.
  const row = (name: string, shown: string, g: string, kind: string, id: string) =>
    [shown + ' '.repeat(nameWidth - name.length), g, kind.padEnd(kindWidth), showId ? id : ''].join('  ').trimEnd();
  const lines = [style.bold(row('Naam', 'Naam', grid, 'Soort', 'id'))];
  for (const m of methods) {
    const name = truncate(sanitize(m.name), nameWidth);
    lines.push(row(name, link(name, m.url), elementGrid(m.elements, style), KIND_LABELS[m.source.kind], style.dim(m.id)));
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
    name.length + 4 + m.id.length <= width
      ? [link(style.bold.cyan(name), m.url) + style.dim(`  (${m.id})`)]
      : [...wrap(name, width).split('\n').map((l) => link(style.bold.cyan(l), m.url)), style.dim(`(${m.id})`)];
  const lines = [...title, ''];
  lines.push(wrap(sanitize(m.summary), width), '');
  // The element names beside the grid, or below it, under the label, when they do not fit there.
  const grid = elementGrid(m.elements, style);
  const elementNames = m.elements.map((e) => names[e]).join(', ');
  const gridEnd = labelWidth + 'A C T I E'.length + 2;
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

/** The length of the longest text among `items`, at least `min`. */
function longest<T>(items: T[], text: (item: T) => string, min: number): number {
  let n = min;
  for (const item of items) n = Math.max(n, text(item).length);
  return n;
}
