import type { ChalkInstance } from 'chalk';
import { answerOptions, completeAnswers, contextOptions, NO_PREFERENCE, type ActieAnswers, type AdviceCatalogue, type PartialAnswers } from '../core/advice.js';
import { CONTEXT_LABELS, THEME_LABEL } from '../format/advice.js';
import { CONTEXT_KEYS, type ContextKey } from '../model/keys.js';
import type { ActieModel } from '../model/schema.js';
import { columnsOf, sanitize, wrap } from '../text/terminal.js';
import { answerText, questionnaire, type Question, type QuestionnaireConfig } from './questionnaire.js';

// The ACTIE questionnaire as a conversation: the model's questions turned into prompts, the opening
// text, and the answers turned back into ActieAnswers. Loaded only when something must be asked.

export interface PromptIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & QuestionnaireConfig['terminal'];
  style: ChalkInstance;
}

const DONE = '__advies__';

/** For a dossier: the answers of its last session to start each question on, and a last question for a note. */
export interface InterviewExtras {
  /** Each question asked starts on this answer, so Enter keeps it. */
  previous?: PartialAnswers;
  /** A line after the opening, such as when the last session was. */
  resume?: string;
  /** Ask for a note at the end (it may be skipped). */
  note?: boolean;
}

/**
 * Asks what is still missing: the five elements in the model's order, then the context questions not given
 * as options, then an overview where any answer can be changed before the advice is shown. Every step can
 * go back to the one before.
 */
export async function interview(catalogue: AdviceCatalogue, given: PartialAnswers, io: PromptIO, extras: InterviewExtras = {}): Promise<ActieAnswers & { note?: string | null }> {
  const { model, methods } = catalogue;
  const contextQuestions = CONTEXT_KEYS.filter((k) => contextOptions(model.context[k], methods).length > 0);
  const elementQuestions: Question[] = model.elements.map((e, index) => ({
    key: e.key,
    label: e.name,
    message: `${e.name} (${index + 1}/${model.elements.length}): ${e.question}`,
    help: e.help,
    choices: answerOptions(e, model).map((o) => ({ value: o.key, name: o.label, description: o.role })),
  }));
  const contextChoices = (k: ContextKey) => [
    { value: NO_PREFERENCE, name: model.context[k].none },
    ...contextOptions(model.context[k], methods).map((o) => ({ value: o.tag, name: o.label })),
  ];
  const askedContext: Question[] = contextQuestions.map((k) => ({
    key: k,
    label: CONTEXT_LABELS[k],
    message: `${model.context[k].question} (mag u overslaan)`,
    help: model.context[k].help,
    choices: contextChoices(k),
  }));
  const overQuestion: Question = {
    key: 'over',
    label: THEME_LABEL,
    message: 'Waar gaat het initiatief over? (mag u overslaan)',
    help: 'In een paar woorden, zoals u ook zoekt met methodewijzer search: bijvoorbeeld "jongeren willen een eigen keet". Methoden die daarbij passen, gaan voor.',
    choices: [],
    text: { hint: 'Enter zonder tekst slaat de vraag over.' },
  };
  const noteQuestion: Question = {
    key: 'note',
    label: 'Notitie',
    message: 'Een notitie of afspraak voor het dossier? (mag u overslaan)',
    help: 'Bijvoorbeeld wat u samen hebt afgesproken. Zet er geen namen of andere persoonsgegevens in.',
    choices: [],
    text: { hint: 'Enter zonder tekst slaat de vraag over.' },
  };
  const questions = [...elementQuestions, ...askedContext, overQuestion, ...(extras.note ? [noteQuestion] : [])];
  // Given as options: not asked one by one, but the overview still offers to change them.
  const ask = questions.map((q) => q.key).filter((k) => given[k as keyof PartialAnswers] === undefined);
  // The context questions start on "geen voorkeur", so Enter skips them.
  const start: Record<string, string> = Object.fromEntries(askedContext.map((q) => [q.key, NO_PREFERENCE]));
  for (const q of questions) {
    const earlier = extras.previous?.[q.key as keyof PartialAnswers];
    if (earlier !== undefined) start[q.key] = earlier ?? (q.text ? '' : NO_PREFERENCE);
    const value = given[q.key as keyof PartialAnswers];
    if (value !== undefined) start[q.key] = value ?? (q.text ? '' : NO_PREFERENCE);
  }

  const skippable = [...askedContext, overQuestion, noteQuestion].filter((q) => ask.includes(q.key)).length;
  io.output.write(introText(model, io.style, columnsOf(io.output), skippable));
  if (extras.resume) io.output.write(wrap(sanitize(extras.resume), columnsOf(io.output)) + '\n\n');
  const result = await questionnaire(
    {
      questions,
      ask,
      answers: start,
      review: (answers) => ({
        message: 'Uw antwoorden. Kies er één om het te wijzigen, of ga door naar het advies.',
        done: { value: DONE, name: 'Toon het advies' },
        rows: questions.map((q) => ({ value: q.key, name: `${q.label}: ${answerText(q, answers[q.key])}` })),
      }),
      style: io.style,
      terminal: io.output,
    },
    { input: io.input, output: io.output },
  );
  const out: Record<string, string | null> = {};
  for (const q of questions) {
    const value = result[q.key];
    out[q.key] = q.text ? value?.trim() || null : (CONTEXT_KEYS as readonly string[]).includes(q.key) && value === NO_PREFERENCE ? null : value;
  }
  const { note, ...answers } = out;
  return { ...completeAnswers(answers as PartialAnswers), ...(extras.note ? { note } : {}) };
}

const COUNT_WORDS = ['geen', 'één', 'twee', 'drie', 'vier', 'vijf'];

/** The opening; `skippable` is how many context questions will be asked after the elements. */
export function introText(model: ActieModel, style: ChalkInstance, columns: number, skippable: number): string {
  const count = COUNT_WORDS[skippable] ?? String(skippable);
  const then = skippable
    ? `Daarna ${skippable === 1 ? 'volgt één vraag' : `volgen ${count} vragen`} die u mag overslaan, en kunt u elk antwoord nog wijzigen. Met ← gaat u terug naar de vorige vraag.`
    : 'Daarna kunt u elk antwoord nog wijzigen. Met ← gaat u terug naar de vorige vraag.';
  return [
    style.bold.cyan('ACTIE-VRAGENLIJST'),
    wrap(sanitize(model.intro), columns),
    wrap(
      `Er is geen fout antwoord. Per element kiest u één van de twee kanten, "${model.answers.beide.label}" of ` +
        `"${model.answers.onbekend.label}". ${then} Met Ctrl-C stopt u zonder dat er iets wordt opgeslagen.`,
      columns,
    ),
    '',
  ].join('\n\n');
}
