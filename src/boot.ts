// The entry that bin/ loads: runs the bundled CLI with a code cache, so that a short command does not
// spend most of its time beyond Node's own start-up compiling the bundle again.
//
// The cache lives with the CLI's other caches in the user's cache folder, never in the install folder:
// a global install may be read-only, and a cache shipped in the package never matched the installed
// files anyway. Where the cache folder cannot be written, the CLI simply runs without one. One folder
// of flat files per Node version (v22.23.5-x64/), beside folders/ and search/, keyed by the build's hash.
//
// The same V8 code cache on every version, made with public APIs (vm.Script), not Node 22's
// module.enableCompileCache: that one keeps only the code compiled when a module loads, not the
// functions a run compiles after, and measured 4 ms slower per command on Node 22 and 24, where a
// bare start takes only ~27 ms (README, "Snelheid").
// Bundled on its own by scripts/build.mjs; uses only Node built-ins.
import { isAscii } from 'node:buffer';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { cacheRoot } from './cache-root.js';

/** A hash of the bundles' contents, set by scripts/build.mjs: a new build never meets an old cache. */
declare const __BUILD_ID__: string;

const DIST = __dirname;

interface Cli {
  /** Runs the CLI; resolves to the command the run named, if it named one outright. */
  runCli(): Promise<string | undefined>;
}

/** bin/: run the CLI. */
export function run(): void {
  const root = cacheRoot(process.env, () => (require('node:os') as typeof import('node:os')).homedir());
  if (!root) {
    void (require(join(DIST, 'cli.cjs')) as Cli).runCli().then(end);
    return;
  }
  const cache = new CodeCache(join(root, `${process.version}-${process.arch}`));
  let command: string | undefined;
  process.on('exit', () => cache.save(command));
  void (cache.load(join(DIST, 'cli.cjs')) as Cli).runCli().then((name) => {
    command = name;
    end();
  });
}

/**
 * Ends the process once the CLI is done, rather than letting Node wind down by itself: that first runs
 * whatever V8 has scheduled meanwhile (a garbage collection, say), up to a millisecond for nothing.
 * Nothing is cut off: the CLI writes pipes and files synchronously (src/output.ts), and terminals are
 * synchronous too, except on Windows, where Node is left to finish the writes.
 */
function end(): void {
  if (process.platform !== 'win32') process.exit();
}

/** A bundle as loaded: its module, and what its cache file holds. */
interface Loaded {
  module: { exports: unknown };
  script: Script;
  file: string;
  /** The commands whose runs compiled the functions in the cache; undefined without a usable cache. */
  covered?: string[];
}

/**
 * Loads the bundles of dist/ (cli.cjs and the vendor/*.cjs it requires) as CommonJS modules compiled
 * with a V8 code cache, through public APIs only (vm.Script). A cache file starts with a line naming
 * the commands whose runs it holds the functions of, then V8's data. A bundle without a usable cache,
 * or loaded by a command its cache has not seen yet, gets its cache written on exit, with every
 * function compiled so far (those it was loaded with as well): so each command finds its own code
 * compiled from its second run on, not only the command that happened to run first.
 */
class CodeCache {
  private readonly loaded = new Map<string, Loaded>();

  constructor(private readonly dir: string) {}

  load(filename: string): unknown {
    const known = this.loaded.get(filename);
    if (known) return known.module.exports;
    const file = join(this.dir, `${basename(filename)}.${__BUILD_ID__}.bin`);
    let cachedData: Buffer | undefined;
    let covered: string[] | undefined;
    try {
      const bytes = readFileSync(file);
      const newline = bytes.indexOf(10);
      if (newline >= 0) {
        covered = bytes.toString('latin1', 0, newline).split(' ').filter(Boolean);
        cachedData = bytes.subarray(newline + 1);
      }
    } catch {
      // No cache yet.
    }
    // The wrapper Node itself puts around a CommonJS file, on the same line, so line numbers stay true.
    const source = `(function (exports, require, module, __filename, __dirname) { ${readSource(filename)}\n});`;
    const script = new Script(source, { filename, cachedData });
    if (script.cachedDataRejected) covered = undefined;
    const module = { exports: {} };
    this.loaded.set(filename, { module, script, file, covered });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, this.requireFrom(filename), module, filename, dirname(filename));
    return module.exports;
  }

  /** require() for a bundle: the other bundles through this cache, Node's built-ins as usual. */
  private requireFrom(filename: string): (id: string) => unknown {
    return (id) => (id.startsWith('./') ? this.load(join(dirname(filename), id)) : require(id));
  }

  /**
   * Writes the cache of each bundle that had none, or that this run's command had not yet added to.
   * Never fails, since a missing cache only costs time.
   */
  save(command: string | undefined): void {
    const name = command && /^[\w-]+$/.test(command) ? command : undefined;
    for (const { script, file, covered } of this.loaded.values()) {
      if (covered && (!name || covered.includes(name))) continue;
      const temp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(this.dir, { recursive: true });
        // The caches of earlier builds are of no further use.
        const prefix = basename(file).slice(0, -`${__BUILD_ID__}.bin`.length);
        for (const old of readdirSync(this.dir)) {
          if (old.startsWith(prefix) && old !== basename(file) && !old.endsWith('.tmp')) rmSync(join(this.dir, old), { force: true });
        }
        const commands = [...(covered ?? []), ...(name ? [name] : [])].join(' ');
        writeFileSync(temp, Buffer.concat([Buffer.from(`${commands}\n`, 'latin1'), script.createCachedData()]));
        // rename is atomic: a reader sees the old cache or the new one, never half of one.
        renameSync(temp, file);
      } catch {
        // Not writable (a read-only home, a full disk): the next run compiles again.
        try {
          rmSync(temp, { force: true });
        } catch {
          // Nothing to clean up.
        }
      }
    }
  }
}

/** A bundle's source: read as Latin-1 when it is all ASCII, as the bundles are, which is twice as fast as UTF-8. */
function readSource(filename: string): string {
  const bytes = readFileSync(filename);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}
