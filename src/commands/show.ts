import { canNameMethod, findMethods } from '../catalogue/find.js';
import { defineCommand } from '../command.js';
import { elementNames } from '../core/methods.js';
import { UsageError } from '../errors.js';
import { methodJson } from '../format/json.js';
import { formatMethodDetail } from '../format/methods.js';

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
    if (!canNameMethod(query)) {
      throw new UsageError('geef het id of de naam van een methode', "Bijvoorbeeld: methodewijzer show abcd. Alle methoden met hun id: methodewijzer list.");
    }
    const catalogue = await ctx.catalogue();
    const [method] = await findMethods(catalogue, [query], ctx);
    const origin = catalogue.origins[method.id];
    if (options.json) return { json: methodJson(method, origin) };
    return { text: formatMethodDetail(method, origin, { style: ctx.style, width: ctx.width, names: elementNames(catalogue.model) }), paged: true };
  },
});
