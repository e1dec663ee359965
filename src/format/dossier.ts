import type { ChalkInstance } from 'chalk';
import { answersOf, sessionChanges, sessionProfile, sessionsInOrder, type SessionChanges } from '../core/dossier.js';
import type { Dossier, DossierSession } from '../model/dossier.js';
import { CONTEXT_KEYS, type ContextKey } from '../model/keys.js';
import type { ActieModel, Method } from '../model/schema.js';
import { dateTimeText } from '../text/dates.js';
import { plural } from '../text/plural.js';
import { sanitize, wrap } from '../text/terminal.js';
import { CONTEXT_LABELS, formatProfile, PROFILE_LEGEND, THEME_LABEL } from './advice.js';

// A dossier as text for the terminal and as data for --json (docs/json.md, "dossier").

export const CHANGE_LABELS: Record<ContextKey | 'over', string> = { ...CONTEXT_LABELS, over: THEME_LABEL };

/** A method id as a name: the catalogue's, or the id itself when the method is no longer in it. */
export type MethodNames = (id: string) => { id: string; name: string; url: string | null };

export function methodNames(methods: Method[]): MethodNames {
  const byId = new Map(methods.map((m) => [m.id, m]));
  return (id) => {
    const m = byId.get(id);
    return { id, name: m?.name ?? id, url: m?.url ?? null };
  };
}

/** What changed between two sessions, for the screen after the advice and in `dossier show`. */
export function formatChanges(changes: SessionChanges, names: MethodNames, style: ChalkInstance, width: number, title = `Sinds de vorige sessie (${dateTimeText(changes.since)})`): string[] {
  const out = [style.bold(title)];
  const line = (text: string) => out.push(wrap(sanitize(text), width, '    ').replace(/^ {4}/, '  '));
  if (!changes.answers.length && !changes.added.length && !changes.gone.length) line('Niets veranderd: dezelfde antwoorden en dezelfde methoden.');
  for (const c of changes.answers) line(`${c.name}: ${c.wasText ?? 'niet gegeven'} → ${c.nowText ?? 'niet gegeven'}`);
  if (changes.added.length) line(`Nieuw op de kortlijst: ${changes.added.map((id) => names(id).name).join(', ')}`);
  if (changes.gone.length) line(`Niet meer op de kortlijst: ${changes.gone.map((id) => names(id).name).join(', ')}`);
  return out;
}

function contextText(session: DossierSession, model: ActieModel, key: ContextKey): string {
  const tag = session.answers[key];
  if (tag === null) return model.context[key].none.toLowerCase();
  return model.context[key].options.find((o) => o.tag === tag)?.label ?? tag;
}

/** `dossier show`: every session in time order, its profile, what changed since the one before, and the notes. */
export function formatDossier(dossier: Dossier, model: ActieModel, names: MethodNames, style: ChalkInstance, width: number): string {
  const sessions = sessionsInOrder(dossier);
  const out: string[] = [style.bold.cyan(`DOSSIER ${sanitize(dossier.name).toUpperCase()}`), wrap(`${plural(sessions.length, 'sessie', 'sessies')}.`, width), ''];
  const labelWidth = Math.max(...Object.values(CHANGE_LABELS).map((l) => l.length), 'Kortlijst'.length, 'Notitie'.length) + 2;
  const row = (label: string, value: string) => wrap(sanitize(value, true), width, ' '.repeat(2 + labelWidth)).replace(/^ +/, '  ' + style.bold(label.padEnd(labelWidth)));
  sessions.forEach((s, i) => {
    out.push(style.bold(`Sessie ${i + 1}: ${dateTimeText(s.date)}`));
    out.push(...formatProfile(sessionProfile(s, model), width));
    for (const key of CONTEXT_KEYS) out.push(row(CONTEXT_LABELS[key], contextText(s, model, key)));
    out.push(row(THEME_LABEL, s.over ?? 'niet gegeven'));
    out.push(row('Kortlijst', s.shortlist.length ? s.shortlist.map((id) => names(id).name).join(', ') : 'geen methode'));
    if (s.note) out.push(row('Notitie', s.note));
    if (i > 0) out.push(...formatChanges(sessionChanges(sessions[i - 1], s, model, CHANGE_LABELS), names, style, width, '  Veranderd sinds de sessie ervoor:').map((l, j) => (j === 0 ? l : `  ${l}`)));
    out.push('');
  });
  out.push(style.dim(wrap(PROFILE_LEGEND, width, '  ')));
  return out.join('\n') + '\n';
}

/** `dossier show --json`. */
export function dossierJson(dossier: Dossier, model: ActieModel, names: MethodNames, file: string) {
  const sessions = sessionsInOrder(dossier);
  return {
    name: dossier.name,
    file,
    sessions: sessions.map((s, i) => ({
      date: s.date,
      answers: answersOf(s),
      shortlist: s.shortlist.map(names),
      note: s.note ?? null,
      changes: i > 0 ? sessionChanges(sessions[i - 1], s, model, CHANGE_LABELS) : null,
    })),
  };
}

export interface ListedDossier {
  name: string | null;
  file: string;
  sessions: number;
  last: string | null;
  /** The problems of a damaged file, as lines "file:line: field: message". */
  problems: string[];
}

/** `dossier list`: a table on a terminal, tab-separated lines in a pipe. */
export function formatDossierList(list: ListedDossier[], style: ChalkInstance, interactive: boolean): string {
  if (!interactive) return list.map((d) => [d.name ?? `(beschadigd) ${d.file}`, d.sessions, d.last ?? ''].join('\t') + '\n').join('');
  const rows = list.map((d) => [sanitize(d.name ?? `(beschadigd: ${d.file})`), String(d.sessions), d.last ? dateTimeText(d.last) : '-']);
  const head = ['Initiatief', 'Sessies', 'Laatste sessie'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [style.bold(line(head)), ...rows.map(line)].join('\n') + '\n';
}
