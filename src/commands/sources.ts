import { defineCommand } from '../runtime/command.js';
import { formatSources, sourcesJson } from '../format/reference.js';

export default defineCommand({
  name: 'sources',
  description: 'de bronnen: de brochure, de databanken en verkenningen, en de vijf selectiecriteria',
  options: (cmd) => cmd.option('--json', 'als JSON'),
  examples: ['sources', 'sources --json'],
  async run(ctx, options: { json?: boolean }) {
    const { sources, criteria } = await ctx.catalogue();
    return options.json ? { json: sourcesJson(sources, criteria) } : { text: formatSources(sources, criteria, ctx.style, ctx.width), paged: true };
  },
});
