import { defineCommand } from '../runtime/command.js';
import { formatGlossary } from '../format/reference.js';

export default defineCommand({
  name: 'glossary',
  description: 'het begrippenkader van de brochure',
  options: (cmd) => cmd.option('--json', 'als JSON'),
  examples: ['glossary', 'glossary --json'],
  async run(ctx, options: { json?: boolean }) {
    const { glossary } = await ctx.catalogue();
    return options.json ? { json: glossary.terms } : { text: formatGlossary(glossary, ctx.style, ctx.width), paged: true };
  },
});
