import { defineCommand, type Views } from '../runtime/command.js';
import { formatGlossary } from '../format/reference.js';
import type { Glossary } from '../model/schema.js';
import { jsonOption } from '../runtime/options.js';

const views: Views<Glossary> = {
  json: (glossary) => glossary.terms,
  terminal: (glossary, ctx) => formatGlossary(glossary, ctx.style, ctx.width),
  paged: true,
};

export default defineCommand({
  name: 'glossary',
  description: 'het begrippenkader van de brochure',
  options: (cmd) => cmd.addOption(jsonOption('als JSON')),
  examples: ['glossary', 'glossary --json'],
  async run(ctx) {
    return { data: (await ctx.catalogue()).glossary, views };
  },
});
