import { defineCommand, type Views } from '../runtime/command.js';
import { countByTag, type TagCount } from '../core/methods.js';
import { formatTagLines, formatTagTable } from '../format/tags.js';
import { jsonOption } from '../runtime/options.js';

const views: Views<TagCount[]> = {
  plain: (tags) => formatTagLines(tags),
  terminal: (tags, ctx) => formatTagTable(tags, ctx.style),
  paged: true,
};

export default defineCommand({
  name: 'tags',
  description: 'toon elke tag met het aantal methoden dat hem draagt',
  options: (cmd) => cmd.addOption(jsonOption('als JSON: per tag de naam en het aantal')),
  examples: ['tags', 'tags --json', 'list --tag dorp'],
  async run(ctx) {
    return { data: countByTag((await ctx.catalogue()).methods), views };
  },
});
