import type { Context } from '../context.js';
import { allTags, filterMethods, type MethodFilter } from '../core/methods.js';
import { UsageError } from '../errors.js';
import { formatMethodsJson } from '../format/json.js';
import { formatMethodLines, formatMethodTable } from '../format/methods.js';
import { plural } from '../format/plural.js';
import type { ElementKey, Method, SourceKind } from '../schema.js';
import { wrap } from '../terminal.js';

/** The filter options as commander parses them (`--element`, `--kind`, `--tag`, the first two repeatable). */
export interface FilterFlags {
  element?: ElementKey[];
  kind?: SourceKind;
  tag?: string[];
}

export interface ListOptions extends FilterFlags {
  json?: boolean;
}

export function filterFromFlags(flags: FilterFlags): MethodFilter {
  return { elements: flags.element, kind: flags.kind, tags: flags.tag };
}

/** The methods that match the filters; an unknown tag is a usage error, since it can only be a typo. */
export function listMethods(ctx: Context, flags: FilterFlags): Method[] {
  const { methods } = ctx.catalogue();
  const filter = filterFromFlags(flags);
  checkTags(methods, filter.tags);
  return filterMethods(methods, filter);
}

export function checkTags(methods: Pick<Method, 'tags'>[], tags: string[] | undefined): void {
  if (!tags?.length) return;
  const known = allTags(methods);
  const unknown = tags.filter((t) => !known.includes(t.toLowerCase()));
  if (unknown.length) {
    throw new UsageError(`onbekende tag: ${unknown.join(', ')}`, `Bekende tags: ${known.join(', ')}.`);
  }
}

export async function list(options: ListOptions, ctx: Context): Promise<void> {
  const methods = listMethods(ctx, options);
  if (options.json) {
    ctx.stdout.write(formatMethodsJson(methods));
    return;
  }
  if (!ctx.interactive) {
    ctx.stdout.write(formatMethodLines(methods));
    return;
  }
  if (methods.length === 0) {
    ctx.stderr.write("Geen methoden gevonden met deze filters. Laat een filter weg, of zie 'methodewijzer list --help'.\n");
    return;
  }
  ctx.stdout.write(formatMethodTable(methods, ctx.style, ctx.columns));
  const footer = `${plural(methods.length, 'methode', 'methoden')}. Meer over een methode: methodewijzer show <id of naam>`;
  ctx.stderr.write(ctx.errStyle.dim(wrap(footer, ctx.columns)) + '\n');
}
