import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { originOf } from '../catalogue/catalogue.js';
import { openCatalogue } from '../catalogue/open.js';
import { schemaModeline } from '../io/package-paths.js';
import { defineCommand, NOTE_ONLY } from '../runtime/command.js';
import type { Context } from '../runtime/context.js';
import { slugify } from '../core/fold.js';
import { ENV_CATALOGUE } from '../model/defaults.js';
import { FailedError, UsageError } from '../model/errors.js';
import { writeFileAtomic } from '../io/files.js';
import { FILL_IN, methodTemplate } from '../format/template.js';
import { displayPath, shellQuote } from '../text/paths.js';
import { sanitize, widthOf, wrapCommand } from '../text/terminal.js';

/** File systems allow 255 bytes a name; ids that long help nobody. */
const MAX_ID_LENGTH = 80;

export default defineCommand({
  name: 'new',
  description: 'maak een bestand voor een eigen methode, met elk veld uitgelegd, om in te vullen',
  arguments: [['<naam>', 'de naam van de methode; het id en de bestandsnaam worden ervan afgeleid']],
  examples: ['new "Buurtkracht"', '--catalogue ./mijn-methoden new "Buurtkracht"'],
  notes:
    `\nHet bestand komt in de eerste map van --catalogue, anders van ${ENV_CATALOGUE}, anders in de huidige map.\n` +
    'Een bestaand bestand wordt nooit overschreven.\n',
  async run(ctx, options, rawName: string) {
    const name = rawName.trim();
    if (!name || /[\u0000-\u001f\u007f-\u009f]/.test(name)) {
      throw new UsageError('geef de methode een naam van één regel', 'Bijvoorbeeld: methodewijzer new "Buurtkracht"');
    }
    const id = slugify(name).slice(0, MAX_ID_LENGTH).replace(/-+$/, '');
    if (!id) {
      throw new UsageError(`kan van "${sanitize(name)}" geen id maken`, 'Gebruik in de naam ook letters (a-z) of cijfers.');
    }

    const folder = newMethodFolder(ctx);
    // Read afresh and quietly: a broken file elsewhere in the folder is validate's business, not new's.
    const known = await openCatalogue({ folders: ctx.folders });
    const origin = originOf(known, id);
    if (origin && !origin.builtin) {
      throw new FailedError(
        `er is al een eigen methode met id "${id}", in ${sanitize(origin.file)}:${origin.line}`,
        'Kies een andere naam, of pas die methode aan.',
      );
    }

    try {
      mkdirSync(folder, { recursive: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'onbekende fout';
      throw new FailedError(
        `kan de map ${sanitize(displayPath(folder))} niet maken (${code})`,
        code === 'EEXIST' || code === 'ENOTDIR' ? 'Daar staat een bestand; geef met --catalogue een map op.' : 'Geef met --catalogue een map op waarin u mag schrijven.',
      );
    }
    const file = join(folder, `${id}.yaml`);
    const { stringify } = await import('yaml');
    const text = methodTemplate({ id, name, modeline: schemaModeline(), scalar: (v) => stringify(v, { lineWidth: 0 }).trimEnd() });
    await writeFileAtomic(file, text, {
      hints: {
        exists: 'Kies een andere naam, of open het bestaande bestand en pas het aan.',
        write: 'Controleer of u in deze map mag schrijven, of kies met --catalogue een andere map.',
      },
    });

    const shownFolder = folder === process.cwd() ? '.' : displayPath(folder);
    const catalogueFlag = Boolean(options.catalogue?.length);
    const useFolder = ctx.folders.length === 0 || catalogueFlag ? `--catalogue ${shellQuote(shownFolder)} ` : '';
    const width = widthOf(ctx.stderr);
    // A command stays whole: beside its step where it fits, else on lines of its own, continued with a backslash.
    const step = (label: string, command: string) =>
      label.length + command.length <= width ? label + command : `${label.trimEnd()}\n${wrapCommand(command, width, '       ')}`;
    const lines = [
      `Nieuwe methode geschreven: ${sanitize(displayPath(file))}`,
      ...(origin?.builtin ? [`Let op: "${id}" is ook het id van een ingebouwde methode; uw methode vervangt die.`] : []),
      'Volgende stappen:',
      `  1. Vul in het bestand de velden bij "${FILL_IN}" in: summary, elements, source.kind en url.`,
      step('  2. Controleer het:  ', `methodewijzer validate ${sanitize(shellQuote(shownFolder))}`),
      step('  3. Bekijk het:      ', `methodewijzer ${sanitize(useFolder)}show ${id}`),
    ];
    if (ctx.folders.length === 0) lines.push(`Zet de map in ${ENV_CATALOGUE} om uw methoden altijd mee te nemen, zonder --catalogue.`);
    return { data: { id, file }, views: NOTE_ONLY, note: lines.join('\n') + '\n' };
  },
});

/** Where `new` writes: the first catalogue folder in use (--catalogue, else METHODEWIJZER_CATALOGUE), else here. */
function newMethodFolder(ctx: Pick<Context, 'folders'>, cwd = process.cwd()): string {
  return resolve(cwd, ctx.folders[0] ?? '.');
}
