import { defineCommand } from '../runtime/command.js';
import { sortByName, type FilterFlags } from '../core/methods.js';
import { formatMethodsJson } from '../format/json.js';
import { formatMethodLines, formatMethodTable } from '../format/methods.js';
import { plural } from '../text/plural.js';
import { filterOptions, selectMethods } from '../runtime/options.js';

export interface ListOptions extends FilterFlags {
  json?: boolean;
}

export default defineCommand({
  name: 'list',
  description: 'toon alle methoden, eventueel gefilterd',
  options: (cmd) => filterOptions(cmd.option('--json', 'de volledige records als JSON')),
  examples: ['list', 'list --element animo --element contact', 'list --kind databank --tag dorp', 'list --json'],
  async run(ctx, options: ListOptions) {
    const catalogue = await ctx.catalogue();
    const methods = sortByName(selectMethods(catalogue.methods, options), catalogue.nameOrder);
    if (options.json) return { text: formatMethodsJson(methods) };
    if (!ctx.interactive) return { text: formatMethodLines(methods) };
    if (methods.length === 0) {
      return { note: 'Geen methoden gevonden met deze filters. Laat een filter weg; de filters staan bij: methodewijzer list --help\n' };
    }
    const footer = `${plural(methods.length, 'methode', 'methoden')}. Meer over een methode: methodewijzer show <id of naam>`;
    return { text: formatMethodTable(methods, ctx.style, ctx.width, ctx.link), paged: true, note: ctx.errStyle.dim(footer) + '\n' };
  },
});
