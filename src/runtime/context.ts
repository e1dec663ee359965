import type { ChalkInstance } from 'chalk';
import type { Command } from 'commander';
import { ENV_CATALOGUE } from '../model/defaults.js';
import { FolderCache, cacheRoot } from '../store/folder-cache.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { openCatalogue } from '../catalogue/open.js';
import { capPerFile, formatProblem, type Problem } from '../catalogue/problem.js';
import { hang, makeLink, makeStyle, sanitize, wantsColor, wantsLinks, widthOf, wrap, type Link, type OutputStream } from '../text/terminal.js';
import { displayPath, shellQuote } from '../text/paths.js';
import { envFolders, expandHome } from './command-word.js';
import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { UsageError } from '../model/errors.js';

export interface GlobalOptions {
  catalogue?: string[];
  color: boolean;
  /** false with --no-pager */
  pager?: boolean;
}

/** What a command may be handed from the outside world; tests hand in their own. */
export type IO = Partial<Pick<Context, 'stdin' | 'stdout' | 'stderr' | 'env' | 'signal' | 'wholeProgram'>>;

/** Everything a command needs from the outside world, so tests can hand in their own. */
export interface Context {
  /** Where prompts read keys from; only a terminal (isTTY) may be asked anything. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  /** Styling for data on stdout (no-op when not colouring). */
  style: ChalkInstance;
  /** Styling for messages on stderr. */
  errStyle: ChalkInstance;
  /** Makes a method's name a link to its URL on stdout, where the terminal can open links (terminal.ts, wantsLinks). */
  link: Link;
  /** stdout is a terminal: show tables and wrapped prose rather than plain lines. */
  interactive: boolean;
  /** Long output may go through the pager (not with --no-pager). */
  pager: boolean;
  /** The width to format for: the terminal's columns now (it may be resized), or Infinity in a pipe. */
  readonly width: number;
  /** User catalogue folders: --catalogue first, then METHODEWIJZER_CATALOGUE. */
  folders: string[];
  /** Reads user folders through the cache in the user's cache folder. */
  cache: FolderCache;
  /** The catalogue, loaded on first call; problems in user folders are reported as warnings on stderr. */
  catalogue(): Promise<Catalogue>;
  /** Reports catalogue problems as warnings and remembers them for the exit code (3). */
  reportProblems(problems: Problem[]): void;
  /** Problems reported while loading; any makes the exit code 3. */
  problems: Problem[];
  warn(message: string): void;
  /**
   * Aborted by Ctrl-C, a kill or a closed terminal (src/cli/program.ts). Work that must clean up first
   * (a file being written) listens to it, and the command then ends with exit 130 itself; while nothing
   * listens, the CLI ends at once.
   */
  signal: AbortSignal;
  /**
   * The program with every command declared (a run declares only the one it runs), for what describes
   * them all: the completion scripts. Handed in by src/cli/program.ts, which builds it.
   */
  wholeProgram(): Promise<Command>;
}

export function createContext(global: GlobalOptions, io: IO = {}): Context {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  const errStyle = makeStyle(wantsColor(stderr, env, global.color));
  const fromEnv = envFolders(env);
  const fromFlag = (global.catalogue ?? []).map((dir) => expandHome(dir, env));
  let loaded: Promise<Catalogue> | undefined;
  const ctx: Context = {
    signal: io.signal ?? new AbortController().signal,
    wholeProgram: io.wholeProgram ?? (() => Promise.reject(new Error('the program is handed in by src/cli/program.ts'))),
    // Read when asked: making process.stdin costs a few ms, and most commands never read it.
    get stdin() {
      return io.stdin ?? process.stdin;
    },
    stdout,
    stderr,
    env,
    style: makeStyle(wantsColor(stdout, env, global.color)),
    errStyle,
    link: makeLink(() => wantsLinks(stdout, env, global.color)),
    interactive: Boolean(stdout.isTTY),
    pager: global.pager !== false,
    get width() {
      return widthOf(stdout);
    },
    folders: [...fromFlag, ...fromEnv],
    // Under METHODEWIJZER_DEBUG, a line for a part of the cache left alone because it is not the user's own.
    cache: new FolderCache(cacheRoot(env), Date.now, env.METHODEWIJZER_DEBUG ? (line) => stderr.write(line) : undefined),
    problems: [],
    warn(message) {
      stderr.write(hang(errStyle.yellow('waarschuwing: '), sanitize(message), widthOf(stderr), 'waarschuwing: '.length) + '\n');
    },
    reportProblems(problems) {
      if (!problems.length) return;
      for (const p of capPerFile(problems)) ctx.warn(formatProblem(p));
      for (const p of problems) ctx.problems.push(p);
      stderr.write(wrap(skippedNote(problems, fromFlag, fromEnv), widthOf(stderr)) + '\n');
    },
    catalogue() {
      loaded ??= Promise.resolve(global.catalogue ?? [])
        .then((given) => refuseMissingFolders(given, env))
        .then(() => openCatalogue({ folders: ctx.folders, cache: ctx.cache }))
        .then((catalogue) => {
          ctx.reportProblems(catalogue.problems);
          return catalogue;
        });
      return loaded;
    },
  };
  return ctx;
}

/**
 * A folder named with --catalogue that does not exist is a usage error (exit 2): a typo there is the
 * caller's, and a script must notice it. One from METHODEWIJZER_CATALOGUE, set once and for every run,
 * stays a warning (a removed folder should not stop every command). `new` makes the folder instead,
 * and so does not call this.
 */
export function refuseMissingFolders(given: string[], env: NodeJS.ProcessEnv): void {
  for (const word of given) {
    const code = statCode(expandHome(word, env));
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new UsageError(
        `de map ${sanitize(word)} van --catalogue bestaat niet`,
        'Controleer de naam. Een nieuwe map met een eigen methode maakt u met: methodewijzer --catalogue <map> new <naam>',
      );
    }
  }
}

function statCode(path: string): string | undefined {
  try {
    statSync(path);
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code;
  }
}

/**
 * What was skipped and what to do about it, naming the folders as the user gave them: a missing or
 * unreadable folder is a folder (and where it came from), a broken file a file, with the validate
 * command that checks exactly those folders.
 */
function skippedNote(problems: Problem[], flagFolders: string[], envFolders: string[]): string {
  const folders = [...new Set([...flagFolders, ...envFolders])];
  const shown = (dir: string) => displayPath(resolve(dir));
  const folderLevel = folders.filter((dir) => problems.some((p) => p.file === shown(dir) && p.line === undefined && !/\.ya?ml$/i.test(p.file)));
  const withFiles = folders.filter((dir) => !folderLevel.includes(dir) && problems.some((p) => p.file.startsWith(shown(dir) + '/') || p.file === shown(dir)));
  const lines: string[] = [];
  for (const dir of folderLevel) {
    const from = flagFolders.includes(dir) ? '--catalogue' : ENV_CATALOGUE;
    lines.push(`De map ${sanitize(dir)} (uit ${from}) is overgeslagen; controleer de naam.`);
  }
  if (withFiles.length || !folderLevel.length) {
    const check = withFiles.length ? withFiles : folders;
    lines.push(
      `De bestanden hierboven zijn overgeslagen; de rest van de catalogus is wel gebruikt. Controleer ze met: ` +
        `methodewijzer validate ${check.map((d) => sanitize(shellQuote(d))).join(' ')}`,
    );
  }
  return lines.join('\n');
}
