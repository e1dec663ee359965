import { Command, CommanderError, Help, Option, type OutputConfiguration } from 'commander';
import { BuiltinCatalogueBroken, readCompiled } from '../catalogue/catalogue.js';
import { formatProblem } from '../catalogue/problem.js';
import { examples, type CommandSpec } from '../runtime/command.js';
import { createContext, type GlobalOptions, type IO } from '../runtime/context.js';
import { ENV_CATALOGUE } from '../model/defaults.js';
import { AppError, EXIT, InterruptedError, MissingArgument, UsageError } from '../model/errors.js';
import { getEventListeners } from 'node:events';
import { delimiter } from 'node:path';
import { collect, wantsJson } from '../runtime/options.js';
import { commandWord } from '../runtime/command-word.js';
import { openOutput, print } from './output.js';
import { hang, makeStyle, sanitize, wantsColor, widthOf, wrap, type OutputStream } from '../text/terminal.js';
import { closestWord } from '../core/distance.js';
import { didYouMean } from '../text/suggest.js';
import { VERSION } from '../model/version.js';

const HELP_TITLES: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Options:': 'Opties:',
  'Commands:': 'Opdrachten:',
  'Arguments:': 'Argumenten:',
  'Global Options:': 'Algemene opties:',
};

/** Below this many columns for a description, it goes on lines of its own. */
const NARROWEST_COLUMN = 24;

class DutchHelp extends Help {
  override styleTitle(str: string): string {
    return HELP_TITLES[str] ?? str;
  }
  override commandUsage(cmd: Command): string {
    return super.commandUsage(cmd).replace('[options]', '[opties]').replace('[command]', '[opdracht]');
  }
  /** The usage line wrapped under itself, after "Gebruik: ". */
  override styleUsage(str: string): string {
    const width = this.helpWidth ?? 80;
    return wrap(str, width, ' '.repeat(9)).slice(9);
  }
  override subcommandTerm(cmd: Command): string {
    return super.subcommandTerm(cmd).replace('[options]', '[opties]');
  }
  /** Commander's columns, wrapped by our one wrapping function. */
  override boxWrap(str: string, width: number): string {
    return wrap(str, width);
  }
  /** On a narrow terminal the description goes below its option, rather than in a column too thin to read. */
  override formatItem(term: string, termWidth: number, description: string, helper: Help): string {
    const helpWidth = this.helpWidth ?? 80;
    if (!description || helpWidth - termWidth - 4 >= NARROWEST_COLUMN) return super.formatItem(term, termWidth, description, helper);
    return `  ${term}\n${wrap(description, helpWidth, '      ')}`;
  }
  /** The description, then choices and default in one pair of brackets, in the words of docs/style.md. */
  override optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(`keuze uit: ${option.argChoices.join(', ')}`);
    const fallback = option.defaultValueDescription ?? (Array.isArray(option.defaultValue) ? undefined : option.defaultValue);
    if (fallback !== undefined && typeof fallback !== 'boolean') extra.push(`standaard: ${fallback}`);
    return withDetails(option.description, extra);
  }
}

/** "tekst (a; b)": details added to a description's own closing brackets, or in new ones. */
function withDetails(description: string, details: string[]): string {
  if (!details.length) return description;
  if (description.endsWith(')')) return `${description.slice(0, -1)}; ${details.join('; ')})`;
  return `${description} (${details.join('; ')})`;
}

/** A Command whose help speaks Dutch, for the program and every subcommand. */
class DutchCommand extends Command {
  override createCommand(name?: string): Command {
    return new DutchCommand(name);
  }
  override createHelp(): Help {
    return Object.assign(new DutchHelp(), this.configureHelp());
  }
  /** Remembers on the error which command it concerns, so the pointer names that command's --help. */
  override error(message: string, options?: { code?: string; exitCode?: number }): never {
    try {
      return super.error(message, options);
    } catch (err) {
      if (err instanceof CommanderError) Object.assign(err, { commandPath: commandPath(this) });
      throw err;
    }
  }
}

/** "methodewijzer list": how a command is typed. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

type AnyCommand = CommandSpec<unknown[], unknown>;
type Runner = (spec: AnyCommand, cmd: Command, args: unknown[]) => Promise<void>;

/**
 * Every command, in the order of the help. Adding one: its file in src/commands/, then one line here.
 * A command's file (and what it imports) is loaded only by a run that needs it: a run of `list`
 * neither loads nor starts the code of the other fourteen.
 */
const COMMANDS: Record<string, () => Promise<{ default: unknown }>> = {
  list: () => import('../commands/list.js'),
  search: () => import('../commands/search.js'),
  show: () => import('../commands/show.js'),
  open: () => import('../commands/open.js'),
  compare: () => import('../commands/compare.js'),
  tags: () => import('../commands/tags.js'),
  model: () => import('../commands/model.js'),
  glossary: () => import('../commands/glossary.js'),
  sources: () => import('../commands/sources.js'),
  export: () => import('../commands/export.js'),
  new: () => import('../commands/new.js'),
  actie: () => import('../commands/actie.js'),
  dossier: () => import('../commands/dossier.js'),
  validate: () => import('../commands/validate.js'),
  completion: () => import('../commands/completion.js'),
  __complete: () => import('../commands/complete.js'),
};

/**
 * The program with every command, or with `only` the one command a run needs: declaring all fifteen
 * costs a few ms on every start, and a run of `list` never sees the others. Help, suggestions and
 * completion need them all, so `commandIn` gives `only` just when the command is named outright.
 */
export async function buildProgram(run: Runner, output: OutputConfiguration, only?: string): Promise<Command> {
  const specs = await Promise.all((only ? [only] : Object.keys(COMMANDS)).map(async (name) => (await COMMANDS[name]()).default as AnyCommand));
  const program = new DutchCommand('methodewijzer');
  // Help is wrapped to the width commander uses for its own columns, so everything lines up.
  const helpWidth = () => output.getOutHelpWidth?.() ?? 80;
  // Settings that subcommands inherit must come before the subcommands are added.
  program.configureOutput(output).exitOverride().showSuggestionAfterError(true).configureHelp({ minWidthToWrap: 0 });
  program
    .description(
      'Vind methoden om actief burgerschap te ondersteunen, geordend naar het ACTIE-model ' +
        '(Animo, Contact, Toerusting, Inbedding, Empathie) uit de Movisie-brochure ' +
        '"Methodisch werken aan actief burgerschap" (2015).',
    )
    .version(VERSION, '-V, --version', 'toon het versienummer')
    .helpOption('-h, --help', 'toon hulp')
    .helpCommand(false)
    .option(
      '-c, --catalogue <map>',
      `voeg een map met eigen methoden toe (herhaalbaar; ook via ${ENV_CATALOGUE}, gescheiden door '${delimiter}')`,
      collect,
    )
    .option('--no-color', 'geen kleur (ook met de omgevingsvariabele NO_COLOR)')
    .option('--no-pager', 'lange uitvoer zonder pager (ook met METHODEWIJZER_PAGER= leeg)')
    .addHelpText('after', () =>
      examples(['list --element animo', 'search "tijd voor elkaar"', 'show "kan wel"', 'model toerusting', 'actie'], helpWidth()) +
        wrap(
          '\nMeer hulp bij een opdracht: methodewijzer <opdracht> --help\n' +
            'Omgevingsvariabelen: methodewijzer help environment\n' +
            'Afsluitcodes: methodewijzer help exit-codes',
          helpWidth(),
        ) +
        '\n',
    );
  for (const spec of specs) addCommand(program, spec, run, helpWidth);
  if (!only) addHelpCommand(program);
  return program;
}

/**
 * `help [opdracht]`, our own rather than commander's: an unknown command is an error with a
 * suggestion (exit 2), as it is without `help`. It also shows the topics of src/cli/help-topics.ts.
 */
function addHelpCommand(program: Command): void {
  program
    .command('help')
    .argument('[opdracht]', `de opdracht, of een onderwerp: ${TOPICS.join(', ')}`)
    .description('toon hulp bij een opdracht of een onderwerp')
    .action(async (name?: string) => {
      if (name === undefined) return program.outputHelp();
      const cmd = program.commands.find((c) => c.name() === name);
      if (cmd) return cmd.outputHelp();
      if (TOPICS.includes(name)) {
        const { HELP_TOPICS, formatTopic } = await import('./help-topics.js');
        const output = program.configureOutput() as OutputConfiguration;
        return output.writeOut!(formatTopic(HELP_TOPICS[name], output.getOutHelpWidth?.() ?? 80));
      }
      const known = [...program.commands.filter((c) => !(c as unknown as { _hidden: boolean })._hidden).map((c) => c.name()), ...TOPICS];
      throw new UsageError(`onbekende opdracht '${sanitize(name)}'`, suggestion(name, known) ?? 'Zie methodewijzer --help voor de opdrachten en onderwerpen.');
    });
}

/** The topics of `help <onderwerp>` (src/cli/help-topics.ts, loaded only to show one). */
const TOPICS = ['environment', 'exit-codes'];

/** Declares one command from its spec: arguments, options, help with examples, and the action. */
function addCommand(program: Command, spec: AnyCommand, run: Runner, helpWidth: () => number): void {
  const cmd = program.command(spec.name, { hidden: spec.hidden }).description(spec.description);
  for (const [name, description] of spec.arguments ?? []) cmd.argument(name, description);
  spec.options?.(cmd);
  // Before the help is formatted, since catalogueHelp may fill in option descriptions.
  let fromCatalogue = '';
  cmd.on('beforeHelp', () => {
    const compiled = spec.catalogueHelp && readCompiled();
    if (compiled) fromCatalogue = spec.catalogueHelp!(compiled, cmd, helpWidth());
  });
  cmd.addHelpText('after', () => fromCatalogue + examples(spec.examples, helpWidth()) + (spec.notes ? wrap(spec.notes, helpWidth()) : ''));
  // commander passes the arguments, then the options and the command itself.
  cmd.action((...args: unknown[]) => run(spec, cmd, args.slice(0, -2)));
}

/** Runs the CLI and returns its exit code; the one place where failures become exit codes. */
export async function main(argv = process.argv, io: IO = {}): Promise<number> {
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  let code: number = EXIT.ok;

  const run: Runner = async (spec, cmd, args) => {
    const options = cmd.optsWithGlobals() as GlobalOptions;
    running = new AbortController();
    const ctx = createContext(options, { signal: running.signal, wholeProgram: () => buildProgram(async () => undefined, {}), ...io });
    const output = await spec.run(ctx, options, ...args).catch((err: unknown) => {
      // commander's own words, as when it finds the argument missing itself.
      if (err instanceof MissingArgument) cmd.error(`error: missing required argument '${err.argument}'`, { code: 'commander.missingArgument' });
      throw err;
    });
    await print(output, wantsJson(options), ctx);
    if (output.error) throw output.error;
    code = output.code ?? EXIT.ok;
    if (code === EXIT.ok && ctx.problems.length) code = EXIT.invalidCatalogue;
  };

  const stdout = io.stdout ?? process.stdout;
  const errStyle = makeStyle(wantsColor(stderr, env, !argv.includes('--no-color')));
  // Help in a pipe is wrapped at 80 columns, as commander does: it is prose for people.
  const helpWidth = (stream: OutputStream) => (stream.isTTY ? widthOf(stream) : 80);
  const program = await buildProgram(run, {
    writeOut: (s) => stdout.write(s),
    writeErr: (s) => stderr.write(s),
    getOutHelpWidth: () => helpWidth(stdout),
    getErrHelpWidth: () => helpWidth(stderr),
    // Commander's messages repeat what was typed (an unknown option, a wrong value): through the sanitiser too.
    outputError: (s, write) => write(errorLines(sanitize(translateCommanderError(s.replace(/^error: /, '').trimEnd()), true), errStyle, widthOf(stderr))),
  }, commandIn(argv));

  try {
    // Bare `methodewijzer`: the overview, on stdout (so `methodewijzer | less` shows it), as gh does.
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    return report(err, stderr, errStyle, env);
  }
}

/**
 * The command a run names, when it names a known one before anything else could change its meaning
 * (a help flag, an unknown word): only that command need be declared. Undefined means declare all.
 */
function commandIn(argv: string[]): string | undefined {
  const word = commandWord(argv);
  return word !== undefined && Object.hasOwn(COMMANDS, word) ? word : undefined;
}

/** "fout: message" with the message wrapped under itself, then the hint (or suggestion) wrapped. */
function errorLines(message: string, style: ReturnType<typeof makeStyle>, width: number, hint?: string): string {
  const [first, ...rest] = message.split('\n');
  const hints = [...rest, ...(hint ? [hint] : [])].filter(Boolean);
  return hang(style.red('fout: '), first, width, 6) + '\n' + hints.map((h) => wrap(h, width) + '\n').join('');
}

/** "Bedoelde u: list?" for the known word nearest to a typo, or one it starts, if there is one. */
function suggestion(typed: string, known: string[]): string | undefined {
  const best = closestWord(typed, known) ?? known.find((k) => k.startsWith(typed.toLowerCase()));
  return best ? didYouMean([best]) : undefined;
}

function report(err: unknown, stderr: OutputStream, style: ReturnType<typeof makeStyle>, env: NodeJS.ProcessEnv): number {
  const width = widthOf(stderr);
  if (err instanceof CommanderError) {
    if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(err.code)) return EXIT.ok;
    if (err.code === 'commander.executeSubCommandAsync') return err.exitCode;
    const path = (err as CommanderError & { commandPath?: string }).commandPath ?? 'methodewijzer';
    const what = path === 'methodewijzer' ? 'de opdrachten en opties' : 'de opties en voorbeelden';
    stderr.write(style.dim(wrap(`Zie ${path} --help voor ${what}.`, width)) + '\n');
    return EXIT.usage;
  }
  // Ctrl-C in a prompt: the prompt's own cancel, said as every interruption is.
  if (err instanceof Error && err.name === 'ExitPromptError') err = new InterruptedError();
  // One form for every interruption, here and in the signal handler: the line alone, no "fout:".
  if (err instanceof InterruptedError) {
    stderr.write(`${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof AppError) {
    // Sanitised here once for every command (again where a command did so already: that changes nothing).
    stderr.write(errorLines(sanitize(err.message, true), style, width, err.hint && sanitize(err.hint, true)));
    return err.exitCode;
  }
  if (err instanceof BuiltinCatalogueBroken) {
    for (const p of err.problems) stderr.write(`${style.red('fout:')} ${sanitize(formatProblem(p))}\n`);
    stderr.write(`${style.red('fout:')} de ingebouwde catalogus is ongeldig; installeer methodewijzer opnieuw.\n`);
    return EXIT.invalidCatalogue;
  }
  const e = err as NodeJS.ErrnoException;
  stderr.write(`${style.red('fout:')} onverwachte fout: ${sanitize(e?.message ?? String(err))}\n`);
  if (env.METHODEWIJZER_DEBUG) stderr.write(`${e?.stack}\n`);
  else stderr.write('Meld dit als fout; met METHODEWIJZER_DEBUG=1 ziet u de details.\n');
  return EXIT.failed;
}

const COMMANDER_PHRASES: [RegExp, string | ((match: string, ...groups: string[]) => string)][] = [
  [/^unknown option '(.+?)'/, "onbekende optie '$1'"],
  [/^unknown command '(.+?)'/, "onbekende opdracht '$1'"],
  [/^missing required argument '(.+?)'/, "argument '$1' ontbreekt"],
  [/^option '(.+?)' argument missing/, "optie '$1' mist een waarde"],
  // The value may be empty (`--element ""`).
  [/^option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\./, "ongeldige waarde '$2' voor '$1'\nKies uit: $3."],
  [/^option '(.+?)' argument '(.*?)' is invalid\. (.+)/, "ongeldige waarde '$2' voor '$1'\n$3"],
  [/^too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./, 'te veel argumenten: verwacht $2, gekregen $3.'],
  [/\(Did you mean (.+?)\?\)/, (_: string, value: string) => didYouMean([value])],
];

function translateCommanderError(message: string): string {
  // Commander names an option by all its flags ('-k, --kind <soort>'); the long one is enough.
  let out = message.replace(/'-\w, (--[\w-]+)(?: [<[][^'>\]]*[>\]])?'/g, "'$1'").replace(/'(--[\w-]+) [<[][^'>\]]*[>\]]'/g, "'$1'");
  for (const [pattern, dutch] of COMMANDER_PHRASES) out = out.replace(pattern, dutch as string);
  return out;
}

/**
 * Entry point for bin/: sets the exit code without cutting off output still being written. Resolves to
 * the command the run named outright, for the code cache (src/boot/boot.ts).
 */
export async function runCli(): Promise<string | undefined> {
  const output = openOutput();
  // Ctrl-C outside a prompt (prompts turn it into an ExitPromptError themselves), a kill (SIGTERM) or a
  // closed terminal (SIGHUP): one rule, one line and exit 130 (README, "Afsluitcodes").
  for (const signal of INTERRUPTS) process.on(signal, interrupted);
  const code = await main(process.argv, { stdout: output.stdout, stderr: output.stderr });
  // A terminal stream reports a failed write on the next tick (as Node's streams do): hear it before the end.
  await new Promise((resolve) => process.nextTick(resolve));
  process.exitCode = output.stderrFailed() ? EXIT.failed : code;
  return commandIn(process.argv);
}

const INTERRUPTS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The command being run: its context's signal is aborted by the process's one signal handler. */
let running: AbortController | undefined;

function interrupted(): void {
  // Work that listens to the signal (a file being written, the pager) cleans up and ends the command itself.
  if (running && getEventListeners(running.signal, 'abort').length) return running.abort();
  if (process.stderr.isTTY) process.stderr.write('\u001b[?25h\n');
  process.stderr.write(`${new InterruptedError().message}\n`);
  process.exit(EXIT.interrupted);
}
