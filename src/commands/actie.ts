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
import { CONTEXT_LABELS, formatAdvice, formatAdviceMarkdown } from '../format/advice.js';
import { CONTEXT_KEYS, type ContextKey, type ElementKey } from '../keys.js';
import type { ActieModel } from '../schema.js';
import { sanitize, wrap } from '../terminal.js';
import { checkWritable, writeFileInterruptibly } from '../files.js';

export type ActieOptions = Partial<Record<ElementKey | ContextKey, string>> & {
  json?: boolean;
  report?: string;
  force?: boolean;
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

  const answers = missing.length
    ? await interview(catalogue, given, { input: ctx.stdin, output: ctx.stderr as NodeJS.WritableStream, style: ctx.errStyle })
    : complete(given);
  const advice = adviseActie(answers, catalogue);

  if (options.report) {
    const text = formatAdviceMarkdown(answers, advice, catalogue.model, { date: localDate(new Date()), sources: catalogue.sources });
    await writeFileInterruptibly(options.report, text, reportOptions);
    ctx.stderr.write(`Rapport geschreven naar ${sanitize(options.report)}\n`);
  }
  if (options.json) return writeJson(ctx, { answers, advice });
  ctx.stdout.write(formatAdvice(advice, catalogue.model, ctx.style, ctx.interactive ? ctx.columns : Infinity));
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
  output: NodeJS.WritableStream & { columns?: number };
  style: ChalkInstance;
}

const DONE = '__advies__';

/**
 * Asks what is still missing: the five elements in the model's order, then the context questions not given
 * as options, then a review where any answer can be changed before the advice is shown.
 */
export async function interview(catalogue: AdviceCatalogue, given: PartialAnswers, io: PromptIO): Promise<ActieAnswers> {
  const { select, Separator } = await import('@inquirer/prompts');
  const { model, methods } = catalogue;
  const { style } = io;
  const context = { input: io.input, output: io.output };
  const answers: PartialAnswers = { ...given };
  const contextQuestions = CONTEXT_KEYS.filter((k) => contextOptions(model.context[k], methods).length > 0);

  // Once answered, a question shrinks to one short line (`done`), so the transcript stays readable.
  const theme = (done: string, help?: string) => ({
    prefix: { idle: style.blue('?'), done: style.green('✔') },
    style: {
      message: (text: string, status: string) =>
        status === 'done' ? style.bold(done) : help ? `${style.bold(text)}\n${style.dim(help)}` : style.bold(text),
      answer: (text: string) => style.cyan(text),
      highlight: (text: string) => style.cyan(text),
      description: (text: string) => style.italic(text),
      keysHelpTip: () => style.dim('↑↓ kiezen • ⏎ bevestigen • Ctrl-C stoppen'),
    },
  });

  // Inquirer breaks long lines at the terminal edge, even inside a word; wrap the prose first.
  const columns = io.output.columns || 80;
  const fit = (text: string, room = columns) => wrap(sanitize(text), room);

  const askElement = async (key: ElementKey) => {
    const index = model.elements.findIndex((e) => e.key === key);
    const e = model.elements[index];
    answers[key] = await select(
      {
        message: fit(`${e.name} (${index + 1}/${model.elements.length}): ${e.question}`, columns - 2),
        choices: answerOptions(e, model).map((o) => ({ value: o.key, name: o.label, description: fit(o.role) })),
        default: answers[key] ?? undefined,
        loop: false,
        theme: theme(`${e.name}:`, fit(e.help)),
      },
      context,
    );
  };

  const askContext = async (key: ContextKey) => {
    const q = model.context[key];
    const value = await select(
      {
        message: fit(`${q.question} (mag u overslaan)`, columns - 2),
        choices: [{ value: NO_PREFERENCE, name: q.none }, ...contextOptions(q, methods).map((o) => ({ value: o.tag, name: o.label }))],
        default: answers[key] ?? NO_PREFERENCE,
        loop: false,
        theme: theme(`${CONTEXT_LABELS[key]}:`, fit(q.help)),
      },
      context,
    );
    answers[key] = value === NO_PREFERENCE ? null : value;
  };

  io.output.write(introText(model, style, columns, contextQuestions.filter((k) => answers[k] === undefined).length));
  for (const e of model.elements) if (answers[e.key] === undefined) await askElement(e.key);
  for (const key of contextQuestions) if (answers[key] === undefined) await askContext(key);

  for (;;) {
    const done = complete(answers);
    const choice = await select(
      {
        message: fit('Uw antwoorden. Kies er een om het te wijzigen, of ga door naar het advies.', columns - 2),
        // Once chosen, a row shows what was done (`short`), not the answer it had: that may change next.
        choices: [
          { value: DONE, name: 'Toon het advies', short: 'advies tonen' },
          new Separator(),
          ...model.elements.map((e) => ({
            value: e.key as string,
            name: `${e.name}: ${answerOptions(e, model).find((o) => o.key === done[e.key])!.label}`,
            short: `${e.name} wijzigen`,
          })),
          ...contextQuestions.map((k) => ({
            value: k as string,
            name: `${CONTEXT_LABELS[k]}: ${contextOptions(model.context[k], methods).find((o) => o.tag === done[k])?.label ?? model.context[k].none}`,
            short: `${CONTEXT_LABELS[k]} wijzigen`,
          })),
        ],
        loop: false,
        pageSize: 12,
        theme: theme('Overzicht:'),
      },
      context,
    );
    if (choice === DONE) return done;
    if ((CONTEXT_KEYS as readonly string[]).includes(choice)) await askContext(choice as ContextKey);
    else await askElement(choice as ElementKey);
  }
}

const COUNT_WORDS = ['geen', 'één', 'twee', 'drie', 'vier', 'vijf'];

/** The opening; `skippable` is how many context questions will be asked after the elements. */
export function introText(model: ActieModel, style: ChalkInstance, columns: number, skippable: number): string {
  const count = COUNT_WORDS[skippable] ?? String(skippable);
  const then = skippable
    ? `Daarna ${skippable === 1 ? 'volgt één vraag' : `volgen ${count} vragen`} die u mag overslaan, en kunt u elk antwoord nog wijzigen.`
    : 'Daarna kunt u elk antwoord nog wijzigen.';
  return [
    style.bold.cyan('ACTIE-VRAGENLIJST'),
    wrap(sanitize(model.intro), columns),
    wrap(
      `Er is geen fout antwoord. Per element kiest u een van de twee kanten, "${model.answers.beide.label}" of ` +
        `"${model.answers.onbekend.label}". ${then} Met Ctrl-C stopt u zonder dat er iets wordt opgeslagen.`,
      columns,
    ),
    '',
  ].join('\n\n');
}
