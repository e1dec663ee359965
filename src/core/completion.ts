import type { Command, Option } from 'commander';
import { CONTEXT_KEYS, ELEMENT_KEYS } from '../model/keys.js';

// What shell completion offers, read from the program's own command definitions (commander), so a
// new command, option or choice is completed without anyone touching the completion scripts. What
// commander does not know (that --tag takes a tag, --output a file, `show` a method id) is said once,
// here, per option and per command; tests/unit/completion.test.ts fails for any option or argument
// that is said nowhere.

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

/** Where the values for an option or argument come from. */
export type Values =
  /** Free text: nothing to offer. */
  | { kind: 'none' }
  | { kind: 'words'; words: readonly string[] }
  /** The program's answer to `methodewijzer __complete <query…>`: one value a line (method ids, tags, answers). */
  | { kind: 'query'; query: string[]; label: string }
  | { kind: 'files' }
  | { kind: 'dirs' }
  /** The names of the commands (`help <opdracht>`). */
  | { kind: 'commands' };

export interface CompletionOption {
  short?: string;
  long?: string;
  description: string;
  /** The values of an option that takes one; undefined for a flag. */
  values?: Values;
  /** What its value is called in the help (`<map>`: "map"). */
  valueName?: string;
  /** It may be given more than once (its help says "herhaalbaar", as every repeatable option's does). */
  repeatable: boolean;
}

export interface CompletionCommand {
  name: string;
  description: string;
  /** Its own options, --help among them. */
  options: CompletionOption[];
  /** Its positional arguments in order; the last holds for every position after it (`compare a b c`). */
  args: CompletionArgument[];
  /** How many positional arguments it takes; Infinity for a last one that takes several. */
  maxArgs: number;
}

/** What one position of a command's arguments offers. */
export interface ArgumentValues {
  values: Values;
  /** Offered only when the command's first argument is one of these (`dossier show <naam>`, not `dossier list`). */
  after?: readonly string[];
}

export interface CompletionArgument extends ArgumentValues {
  /** What it is called in the help (`<methode>`: "methode"). */
  name: string;
}

export interface CompletionTree {
  name: string;
  /** The program's options: -c/--catalogue and --no-color hold after the command too. */
  globalOptions: CompletionOption[];
  commands: CompletionCommand[];
}

const IDS: Values = { kind: 'query', query: ['ids'], label: 'methode' };
const ELEMENTS: Values = { kind: 'words', words: ELEMENT_KEYS };
const DOSSIERS: Values = { kind: 'query', query: ['dossiers'], label: 'dossier' };

/** The values of options whose values commander does not list as `choices`, by long flag. */
export const OPTION_VALUES: Record<string, Values> = {
  '--catalogue': { kind: 'dirs' },
  '--element': ELEMENTS,
  '--tag': { kind: 'query', query: ['tags'], label: 'tag' },
  '--limit': { kind: 'none' },
  '--output': { kind: 'files' },
  '--report': { kind: 'files' },
  '--handout': { kind: 'files' },
  '--dossiers': { kind: 'dirs' },
  // actie: the dossiers there are, by file name (which names the dossier as well as its name does); a note is free text.
  '--dossier': DOSSIERS,
  '--note': { kind: 'none' },
  // actie: what the initiative is about is free text; --explain names a method.
  '--over': { kind: 'none' },
  '--explain': IDS,
  // The answers of `actie`, from the ACTIE model (src/core/advice.ts, answerFlags).
  ...Object.fromEntries(
    [...ELEMENT_KEYS, ...CONTEXT_KEYS].map((key): [string, Values] => [`--${key}`, { kind: 'query', query: ['answers', key], label: 'antwoord' }]),
  ),
};

/** The values of each command's positional arguments, by command: one for all, or one per position. */
export const ARGUMENT_VALUES: Record<string, Values | ArgumentValues[]> = {
  show: IDS,
  compare: IDS,
  open: IDS,
  search: { kind: 'none' },
  new: { kind: 'none' },
  model: ELEMENTS,
  validate: { kind: 'dirs' },
  completion: { kind: 'words', words: SHELLS },
  // dossier list | dossier show <naam>
  dossier: [{ values: { kind: 'words', words: ['list', 'show'] } }, { values: DOSSIERS, after: ['show'] }],
  help: { kind: 'commands' },
};

/** The tree of commands and options a completion script offers, read from the program. */
export function completionTree(program: Command): CompletionTree {
  const help = program.createHelp();
  return {
    name: program.name(),
    globalOptions: help.visibleOptions(program).map(completionOption),
    commands: help.visibleCommands(program).map((cmd) => {
      const args = cmd.registeredArguments;
      const values = ARGUMENT_VALUES[cmd.name()] ?? { kind: 'none' };
      const at = (i: number): ArgumentValues => (Array.isArray(values) ? (values[i] ?? { values: { kind: 'none' } }) : { values });
      return {
        name: cmd.name(),
        description: help.subcommandDescription(cmd),
        options: help.visibleOptions(cmd).map(completionOption),
        args: args.map((a, i) => ({ name: a.name(), ...at(i) })),
        maxArgs: args.some((a) => a.variadic) ? Infinity : args.length,
      };
    }),
  };
}

function completionOption(option: Option): CompletionOption {
  const takesValue = option.required || option.optional;
  return {
    short: option.short,
    long: option.long,
    description: option.description,
    values: !takesValue ? undefined : option.argChoices ? { kind: 'words', words: option.argChoices } : (OPTION_VALUES[option.long ?? ''] ?? { kind: 'none' }),
    valueName: /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1],
    repeatable: /herhaalbaar/.test(option.description),
  };
}

/** Whether any argument of the command has something to offer. */
export const offersArguments = (cmd: CompletionCommand): boolean => cmd.args.some((a) => a.values.kind !== 'none');

/** Whether every position of the command's arguments offers the same, whatever came before (show, compare, model). */
export const sameAtEveryPosition = (cmd: CompletionCommand): boolean =>
  cmd.args.every((a) => !a.after && JSON.stringify(a.values) === JSON.stringify(cmd.args[0].values));

/**
 * What each option and argument offers that the tables above do not explain: options that take a
 * value without choices or an entry in OPTION_VALUES, commands with arguments but no entry in
 * ARGUMENT_VALUES. Empty when the tables are complete (a test checks that).
 */
export function unexplained(program: Command): string[] {
  const help = program.createHelp();
  const out: string[] = [];
  for (const cmd of [program, ...help.visibleCommands(program)]) {
    for (const o of help.visibleOptions(cmd)) {
      if ((o.required || o.optional) && !o.argChoices && !(o.long && o.long in OPTION_VALUES)) out.push(`${cmd.name()} ${o.flags}`);
    }
    if (cmd !== program && cmd.registeredArguments.length && !(cmd.name() in ARGUMENT_VALUES)) out.push(`${cmd.name()} <arguments>`);
  }
  return out;
}

/**
 * A word as the shell passed it while the user was still typing, as the program would get it once
 * run: quotes and backslashes removed, a leading ~ expanded. Completion scripts pass words raw, since
 * each shell unquotes differently (and bash not at all).
 */
export function shellWord(word: string, home: string | undefined): string {
  let out = '';
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else out += ch;
    } else if (ch === '\\' && i + 1 < word.length && (!quote || '"\\$`'.includes(word[i + 1]))) {
      out += word[++i];
    } else if (ch === quote) {
      quote = undefined;
    } else if (!quote && (ch === '"' || ch === "'")) {
      quote = ch;
    } else {
      out += ch;
    }
  }
  if (home && (word === '~' || word.startsWith('~/'))) out = home + out.slice(1);
  return out;
}
