import { defineCommand } from '../runtime/command.js';
import { UsageError } from '../model/errors.js';
import { lookupMethod, methodDetail } from '../runtime/method-lookup.js';
import { openMethod } from './open.js';
import { jsonOption } from '../runtime/options.js';

export interface ShowOptions {
  json?: boolean;
  web?: boolean;
}

export default defineCommand({
  name: 'show',
  description: 'toon één methode helemaal, met link',
  arguments: [['<methode...>', 'id of naam, of het begin daarvan (hoofdletters en accenten maken niet uit)']],
  options: (cmd) => cmd.addOption(jsonOption('het record als JSON')).option('--web', 'open de link in de browser (als: methodewijzer open)'),
  examples: ['show abcd', 'show kan wel', 'show dorpsagenda', 'show MAC --json', 'show MAC --web'],
  async run(ctx, options: ShowOptions, words: string[]) {
    if (options.web && options.json) throw new UsageError('--web en --json gaan niet samen', 'Kies er één: de methode in de browser, of het record als JSON.');
    const { method, catalogue } = await lookupMethod(ctx, words, 'show');
    if (options.web) return openMethod(ctx, method);
    return methodDetail(catalogue, method);
  },
});
