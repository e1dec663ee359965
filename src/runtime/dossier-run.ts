import type { Context } from './context.js';
import type { ActieAnswers, Advice, AdviceCatalogue } from '../core/advice.js';
import { sessionChanges, sessionOf, sessionsInOrder, withSession, type SessionChanges } from '../core/dossier.js';
import { CHANGE_LABELS, formatChanges, methodNames } from '../format/dossier.js';
import { formatHandout } from '../format/handout.js';
import { checkWritable, writeFileInterruptibly } from '../io/files.js';
import type { Dossier, DossierSession } from '../model/dossier.js';
import { AppError, UsageError } from '../model/errors.js';
import type { Method } from '../model/schema.js';
import { loadDossier, saveSession } from '../store/dossiers.js';
import { dossierFolder, sessionDate } from '../store/dossier-folder.js';
import { dateTimeText } from '../text/dates.js';
import { displayPath } from '../text/paths.js';
import { sanitize } from '../text/terminal.js';

// What `actie --dossier/--handout` and `dossier show --handout` do around the advice: the dossier read
// before the questions, the session saved after the advice, the handout written and opened.

export interface DossierOptions {
  dossier?: string;
  dossiers?: string;
  note?: string;
  handout?: string;
  open?: boolean;
  force?: boolean;
}

export interface DossierStart {
  name?: string;
  folder?: string;
  /** The dossier as it was before this run, if there was one. */
  before?: Dossier;
  last?: DossierSession;
  /** When this session is (METHODEWIJZER_NOW or the clock). */
  date: string;
  /** What the questionnaire says first: a new dossier, or when the last session was. */
  resume?: string;
}

const handoutHints = {
  exists: 'Kies een andere bestandsnaam, of geef --force om het bestand te vervangen.',
  write: 'Controleer of u in deze map mag schrijven, of kies met --handout een andere plek.',
};

/** Before any question: the options checked, the dossier read (a damaged one stops the run here, nothing asked). */
export function startDossier(options: DossierOptions, ctx: Context): DossierStart | undefined {
  if (!options.dossier) {
    const stray = (['dossiers', 'note'] as const).find((k) => options[k] !== undefined);
    if (stray) throw new UsageError(`--${stray} hoort bij --dossier`, 'Geef ook de naam van het initiatief: --dossier "Keet Oost".');
  }
  if (options.open && !options.handout) throw new UsageError('--open opent het handout-bestand en hoort bij --handout', 'Bijvoorbeeld: --handout keet-oost.html --open');
  if (options.handout) checkWritable(options.handout, { overwrite: Boolean(options.force), hints: handoutHints });
  if (!options.dossier && !options.handout) return undefined;
  const date = sessionDate(ctx.env);
  if (!options.dossier) return { date };
  const folder = dossierFolder(options.dossiers, ctx.env);
  const { dossier } = loadDossier(folder, options.dossier, 'er is niets gevraagd en niets veranderd');
  const last = dossier && sessionsInOrder(dossier).at(-1);
  const name = dossier?.name ?? options.dossier.trim();
  const resume = last
    ? `Dossier "${name}": de vorige sessie was op ${dateTimeText(last.date)}. Elke vraag begint bij het antwoord van toen; met Enter houdt u het.`
    : `Nieuw dossier "${name}": dit wordt de eerste sessie.`;
  return { name, folder, before: dossier, last, date, resume };
}

export interface DossierEnd {
  /** What changed since the last session, as lines for after the advice. */
  text: string;
  json: { name: string; sessions: number; date: string; previous: string | null; changes: SessionChanges | null } | null;
  note: string;
  error?: AppError;
}

/** After the advice: the session saved (a failure is reported after the advice is shown) and the handout written. */
export async function finishDossier(start: DossierStart, options: DossierOptions, answers: ActieAnswers, advice: Advice, catalogue: AdviceCatalogue, ctx: Context): Promise<DossierEnd> {
  const note = options.note ?? (answers as { note?: string | null }).note;
  const session = sessionOf(start.date, answers, advice.shortlist.map((m) => m.id), note);
  const names = methodNames(catalogue.methods);
  const end: DossierEnd = { text: '', json: null, note: '' };
  let dossier: Dossier | undefined;
  if (start.name && start.folder) {
    const changes = start.last ? sessionChanges(start.last, session, catalogue.model, CHANGE_LABELS) : null;
    if (changes) end.text = '\n' + formatChanges(changes, names, ctx.style, ctx.width).join('\n') + '\n';
    try {
      const saved = await saveSession(start.folder, start.name, session, ctx.signal);
      dossier = saved.dossier;
      end.json = { name: saved.dossier.name, sessions: saved.dossier.sessions.length, date: session.date, previous: start.last?.date ?? null, changes };
      end.note += `Sessie ${saved.dossier.sessions.length} opgeslagen in het dossier "${sanitize(saved.dossier.name)}" (${sanitize(displayPath(saved.file))}).\n`;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      end.error = err;
      return end;
    }
  }
  if (options.handout) {
    end.note += await writeHandout(dossier ?? withSession(undefined, start.name ?? 'Jullie initiatief', session), catalogue, options, ctx);
  }
  return end;
}

/** Writes the handout (atomically), opens it with --open, and says where it is. */
export async function writeHandout(dossier: Dossier, catalogue: { model: AdviceCatalogue['model']; methods: Method[] }, options: DossierOptions, ctx: Context): Promise<string> {
  const file = options.handout!;
  const names = methodNames(catalogue.methods);
  const summaries = new Map(catalogue.methods.map((m) => [m.id, m.summary]));
  const html = formatHandout(dossier, catalogue.model, (id) => ({ ...names(id), summary: summaries.get(id) }));
  // 0600 like the dossier: it holds the notes.
  await writeFileInterruptibly(file, html, { overwrite: Boolean(options.force), hints: handoutHints, signal: ctx.signal, mode: 0o600 });
  let note = `Handout geschreven naar ${sanitize(file)}\n`;
  if (options.open) {
    const { resolve } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const { openInBrowser } = await import('../io/browser.js');
    const outcome = await openInBrowser(pathToFileURL(resolve(file)).href, ctx.env);
    if (!outcome.opened) note += `Niet geopend: ${outcome.reason}. Open het bestand zelf in een browser.\n`;
  }
  return note;
}
