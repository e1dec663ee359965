// The entry that bin/ loads: runs the bundled CLI with a code cache, so that a short command does not
// spend most of its time beyond Node's own start-up compiling the bundle again.
//
// The cache lives with the CLI's other caches in the user's cache folder, never in the install folder:
// a global install may be read-only, and a cache shipped in the package never matched the installed
// files anyway. Where the cache folder cannot be written, the CLI simply runs without one. One folder
// per Node version (v22.23.5-x64/), beside folders/ and search/, with a file per bundle and command,
// named with the build's hash.
//
// The same V8 code cache on every version, made with public APIs (vm.Script), not Node 22's
// module.enableCompileCache: that one keeps only the code compiled when a module loads, not the
// functions a run compiles after, and measured slower on Node 22 and 24 (list by 3-5 ms, search by
// 6-10 ms), where a bare start takes only ~27 ms (docs/speed.md).
// Bundled on its own by scripts/build.mjs; uses only Node built-ins.
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { cacheRoot, OwnCache } from '../store/cache-root.js';
import { asksForHelp, commandWord, readsOwnFolders } from '../runtime/command-word.js';

/** A hash of the bundles' contents, set by scripts/build.mjs: a new build never meets an old cache. */
declare const __BUILD_ID__: string;

const DIST = __dirname;

interface Cli {
  /** Runs the CLI; resolves to the command the run named, if it named a known one outright. */
  runCli(): Promise<string | undefined>;
}

/** bin/: run the CLI. */
export function run(): void {
  const root = cacheRoot(process.env, () => (require('node:os') as typeof import('node:os')).homedir());
  if (!root) {
    void (require(join(DIST, 'cli.cjs')) as Cli).runCli().then(end);
    return;
  }
  // `list --help` runs none of list's own code: a first run like that must not make list's cache.
  const help = asksForHelp(process.argv);
  const own = new OwnCache(root, (line) => process.env.METHODEWIJZER_DEBUG && process.stderr.write(line));
  const cache = new CodeCache(own, help ? undefined : commandWord(process.argv), readsOwnFolders(process.argv, process.env));
  let command: string | undefined;
  process.on('exit', () => cache.save(command));
  void (cache.load(join(DIST, 'cli.cjs')) as Cli).runCli().then((name) => {
    command = help ? undefined : name;
    end();
  });
}

/**
 * Ends the process once the CLI is done, rather than letting Node wind down by itself: that first runs
 * whatever V8 has scheduled meanwhile (a garbage collection, say), up to a millisecond for nothing.
 * Nothing is cut off: the CLI writes pipes and files synchronously (src/cli/output.ts), and terminals are
 * synchronous too, except on Windows, where Node is left to finish the writes.
 */
function end(): void {
  if (process.platform !== 'win32') process.exit();
}

/** What runs without naming a known command (help, a typo) shares one cache file under this name. */
const NO_COMMAND = '-';

/**
 * A cache file is written by the first runs of its command, this many, each adding what it compiled
 * to what it found: a first run may be a thin one (an unknown id, a folder read for the first time),
 * and what later runs need would otherwise be compiled from source on every run.
 */
const WRITES = 2;

/**
 * Loads the bundles of dist/ (cli.cjs and the vendor/*.cjs it requires) as CommonJS modules compiled
 * with a V8 code cache, through public APIs only (vm.Script). Each command has a cache file of its own
 * per bundle (cli.cjs.<build>.list.bin), holding the functions its runs compiled: one shared by all
 * commands would hold all their code, and every run would load all of it. Runs that read the user's
 * own folders have their own (cli.cjs.<build>.list+own.bin): the folder cache is code a run without
 * them never compiles. A bundle without a usable cache is compiled from source, and its cache written
 * on exit, with every function this run compiled.
 */
class CodeCache {
  /** Per bundle loaded: how many runs wrote the cache it was compiled with (0 for none usable). */
  private readonly loaded = new Map<string, { module: { exports: unknown }; script: Script; writes: number }>();

  /** `word` is the command the run seems to name (boot cannot know yet whether it is one). */
  constructor(
    private readonly cache: OwnCache,
    private readonly word: string | undefined,
    private readonly ownFolders: boolean,
  ) {}

  /** One folder per Node version: a cache is V8's own format, for the V8 that wrote it. */
  private readonly dir = `${process.version}-${process.arch}`;

  private file(bundle: string, command: string | undefined): string {
    return join(this.dir, `${basename(bundle)}.${__BUILD_ID__}.${command ?? NO_COMMAND}${this.ownFolders ? '+own' : ''}.bin`);
  }

  private pruned = false;

  /**
   * Before a cache file is written: the caches of other builds (a file of any bundle named with
   * another build's hash), temporary files a killed process left, and the folders of other Node
   * versions (each 1-7 MB, and never read again once Node is updated) go. Only the user's own files,
   * never through a link (OwnCache); a folder something else is left in stays.
   */
  private prune(): void {
    this.pruned = true;
    this.cache.tidy(this.dir, (name) => name.endsWith('.bin') && !name.includes(`.${__BUILD_ID__}.`));
    for (const name of this.cache.list()) {
      if (name !== this.dir && NODE_FOLDER.test(name)) this.cache.removeFolder(name);
    }
  }

  load(filename: string): unknown {
    const known = this.loaded.get(filename);
    if (known) return known.module.exports;
    let cachedData: Buffer | undefined;
    let writes = 0;
    // A word that is no command never has a cache file of its own (see save): it finds none here.
    if (this.word === undefined || /^[a-z_][a-z0-9_-]*$/.test(this.word)) {
      // The first byte counts the runs that wrote the file, bytes 4-7 are the checksum of V8's data,
      // which follows (HEADER): V8 itself checks little more than the source's length, and data
      // damaged on disk crashed the process (SIGSEGV, SIGTRAP) while it was read, on every run.
      const name = this.file(filename, this.word);
      const bytes = this.cache.read(name, MAX_CACHE_BYTES);
      const sum = bytes && bytes.length > HEADER ? checksum(bytes.subarray(HEADER)) : undefined;
      if (bytes && sum !== undefined && bytes.readUInt32LE(4) === sum) {
        writes = bytes[0];
        cachedData = bytes.subarray(HEADER);
      } else if (bytes && (sum !== undefined || bytes.length <= HEADER)) this.cache.remove(name);
    }
    // The wrapper Node itself puts around a CommonJS file, on the same line, so line numbers stay true.
    const source = `(function (exports, require, module, __filename, __dirname) { ${readSource(filename)}\n});`;
    const script = new Script(source, { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) writes = 0;
    const module = { exports: {} };
    this.loaded.set(filename, { module, script, writes });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, this.requireFrom(filename), module, filename, dirname(filename));
    return module.exports;
  }

  /** require() for a bundle: the other bundles through this cache, Node's built-ins as usual. */
  private requireFrom(filename: string): (id: string) => unknown {
    return (id) => (id.startsWith('./') ? this.load(join(dirname(filename), id)) : require(id));
  }

  /**
   * Writes the cache of each bundle that `command` (the command the CLI ran, undefined when the run
   * named none it knows) had none of, or one written by fewer than WRITES runs. Never fails, since a
   * missing cache only costs time.
   */
  save(command: string | undefined): void {
    // The run found the cache of the word it was started with; that is the command's, or there was none.
    const sameFile = command === this.word || (command === undefined && this.word === undefined);
    for (const [filename, { script, writes }] of this.loaded) {
      if (sameFile && writes >= WRITES) continue;
      const file = this.file(filename, command);
      // A word that is no command (a typo) shares the cache of runs without one, once that is written.
      if (!sameFile && this.cache.has(file)) continue;
      if (!this.cache.folder(this.dir, true)) return;
      if (!this.pruned) this.prune();
      const data = script.createCachedData();
      const sum = checksum(data);
      if (sum === undefined) return;
      const header = Buffer.alloc(HEADER);
      header[0] = sameFile ? writes + 1 : 1;
      header.writeUInt32LE(sum, 4);
      // Not writable (a read-only home, a full disk): the next run compiles again.
      this.cache.write(file, Buffer.concat([header, data]));
    }
  }
}

/** A folder of code caches, one per Node version and architecture: `v22.23.5-x64`. */
const NODE_FOLDER = /^v\d+\.\d+\.\d+[\w.+-]*-[a-z0-9]+$/;

/** Bytes before V8's data in a cache file: the count of writes, three unused, and the checksum of the data. */
const HEADER = 8;

/** More than any bundle's cache holds (some hundreds of KiB): a bigger file is not read. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * A checksum of V8's data, to catch damage, not forgery (a stranger's file is never read at all).
 * Per 8 bytes one step that is a bijection of the state (xor, rotate, times an odd number), so a
 * changed word always changes the state, and only later changes could undo that (by a chance of 1
 * in 2^64). Computed in WebAssembly: a JavaScript loop over a few hundred KiB runs in V8's
 * interpreter and cost `list` 2-4 ms, CRC-32 (core/crc32.ts) 3-8 ms, and node:zlib's 4 ms, mostly
 * to load it; this costs about 0.7 ms (and 2-4 MiB, mostly for WebAssembly itself). Undefined
 * without WebAssembly (node --jitless): then no cache is used or written. Exported for the tests,
 * which plant caches as an attacker would.
 */
export function checksum(bytes: Uint8Array): number | undefined {
  if (typeof WebAssembly === 'undefined') return undefined;
  try {
    const memory = new WebAssembly.Memory({ initial: Math.ceil((bytes.length + 8) / 65536) });
    new Uint8Array(memory.buffer).set(bytes);
    const { sum } = new WebAssembly.Instance(new WebAssembly.Module(CHECKSUM_WASM), { env: { memory } }).exports as { sum(length: number): number };
    // The bytes after the data are zero: its last 1-7 bytes are summed as a whole word.
    return sum(bytes.length) >>> 0;
  } catch {
    return undefined;
  }
}

/**
 * (func (export "sum") (param $length i32) (result i32) (local $at i32) (local $h i64)
 *   $h = $length
 *   while $at < $length: $h = rotl($h ^ i64.load($at), 29) * 0x9e3779b97f4a7c15; $at += 8
 *   (i32) ($h ^ ($h >> 32)))
 * over an imported memory "env" "memory".
 */
const CHECKSUM_WASM = (() => {
  const K = [0x95, 0xf8, 0xa9, 0xfa, 0x97, 0xb7, 0xde, 0x9b, 0x9e, 0x7f]; // signed LEB128 of 0x9e3779b97f4a7c15
  const body = [
    ...[0x02, 0x01, 0x7f, 0x01, 0x7e], // locals: $at i32, $h i64
    ...[0x20, 0x00, 0xad, 0x21, 0x02], // $h = i64.extend_i32_u($length)
    ...[0x02, 0x40, 0x03, 0x40], // block, loop
    ...[0x20, 0x01, 0x20, 0x00, 0x4f, 0x0d, 0x01], // br_if out when $at >= $length (unsigned)
    ...[0x20, 0x02, 0x20, 0x01, 0x29, 0x03, 0x00, 0x85], // $h ^ i64.load($at)
    ...[0x42, 0x1d, 0x89, 0x42, ...K, 0x7e, 0x21, 0x02], // rotl 29, times K, into $h
    ...[0x20, 0x01, 0x41, 0x08, 0x6a, 0x21, 0x01], // $at += 8
    ...[0x0c, 0x00, 0x0b, 0x0b], // br loop, end, end
    ...[0x20, 0x02, 0x20, 0x02, 0x42, 0x20, 0x88, 0x85, 0xa7, 0x0b], // i32.wrap($h ^ ($h >>> 32)), end
  ];
  const section = (id: number, bytes: number[]) => [id, bytes.length, ...bytes];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, [0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f]), // type: (i32) -> i32
    ...section(2, [0x01, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x01]), // import env.memory, 1 page at least
    ...section(3, [0x01, 0x00]), // one function, of type 0
    ...section(7, [0x01, 0x03, 0x73, 0x75, 0x6d, 0x00, 0x00]), // export "sum" = function 0
    ...section(10, [0x01, body.length, ...body]), // its code
  ]);
})();

/** A bundle's source: read as Latin-1 when it is all ASCII, as the bundles are, which is twice as fast as UTF-8. */
function readSource(filename: string): string {
  const bytes = readFileSync(filename);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}
