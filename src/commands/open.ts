import { defineCommand, NOTE_ONLY, TEXT, type Output } from '../runtime/command.js';
import type { Context } from '../runtime/context.js';
import { lookupMethod } from '../runtime/method-lookup.js';
import type { Method } from '../model/schema.js';
import { sanitize } from '../text/terminal.js';

export default defineCommand({
  name: 'open',
  description: 'open de link van een methode in de browser',
  arguments: [['<methode...>', 'id of naam, of het begin daarvan (hoofdletters en accenten maken niet uit)']],
  examples: ['open abcd', 'open kan wel', 'show MAC --web'],
  notes:
    '\nDe link opent in uw standaardbrowser, of met de opdracht in BROWSER (BROWSER=none: geen browser). ' +
    'Kan er geen browser starten (BROWSER=none, CI, geen beeldscherm), dan komt de link op stdout ' +
    'en zegt stderr waarom; de afsluitcode is dan ook 0.\n',
  async run(ctx, _options: object, words: string[]) {
    const { method } = await lookupMethod(ctx, words, 'open');
    return openMethod(ctx, method);
  },
});

/** Opens the method's link in the browser (`open`, `show --web`); where no browser can start, the link is the output. */
export async function openMethod(ctx: Context, method: Method): Promise<Output> {
  // child_process is loaded only now: `open` is the one command that starts another program.
  const { openInBrowser } = await import('../io/browser.js');
  const url = sanitize(method.url);
  const outcome = await openInBrowser(method.url, ctx.env);
  if (outcome.opened) return { data: method.url, views: NOTE_ONLY, note: ctx.errStyle.dim(`${sanitize(method.name)} geopend in de browser: ${url}`) + '\n' };
  return { data: `${url}\n`, views: TEXT, note: `Geen browser geopend: ${sanitize(outcome.reason)}. Open de link zelf.\n` };
}
