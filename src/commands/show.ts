import { defineCommand } from '../command.js';
import { lookupMethod, methodDetail } from '../method-lookup.js';

export interface ShowOptions {
  json?: boolean;
}

export default defineCommand({
  name: 'show',
  description: 'toon één methode helemaal, met link',
  arguments: [['<methode>', 'id of naam (hoofdletters en accenten maken niet uit)']],
  options: (cmd) => cmd.option('--json', 'het record als JSON'),
  examples: ['show abcd', 'show "kan wel"', 'show MAC --json'],
  async run(ctx, options: ShowOptions, query: string) {
    const { method, catalogue } = await lookupMethod(ctx, query, 'show');
    return methodDetail(ctx, catalogue, method, options.json);
  },
});
