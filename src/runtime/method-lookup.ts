import { originOf, type Catalogue } from '../catalogue/catalogue.js';
import { canNameMethod, findMethods } from './find-methods.js';
import type { Output, Views } from './command.js';
import type { Context } from './context.js';
import { elementNames } from '../core/methods.js';
import { UsageError } from '../model/errors.js';
import { methodJson } from '../format/json.js';
import { formatMethodDetail } from '../format/methods.js';
import type { Method } from '../model/schema.js';

// One method named on the command line, as `show`, `open` and the search picker find and show it.
// The matching itself is catalogue/find.ts, which compare shares.

/**
 * The method a user means by `words` (an id, a name, an alias or the start of one, in any spelling;
 * several words are one name); `command` names the command in the hint. Unknown or not unique: a
 * NotFoundError with the ids closest to it.
 */
export async function lookupMethod(ctx: Context, words: string[], command: string): Promise<{ method: Method; catalogue: Catalogue }> {
  const query = words.join(' ').trim();
  if (!canNameMethod(query)) {
    throw new UsageError('geef het id of de naam van een methode', `Bijvoorbeeld: methodewijzer ${command} abcd. Alle methoden met hun id: methodewijzer list.`);
  }
  const catalogue = await ctx.catalogue();
  const [method] = await findMethods(catalogue, [query], ctx);
  return { method, catalogue };
}

interface Detail {
  method: Method;
  catalogue: Catalogue;
}

const DETAIL: Views<Detail> = {
  json: ({ method, catalogue }) => methodJson(method, originOf(catalogue, method.id)),
  terminal: ({ method, catalogue }, ctx) =>
    formatMethodDetail(method, originOf(catalogue, method.id), { style: ctx.style, width: ctx.width, names: elementNames(catalogue.model), link: ctx.link }),
  paged: true,
};

/** One method in full, as `show` prints it: the detail for a person, or as JSON the record and where it came from. */
export function methodDetail(catalogue: Catalogue, method: Method): Output<Detail> {
  return { data: { method, catalogue }, views: DETAIL };
}
