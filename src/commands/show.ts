import { defineCommand } from '../command.js';
import { elementNames, findMethod } from '../core/methods.js';
import { NotFoundError, UsageError } from '../errors.js';
import { formatMethodDetail } from '../format/methods.js';
import { sanitize } from '../terminal.js';

export interface ShowOptions {
  json?: boolean;
}

export default defineCommand({
  name: 'show',
  description: 'toon één methode helemaal, met link',
  arguments: [['<methode>', 'id of naam (hoofdletters en accenten maken niet uit)']],
  options: (cmd) => cmd.option('--json', 'het record als JSON'),
  examples: ['show abcd', 'show "kan wel"', 'show MAC --json'],
  async run(ctx, options: ShowOptions, query: string) {
    // Without a letter or digit (`show ""`, `show 🙂`) the argument cannot name a method: a usage error, as with search.
    if (!/[\p{L}\p{N}]/u.test(query)) {
      throw new UsageError('geef het id of de naam van een methode', "Bijvoorbeeld: methodewijzer show abcd. Alle ids staan in 'methodewijzer list'.");
    }
    const catalogue = await ctx.catalogue();
    const method = findMethod(catalogue.methods, query);
    if (!method) {
      // The same matching as `search`, loaded only now that it is needed.
      const [{ snapshotOf }, { searchIndex }] = await Promise.all([import('../catalogue/search-snapshot.js'), import('../core/search.js')]);
      const { index } = snapshotOf(catalogue, ctx.folders, ctx.cache);
      // Only methods that match every word: a suggestion built on one word of several misleads.
      const outcome = searchIndex(index, query, { limit: 3 });
      const ideas = outcome.results.filter((r) => r.coverage === outcome.required).map((r) => catalogue.methods[r.record].id);
      throw new NotFoundError(
        `geen methode gevonden voor "${sanitize(query)}"`,
        ideas.length
          ? `Bedoelde je: ${ideas.join(', ')}?`
          : "Zoek met 'methodewijzer search <woorden>' of bekijk alle methoden met 'methodewijzer list'.",
      );
    }
    const origin = catalogue.origins[method.id];
    if (options.json) {
      // The record as list --json has it, plus where it came from; `origin` is not a record field.
      return { json: { ...method, origin: origin && !origin.builtin ? { own: true, file: origin.file, line: origin.line } : { own: false } } };
    }
    return { text: formatMethodDetail(method, origin, { style: ctx.style, width: ctx.width, names: elementNames(catalogue.model) }) };
  },
});
