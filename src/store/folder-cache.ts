import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { CACHE_FRESHEN_MS, CACHE_MAX_BYTES, CACHE_MAX_FILES, CACHE_RACY_MS, MAX_FILE_BYTES } from '../model/defaults.js';
import { VERSION } from '../model/version.js';
import { crc32 } from './crc32.js';
import { cacheRoot as sharedCacheRoot, OwnCache } from './cache-root.js';
import type { Method, Words } from '../model/schema.js';
import { folderProblem, userModelKeyOf, yamlFiles, type ReadYamlFile, type FolderContents } from '../catalogue/catalogue.js';
import { readRegularFile } from '../io/read-file.js';
import { displayPath } from '../text/paths.js';
import { compiledCataloguePath } from '../io/package-paths.js';
import type { Problem } from '../catalogue/problem.js';

// A cache of the validated records of each user folder, so that a large catalogue is parsed once
// rather than on every run: per folder one file (folders/<checksum of its path>.json) that holds, per
// YAML file, its size, times, inode and a checksum of its content, with the records and problems read
// from it. A file's records are reused while the file has exactly the stamp it had when it was read;
// otherwise its content is read and checksummed, and the records are reused when that is unchanged,
// else the file is parsed. A file changed within CACHE_RACY_MS of being read is checked by content
// too, since a second change in the same clock tick would leave its times unchanged.
// Problems are cached with the records, so an invalid file is reported on every run.
// The cache never makes a command fail: an unreadable, oversized or damaged cache file (JSON behind a
// line with its checksum, so one that still parses but was changed is caught) counts as empty, and a
// failed write is ignored. Writes go to a temporary file that is then renamed, so runs at the same
// time each leave a whole file. Only what is the user's own is read or written (src/store/cache-root.ts).

/** Bump when the layout of a cache file changes: files of another format are ignored, then replaced. */
const FORMAT = 6;

/** The files of earlier formats in folders/: a binary manifest and records files, or names by a sha1 of the folder. */
const EARLIER_FORMAT = /\.manifest$|\.records\.json$|^[0-9a-f]{20}\./;

/** The cache folder, by each system's rules (userFolder in src/store/cache-root.ts). */
export function cacheRoot(env: NodeJS.ProcessEnv): string | undefined {
  // node:os only when neither XDG_CACHE_HOME nor HOME is set, and only in runs with user folders.
  return sharedCacheRoot(env, () => process.getBuiltinModule('node:os').homedir());
}

/** Length of a checksum in hex digits. */
const CHECKSUM_CHARS = 8;

/**
 * CRC-32 of text (as UTF-8) or bytes, as 8 hex digits: made to catch damage to stored data, and used
 * here for that (a cache file changed at the same length) and to tell a changed file from the copy in
 * the cache. Nothing here needs a cryptographic hash, and node:crypto costs 3-7 ms to load on Node 22
 * and 24, on every run with a user folder (see crc32.ts for node:zlib).
 */
export function checksum(data: string | Uint8Array): string {
  return crc32(data).toString(16).padStart(CHECKSUM_CHARS, '0');
}

let build: string | undefined;

/**
 * Identifies the program and its built-in catalogue: a new version or a new build (which rewrites
 * dist/catalogue.json) invalidates every cache, since validation rules may have changed with it.
 */
function buildId(): string {
  if (build) return build;
  let compiled = 'source';
  try {
    const s = statSync(compiledCataloguePath(), { bigint: true });
    compiled = `${s.size}:${s.mtimeNs}`;
  } catch {
    // Running from source: the version is all there is.
  }
  return (build = `${FORMAT}:${VERSION}:${compiled}`);
}

// Cache files are JSON behind a line with its checksum, so that a file that still parses but was
// damaged (a bit flipped, a field edited) is discarded and rebuilt, never trusted.

/**
 * Writes JSON, sealed, into the cache folder (atomically: see OwnCache.write), and keeps the folder it
 * went into within CACHE_MAX_FILES and CACHE_MAX_BYTES, the files used least recently removed. Never throws.
 */
export function writeSealed(files: OwnCache | undefined, name: string, json: string): boolean {
  if (!files?.write(name, `${checksum(json)}\n${json}`)) return false;
  files.trim(dirname(name), CACHE_MAX_FILES, CACHE_MAX_BYTES);
  return true;
}

/** The value of a sealed cache file; undefined when it is missing, larger than `maxBytes`, or its seal does not match. */
export function readSealed(files: OwnCache | undefined, name: string, maxBytes: number): unknown {
  const bytes = files?.read(name, maxBytes, CACHE_FRESHEN_MS);
  if (!bytes) return undefined;
  const text = bytes.toString('utf8');
  const newline = text.indexOf('\n');
  if (newline !== CHECKSUM_CHARS) return undefined;
  const json = text.slice(newline + 1);
  if (checksum(json) !== text.slice(0, newline)) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** What a file's stat says about it, as plain numbers (milliseconds with a fraction). */
interface Stamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** One YAML file as it was read, with what was read from it. */
interface Entry extends Stamp {
  /** Path inside the folder, e.g. `methods/a.yaml`. */
  name: string;
  /** When the file was read (ms since the epoch). */
  readAt: number;
  /** Checksum of the file's bytes as they were read. */
  hash: string;
  methods: { value: Method; line: number }[];
  /** The folder's own word list, when this file is its words.yaml (format 6). */
  words?: Words;
  problems: Omit<Problem, 'file'>[];
}

interface Listing {
  problem?: Problem;
  paths: string[];
  stamps: (Stamp | undefined)[];
}

/** An entry of this run; `unstamped` when its file could not be stamped or hashed (it vanished while we looked): not cached. */
type Parsed = Entry & { unstamped?: true };

interface CacheFile {
  format: number;
  build: string;
  dir: string;
  entries: Entry[];
}

/** Reads user folders through the cache. One instance per run. */
export class FolderCache {
  private readonly done = new Map<string, FolderContents>();
  private readonly listed = new Map<string, Listing>();
  /** The cache folder's files, where they are the user's own; undefined without a cache folder. */
  readonly files: OwnCache | undefined;

  /** `report` is told (under METHODEWIJZER_DEBUG) when a part of the cache is not the user's own and is left alone. */
  constructor(
    root: string | undefined,
    readonly now: () => number = Date.now,
    report?: (line: string) => void,
  ) {
    this.files = root ? new OwnCache(root, report) : undefined;
  }

  /**
   * The folder's records and problems, from the cache where still valid; parses the rest and saves.
   * `yaml` gives the YAML reader; it is called (and yaml and zod loaded) only when a file must be parsed.
   */
  async read(dir: string, yaml: () => Promise<{ readYamlFile: ReadYamlFile }>): Promise<FolderContents> {
    const known = this.done.get(dir);
    if (known) return known;
    const listing = this.list(dir);
    const { problem, paths, stamps } = listing;
    if (problem) return this.keep(dir, { methods: [], problems: [problem] });
    const name = `folders/${checksum(dir)}.json`;
    const cached = this.load(name, dir);
    const now = this.now();
    const entries: (Parsed | undefined)[] = [];
    const stale: number[] = [];
    let used = 0;
    let dirty = false;
    for (const [i, path] of paths.entries()) {
      const entry = cached.get(path.slice(dir.length + 1));
      const stamp = stamps[i];
      if (entry) used++;
      if (entry && stamp && sameStamp(entry, stamp) && !racy(entry, entry.readAt)) {
        entries.push(entry);
        continue;
      }
      // Changed, or changed so shortly before it was read that its times prove nothing: the content tells.
      if (entry && stamp && contentHash(path, stamp.size, dir) === entry.hash) {
        const checked = { ...entry, ...stamp, readAt: now };
        entries.push(checked);
        // Worth writing when the stamp is new, or the file is now old enough to be trusted by it.
        dirty ||= !sameStamp(entry, stamp) || !racy(checked, now);
        continue;
      }
      entries.push(undefined);
      stale.push(i);
    }
    // A file was added, changed or removed.
    dirty ||= stale.length > 0 || used < cached.size;
    if (stale.length) {
      const { readYamlFile } = await yaml();
      for (const i of stale) entries[i] = this.parse(dir, paths[i], readYamlFile);
    }
    if (dirty) this.save(name, dir, entries as Parsed[]);

    const contents: FolderContents = { methods: [], problems: [] };
    for (const [i, entry] of entries.entries()) {
      const shown = displayPath(paths[i]);
      for (const { value, line } of entry!.methods) contents.methods.push({ value, file: shown, line });
      for (const p of entry!.problems) contents.problems.push({ file: shown, ...p });
      if (entry!.words) contents.words = entry!.words;
    }
    return this.keep(dir, contents);
  }

  /**
   * A key of these folders' files as they were listed in this run (names and stamps), of the program
   * and of the working folder (problems name files relative to it): for what is derived from the
   * whole catalogue, such as the search snapshot. It stands for the files' contents only where they
   * were settled when it was saved (see `settled`).
   */
  stampKey(dirs: string[]): string {
    const parts = [buildId(), process.cwd()];
    for (const dir of dirs) {
      const { problem, paths, stamps } = this.list(dir);
      if (problem) {
        parts.push(`${dir}\0${problem.message}`);
        continue;
      }
      const lines = paths.map((p, i) => {
        const s = stamps[i];
        return `${p}\0${s ? `${s.size}\0${s.mtimeMs}\0${s.ctimeMs}\0${s.ino}` : '-'}`;
      });
      // Any write, rename or chmod sets a file's ctime to now: with the latest in the clear, a change
      // shows in the key even in the rare case that the checksum stays the same.
      const latest = stamps.reduce((max, s) => Math.max(max, s?.ctimeMs ?? 0), 0);
      parts.push(`${dir}\0${checksum(lines.join('\n'))}:${paths.length}:${latest}`);
    }
    return parts.join('\n');
  }

  /** Whether every file of these folders last changed long enough before `at` that any later change shows in its stamp. */
  settled(dirs: string[], at: number): boolean {
    return dirs.every((dir) => this.list(dir).stamps.every((s) => !s || !racy(s, at)));
  }

  /** The size of the folders' YAML files together. */
  yamlBytes(dirs: string[]): number {
    return dirs.reduce((sum, dir) => sum + this.list(dir).stamps.reduce((n, s) => n + (s?.size ?? 0), 0), 0);
  }

  /** The folder's YAML files and their stamps (or why it cannot be read), taken once per run. */
  private list(dir: string): Listing {
    let listing = this.listed.get(dir);
    if (listing) return listing;
    const problem = folderProblem(dir);
    const paths = problem ? [] : yamlFiles(dir);
    listing = { problem, paths, stamps: paths.map(stampOf) };
    this.listed.set(dir, listing);
    return listing;
  }

  private keep(dir: string, contents: FolderContents): FolderContents {
    this.done.set(dir, contents);
    return contents;
  }

  /** The cached entries of the folder by name; none when the file is missing, damaged, of another build or another folder. */
  private load(name: string, dir: string): Map<string, Entry> {
    // Records come from YAML files of at most 8 MiB each; their JSON cannot be many times more.
    // A larger file is not read at all.
    const limit = 1024 * 1024 + 8 * this.yamlBytes([dir]);
    const data = readSealed(this.files, name, limit) as CacheFile | undefined;
    if (!data || data.format !== FORMAT || data.build !== buildId() || data.dir !== dir || !Array.isArray(data.entries)) return new Map();
    return new Map(data.entries.filter(isEntry).map((e) => [e.name, e]));
  }

  /** The file read and parsed. */
  private parse(dir: string, path: string, readYamlFile: ReadYamlFile): Parsed {
    const readAt = this.now();
    const stamp = stampOf(path);
    const hash = stamp && contentHash(path, stamp.size, dir);
    // A user's folder holds methods only, and perhaps its own words.yaml (see readFolder).
    const read = readYamlFile(path, path, userModelKeyOf(dir, path), dir);
    return {
      name: path.slice(dir.length + 1),
      ...(stamp ?? { size: 0, mtimeMs: 0, ctimeMs: 0, ino: 0 }),
      readAt,
      hash: hash ?? '',
      methods: read.methods.map(({ value, line }) => ({ value, line })),
      ...(read.model?.key === 'words' ? { words: read.model.value as Words } : {}),
      problems: read.problems.map(({ file: _file, ...rest }) => rest),
      ...(stamp && hash ? {} : { unstamped: true }),
    };
  }

  private save(name: string, dir: string, entries: Parsed[]): void {
    const kept = entries.filter((e) => !e.unstamped);
    const file: CacheFile = { format: FORMAT, build: buildId(), dir, entries: kept };
    if (!writeSealed(this.files, name, JSON.stringify(file))) return;
    // With every write: temporary files of killed writers, and the files of earlier formats (the
    // search snapshots were search/*.bin).
    this.files?.tidy('folders', (n) => EARLIER_FORMAT.test(n));
    this.files?.tidy('search', (n) => n.endsWith('.bin'));
  }
}

function stampOf(path: string): Stamp | undefined {
  try {
    // Plain numbers, not BigInt: cheaper by a fifth, and exact enough, since a file is trusted by
    // its times only once they lie CACHE_RACY_MS before it was read (see racy()).
    const s = statSync(path, { throwIfNoEntry: false });
    return s && { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
  } catch {
    return undefined;
  }
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** The file changed so shortly before `at` that another change in the same clock tick could hide. */
function racy(stamp: Stamp, at: number): boolean {
  return Math.max(stamp.mtimeMs, stamp.ctimeMs) > at - CACHE_RACY_MS;
}

/** Checksum of a file's bytes, read as the catalogue reads them; a file too big to load is known by its size alone. */
function contentHash(path: string, size: number, dir: string): string | undefined {
  if (size > MAX_FILE_BYTES) return checksum(`too-big:${size}`);
  const read = readRegularFile(path, { maxBytes: MAX_FILE_BYTES, inside: dir });
  return 'bytes' in read ? checksum(read.bytes) : undefined;
}

function isEntry(e: Entry): boolean {
  return (
    Boolean(e) &&
    typeof e.name === 'string' &&
    typeof e.hash === 'string' &&
    [e.size, e.mtimeMs, e.ctimeMs, e.ino, e.readAt].every((n) => typeof n === 'number') &&
    Array.isArray(e.problems) &&
    e.problems.every((p) => p && typeof p.message === 'string') &&
    Array.isArray(e.methods) &&
    e.methods.every((m) => m && typeof m.line === 'number' && isMethodShape(m.value)) &&
    (e.words === undefined || isWordsShape(e.words))
  );
}

function isMethodShape(m: Method): boolean {
  return (
    Boolean(m) &&
    typeof m.id === 'string' &&
    typeof m.name === 'string' &&
    typeof m.summary === 'string' &&
    typeof m.url === 'string' &&
    Array.isArray(m.elements) &&
    typeof m.source === 'object' &&
    m.source !== null
  );
}

/** Whether a cached word list still has the shape the schema gave it (it was validated when read). */
function isWordsShape(w: Words): boolean {
  const strings = (a: unknown) => Array.isArray(a) && a.every((x) => typeof x === 'string');
  return Boolean(w) && Array.isArray(w.words) && w.words.every((e) => e && strings(e.words) && strings(e.as) && typeof e.ground === 'string');
}
