import type { ChalkInstance } from 'chalk';
import type { ActieElement } from '../model/schema.js';
import { sanitize, wrap } from '../text/terminal.js';
import { plural } from '../text/plural.js';

export interface ModelElementView extends ActieElement {
  methodCount: number;
  /** The methods the catalogue lists under the element, by name. */
  methods: { id: string; name: string }[];
}

/** The model for `model`: the introduction (when given), then each element. */
export function formatModel(view: ModelElementView[], intro: string | undefined, style: ChalkInstance, width: number): string {
  // One pole column for all elements shown, two spaces wider than the longest key.
  const keyWidth = Math.max(...view.flatMap((e) => e.poles.map((p) => p.key.length))) + 2;
  // One element asked for: its methods by name, not only how many there are.
  const parts = view.map((e) => formatElement(e, style, width, keyWidth, view.length === 1));
  if (intro !== undefined) parts.unshift(wrap(sanitize(intro), width) + '\n');
  return parts.join('\n');
}

export function formatElement(e: ModelElementView, style: ChalkInstance, width: number, keyWidth: number, withMethods = false): string {
  const bullet = (mark: string, text: string) => wrap(sanitize(text), width, '    ').replace(/^ {4}/, `  ${mark} `);
  // The pole keys as a column `keyWidth` wide; a label wraps under itself.
  const pole = (key: string, label: string) => wrap(sanitize(label), width, ' '.repeat(2 + keyWidth)).replace(/^ +/, `  ${style.bold(key.padEnd(keyWidth))}`);
  const lines = [
    `${style.bold.cyan(e.name.toUpperCase())}  ${style.dim(plural(e.methodCount, 'methode', 'methoden'))}`,
    wrap(sanitize(e.question), width, '  '),
    '',
    ...e.poles.map((p) => pole(p.key, p.label)),
    '',
    style.bold('  Doen'),
    ...e.dos.map((d) => bullet(style.green('+'), d.text)),
  ];
  if (e.donts.length) lines.push(style.bold('  Laten'), ...e.donts.map((d) => bullet(style.red('-'), d)));
  if (withMethods && e.methods.length) lines.push(style.bold('  Methoden'), ...e.methods.map((m) => bullet('·', `${m.name} (${m.id})`)));
  return lines.join('\n') + '\n';
}
