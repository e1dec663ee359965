import type { Command } from 'commander';
import type { CompiledCatalogue } from '../catalogue/catalogue.js';
import type { Context, GlobalOptions } from './context.js';
import type { AppError } from '../model/errors.js';
import { wrapCommand } from '../text/terminal.js';

// The shape every command has: parse options (commander, declared here) -> compute data in core/ or
// catalogue/ -> format in src/format/ -> return an Output, which src/cli/output.ts prints. A command file
// exports one spec; src/cli/program.ts registers it with one line. Keep a command file's static imports light
// (no yaml, zod or prompts): every run of the command loads them, also for its --help, so a heavy
// library is imported inside `run`, where it is needed.

/** What a command produced; printed in one place (src/cli/output.ts, `print`). */
export interface Output {
  /** Formatted text for stdout. */
  text?: string;
  /** A value for stdout, written as JSON (--json). */
  json?: unknown;
  /** Lines for stderr after the data: a count, the next step. */
  note?: string;
  /** Show `text` through the pager when it is taller than the terminal (never in a pipe). */
  paged?: boolean;
  /** The exit code when it is not 0; catalogue problems make it 3 by themselves. */
  code?: number;
  /** Reported after the data is printed: `search --json` prints `[]` and still ends with "not found". */
  error?: AppError;
}

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

/** The examples for a help text: each command whole, continued with a backslash where it is wider than `width`. */
export function examples(lines: string[], width: number): string {
  return `\nVoorbeelden:\n${lines.map((l) => wrapCommand(`$ methodewijzer ${l}`, width, '  ')).join('\n')}\n`;
}
