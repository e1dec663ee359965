import { defineCommand, type Views } from '../runtime/command.js';
import type { Context } from '../runtime/context.js';
import { answersOf } from '../core/dossier.js';
import { adviseActie, answerFlags, completeAnswers, matchKey, NO_PREFERENCE, startsOf, type ActieAnswers, type Advice, type AdviceCatalogue, type PartialAnswers } from '../core/advice.js';
import { UsageError } from '../model/errors.js';
import { checkWritable, writeFileInterruptibly } from '../io/files.js';
import { adviceJson, explainMethod, formatAdvice, formatAdviceMarkdown, formatExplanation, reproduceCommand, type Explanation } from '../format/advice.js';
import { CONTEXT_KEYS, ELEMENT_KEYS, type ContextKey, type ElementKey } from '../model/keys.js';
import { didYouMean } from '../text/suggest.js';
import { lookupMethod } from '../runtime/method-lookup.js';
import { jsonOption, nonEmpty } from '../runtime/options.js';
import type { ActieModel } from '../model/schema.js';
import { promptStreams, type PromptStreams } from '../io/prompt-streams.js';
import { hang, sanitize, widthOf, wrapCommand } from '../text/terminal.js';
import type { DossierEnd, DossierOptions, DossierStart } from '../runtime/dossier-run.js';

export type ActieOptions = Partial<Record<ElementKey | ContextKey, string>> & {
  over?: string;
  explain?: string;
  report?: string;
  force?: boolean;
} & DossierOptions;

const DOSSIER_OPTIONS = ['dossier', 'dossiers', 'note', 'handout', 'open'] as const;

/** The answers and the advice on them, with the command that gives it again. */
interface Advised {
  answers: ActieAnswers;
  advice: Advice;
  command: string;
  model: ActieModel;
  /** With --dossier: the session kept, and what changed since the last one. */
  kept?: DossierEnd;
}

const ADVICE: Views<Advised> = {
  json: ({ answers, advice, command, kept }) => ({ ...adviceJson(answers, advice, command), ...dossierJson(kept) }),
  // The width is read when shown: the window may have been resized during the questions.
  terminal: ({ advice, model, kept }, ctx) => formatAdvice(advice, model, ctx.style, ctx.width, ctx.link) + (kept ? kept.text : ''),
  paged: true,
};

/** `--explain`: one method's place in the advice, and why. */
const EXPLANATION: Views<Advised & { explanation: Explanation }> = {
  json: ({ answers, advice, command, explanation, kept }) => ({ answers: adviceJson(answers, advice, command).answers, command, explain: explanation, ...dossierJson(kept) }),
  terminal: ({ explanation }, ctx) => formatExplanation(explanation, ctx.style, ctx.width),
};

export default defineCommand({
  name: 'actie',
  description: 'de ACTIE-vragenlijst: vijf vragen, dan advies per element en een kortlijst van methoden',
  options: (cmd) => {
    for (const key of ELEMENT_KEYS) cmd.option(`--${key} <antwoord>`, `antwoord op de vraag bij ${key[0].toUpperCase()}${key.slice(1)}`);
    cmd
      .option('--setting <omgeving>', 'antwoord op de vraag naar de omgeving (geen: geen voorkeur)')
      .option('--doelgroep <groep>', 'antwoord op de vraag naar de doelgroep (geen: geen voorkeur)')
      .option('--over <tekst>', 'waar het initiatief over gaat, in eigen woorden (zoals bij search)')
      .option('--explain <methode>', 'waar deze methode in het advies staat, en waarom', nonEmpty)
      .addOption(jsonOption('de antwoorden en het hele advies als JSON'))
      .option('--report <bestand>', 'schrijf het advies ook als Markdown-rapport naar dit bestand', nonEmpty)
      .option('--dossier <naam>', 'bewaar deze sessie in het dossier van dit initiatief, en toon wat er sinds de vorige veranderde (docs/dossier.md)', nonEmpty)
      .option('--dossiers <map>', 'de map met dossiers (ook via METHODEWIJZER_DOSSIERS; anders ~/.local/share/methodewijzer/dossiers, op macOS en Windows de gegevensmap: zie de README)', nonEmpty)
      .option('--note <tekst>', 'een notitie of afspraak bij deze sessie in het dossier (geen persoonsgegevens)')
      .option('--handout <bestand>', 'schrijf ook een HTML-blad voor de initiatiefnemers (om te printen of te mailen)', nonEmpty)
      .option('--open', 'open het handout-bestand daarna in de browser')
      .option('--force', 'laat --report of --handout een bestaand bestand vervangen');
  },
  examples: [
    'actie',
    'actie --animo bijsturen --contact benutten --toerusting aanreiken --inbedding beide --empathie onbekend',
    'actie --animo aansluiten --contact versterken --toerusting eigen-kracht --inbedding burgers --empathie betrokkenheid --setting dorp --doelgroep jongeren --json',
    'actie --animo aansluiten --contact benutten --toerusting aanreiken --inbedding organisaties --empathie betrokkenheid --setting dorp --over "eigen keet"',
    'actie --animo aansluiten --contact benutten --toerusting aanreiken --inbedding organisaties --empathie betrokkenheid --explain keetkeur',
    'actie --report advies.md',
    'actie --dossier "Keet Oost"',
    'actie --dossier "Keet Oost" --animo aansluiten --contact benutten --toerusting eigen-kracht --inbedding burgers --empathie betrokkenheid --note "Offerte gevraagd"',
    'actie --dossier "Keet Oost" --handout keet-oost.html --open',
  ],
  notes: '\nZonder alle vijf antwoorden stelt de opdracht de vragen; dat kan alleen als stdin en stderr een terminal zijn (de vragen staan op stderr).\n',
  catalogueHelp(catalogue, cmd, helpWidth) {
    // The context options' descriptions are their questions, and each answer option lists its values.
    for (const key of CONTEXT_KEYS) {
      const option = cmd.options.find((o) => o.long === `--${key}`);
      const q = catalogue.model.context[key];
      if (option) option.description = `${q.question} (${NO_PREFERENCE}: ${q.none.toLowerCase()})`;
    }
    const flags = answerFlags(catalogue);
    const width = Math.max(...flags.map((f) => f.key.length)) + 4;
    return `\nWaarden:\n${flags.map((f) => hang(`  ${`--${f.key}`.padEnd(width)}`, f.values.join(', '), helpWidth)).join('\n')}\n`;
  },
  async run(ctx, options: ActieOptions) {
    const catalogue = await ctx.catalogue();
    const given = answersFromOptions(options, catalogue);
    const missing = catalogue.model.elements.filter((e) => given[e.key] === undefined);
    const streams = missing.length ? promptStreams(ctx) : undefined;
    if (streams && 'reason' in streams) {
      const flags = answerFlags(catalogue).filter((f) => missing.some((e) => e.key === f.key));
      throw new UsageError(
        `geen antwoord op ${missing.map((e) => `--${e.key}`).join(', ')}; ${streams.reason}, dus er kan niets gevraagd worden`,
        'Geef de ontbrekende antwoorden als opties:\n' +
          flags.map((f) => `  --${f.key} ${f.values.join('|')}`).join('\n') +
          "\nOf beantwoord de vragen in een terminal: methodewijzer actie",
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
    // The dossier is read before any question: a damaged one stops the run before anyone answers in vain.
    // Loaded only then: the dossier brings yaml and zod, which a run without one never needs.
    const dossiers = DOSSIER_OPTIONS.some((k) => options[k] !== undefined) ? await import('../runtime/dossier-run.js') : undefined;
    const dossier = dossiers?.startDossier(options, ctx);

    // The method to explain is looked up before any question, so a wrong name costs no answers.
    const explained = options.explain ? (await lookupMethod(ctx, [options.explain], 'actie --explain')).method : undefined;

    const asked = streams !== undefined;
    const answers = asked ? await ask(catalogue, given, ctx, streams, dossier, options.note === undefined) : completeAnswers(given);
    const advice = adviseActie(answers, catalogue);
    const command = reproduceCommand(answers, catalogue.model, ctx.folders);

    if (options.report) {
      const text = formatAdviceMarkdown(answers, advice, catalogue.model, { date: localDate(new Date()), sources: catalogue.sources, command });
      await writeFileInterruptibly(options.report, text, { ...reportOptions, signal: ctx.signal });
    }
    // After the advice, so they are the last lines on the screen: how to get it again, and where the report is.
    // The command is continued with backslashes where it is wrapped, so it can still be pasted into a shell.
    let note = asked ? `${ctx.errStyle.dim('Hetzelfde advies later opnieuw:')}\n${wrapCommand(sanitize(command), widthOf(ctx.stderr), '  ')}\n` : '';
    if (options.report) note += `Rapport geschreven naar ${sanitize(options.report)}\n`;
    const kept = dossier && (await dossiers!.finishDossier(dossier, options, answers, advice, catalogue, ctx));
    if (kept) note += kept.note;
    const advised = { answers, advice, command, model: catalogue.model, kept: kept || undefined };
    if (explained) return { data: { ...advised, explanation: explainMethod(advice, catalogue.model, explained.id) }, views: EXPLANATION, note, error: kept?.error };
    return { data: advised, views: ADVICE, note, error: kept?.error };
  },
});

async function ask(catalogue: AdviceCatalogue, given: PartialAnswers, ctx: Context, { input, output }: PromptStreams, dossier: DossierStart | undefined, askNote: boolean) {
  const { interview } = await import('../prompts/interview.js');
  const previous = dossier?.last ? answersOf(dossier.last) : undefined;
  return interview(catalogue, given, { input, output, style: ctx.errStyle }, { previous, resume: dossier?.resume, note: Boolean(dossier?.name) && askNote });
}

/** The dossier part of `--json`: present with --dossier, with what changed since the last session. */
function dossierJson(kept: DossierEnd | undefined) {
  return kept?.json ? { dossier: kept.json } : {};
}

/** Checks every answer given as an option against the model; a wrong value is a usage error that lists the right ones. */
function answersFromOptions(options: ActieOptions, catalogue: AdviceCatalogue): PartialAnswers {
  const out: PartialAnswers = {};
  for (const { key, values } of answerFlags(catalogue)) {
    const raw = options[key];
    if (raw === undefined) continue;
    const value = matchKey(raw, values);
    if (!value) {
      const candidates = startsOf(raw, values);
      if (candidates.length > 1) {
        throw new UsageError(`"${sanitize(raw)}" voor --${key} is ambigu: meerdere waarden mogelijk (${candidates.join(', ')})`, didYouMean(candidates));
      }
      throw new UsageError(`ongeldige waarde "${sanitize(raw)}" voor --${key}; kies uit: ${values.join(', ')}`);
    }
    (out as Record<string, string | null>)[key] = (CONTEXT_KEYS as readonly string[]).includes(key) && value === NO_PREFERENCE ? null : value;
  }
  // Empty or only spaces: not said, as when the question is skipped.
  if (options.over !== undefined) out.over = options.over.trim() || null;
  return out;
}

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
