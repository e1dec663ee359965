import { defineCommand } from '../runtime/command.js';
import { countByTag } from '../core/methods.js';
import { formatTagLines, formatTagTable } from '../format/tags.js';

export default defineCommand({
  name: 'tags',
  description: 'toon elke tag met het aantal methoden dat hem draagt',
  options: (cmd) => cmd.option('--json', 'als JSON: per tag de naam en het aantal'),
  examples: ['tags', 'tags --json', 'list --tag dorp'],
  async run(ctx, options: { json?: boolean }) {
    const tags = countByTag((await ctx.catalogue()).methods);
    if (options.json) return { json: tags };
    return { text: ctx.interactive ? formatTagTable(tags, ctx.style) : formatTagLines(tags), paged: true };
  },
});
