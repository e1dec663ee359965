import { defineCommand } from '../command.js';
import { compact } from '../core/fold.js';
import { elementNames, findMethod, methodsStartingWith } from '../core/methods.js';
import { NotFoundError, UsageError } from '../errors.js';
import { formatMethodDetail } from '../format/methods.js';
import { didYouMean } from '../format/suggest.js';
import { sanitize } from '../terminal.js';

export interface ShowOptions {
  json?: boolean;
}

export default defineCommand({
  name: 'show',
  description: 'toon één methode helemaal, met link',
  arguments: [['<methode...>', 'id of naam, of het begin daarvan (hoofdletters en accenten maken niet uit)']],
  options: (cmd) => cmd.option('--json', 'het record als JSON'),
  examples: ['show abcd', 'show kan wel', 'show dorpsagenda', 'show MAC --json'],
  async run(ctx, options: ShowOptions, words: string[]) {
    // Several words are one name, as in search: `show kan wel` is `show "kan wel"`.
    const query = words.join(' ').trim();
    // Without a letter or digit (`show ""`, `show 🙂`) the argument cannot name a method: a usage error, as with search.
    if (!/[\p{L}\p{N}]/u.test(query)) {
      throw new UsageError('geef het id of de naam van een methode', "Bijvoorbeeld: methodewijzer show abcd. Alle methoden met hun id: methodewijzer list.");
    }
    const catalogue = await ctx.catalogue();
    const method = findMethod(catalogue.methods, query);
    const several = method ? [] : methodsStartingWith(catalogue.methods, compact(query));
    if (several.length > 1) {
      throw new NotFoundError(`"${sanitize(query)}" past bij ${several.length} methoden`, didYouMean(several.slice(0, 5).map((m) => m.id)));
    }
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
          ? didYouMean(ideas)
          : "Zoek met: methodewijzer search <woorden>. Alle methoden met hun id: methodewijzer list.",
      );
    }
    const origin = catalogue.origins[method.id];
    if (options.json) {
      // The record as list --json has it, plus where it came from; `origin` is not a record field.
      return { json: { ...method, origin: origin && !origin.builtin ? { own: true, file: origin.file, line: origin.line } : { own: false } } };
    }
    return { text: formatMethodDetail(method, origin, { style: ctx.style, width: ctx.width, names: elementNames(catalogue.model) }), paged: true };
  },
});
