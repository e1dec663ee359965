// The search picker: `search` without words, on a terminal. @inquirer/search runs the source on every
// key; the source is the same search as `search <woorden>` (src/catalogue/searcher.ts), with the same
// filters. Loaded only when a person is there to pick.
import search, { Separator } from '@inquirer/search';
import type { ChalkInstance } from 'chalk';
import type { Searcher } from '../catalogue/searcher.js';
import { fold, wordsOf } from '../core/fold.js';
import { formatPickLines, pickHint, pickStartHint, PICK_KEYS, PICK_MESSAGE, PICK_NONE, type PickLine } from '../format/pick.js';
import type { Method } from '../model/schema.js';
import { columnsOf, sanitize } from '../text/terminal.js';

export interface PickOptions {
  style: ChalkInstance;
  /** At most this many results per search (--limit). */
  limit: number;
  /** The terminal the picker draws on: its size now (it may be resized). */
  terminal: { columns?: number; rows?: number };
}

export interface PickIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { columns?: number; rows?: number };
  style: ChalkInstance;
  limit: number;
}

type Choice = { value: Method; name: string; short: string; description: string } | Separator;

/** Asks for a method, searching as the user types; Esc or Ctrl-C end it with an ExitPromptError (exit 130). */
export function pickMethod(searcher: Searcher, io: PickIO): Promise<Method> {
  return pickPrompt(pickerConfig(searcher, { style: io.style, limit: io.limit, terminal: io.output }), { input: io.input, output: io.output });
}

/**
 * What the picker runs on every key. Before a word is typed: the methods by name, the first LIST_MAX
 * of them (the prompt draws every choice it holds on every key, so it must not hold 100,000). One or
 * two letters, too few for the search (it matches the start of a word from three letters on): the
 * methods whose name starts so, by name. Then the search.
 */
function pickSource(searcher: Searcher, { style, limit, terminal }: PickOptions): (term: string | undefined) => Promise<Choice[]> {
  const choice = (l: PickLine): Choice => ({ value: l.method, name: l.line, short: l.method.name, description: l.description });
  let everything: { columns: number; choices: Choice[] } | undefined;
  let folded: string[] | undefined;
  return async (term) => {
    const columns = columnsOf(terminal);
    const words = wordsOf(fold(term ?? ''));
    if (words.length === 0) {
      if (everything?.columns !== columns) {
        const all = await searcher.byName();
        const hint = new Separator(style.dim(pickHint(all.length, LIST_MAX)));
        everything = { columns, choices: [hint, ...formatPickLines(all.slice(0, LIST_MAX), style, columns).map(choice)] };
      }
      return everything.choices;
    }
    if (words.every((w) => w.length < 3)) {
      const all = await searcher.byName();
      folded ??= all.map((m) => wordsOf(fold(m.name)).join(' '));
      const start = words.join(' ');
      const starting = all.filter((_, i) => folded![i].startsWith(start));
      if (starting.length) {
        const hint = new Separator(style.dim(pickStartHint(starting.length, term!.trim())));
        return [hint, ...formatPickLines(starting.slice(0, limit), style, columns).map(choice)];
      }
    }
    const { hits, outcome } = await searcher.find(term!, limit);
    return formatPickLines(hits, style, columns, outcome.words).map(choice);
  };
}


/** At most this many methods in the list before a word is typed. */
const LIST_MAX = 100;

export function pickerConfig(searcher: Searcher, options: PickOptions) {
  const { style, terminal } = options;
  return {
    message: PICK_MESSAGE,
    source: pickSource(searcher, options),
    // The list, the line under it and the key help fit on the screen, with the question above.
    pageSize: Math.max(1, Math.min(options.limit, (terminal.rows || 24) - 6)),
    // Every colour from our own style, so NO_COLOR and --no-color hold for the picker too.
    theme: {
      prefix: { idle: style.blue('?'), done: style.green('✔') },
      spinner: { frames: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'].map((f) => style.yellow(f)) },
      icon: { cursor: '❯' },
      style: {
        // The library prints the chosen name after Enter, and a failed search's message, itself: through
        // the one sanitiser, as everything else from a catalogue (an own name may carry escapes).
        answer: (t: string) => style.cyan(sanitize(t)),
        message: (t: string) => style.bold(t),
        // The library's one message of its own, "No results found", in Dutch.
        error: (t: string) => style.red(`> ${t === 'No results found' ? PICK_NONE : sanitize(t)}`),
        help: (t: string) => style.dim(t),
        highlight: (t: string) => style.cyan(t),
        key: (t: string) => style.cyan.bold(`<${t}>`),
        searchTerm: (t: string) => style.cyan(sanitize(t)),
        description: (t: string) => t,
        disabled: (t: string) => style.dim(t),
        keysHelpTip: () => style.dim(PICK_KEYS),
      },
    },
  };
}

type Prompt<Value, Config> = (config: Config, context?: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream; signal?: AbortSignal }) => Promise<Value>;

/** The cancel a prompt reports for Ctrl-C; src/cli/program.ts turns it into "Afgebroken." and exit 130. */
class Cancelled extends Error {
  override name = 'ExitPromptError';
}

/** The prompt, ended by Esc as by Ctrl-C: @inquirer/core knows only Ctrl-C. */
function escapable<Value, Config>(prompt: Prompt<Value, Config>): Prompt<Value, Config> {
  return async (config, context = {}) => {
    const controller = new AbortController();
    const onKey = (_: unknown, key?: { name?: string }) => {
      if (key?.name === 'escape') controller.abort();
    };
    // The prompt's readline emits 'keypress' on its input; Esc is heard there beside it.
    const input = context.input ?? process.stdin;
    input.on('keypress', onKey);
    try {
      return await prompt(config, { ...context, signal: controller.signal });
    } catch (err) {
      if (controller.signal.aborted && (err as Error)?.name === 'AbortPromptError') throw new Cancelled('Esc');
      throw err;
    } finally {
      input.off('keypress', onKey);
    }
  };
}

/** @inquirer/search, ended by Esc as by Ctrl-C. */
export const pickPrompt = escapable(search<Method>);
