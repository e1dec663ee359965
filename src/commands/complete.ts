import { openCatalogue } from '../catalogue/open.js';
import { expandHome } from '../runtime/command-word.js';
import { defineCommand, type Views } from '../runtime/command.js';
import { answerFlags } from '../core/advice.js';
import { shellWord } from '../core/completion.js';
import { allTags } from '../core/methods.js';
import { UsageError } from '../model/errors.js';
import { sanitize } from '../text/terminal.js';
import { readdirSync } from 'node:fs';

// Hidden: what the completion scripts (`methodewijzer completion`) ask while the user presses Tab.
// One value a line, nothing on stderr, exit 0 even when a folder is broken: a Tab must never print
// an error into the user's command line. It runs on every Tab, so it stays as light as `list`: the
// built-in catalogue from its JSON, the user's folders from the cache (yaml and zod only when a file
// changed since it was last read).

const KINDS = ['ids', 'tags', 'answers', 'dossiers'] as const;

/** One value a line, in a pipe and on a terminal alike. */
const views: Views<string[]> = { plain: (values) => values.map((v) => v + '\n').join('') };

export default defineCommand({
  name: '__complete',
  hidden: true,
  description: 'waarden voor het aanvullen met Tab (voor de scripts van completion)',
  arguments: [
    ['<soort>', KINDS.join(', ')],
    ['[vraag]', 'bij answers: het element of de contextvraag (animo, …, setting, doelgroep)'],
  ],
  examples: ['__complete ids', '--catalogue ./mijn-methoden __complete ids', '__complete answers animo', '__complete dossiers'],
  async run(ctx, options, kind: string, key?: string) {
    if (!(KINDS as readonly string[]).includes(kind)) throw new UsageError(`onbekende soort "${sanitize(kind)}"; kies uit: ${KINDS.join(', ')}`);
    if (kind === 'dossiers') {
      // The file names in the dossier folder (METHODEWIJZER_DOSSIERS or the default): no file is read.
      const { dossierFolder } = await import('../store/dossier-folder.js');
      let names: string[] = [];
      try {
        names = readdirSync(dossierFolder(undefined, ctx.env)).filter((n) => n.endsWith('.yaml') && !n.startsWith('.')).map((n) => n.slice(0, -'.yaml'.length)).sort();
      } catch {
        // No folder yet: nothing to offer.
      }
      return { data: names, views };
    }
    // The scripts pass the --catalogue words as typed: quotes and ~ still in them. A quoted ~ is then
    // expanded as the run itself would (expandHome).
    const own = (options.catalogue ?? []).map((word) => expandHome(shellWord(word, ctx.env.HOME), ctx.env));
    const folders = [...own, ...ctx.folders.slice(options.catalogue?.length ?? 0)];
    const catalogue = await openCatalogue({ folders, cache: ctx.cache });
    let values: string[];
    if (kind === 'ids') values = catalogue.methods.map((m) => m.id);
    else if (kind === 'tags') values = allTags(catalogue.methods);
    else values = answerFlags(catalogue).find((f) => f.key === key)?.values ?? [];
    return { data: values, views };
  },
});
