// The entry that bin/ loads: compiles the bundled CLI with a V8 code cache, then runs it.
//
// Why: Node 20 has no compile cache of its own (module.enableCompileCache came with Node 22), and
// compiling the bundle is most of what a short command costs beyond Node's own start-up. The build
// warms the cache (scripts/build.mjs); a run that finds it missing or rejected (another Node version)
// writes a fresh one on exit, where it may. This file is bundled on its own and uses only Node built-ins.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';

const DIST = __dirname;
const CACHE_DIR = join(DIST, 'v8-cache');

interface Compiled {
  script: Script;
  cacheFile: string;
  /** No usable cache was found: write one on exit. */
  stale: boolean;
}

const compiled: Compiled[] = [];

type Compile = (this: Module, content: string, filename: string) => unknown;
interface ModuleInternals {
  prototype: { _compile: Compile };
  wrap(content: string): string;
}

/** Compiles every bundled file of dist/ through the code cache; other modules load as usual. */
export function installCodeCache(): void {
  const internals = Module as unknown as ModuleInternals;
  const original = internals.prototype._compile;
  internals.prototype._compile = function (content, filename) {
    if (!filename.startsWith(DIST + sep) || !filename.endsWith('.cjs')) return original.call(this, content, filename);
    // Keyed by size and mtime: V8 checks only the source length, and the build rewrites every file.
    const { size, mtimeMs } = statSync(filename);
    const cacheFile = join(CACHE_DIR, `${basename(filename)}.${size}.${Math.round(mtimeMs)}.bin`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache yet: compile from source.
    }
    const script = new Script(internals.wrap(content), { filename, cachedData });
    compiled.push({ script, cacheFile, stale: !cachedData || script.cachedDataRejected === true });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const require = Module.createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
}

/**
 * Writes the code cache of what was compiled in this process: only the stale entries, or all of them
 * (the build's warm-up, after running the commands, so the cache holds the functions they compiled).
 * Never fails: a read-only install simply runs without a cache.
 */
export function saveCodeCache(all = false, only?: (file: string) => boolean): void {
  for (const entry of compiled) {
    if (!all && !entry.stale) continue;
    if (only && !only(basename(entry.cacheFile))) continue;
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      const prefix = basename(entry.cacheFile).split('.').slice(0, -3).join('.') + '.';
      for (const old of readdirSync(CACHE_DIR)) {
        if (old.startsWith(prefix) && old !== basename(entry.cacheFile)) rmSync(join(CACHE_DIR, old), { force: true });
      }
      const temp = `${entry.cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, entry.script.createCachedData());
      // rename is atomic: a reader sees the old cache or the new one, never half of one.
      renameSync(temp, entry.cacheFile);
    } catch {
      // Not writable (a global install, a read-only disk): fine, the next run compiles again.
    }
  }
}

interface Cli {
  runCli(): Promise<void>;
  main(argv: string[], io: object): Promise<number>;
}

/** bin/: run the CLI, and keep a fresh code cache for next time if this run had none. */
export function run(): void {
  installCodeCache();
  process.on('exit', () => saveCodeCache(false));
  const cli = require(join(DIST, 'cli.cjs')) as Cli;
  void cli.runCli();
}

export interface WarmPlan {
  /** Commands to run, their output discarded. */
  commands: string[][];
  env: NodeJS.ProcessEnv;
  /** Bundled files to compile too, beyond what the commands load (the prompts, for `actie`). */
  extra?: string[];
  /** Save the cache only of the bundled files whose name passes. */
  save?: (cacheName: string) => boolean;
}

/**
 * The build: run typical commands in this process, then save the cache of what they compiled. The
 * cache holds every function compiled so far, and a larger cache takes longer to load, so the build
 * warms the CLI's own bundle with the everyday commands only, and the libraries with all of them.
 */
export async function warm(plan: WarmPlan): Promise<void> {
  installCodeCache();
  const cli = require(join(DIST, 'cli.cjs')) as Cli;
  const sink = { write: () => true, isTTY: false };
  for (const args of plan.commands) {
    await cli.main([process.execPath, 'methodewijzer', ...args], { stdout: sink, stderr: sink, env: plan.env });
  }
  for (const file of plan.extra ?? []) require(join(DIST, file));
  saveCodeCache(true, plan.save);
}
