import { writeJson, type Context } from '../context.js';
import { sanitize, wrap } from '../terminal.js';

export interface GlossaryOptions {
  json?: boolean;
}

export async function glossary(options: GlossaryOptions, ctx: Context): Promise<void> {
  const { glossary } = ctx.catalogue();
  if (options.json) return writeJson(ctx, glossary.terms);
  const width = ctx.interactive ? ctx.columns : Infinity;
  const text = glossary.terms
    .map((t) => `${ctx.style.bold(sanitize(t.term))}\n${wrap(sanitize(t.definition), width, '  ')}\n`)
    .join('\n');
  ctx.stdout.write(text);
}
