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
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { cacheRoot } from './cache-root.js';

/** A hash of the bundles' contents, set by scripts/build.mjs: a new build never meets an old cache. */
declare const __BUILD_ID__: string;

const DIST = __dirname;

interface Cli {
  runCli(): Promise<void>;
}

/** bin/: run the CLI. */
export function run(): void {
  const root = cacheRoot(process.env, () => (require('node:os') as typeof import('node:os')).homedir());
  let cli: Cli;
  if (root) {
    const cache = new CodeCache(join(root, `${process.version}-${process.arch}`));
    process.on('exit', () => cache.save());
    cli = cache.load(join(DIST, 'cli.cjs')) as Cli;
  } else {
    cli = require(join(DIST, 'cli.cjs')) as Cli;
  }
  void cli.runCli();
}


/**
 * Loads the bundles of dist/ (cli.cjs and the vendor/*.cjs it requires) as CommonJS modules compiled
 * with a V8 code cache, through public APIs only (vm.Script, createRequire). A bundle without a usable
 * cache is compiled from source, and its cache is written on exit, with the functions this run compiled.
 */
class CodeCache {
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly stale: { script: Script; file: string }[] = [];

  constructor(private readonly dir: string) {}

  load(filename: string): unknown {
    const known = this.modules.get(filename);
    if (known) return known.exports;
    const file = join(this.dir, `${basename(filename)}.${__BUILD_ID__}.bin`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      // No cache yet.
    }
    // The wrapper Node itself puts around a CommonJS file, on the same line, so line numbers stay true.
    const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(filename, 'utf8')}\n});`;
    const script = new Script(source, { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) this.stale.push({ script, file });
    const module = { exports: {} };
    this.modules.set(filename, module);
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, this.requireFrom(filename), module, filename, dirname(filename));
    return module.exports;
  }

  /** require() for a bundle: the other bundles through this cache, Node's built-ins as usual. */
  private requireFrom(filename: string): (id: string) => unknown {
    const nodeRequire = Module.createRequire(filename);
    return (id) => (id.startsWith('./') ? this.load(join(dirname(filename), id)) : nodeRequire(id));
  }

  /** Writes the cache of each bundle that had none; never fails, since a missing cache only costs time. */
  save(): void {
    for (const { script, file } of this.stale) {
      const temp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(this.dir, { recursive: true });
        // The caches of earlier builds are of no further use.
        const name = basename(file).slice(0, -`${__BUILD_ID__}.bin`.length);
        for (const old of readdirSync(this.dir)) {
          if (old.startsWith(name) && old !== basename(file)) rmSync(join(this.dir, old), { force: true });
        }
        writeFileSync(temp, script.createCachedData());
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
