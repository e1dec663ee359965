import { resolve } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { ENV_CATALOGUE } from './defaults.js';
import { FolderCache, cacheRoot } from './catalogue/cache.js';
import { compiledCatalogueExists, loadCatalogue, type Catalogue } from './catalogue/catalogue.js';
import { capPerFile, formatProblem, type Problem } from './catalogue/problem.js';
import { makeStyle, sanitize, wantsColor, type OutputStream } from './terminal.js';

export interface GlobalOptions {
  catalogue?: string[];
  color: boolean;
}

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
  /** stdout is a terminal: show tables and wrapped prose rather than plain lines. */
  interactive: boolean;
  columns: number;
  /** User catalogue folders: --catalogue first, then METHODEWIJZER_CATALOGUE. */
  folders: string[];
  /** Reads user folders through the cache in the user's cache folder. */
  cache: FolderCache;
  /**
   * Loads what catalogue() will need: the YAML parser (yaml, zod) only when a file must really be
   * parsed, so that a run served from the cache starts fast. src/cli.ts awaits it before every
   * command (except search, which first tries its snapshot). With `records: false` only the cache
   * manifests are checked, which is enough for ctx.cache.catalogueKey().
   */
  prepare(options?: { records?: boolean }): Promise<void>;
  /** Reports catalogue problems as warnings and remembers them for the exit code (3). */
  reportProblems(problems: Problem[]): void;
  /** Loads the catalogue once; problems in user folders are reported as warnings on stderr. */
  catalogue(): Catalogue;
  /** Problems reported while loading; any makes the exit code 3. */
  problems: Problem[];
  warn(message: string): void;
}

export function createContext(global: GlobalOptions, io: Partial<Pick<Context, 'stdin' | 'stdout' | 'stderr' | 'env'>> = {}): Context {
  const stdin = io.stdin ?? process.stdin;
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  const errStyle = makeStyle(wantsColor(stderr, env, global.color));
  const envFolders = (env[ENV_CATALOGUE] ?? '').split(':').filter(Boolean);
  let loaded: Catalogue | undefined;
  const ctx: Context = {
    stdin,
    stdout,
    stderr,
    env,
    style: makeStyle(wantsColor(stdout, env, global.color)),
    errStyle,
    interactive: Boolean(stdout.isTTY),
    columns: stdout.columns || 80,
    folders: [...(global.catalogue ?? []), ...envFolders],
    cache: new FolderCache(cacheRoot(env)),
    problems: [],
    warn(message) {
      stderr.write(`${errStyle.yellow('waarschuwing:')} ${sanitize(message)}\n`);
    },
    async prepare({ records = true } = {}) {
      const parse = !compiledCatalogueExists() || ctx.folders.some((dir) => !ctx.cache.isFresh(resolve(dir), records));
      if (parse) await import('./catalogue/load.js');
    },
    reportProblems(problems) {
      for (const p of capPerFile(problems)) ctx.warn(formatProblem(p));
      if (problems.length) {
        for (const p of problems) ctx.problems.push(p);
        stderr.write(`Deze bestanden zijn overgeslagen; de rest van de catalogus is wel gebruikt. Controleer ze met 'methodewijzer validate'.\n`);
      }
    },
    catalogue() {
      if (loaded) return loaded;
      loaded = loadCatalogue({ folders: ctx.folders, readFolder: (dir) => ctx.cache.read(dir) });
      ctx.reportProblems(loaded.problems);
      return loaded;
    },
  };
  return ctx;
}

export function writeJson(ctx: Context, value: unknown): void {
  ctx.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
