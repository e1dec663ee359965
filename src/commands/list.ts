import { writeJson, type Context } from '../context.js';
import { allTags, filterMethods, type MethodFilter } from '../core/methods.js';
import { UsageError } from '../errors.js';
import { formatMethodLines, formatMethodTable } from '../format/methods.js';
import type { Method } from '../schema.js';

export interface ListOptions extends MethodFilter {
  json?: boolean;
}

/** The methods that match the filters; an unknown tag is a usage error, since it can only be a typo. */
export function listMethods(ctx: Context, options: MethodFilter): Method[] {
  const { methods } = ctx.catalogue();
  checkTags(methods, options.tags);
  return filterMethods(methods, options);
}

export function checkTags(methods: Method[], tags: string[] | undefined): void {
  const known = allTags(methods);
  const unknown = (tags ?? []).filter((t) => !known.includes(t.toLowerCase()));
  if (unknown.length) {
    throw new UsageError(`onbekende tag: ${unknown.join(', ')}`, `Bekende tags: ${known.join(', ')}.`);
  }
}

export async function list(options: ListOptions, ctx: Context): Promise<void> {
  const methods = listMethods(ctx, options);
  if (options.json) return writeJson(ctx, methods);
  if (!ctx.interactive) {
    ctx.stdout.write(formatMethodLines(methods));
    return;
  }
  if (methods.length === 0) {
    ctx.stderr.write("Geen methoden gevonden met deze filters. Laat een filter weg, of zie 'methodewijzer list --help'.\n");
    return;
  }
  ctx.stdout.write(formatMethodTable(methods, ctx.style, ctx.columns));
  ctx.stderr.write(ctx.errStyle.dim(`${methods.length} methoden. Meer over een methode: methodewijzer show <id of naam>\n`));
}
