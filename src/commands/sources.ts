import { defineCommand, type Views } from '../runtime/command.js';
import { formatSources, sourcesJson } from '../format/reference.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { jsonOption } from '../runtime/options.js';

const views: Views<Pick<Catalogue, 'sources' | 'criteria'>> = {
  json: ({ sources, criteria }) => sourcesJson(sources, criteria),
  terminal: ({ sources, criteria }, ctx) => formatSources(sources, criteria, ctx.style, ctx.width),
  paged: true,
};

export default defineCommand({
  name: 'sources',
  description: 'de bronnen: de brochure, de databanken en verkenningen, en de vijf selectiecriteria',
  options: (cmd) => cmd.addOption(jsonOption('als JSON')),
  examples: ['sources', 'sources --json'],
  async run(ctx) {
    return { data: await ctx.catalogue(), views };
  },
});
