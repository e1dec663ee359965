import type { Catalogue } from './catalogue/catalogue.js';
import type { Output } from './command.js';
import type { Context } from './context.js';
import { elementNames, findMethod } from './core/methods.js';
import { NotFoundError, UsageError } from './errors.js';
import { formatMethodDetail } from './format/methods.js';
import type { Method } from './schema.js';
import { sanitize } from './terminal.js';

// One method named on the command line, as `show`, `open` and the search picker find and show it:
// the same matching and the same messages for all of them.

/**
 * The method a user means by `query` (an id, a name or an alias, in any spelling); `command` names the
 * command in the hints. Unknown: a NotFoundError that suggests the ids closest to it.
 */
export async function lookupMethod(ctx: Context, query: string, command: string): Promise<{ method: Method; catalogue: Catalogue }> {
  // Without a letter or digit (`show ""`, `show 🙂`) the argument cannot name a method: a usage error, as with search.
  if (!/[\p{L}\p{N}]/u.test(query)) {
    throw new UsageError('geef het id of de naam van een methode', `Bijvoorbeeld: methodewijzer ${command} abcd. Alle ids staan in 'methodewijzer list'.`);
  }
  const catalogue = await ctx.catalogue();
  const method = findMethod(catalogue.methods, query);
  if (method) return { method, catalogue };
  // The same matching as `search`, loaded only now that it is needed.
  const [{ snapshotOf }, { searchIndex }] = await Promise.all([import('./catalogue/search-snapshot.js'), import('./core/search.js')]);
  const { index } = snapshotOf(catalogue, ctx.folders, ctx.cache);
  // Only methods that match every word: a suggestion built on one word of several misleads.
  const outcome = searchIndex(index, query, { limit: 3 });
  const ideas = outcome.results.filter((r) => r.coverage === outcome.required).map((r) => catalogue.methods[r.record].id);
  throw new NotFoundError(
    `geen methode gevonden voor "${sanitize(query)}"`,
    ideas.length ? `Bedoelde je: ${ideas.join(', ')}?` : "Zoek met 'methodewijzer search <woorden>' of bekijk alle methoden met 'methodewijzer list'.",
  );
}

/** One method in full, as `show` prints it: the detail for a person, or with `json` the record and where it came from. */
export function methodDetail(ctx: Context, catalogue: Catalogue, method: Method, json = false): Output {
  const origin = catalogue.origins[method.id];
  if (json) {
    // The record as list --json has it, plus where it came from; `origin` is not a record field.
    return { json: { ...method, origin: origin && !origin.builtin ? { own: true, file: origin.file, line: origin.line } : { own: false } } };
  }
  return { text: formatMethodDetail(method, origin, { style: ctx.style, width: ctx.width, names: elementNames(catalogue.model), link: ctx.link }) };
}
