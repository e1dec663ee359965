import type { Command } from 'commander';
import type { CompiledCatalogue } from '../catalogue/catalogue.js';
import type { Context, GlobalOptions } from './context.js';
import type { AppError } from '../model/errors.js';
import { wrapCommand } from '../text/terminal.js';

// The shape every command has: parse options (commander, declared here) -> compute data in core/ or
// catalogue/ -> return the data with the views that can show it (an Output). Which view is shown is
// decided in one place, src/cli/output.ts (`print`): --json, else the terminal view on a terminal, else
// the plain one. A command file exports one spec; src/cli/program.ts registers it with one line. Keep a
// command file's static imports light (no yaml, zod or prompts): every run of the command loads them,
// also for its --help, so a heavy library is imported inside `run`, where it is needed.

/** What a view shows: text for stdout, or that with lines for stderr that belong to it (a count, the next step). */
export type Shown = string | { text?: string; note?: string };

/**
 * The ways to show a command's data; src/cli/output.ts picks one. A command without a text view writes
 * nothing on stdout (its note says it all); one with --json (runtime/options.ts, `jsonOption`) needs no
 * `json` view when its data is what the JSON holds.
 */
export interface Views<D> {
  /** The value --json writes; without it, the data itself. */
  json?(data: D): unknown;
  /** Plain, stable lines for a pipe or a file; without it, `terminal` is shown there too. */
  plain?(data: D, ctx: Context): Shown;
  /** For a person at a terminal (a table, colour, wrapped prose); without it, `plain` is shown there too. */
  terminal?(data: D, ctx: Context): Shown;
  /** The terminal view goes through the pager when it is taller than the window (JSON and pipes never do). */
  paged?: boolean;
}

/** What a command produced: its data and the views of it, printed in one place (src/cli/output.ts, `print`). */
export interface Output<D = unknown> {
  data: D;
  views: Views<D>;
  /** Lines for stderr after the data, whichever view is shown (a view's own note follows them). */
  note?: string;
  /** The exit code when it is not 0; catalogue problems make it 3 by themselves. */
  code?: number;
  /** Reported after the data is printed: `search --json` prints `[]` and still ends with "not found". */
  error?: AppError;
}

/** Views for data that is already the text to print (a script, a file's contents), in every mode but --json. */
export const TEXT: Views<string> = { plain: (text) => text };

/** No view: the command's note on stderr is all it says. */
export const NOTE_ONLY: Views<unknown> = {};

export interface CommandSpec<A extends unknown[] = never[], O = Record<string, unknown>> {
  name: string;
  description: string;
  /** Left out of the help (`__complete`, which only the completion scripts call). */
  hidden?: boolean;
  /** Positional arguments in commander's syntax, with their help: ['<methode>', 'id of naam']. */
  arguments?: [string, string][];
  /** Adds the command's options. */
  options?: (cmd: Command) => unknown;
  /** Example arguments for the help, each shown after "$ methodewijzer". */
  examples: string[];
  /** Help text after the examples. */
  notes?: string;
  /**
   * Help that needs the built-in catalogue (the answers actie takes); it may also fill in option
   * descriptions. Shown only when the catalogue is built (dist/catalogue.json), as it always is when installed.
   */
  catalogueHelp?: (catalogue: CompiledCatalogue, cmd: Command, width: number) => string;
  /** `options` holds the command's own options and the global ones (--catalogue, --no-color). */
  run(ctx: Context, options: O & GlobalOptions, ...args: A): Promise<Output>;
}

/** Declares a command; the identity function, there for the types. */
export function defineCommand<A extends unknown[], O>(spec: CommandSpec<A, O>): CommandSpec<A, O> {
  return spec;
}

/**
 * The examples for a help text: each command whole, continued with a backslash where it is wider than
 * `width`. A line is the program's arguments, or a shell line of its own where it names the program
 * (`mkdir -p … && methodewijzer completion bash > …`).
 */
export function examples(lines: string[], width: number): string {
  const line = (l: string) => (/(^|&& )methodewijzer /.test(l) ? l : `methodewijzer ${l}`);
  return `\nVoorbeelden:\n${lines.map((l) => wrapCommand(`$ ${line(l)}`, width, '  ')).join('\n')}\n`;
}
