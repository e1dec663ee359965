import { defineCommand, type Views } from '../runtime/command.js';
import { UsageError, NotFoundError } from '../model/errors.js';
import { jsonOption, nonEmpty } from '../runtime/options.js';
import type { DossierOptions } from '../runtime/dossier-run.js';
import type { ListedDossier } from '../format/dossier.js';
import { displayPath, shellQuote } from '../text/paths.js';
import { sanitize } from '../text/terminal.js';
import { plural } from '../text/plural.js';

type DossierCommandOptions = DossierOptions & { json?: boolean };

const ACTIONS = ['list', 'show'] as const;

export default defineCommand({
  name: 'dossier',
  description: 'de dossiers van initiatieven: de sessies van actie --dossier, wat er veranderde, en een handout',
  arguments: [
    ['<wat>', `${ACTIONS.join(' of ')}: alle dossiers, of één dossier`],
    ['[naam]', 'bij show: de naam van het initiatief (hoofdletters en accenten tellen niet)'],
  ],
  options: (cmd) =>
    cmd
      .option('--dossiers <map>', 'de map met dossiers (ook via METHODEWIJZER_DOSSIERS; anders ~/.local/share/methodewijzer/dossiers, op macOS en Windows de gegevensmap: zie de README)', nonEmpty)
      .addOption(jsonOption('als JSON'))
      .option('--handout <bestand>', 'bij show: schrijf een HTML-blad voor de initiatiefnemers', nonEmpty)
      .option('--open', 'open het handout-bestand daarna in de browser')
      .option('--force', 'laat --handout een bestaand bestand vervangen'),
  examples: ['dossier list', 'dossier show "Keet Oost"', 'dossier show "keet oost" --json', 'dossier show "Keet Oost" --handout keet-oost.html --open', 'dossier list --dossiers ./team/dossiers'],
  notes: '\nDe dossiers staan in de map van --dossiers, anders in METHODEWIJZER_DOSSIERS, anders in $XDG_DATA_HOME/methodewijzer/dossiers (meestal ~/.local/share/methodewijzer/dossiers; macOS: ~/Library/Application Support/methodewijzer/dossiers; Windows: %LOCALAPPDATA%\\methodewijzer\\Data\\dossiers). Een sessie bewaart u met: methodewijzer actie --dossier <naam>. Zet geen persoonsgegevens in notities.\n',
  async run(ctx, options: DossierCommandOptions, what: string, name?: string) {
    if (!(ACTIONS as readonly string[]).includes(what)) throw new UsageError(`onbekende opdracht "${sanitize(what)}" voor dossier; kies uit: ${ACTIONS.join(', ')}`);
    // Loaded here, not with the command: its --help needs none of it, and the store brings yaml and zod.
    const [{ damaged, findDossier, listDossiers }, { dossierFolder }, { formatProblem }, { sessionsInOrder }, { dossierJson, formatDossier, formatDossierList, methodNames }, { writeHandout }] = await Promise.all([
      import('../store/dossiers.js'),
      import('../store/dossier-folder.js'),
      import('../catalogue/problem.js'),
      import('../core/dossier.js'),
      import('../format/dossier.js'),
      import('../runtime/dossier-run.js'),
    ]);
    const folder = dossierFolder(options.dossiers, ctx.env);
    if (what === 'list') {
      if (name !== undefined) throw new UsageError('dossier list neemt geen naam', `Eén dossier: methodewijzer dossier show ${shellQuote(name)}`);
      if (options.handout || options.open) throw new UsageError('--handout hoort bij dossier show', 'Bijvoorbeeld: methodewijzer dossier show "Keet Oost" --handout keet-oost.html');
      const list: ListedDossier[] = listDossiers(folder).map((e) => {
        const last = e.dossier ? sessionsInOrder(e.dossier).at(-1) : undefined;
        return { name: e.dossier?.name ?? null, file: displayPath(e.file), sessions: e.dossier?.sessions.length ?? 0, last: last?.date ?? null, problems: (e.problems ?? []).map(formatProblem) };
      });
      const broken = list.filter((d) => d.problems.length);
      for (const d of broken) for (const p of d.problems) ctx.warn(p);
      const where = sanitize(displayPath(folder));
      const note = list.length ? `${plural(list.length, 'dossier', 'dossiers')} in ${where}\n` : `Nog geen dossiers in ${where}. Begin er een met: methodewijzer actie --dossier <naam>\n`;
      const code = broken.length ? 1 : 0;
      const views: Views<ListedDossier[]> = {
        plain: (l, c) => formatDossierList(l, c.style, false),
        terminal: (l, c) => formatDossierList(l, c.style, true),
      };
      return { data: list, views, note, code };
    }
    if (name === undefined || !name.trim()) throw new UsageError('geef de naam van het initiatief', 'Bijvoorbeeld: methodewijzer dossier show "Keet Oost"; alle dossiers: methodewijzer dossier list');
    if (options.open && !options.handout) throw new UsageError('--open opent het handout-bestand en hoort bij --handout', 'Bijvoorbeeld: --handout keet-oost.html --open');
    const entry = findDossier(folder, name);
    if (!entry) {
      const known = listDossiers(folder).flatMap((e) => (e.dossier ? [e.dossier.name] : []));
      throw new NotFoundError(`geen dossier "${sanitize(name)}" in ${sanitize(displayPath(folder))}`, known.length ? `Wel: ${known.map((k) => sanitize(k)).join(', ')}.` : 'Begin er een met: methodewijzer actie --dossier <naam>');
    }
    if (!entry.dossier) throw damaged(entry.problems ?? [], 'er is niets veranderd');
    const catalogue = await ctx.catalogue();
    const names = methodNames(catalogue.methods);
    const note = options.handout ? await writeHandout(entry.dossier, catalogue, options, ctx) : '';
    const { dossier, file } = entry;
    const views: Views<typeof dossier> = {
      json: (d) => dossierJson(d, catalogue.model, names, displayPath(file)),
      terminal: (d, c) => formatDossier(d, catalogue.model, names, c.style, c.width),
      paged: true,
    };
    return { data: dossier, views, note };
  },
});
