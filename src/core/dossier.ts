import type { Dossier, DossierSession } from '../model/dossier.js';
import { CONTEXT_KEYS, ELEMENT_KEYS, type ContextKey, type ElementKey } from '../model/keys.js';
import type { ActieModel } from '../model/schema.js';
import { answerOptions, profilePosition, type ActieAnswers, type ProfileLine } from './advice.js';
import { compact, slugify } from './fold.js';

// The dossier's logic, free of files: names, file names, and what changed between two sessions.

/** A file name is at most this many characters before ".yaml"; longer names are cut (the name itself is kept whole). */
const MAX_SLUG = 80;

/**
 * The file name (without .yaml) for an initiative's name: folded and kebab-case, so "Keet Oost" and "keet
 * óóst" are one dossier, and no name can reach outside the folder. Undefined when the name has no letter or digit.
 */
export function dossierSlug(name: string): string | undefined {
  const slug = slugify(name).slice(0, MAX_SLUG).replace(/-+$/, '');
  return slug || undefined;
}

/** Whether two names mean the same initiative: case, accents, spaces and punctuation do not count. */
export function sameName(a: string, b: string): boolean {
  return compact(a) === compact(b);
}

/** A dossier with one more session at the end; the one given is not changed. */
export function withSession(dossier: Dossier | undefined, name: string, session: DossierSession): Dossier {
  return { format: 1, name: dossier?.name ?? name, sessions: [...(dossier?.sessions ?? []), session] };
}

/** A session from the answers and the advice's shortlist. */
export function sessionOf(date: string, answers: ActieAnswers, shortlist: string[], note?: string | null): DossierSession {
  // Only the answers, in a fixed order (the answers may carry more, such as the note asked for).
  const picked = Object.fromEntries(ANSWER_ORDER.map((k) => [k, (answers as Record<string, string | null>)[k] ?? null]));
  const over = answers.over;
  return {
    date,
    answers: picked as DossierSession['answers'],
    over: over?.trim() || null,
    shortlist: [...shortlist],
    ...(note?.trim() ? { note: note.trim() } : {}),
  };
}

const ANSWER_ORDER = [...ELEMENT_KEYS, ...CONTEXT_KEYS];

/** The answers of a session as the questionnaire takes them. */
export function answersOf(session: DossierSession): ActieAnswers {
  return { ...session.answers, over: session.over } as ActieAnswers;
}

/** One answer that changed: "was -> nu", as keys and as the words of the model. */
export interface AnswerChange {
  key: ElementKey | ContextKey | 'over';
  /** The element's name, "Omgeving", "Doelgroep" or "Onderwerp". */
  name: string;
  was: string | null;
  now: string | null;
  /** The answers in a word or two (the pole's short name, the context option's label), null where not given. */
  wasText: string | null;
  nowText: string | null;
}

export interface SessionChanges {
  /** The date of the earlier session. */
  since: string;
  answers: AnswerChange[];
  /** Method ids on the later shortlist and not on the earlier one, in the later one's order. */
  added: string[];
  /** Method ids on the earlier shortlist and gone from the later one, in the earlier one's order. */
  gone: string[];
}

/** What changed from `before` to `after`: each answer, and the methods new on and gone from the shortlist. `labels` name the context questions and the subject. */
export function sessionChanges(before: DossierSession, after: DossierSession, model: ActieModel, labels: Record<ContextKey | 'over', string>): SessionChanges {
  const answers: AnswerChange[] = [];
  for (const e of model.elements) {
    const was = before.answers[e.key];
    const now = after.answers[e.key];
    if (was === now) continue;
    const word = (key: string) => answerOptions(e, model).find((o) => o.key === key)?.short ?? key;
    answers.push({ key: e.key, name: e.name, was, now, wasText: word(was), nowText: word(now) });
  }
  for (const key of CONTEXT_KEYS) {
    const was = before.answers[key];
    const now = after.answers[key];
    if (was === now) continue;
    const word = (tag: string | null) => (tag === null ? null : (model.context[key].options.find((o) => o.tag === tag)?.label ?? tag));
    answers.push({ key, name: labels[key], was, now, wasText: word(was), nowText: word(now) });
  }
  if ((before.over ?? null) !== (after.over ?? null)) {
    answers.push({ key: 'over', name: labels.over, was: before.over, now: after.over, wasText: before.over, nowText: after.over });
  }
  return {
    since: before.date,
    answers,
    added: after.shortlist.filter((id) => !before.shortlist.includes(id)),
    gone: before.shortlist.filter((id) => !after.shortlist.includes(id)),
  };
}

/** The profile of one session, as the advice draws it. */
export function sessionProfile(session: DossierSession, model: ActieModel): ProfileLine[] {
  return model.elements.map((e) => ({
    key: e.key,
    name: e.name,
    left: e.poles[0].short,
    right: e.poles[1].short,
    answer: session.answers[e.key],
    position: profilePosition(e, session.answers[e.key]),
  }));
}

/** Sessions in time order (the file keeps the order they were saved in; two runs at once may cross). */
export function sessionsInOrder(dossier: Dossier): DossierSession[] {
  return dossier.sessions.map((s, i) => ({ s, i })).sort((a, b) => (a.s.date < b.s.date ? -1 : a.s.date > b.s.date ? 1 : a.i - b.i)).map(({ s }) => s);
}

/** Local date and time as the dossier stores it: 2026-03-02T14:05. */
export function localDateTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
