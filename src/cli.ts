import { Command, CommanderError, Help, Option, type OutputConfiguration } from 'commander';
import { BuiltinCatalogueBroken, readCompiled } from './catalogue/catalogue.js';
import { formatProblem } from './catalogue/problem.js';
import { examples, type CommandSpec } from './command.js';
import actie from './commands/actie.js';
import exportCommand from './commands/export.js';
import glossary from './commands/glossary.js';
import list from './commands/list.js';
import model from './commands/model.js';
import newCommand from './commands/new.js';
import open from './commands/open.js';
import search from './commands/search.js';
import show from './commands/show.js';
import sources from './commands/sources.js';
import validate from './commands/validate.js';
import { createContext, type GlobalOptions, type IO } from './context.js';
import { ENV_CATALOGUE } from './defaults.js';
import { AppError, EXIT, MissingArgument } from './errors.js';
import { interruptHandlers } from './interrupt.js';
import { collect } from './options.js';
import { guardOutput, print } from './output.js';
import { makeStyle, sanitize, wantsColor } from './terminal.js';
import { VERSION } from './version.js';

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

/** Every command, in the order of the help. Adding one: its file in src/commands/, then one line here. */
const COMMANDS = [list, search, show, open, model, glossary, sources, exportCommand, newCommand, actie, validate] as unknown as AnyCommand[];

type AnyCommand = CommandSpec<unknown[], unknown>;
type Runner = (spec: AnyCommand, cmd: Command, args: unknown[]) => Promise<void>;

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
      examples(['list --element animo', 'search "tijd voor elkaar"', 'show "kan wel"', 'model toerusting', 'actie']) +
        "\nMeer hulp bij een opdracht: methodewijzer <opdracht> --help\n",
    );
  for (const spec of COMMANDS) addCommand(program, spec, run);
  return program;
}

/** Declares one command from its spec: arguments, options, help with examples, and the action. */
function addCommand(program: Command, spec: AnyCommand, run: Runner): void {
  const cmd = program.command(spec.name).description(spec.description);
  for (const [name, description] of spec.arguments ?? []) cmd.argument(name, description);
  spec.options?.(cmd);
  // Before the help is formatted, since catalogueHelp may fill in option descriptions.
  let fromCatalogue = '';
  cmd.on('beforeHelp', () => {
    const compiled = spec.catalogueHelp && readCompiled();
    if (compiled) fromCatalogue = spec.catalogueHelp!(compiled, cmd);
  });
  cmd.addHelpText('after', () => fromCatalogue + examples(spec.examples) + (spec.notes ?? ''));
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
    const ctx = createContext(options, io);
    const output = await spec.run(ctx, options, ...args).catch((err: unknown) => {
      // commander's own words, as when it finds the argument missing itself.
      if (err instanceof MissingArgument) cmd.error(`error: missing required argument '${err.argument}'`, { code: 'commander.missingArgument' });
      throw err;
    });
    await print(output, ctx);
    if (output.error) throw output.error;
    code = output.code ?? EXIT.ok;
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
