import type { ChalkInstance } from 'chalk';
import { writeJson, type Context } from '../context.js';
import {
  adviseActie,
  answerFlags,
  answerOptions,
  contextOptions,
  matchKey,
  NO_PREFERENCE,
  type ActieAnswers,
  type AdviceCatalogue,
} from '../core/advice.js';
import { UsageError } from '../errors.js';
import { adviceJson, CONTEXT_LABELS, formatAdvice, formatAdviceMarkdown, reproduceCommand } from '../format/advice.js';
import { CONTEXT_KEYS, type ContextKey, type ElementKey } from '../keys.js';
import type { ActieModel } from '../schema.js';
import { sanitize, wrap } from '../terminal.js';
import { checkWritable, writeFileInterruptibly } from '../files.js';
import { writePaged } from '../pager.js';
import type { Question, QuestionnaireConfig } from '../prompts/questionnaire.js';

export type ActieOptions = Partial<Record<ElementKey | ContextKey, string>> & {
  json?: boolean;
  report?: string;
  force?: boolean;
  /** commander's --no-pager */
  pager?: boolean;
};

/** Answers so far: an element without a key is still to be asked; a context key without a value too. */
export type PartialAnswers = Partial<ActieAnswers>;

export async function actie(options: ActieOptions, ctx: Context): Promise<void> {
  const catalogue = ctx.catalogue();
  const given = answersFromOptions(options, catalogue);
  const missing = catalogue.model.elements.filter((e) => given[e.key] === undefined);
  if (missing.length && !ctx.stdin.isTTY) {
    const flags = answerFlags(catalogue).filter((f) => missing.some((e) => e.key === f.key));
    throw new UsageError(
      `geen antwoord op ${missing.map((e) => `--${e.key}`).join(', ')}; stdin is geen terminal, dus er kan niets gevraagd worden`,
      'Geef de ontbrekende antwoorden als opties:\n' +
        flags.map((f) => `  --${f.key} ${f.values.join('|')}`).join('\n') +
        "\nOf start 'methodewijzer actie' in een terminal om de vragen te beantwoorden.",
    );
  }
  const reportOptions = {
    overwrite: Boolean(options.force),
    hints: {
      exists: 'Kies een andere bestandsnaam, of geef --force om het bestand te vervangen.',
      write: 'Controleer of u in deze map mag schrijven, of kies met --report een andere plek.',
    },
  };
  if (options.report) checkWritable(options.report, reportOptions);

  const asked = missing.length > 0;
  const answers = asked ? await interview(catalogue, given, { input: ctx.stdin, output: ctx.stderr as PromptIO['output'], style: ctx.errStyle }) : complete(given);
  const advice = adviseActie(answers, catalogue);
  const command = reproduceCommand(answers, catalogue.model, ctx.folders);

  if (options.report) {
    const text = formatAdviceMarkdown(answers, advice, catalogue.model, { date: localDate(new Date()), sources: catalogue.sources, command });
    await writeFileInterruptibly(options.report, text, reportOptions);
  }
  if (options.json) writeJson(ctx, adviceJson(answers, advice, command));
  else {
    // The window may have been resized during the questions: the width of now, not of the start.
    const text = formatAdvice(advice, catalogue.model, ctx.style, ctx.interactive ? ctx.stdout.columns || ctx.columns : Infinity);
    await writePaged(ctx.stdout, text, { env: ctx.env, disabled: options.pager === false });
  }
  // After the advice, so they are the last lines on the screen: how to get it again, and where the report is.
  // Never wrapped: a command broken over lines cannot be pasted back into a shell.
  if (asked) ctx.stderr.write(`${ctx.errStyle.dim('Hetzelfde advies later opnieuw:')}\n  ${sanitize(command)}\n`);
  if (options.report) ctx.stderr.write(`Rapport geschreven naar ${sanitize(options.report)}\n`);
}

/** Checks every answer given as an option against the model; a wrong value is a usage error that lists the right ones. */
export function answersFromOptions(options: ActieOptions, catalogue: AdviceCatalogue): PartialAnswers {
  const out: PartialAnswers = {};
  for (const { key, values } of answerFlags(catalogue)) {
    const raw = options[key];
    if (raw === undefined) continue;
    const value = matchKey(raw, values);
    if (!value) throw new UsageError(`ongeldige waarde "${sanitize(raw)}" voor --${key}; kies uit: ${values.join(', ')}`);
    (out as Record<string, string | null>)[key] = (CONTEXT_KEYS as readonly string[]).includes(key) && value === NO_PREFERENCE ? null : value;
  }
  return out;
}

function complete(given: PartialAnswers): ActieAnswers {
  return { setting: null, doelgroep: null, ...given } as ActieAnswers;
}

export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export interface PromptIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & QuestionnaireConfig['terminal'];
  style: ChalkInstance;
}

const DONE = '__advies__';

/**
 * Asks what is still missing: the five elements in the model's order, then the context questions not given
 * as options, then an overview where any answer can be changed before the advice is shown. Every step can
 * go back to the one before.
 */
export async function interview(catalogue: AdviceCatalogue, given: PartialAnswers, io: PromptIO): Promise<ActieAnswers> {
  const { questionnaire } = await import('../prompts/questionnaire.js');
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
  const questions = [...elementQuestions, ...askedContext];
  // Given as options: not asked one by one, but the overview still offers to change them.
  const ask = questions.map((q) => q.key).filter((k) => given[k as keyof PartialAnswers] === undefined);
  // The context questions start on "geen voorkeur", so Enter skips them.
  const start: Record<string, string> = Object.fromEntries(askedContext.map((q) => [q.key, NO_PREFERENCE]));
  for (const q of questions) {
    const value = given[q.key as keyof PartialAnswers];
    if (value !== undefined) start[q.key] = value ?? NO_PREFERENCE;
  }

  io.output.write(introText(model, io.style, io.output.columns || 80, askedContext.filter((q) => ask.includes(q.key)).length));
  const result = await questionnaire(
    {
      questions,
      ask,
      answers: start,
      review: (answers) => ({
        message: 'Uw antwoorden. Kies er één om het te wijzigen, of ga door naar het advies.',
        done: { value: DONE, name: 'Toon het advies' },
        rows: questions.map((q) => ({ value: q.key, name: `${q.label}: ${q.choices.find((c) => c.value === answers[q.key])?.name ?? '-'}` })),
      }),
      style: io.style,
      terminal: io.output,
    },
    { input: io.input, output: io.output },
  );
  const out: Record<string, string | null> = {};
  for (const q of questions) {
    const value = result[q.key];
    out[q.key] = (CONTEXT_KEYS as readonly string[]).includes(q.key) && value === NO_PREFERENCE ? null : value;
  }
  return complete(out as PartialAnswers);
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
