import type { ChalkInstance } from 'chalk';
import { writeJson, type Context } from '../context.js';
import { countByElement, parseElement } from '../core/methods.js';
import { UsageError } from '../errors.js';
import { plural } from '../format/plural.js';
import { ELEMENT_KEYS, type ElementKey } from '../keys.js';
import type { ActieElement } from '../schema.js';
import { sanitize, wrap } from '../terminal.js';

export interface ModelOptions {
  json?: boolean;
}

export interface ModelElementView extends ActieElement {
  methodCount: number;
}

export function modelView(ctx: Context, element?: string): ModelElementView[] {
  const catalogue = ctx.catalogue();
  let only: ElementKey | undefined;
  if (element !== undefined) {
    only = parseElement(element);
    if (!only) throw new UsageError(`onbekend element "${sanitize(element)}"`, `Kies uit: ${ELEMENT_KEYS.join(', ')} (of de letter A, C, T, I, E).`);
  }
  const counts = countByElement(catalogue.methods);
  return catalogue.model.elements.filter((e) => !only || e.key === only).map((e) => ({ ...e, methodCount: counts[e.key] }));
}

export async function model(element: string | undefined, options: ModelOptions, ctx: Context): Promise<void> {
  const view = modelView(ctx, element);
  if (options.json) return writeJson(ctx, element === undefined ? { intro: ctx.catalogue().model.intro, elements: view } : view[0]);
  const width = ctx.interactive ? ctx.columns : Infinity;
  // One pole column for all elements shown, two spaces wider than the longest key.
  const keyWidth = Math.max(...view.flatMap((e) => e.poles.map((p) => p.key.length))) + 2;
  const parts = view.map((e) => formatElement(e, ctx.style, width, keyWidth));
  if (element === undefined) parts.unshift(wrap(sanitize(ctx.catalogue().model.intro), width) + '\n');
  ctx.stdout.write(parts.join('\n'));
}

export function formatElement(e: ModelElementView, style: ChalkInstance, width: number, keyWidth: number): string {
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
  return lines.join('\n') + '\n';
}
