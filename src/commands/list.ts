import { defineCommand, type Views } from '../runtime/command.js';
import { sortByName, type FilterFlags } from '../core/methods.js';
import { formatMethodLines, formatMethodTable } from '../format/methods.js';
import type { Method } from '../model/schema.js';
import { plural } from '../text/plural.js';
import { filterOptions, jsonOption, selectMethods } from '../runtime/options.js';

export type ListOptions = FilterFlags;

/** The methods: their records as JSON, a line each in a pipe, a table with a count on a terminal. */
const views: Views<Method[]> = {
  plain: (methods) => formatMethodLines(methods),
  terminal(methods, ctx) {
    if (methods.length === 0) return { note: 'Geen methoden gevonden met deze filters. Laat een filter weg; de filters staan bij: methodewijzer list --help\n' };
    const footer = `${plural(methods.length, 'methode', 'methoden')}. Meer over een methode: methodewijzer show <id of naam>`;
    return { text: formatMethodTable(methods, ctx.style, ctx.width, ctx.link), note: ctx.errStyle.dim(footer) + '\n' };
  },
  paged: true,
};

export default defineCommand({
  name: 'list',
  description: 'toon alle methoden, eventueel gefilterd',
  options: (cmd) => filterOptions(cmd.addOption(jsonOption('de volledige records als JSON'))),
  examples: ['list', 'list --element animo --element contact', 'list --kind databank --tag dorp', 'list --json'],
  async run(ctx, options: ListOptions) {
    const catalogue = await ctx.catalogue();
    return { data: sortByName(selectMethods(catalogue.methods, options), catalogue.nameOrder), views };
  },
});
