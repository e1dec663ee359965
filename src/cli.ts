import { Command, CommanderError, Help, InvalidArgumentError, Option, type OutputConfiguration } from 'commander';
import { BuiltinCatalogueBroken, loadCatalogue } from './catalogue/catalogue.js';
import { formatProblem } from './catalogue/problem.js';
import { createContext, type Context, type GlobalOptions } from './context.js';
import { ENV_CATALOGUE, EXPORT_FORMATS, SEARCH_LIMIT } from './defaults.js';
import { AppError, EXIT } from './errors.js';
import { interruptHandlers } from './interrupt.js';
import { guardOutput } from './output.js';
import { answerFlags, NO_PREFERENCE } from './core/advice.js';
import { parseElement } from './core/methods.js';
import { CONTEXT_KEYS, ELEMENT_KEYS, SOURCE_KINDS } from './keys.js';
import { makeStyle, sanitize, wantsColor } from './terminal.js';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const HELP_TITLES: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Options:': 'Opties:',
  'Commands:': 'Opdrachten:',
  'Arguments:': 'Argumenten:',
  'Global Options:': 'Algemene opties:',
};

class DutchHelp extends Help {
  override styleTitle(str: string): string {
    return HELP_TITLES[str] ?? str;
  }
  override commandUsage(cmd: Command): string {
    return super.commandUsage(cmd).replace('[options]', '[opties]').replace('[command]', '[opdracht]');
  }
  override subcommandTerm(cmd: Command): string {
    return super.subcommandTerm(cmd).replace('[options]', '[opties]');
  }
  override optionDescription(option: Option): string {
    return super
      .optionDescription(option)
      .replace('(choices: ', '(keuze uit: ')
      .replace('(default: ', '(standaard: ')
      .replace('default: []', 'standaard: geen');
  }
}

/** A Command whose help speaks Dutch, for the program and every subcommand. */
class DutchCommand extends Command {
  override createCommand(name?: string): Command {
    return new DutchCommand(name);
  }
  override createHelp(): Help {
    return Object.assign(new DutchHelp(), this.configureHelp());
  }
}

/** An empty value ('' from a script's unset variable, say) would silently mean "here" or "nothing". */
const nonEmpty = (value: string) => {
  if (!value.trim()) throw new InvalidArgumentError('Een lege waarde kan niet.');
  return value;
};
/** Adds to the list commander hands back, rather than copying it: 40,000 repeated flags stay linear. */
function append<T>(value: T, previous: T[] | undefined): T[] {
  if (!previous) return [value];
  previous.push(value);
  return previous;
}
const collect = (value: string, previous?: string[]) => append(nonEmpty(value), previous);

function parseLimit(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('Geef een heel getal van 1 of meer.');
  return n;
}

function examples(...lines: string[]): string {
  return `\nVoorbeelden:\n${lines.map((l) => `  $ methodewijzer ${l}`).join('\n')}\n`;
}

/** Options shared by `list`, `search` and `export`. */
export function addFilterOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '-e, --element <element>',
        `alleen methoden onder dit ACTIE-element (herhaalbaar; keuze uit: ${ELEMENT_KEYS.join(', ')})`,
      ).argParser((v: string, prev: string[] | undefined) => {
        const element = parseElement(v);
        if (!element) throw new InvalidArgumentError(`Kies uit: ${ELEMENT_KEYS.join(', ')}.`);
        return append(element, prev);
      }),
    )
    .addOption(new Option('-k, --kind <kind>', 'alleen methoden uit databanken of uit verkenningen').choices(SOURCE_KINDS))
    .option('-t, --tag <tag>', 'alleen methoden met deze tag (herhaalbaar: alle genoemde)', collect);
}

/** Runs a command; `prepare: false` leaves ctx.prepare() to the command (search does, to try its snapshot first). */
type Runner = (fn: (ctx: Context) => Promise<number | void>, cmd: Command, options?: { prepare?: boolean }) => Promise<void>;

export function buildProgram(run: Runner, output: OutputConfiguration): Command {
  const program = new DutchCommand('methodewijzer');
  // Settings that subcommands inherit must come before the subcommands are added.
  program.configureOutput(output).exitOverride().showSuggestionAfterError(true);
  program
    .description(
      'Vind methoden om actief burgerschap te ondersteunen, geordend naar het ACTIE-model ' +
        '(Animo, Contact, Toerusting, Inbedding, Empathie) uit de Movisie-brochure ' +
        '"Methodisch werken aan actief burgerschap" (2015).',
    )
    .version(VERSION, '-V, --version', 'toon het versienummer')
    .helpOption('-h, --help', 'toon hulp')
    .helpCommand('help [opdracht]', 'toon hulp bij een opdracht')
    .option(
      '-c, --catalogue <map>',
      `voeg een map met eigen methoden toe (herhaalbaar; ook via ${ENV_CATALOGUE}, gescheiden door ':')`,
      collect,
    )
    .option('--no-color', 'geen kleur (ook met de omgevingsvariabele NO_COLOR)')
    .addHelpText(
      'after',
      examples('list --element animo', 'search "tijd voor elkaar"', 'show "kan wel"', 'model toerusting', 'actie') +
        "\nMeer hulp bij een opdracht: methodewijzer <opdracht> --help\n",
    );

  addFilterOptions(
    program
      .command('list')
      .description('toon alle methoden, eventueel gefilterd')
      .option('--json', 'de volledige records als JSON'),
  )
    .addHelpText('after', examples('list', 'list --element animo --element contact', 'list --kind databank --tag dorp', 'list --json'))
    .action(function (this: Command) {
      return run(async (ctx) => (await import('./commands/list.js')).list(this.opts(), ctx), this);
    });

  addFilterOptions(
    program
      .command('search')
      .description('zoek methoden op woorden uit hun naam, doel of setting; tikfouten en accenten maken niet uit')
      .argument('<woorden...>', 'zoekwoorden, los of aan elkaar geschreven')
      .option('-n, --limit <n>', 'hoogstens zoveel resultaten', parseLimit, SEARCH_LIMIT)
      .option('--json', 'de records als JSON, met hun score en per veld de woorden die overeenkwamen'),
  )
    .addHelpText(
      'after',
      examples('search tijd voor elkaar', 'search "jongeren keet"', 'search dorp toekomst --element inbedding', 'search vrijwilligers --limit 3 --json') +
        '\nAfsluitcode 0 bij resultaten, 1 als niets gevonden is (zoals grep), 2 bij verkeerd gebruik,\n3 als een eigen catalogusbestand ongeldig is (de rest wordt wel doorzocht).\n',
    )
    .action(function (this: Command, words: string[]) {
      return run(async (ctx) => (await import('./commands/search.js')).search(words, this.opts(), ctx), this, { prepare: false });
    });

  program
    .command('show')
    .description('toon één methode helemaal, met link')
    .argument('<methode>', 'id of naam (hoofdletters en accenten maken niet uit)')
    .option('--json', 'het record als JSON')
    .addHelpText('after', examples('show abcd', 'show "kan wel"', 'show MAC --json'))
    .action(function (this: Command, query: string) {
      return run(async (ctx) => (await import('./commands/show.js')).show(query, this.opts(), ctx), this);
    });

  program
    .command('model')
    .description('het ACTIE-model: per element de vraag, de twee polen, doen en laten')
    .argument('[element]', `een element (${ELEMENT_KEYS.join(', ')}, of de letter)`)
    .option('--json', 'als JSON')
    .addHelpText('after', examples('model', 'model inbedding', 'model --json'))
    .action(function (this: Command, element: string | undefined) {
      return run(async (ctx) => (await import('./commands/model.js')).model(element, this.opts(), ctx), this);
    });

  program
    .command('glossary')
    .description('het begrippenkader van de brochure')
    .option('--json', 'als JSON')
    .addHelpText('after', examples('glossary', 'glossary --json'))
    .action(function (this: Command) {
      return run(async (ctx) => (await import('./commands/glossary.js')).glossary(this.opts(), ctx), this);
    });

  program
    .command('sources')
    .description('de bronnen: de brochure, de databanken en verkenningen, en de vijf selectiecriteria')
    .option('--json', 'als JSON')
    .addHelpText('after', examples('sources', 'sources --json'))
    .action(function (this: Command) {
      return run(async (ctx) => (await import('./commands/sources.js')).sources(this.opts(), ctx), this);
    });

  addFilterOptions(
    program
      .command('export')
      .description('exporteer de methoden als JSON, YAML, CSV of Markdown, met dezelfde filters als list')
      .addOption(
        new Option('-f, --format <formaat>', 'het formaat (standaard: volgens de extensie van --output)').choices(EXPORT_FORMATS),
      )
      .option('-o, --output <bestand>', 'schrijf naar dit bestand in plaats van naar stdout', nonEmpty)
      .option('--force', 'overschrijf een bestaand bestand bij --output')
      .option('--bom', 'begin de CSV met een byte order mark (voor spreadsheetprogramma’s die dat nodig hebben)'),
  )
    .addHelpText(
      'after',
      examples(
        'export --format json > methoden.json',
        'export --output methoden.csv --bom',
        'export --format md --element animo --output animo.md',
        'export --format yaml --output mijn-map/methoden.yaml',
      ),
    )
    .action(function (this: Command) {
      return run(async (ctx) => (await import('./commands/export.js')).exportMethods(this.opts(), ctx), this);
    });

  program
    .command('new')
    .description('maak een bestand voor een eigen methode, met elk veld uitgelegd, om in te vullen')
    .argument('<naam>', 'de naam van de methode; het id en de bestandsnaam worden ervan afgeleid')
    .addHelpText(
      'after',
      examples('new "Buurtkracht"', '--catalogue ./mijn-methoden new "Buurtkracht"') +
        `\nHet bestand komt in de eerste map van --catalogue, anders van ${ENV_CATALOGUE}, anders in de huidige map.\n` +
        'Een bestaand bestand wordt nooit overschreven.\n',
    )
    .action(function (this: Command, name: string) {
      const catalogueFlag = Boolean((this.optsWithGlobals() as GlobalOptions).catalogue?.length);
      // new and validate read no catalogue through ctx, so nothing needs preparing.
      return run(async (ctx) => (await import('./commands/new.js')).newMethod(name, { catalogueFlag }, ctx), this, { prepare: false });
    });

  const actie = program
    .command('actie')
    .description('de ACTIE-vragenlijst: vijf vragen, dan advies per element en een kortlijst van methoden');
  for (const key of ELEMENT_KEYS) actie.option(`--${key} <antwoord>`, `antwoord op de vraag bij ${key[0].toUpperCase()}${key.slice(1)}`);
  actie
    .option('--setting <omgeving>', 'antwoord op de vraag naar de omgeving (geen: geen voorkeur)')
    .option('--doelgroep <groep>', 'antwoord op de vraag naar de doelgroep (geen: geen voorkeur)')
    .option('--json', 'de antwoorden en het hele advies als JSON')
    .option('--report <bestand>', 'schrijf het advies ook als Markdown-rapport naar dit bestand', nonEmpty)
    .option('--force', 'laat --report een bestaand bestand vervangen')
    .option('--no-pager', 'toon het advies zonder pager, ook als het langer is dan het venster')
    .addHelpText('after', () =>
      actieValuesHelp() +
        examples(
          'actie',
          'actie --animo bijsturen --contact benutten --toerusting aanreiken --inbedding beide --empathie onbekend',
          'actie --animo aansluiten --contact versterken --toerusting eigen-kracht --inbedding burgers \\\n      --empathie betrokkenheid --setting dorp --doelgroep jongeren --json',
          'actie --report advies.md',
        ) +
        '\nZonder alle vijf antwoorden stelt de opdracht de vragen; dat kan alleen in een terminal.\n',
    )
    .on('beforeHelp', () => describeContextOptions(actie))
    .action(function (this: Command) {
      return run(async (ctx) => (await import('./commands/actie.js')).actie(this.opts(), ctx), this);
    });

  program
    .command('validate')
    .description('controleer catalogusmappen en meld elk probleem (exit 3 bij problemen)')
    .argument('[map...]', 'mappen om te controleren (standaard de ingebouwde catalogus en de mappen van --catalogue)')
    .option('--json', 'het rapport als JSON')
    .addHelpText('after', examples('validate', 'validate ./mijn-methoden', '--catalogue ./mijn-methoden validate', 'validate a b --json'))
    .action(function (this: Command, dirs: string[]) {
      return run(async (ctx) => (await import('./commands/validate.js')).validate(dirs, this.opts(), ctx), this, { prepare: false });
    });

  return program;
}

/** The context options' descriptions: their questions, read from the built-in model when help is shown. */
function describeContextOptions(cmd: Command): void {
  try {
    const { model } = loadCatalogue();
    for (const key of CONTEXT_KEYS) {
      const option = cmd.options.find((o) => o.long === `--${key}`);
      const q = model.context[key];
      if (option) option.description = `${q.question} (${NO_PREFERENCE}: ${q.none.toLowerCase()})`;
    }
  } catch {
    // Keep the general descriptions; the catalogue's problems show when a command reads it.
  }
}

/** The values each answer option takes, read from the built-in model when help is shown. */
function actieValuesHelp(): string {
  try {
    const flags = answerFlags(loadCatalogue());
    const width = Math.max(...flags.map((f) => f.key.length)) + 4;
    return `\nWaarden:\n${flags.map((f) => `  ${`--${f.key}`.padEnd(width)}${f.values.join(', ')}`).join('\n')}\n`;
  } catch {
    return '';
  }
}

/** Runs the CLI and returns its exit code; the one place where failures become exit codes. */
export async function main(argv = process.argv, io: Parameters<typeof createContext>[1] = {}): Promise<number> {
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  let code: number = EXIT.ok;

  const run = async (fn: (ctx: Context) => Promise<number | void>, cmd: Command, { prepare = true } = {}) => {
    const ctx = createContext(cmd.optsWithGlobals() as GlobalOptions, io);
    if (prepare) await ctx.prepare();
    code = (await fn(ctx)) ?? EXIT.ok;
    if (code === EXIT.ok && ctx.problems.length) code = EXIT.invalidCatalogue;
  };

  const errStyle = makeStyle(wantsColor(stderr, env, !argv.includes('--no-color')));
  const program = buildProgram(run, {
    writeOut: (s) => (io.stdout ?? process.stdout).write(s),
    writeErr: (s) => stderr.write(s),
    outputError: (s, write) => write(errStyle.red('fout: ') + translateCommanderError(s.replace(/^error: /, ''))),
  });

  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    return report(err, stderr, errStyle, env);
  }
}

function report(err: unknown, stderr: { write(s: string): unknown }, style: ReturnType<typeof makeStyle>, env: NodeJS.ProcessEnv): number {
  if (err instanceof CommanderError) {
    if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(err.code)) return EXIT.ok;
    if (err.code === 'commander.executeSubCommandAsync') return err.exitCode;
    stderr.write(style.dim("Zie 'methodewijzer --help' voor de opdrachten en opties.\n"));
    return EXIT.usage;
  }
  if (err instanceof Error && err.name === 'ExitPromptError') {
    stderr.write('Afgebroken.\n');
    return EXIT.interrupted;
  }
  if (err instanceof AppError) {
    stderr.write(`${style.red('fout:')} ${err.message}\n`);
    if (err.hint) stderr.write(`${err.hint}\n`);
    return err.exitCode;
  }
  if (err instanceof BuiltinCatalogueBroken) {
    for (const p of err.problems) stderr.write(`${style.red('fout:')} ${sanitize(formatProblem(p))}\n`);
    stderr.write(`${style.red('fout:')} de ingebouwde catalogus is ongeldig; installeer methodewijzer opnieuw.\n`);
    return EXIT.invalidCatalogue;
  }
  const e = err as NodeJS.ErrnoException;
  stderr.write(`${style.red('fout:')} onverwachte fout: ${e?.message ?? String(err)}\n`);
  if (env.METHODEWIJZER_DEBUG) stderr.write(`${e?.stack}\n`);
  else stderr.write('Meld dit als fout; met METHODEWIJZER_DEBUG=1 ziet u de details.\n');
  return EXIT.failed;
}

const COMMANDER_PHRASES: [RegExp, string][] = [
  [/^unknown option '(.+?)'/, "onbekende optie '$1'"],
  [/^unknown command '(.+?)'/, "onbekende opdracht '$1'"],
  [/^missing required argument '(.+?)'/, "argument '$1' ontbreekt"],
  [/^option '(.+?)' argument missing/, "optie '$1' mist een waarde"],
  // The value may be empty (`--element ""`).
  [/^option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\./, "ongeldige waarde '$2' voor '$1'. Kies uit: $3."],
  [/^option '(.+?)' argument '(.*?)' is invalid\. (.+)/, "ongeldige waarde '$2' voor '$1'. $3"],
  [/^too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./, 'te veel argumenten: verwacht $2, gekregen $3.'],
  [/\(Did you mean (.+?)\?\)/, '(Bedoelde je $1?)'],
];

function translateCommanderError(message: string): string {
  let out = message;
  for (const [pattern, dutch] of COMMANDER_PHRASES) out = out.replace(pattern, dutch);
  return out;
}

/** Entry point for bin/: sets the exit code without cutting off output still being written. */
export async function runCli(): Promise<void> {
  guardOutput();
  // Ctrl-C outside a prompt (prompts turn it into an ExitPromptError themselves), a kill (SIGTERM) or a
  // closed terminal (SIGHUP): one rule, one line and exit 130 (README, "Exitcodes").
  for (const signal of INTERRUPTS) process.on(signal, interrupted);
  process.exitCode = await main();
}

const INTERRUPTS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function interrupted(): void {
  // A command that is writing a file stops the write, cleans up and ends with 130 itself.
  if (interruptHandlers.size) return interruptHandlers.forEach((stop) => stop());
  if (process.stderr.isTTY) process.stderr.write('\u001b[?25h\n');
  process.stderr.write('Afgebroken.\n');
  process.exit(EXIT.interrupted);
}
