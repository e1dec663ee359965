import { closeSync, readSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { CACHE_RACY_MS, MAX_FILE_BYTES } from '../model/defaults.js';
import { VERSION } from '../model/version.js';
import { crc32 } from './crc32.js';
import { ABANDONED_MS, cacheRoot as sharedCacheRoot, OwnCache } from './cache-root.js';
import type { Method } from '../model/schema.js';
import {
  folderProblem,
  yamlFiles,
  type ReadYamlFile,
  type FileContents,
  type FolderContents,
  type ModelKey,
} from '../catalogue/catalogue.js';
import { littleEndian, pack, unpack } from './pack.js';
import { readRegularFile } from '../io/read-file.js';
import { displayPath } from '../text/paths.js';
import { compiledCataloguePath } from '../io/package-paths.js';
import type { Problem } from '../catalogue/problem.js';

// A cache of the validated records of each user folder, so that a large catalogue is parsed once
// rather than on every run. Per folder there are two files: a small binary manifest with, per YAML
// file, its size, times, inode and content hash; and the records (with their problems) of those files.
// A file's cached records are used only while the file has exactly the size, mtime, ctime and inode
// it had when it was read; a file changed within CACHE_RACY_MS of being read is also checked
// against its content hash, since a second change in the same clock tick would leave its times
// unchanged. The list of files is reused while the folder and its methods/ subfolder keep the
// stamps they had when it was made (adding, removing or renaming a file changes them), under the
// same rule; every file is still stamped, since editing a file in place leaves its folder as it was.
// Problems are cached with the records, so an invalid file is reported on every run.
// The cache never makes a command fail: an unreadable, corrupt or oversized cache file counts as
// empty (the records file carries a checksum of its JSON, the binary manifest one per block, so one
// that parses but was changed is caught), and a failed write is ignored. Writes go to a temporary file
// that is then renamed. Only what is the user's own is read or written (src/store/cache-root.ts).


/** Bump when the layout of a cache file changes. */
const FORMAT = 4;

/** Cache files named by the sha1 of their folders (20 hex digits), as before FORMAT 4: never read again. */
const EARLIER_FORMAT = /^[0-9a-f]{20}\./;

/** Removes the files of an earlier format, and abandoned temporary files, from a folder of the cache (folders/, search/). */
export function removeEarlierFormats(files: OwnCache | undefined, sub: string): void {
  files?.tidy(sub, (name) => EARLIER_FORMAT.test(name));
}

/** The cache folder: $XDG_CACHE_HOME/methodewijzer, else ~/.cache/methodewijzer (src/store/cache-root.ts). */
export function cacheRoot(env: NodeJS.ProcessEnv): string | undefined {
  // node:os only when neither XDG_CACHE_HOME nor HOME is set, and only in runs with user folders.
  return sharedCacheRoot(env, () => process.getBuiltinModule('node:os').homedir());
}

/** Length of a checksum in hex digits. */
export const CHECKSUM_CHARS = 8;

/**
 * CRC-32 of text (as UTF-8) or bytes, as 8 hex digits: made to catch damage to stored data, and used
 * here for that (a cache file changed at the same length) and to tell a changed file from the copy in
 * the cache. Nothing here needs a cryptographic hash, and node:crypto costs 3-7 ms to load on Node 22
 * and 24, on every run with a user folder (see core/crc32.ts for node:zlib).
 */
export function checksum(data: string | Uint8Array, batch?: number): string {
  return crc32(data, batch).toString(16).padStart(CHECKSUM_CHARS, '0');
}

let build: string | undefined;

/**
 * Identifies the program and its built-in catalogue: a new version or a new build (which rewrites
 * dist/catalogue.json) invalidates every cache, since validation rules may have changed with it.
 */
export function buildId(): string {
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

/**
 * Reads a file from the cache folder through the bounded reader; undefined when it is not there, is
 * no regular file, or holds more than `maxBytes` (more than it could honestly hold: it is not read).
 */
export function readCacheFile(files: OwnCache | undefined, name: string, maxBytes: number): Buffer | undefined {
  return files?.read(name, maxBytes);
}

// The records files are JSON behind a line with its checksum, so that a file that still parses but
// was damaged (a bit flipped, a field edited) is discarded and rebuilt, never trusted.
function sealed(json: string): string {
  return `${checksum(json)}\n${json}`;
}

function unsealed(bytes: Buffer | undefined): unknown {
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

/** A cache file opened for reading parts of it. */
export interface CacheReader {
  size: number;
  read(offset: number, length: number): Buffer | undefined;
  close(): void;
}

export function openCacheFile(files: OwnCache | undefined, name: string): CacheReader | undefined {
  const file = files?.open(name);
  if (!file) return undefined;
  const { fd, size } = file;
  return {
    size,
    read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > size) return undefined;
      const buffer = Buffer.allocUnsafe(length);
      try {
        let done = 0;
        while (done < length) {
          const n = readSync(fd, buffer, done, length - done, offset + done);
          if (n === 0) return undefined;
          done += n;
        }
        return buffer;
      } catch {
        return undefined;
      }
    },
    close() {
      try {
        closeSync(fd);
      } catch {
        // Already closed.
      }
    },
  };
}

/** Writes a file into the cache folder atomically (temporary file, then rename). Never throws. */
export function writeCacheFile(files: OwnCache | undefined, name: string, data: string | Uint8Array): boolean {
  return files?.write(name, data) ?? false;
}

/** Removes a cache file found damaged, so the next run builds it afresh. */
export function removeCacheFile(files: OwnCache | undefined, name: string): void {
  files?.remove(name);
}

/** What a file's (or folder's) stat says about it, as plain numbers (milliseconds with a fraction). */
interface Stamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

interface ManifestEntry extends Stamp {
  /** Path inside the folder, e.g. `methods/a.yaml`. */
  name: string;
  /** When the file was read (ms since the epoch). */
  readAt: number;
  /** Checksum of the file's bytes as they were read. */
  hash: string;
}

/**
 * The folder and its `methods/` subfolder as they were when their files were listed. While both
 * still have exactly these stamps, no file was added, removed or renamed, and the list is reused.
 */
interface Listing {
  dir: Stamp;
  /** Undefined when there was no `methods/` subfolder. */
  methods?: Stamp;
  at: number;
}

interface Manifest {
  build: string;
  dir: string;
  /** Name of the records file written together with this manifest. */
  records: string;
  /** Stands for the entries' names, stamps and hashes (entriesKey): the folder's part of catalogueKey. */
  key: string;
  /** Present when the entries are every YAML file the folder had. */
  listing?: Listing;
  entries: ManifestEntry[];
}

interface RecordsEntry {
  methods: { value: Method; line: number }[];
  problems: Omit<Problem, 'file'>[];
  model?: FileContents['model'];
}

interface RecordsFile {
  format: number;
  /** The same name the manifest points at, so a records file from another write is never mixed in. */
  name: string;
  files: Record<string, RecordsEntry>;
}

interface FileState {
  path: string;
  name: string;
  stamp?: Stamp;
  /** A manifest entry that still matches the file. */
  entry?: ManifestEntry;
  records?: RecordsEntry;
}

interface FolderState {
  dir: string;
  problem?: Problem;
  files: FileState[];
  /** The records file the manifest points at, when it exists. */
  recordsName?: string;
  recordsLoaded: boolean;
  /** The cache needs writing (an entry was added, dropped or re-checked). */
  dirty: boolean;
  contents?: FolderContents;
  /** The folder's stamps, taken before its files were listed. */
  listing?: Listing;
  /** The folder's part of catalogueKey, once known. */
  key?: string;
}

/** Reads user folders through the cache. One instance per run. */
export class FolderCache {
  private readonly states = new Map<string, FolderState>();
  /** The cache folder's files, where they are the user's own; undefined without a cache folder. */
  readonly files: OwnCache | undefined;

  /** `report` is told (under METHODEWIJZER_DEBUG) when a part of the cache is not the user's own and is left alone. */
  constructor(
    root: string | undefined,
    private readonly now: () => number = Date.now,
    report?: (line: string) => void,
  ) {
    this.files = root ? new OwnCache(root, report) : undefined;
  }

  /**
   * The folder's records and problems, from the cache where still valid; parses the rest and saves.
   * `yaml` gives the YAML reader; it is called (and yaml and zod loaded) only when a file must be parsed.
   */
  async read(dir: string, yaml: () => Promise<{ readYamlFile: ReadYamlFile }>): Promise<FolderContents> {
    const state = this.inspect(dir);
    if (state.contents) return state.contents;
    if (state.problem) return (state.contents = { methods: [], problems: [state.problem] });
    this.loadRecords(state);
    const stale = state.files.filter((f) => !f.records);
    const { readYamlFile } = stale.length ? await yaml() : { readYamlFile: undefined };
    for (const file of stale) {
      this.parse(dir, file, readYamlFile!);
      state.dirty = true;
    }
    if (state.dirty) this.save(state);
    const contents: FolderContents = { methods: [], problems: [] };
    for (const file of state.files) {
      const shown = displayPath(file.path);
      const records = file.records!;
      for (const { value, line } of records.methods) contents.methods.push({ value, file: shown, line });
      for (const p of records.problems) contents.problems.push({ file: shown, ...p });
      if (records.model) (contents as Record<ModelKey, unknown>)[records.model.key] = records.model.value;
    }
    return (state.contents = contents);
  }

  /**
   * A key that changes whenever any file of these folders changes (or the program is rebuilt), for
   * caches derived from the whole catalogue, such as the search snapshot. Undefined while a folder
   * has files not yet in the cache.
   */
  catalogueKey(dirs: string[]): string | undefined {
    const parts = [buildId(), process.cwd()];
    for (const dir of dirs) {
      const state = this.inspect(dir);
      if (state.problem) {
        parts.push(`${dir}\0${state.problem.message}`);
        continue;
      }
      if (!state.files.every((f) => f.entry)) return undefined;
      state.key ??= entriesKey(state.files.map((f) => f.entry!));
      parts.push(`${dir}\0${state.key}`);
    }
    // Short (a checksum per folder), so kept whole rather than hashed again.
    return parts.join('\n');
  }

  private inspect(dir: string): FolderState {
    const known = this.states.get(dir);
    if (known) return known;
    const state: FolderState = { dir, files: [], dirty: false, recordsLoaded: false };
    this.states.set(dir, state);
    const now = this.now();
    const listing = listingOf(dir, now);
    const manifest = this.loadManifest(dir);
    let paths: string[];
    const reused = Boolean(listing && manifest?.listing && sameListing(manifest.listing, listing));
    if (reused) {
      // Nothing was added, removed or renamed since the files were listed: skip listing them again.
      paths = manifest!.entries.map((e) => `${dir}${sep}${e.name}`);
    } else {
      state.problem = folderProblem(dir);
      if (state.problem) return state;
      paths = yamlFiles(dir);
    }
    state.listing = listing;

    // A reused list is the manifest's entries, in order; else entries are found by name.
    const cached = new Map(reused ? [] : (manifest?.entries ?? []).map((e) => [e.name, e]));
    state.recordsName = manifest?.records;
    let upgraded = false;
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i];
      const name = path.slice(dir.length + 1);
      const file: FileState = { path, name, stamp: stampOf(path) };
      const entry = reused ? manifest!.entries[i] : cached.get(name);
      cached.delete(name);
      if (entry && file.stamp && sameStamp(entry, file.stamp)) {
        if (trusted(entry)) file.entry = entry;
        else if (contentHash(path, file.stamp.size, dir) === entry.hash) {
          file.entry = entry;
          // Old enough now that a later change must show in its times: trust it from here on.
          if (!racy(file.stamp, now)) {
            file.entry = { ...entry, readAt: now };
            upgraded = true;
          }
        }
      }
      state.files.push(file);
    }
    if (state.recordsName && !this.files?.has(join('folders', state.recordsName))) {
      state.recordsName = undefined;
      for (const f of state.files) f.entry = undefined;
    }
    // Unchanged entries, all of them: the key written with the manifest still holds.
    if (manifest && !upgraded && cached.size === 0 && state.files.every((f) => f.entry)) state.key = manifest.key;
    // The manifest may always shrink to the files still valid (a file was deleted, say); their
    // records stay where they are.
    if ((upgraded || cached.size > 0) && state.recordsName) this.writeManifest(state, state.recordsName);
    return state;
  }

  private baseName(dir: string): string {
    // Two folders with the same checksum would share the file and rebuild it in turn (the manifest names its folder).
    return checksum(dir);
  }

  private loadManifest(dir: string): Manifest | undefined {
    const file = openCacheFile(this.files, join('folders', `${this.baseName(dir)}.manifest`));
    if (!file) return undefined;
    try {
      return readManifest(file, dir);
    } finally {
      file.close();
    }
  }

  /** Attaches the cached records to the files whose manifest entry still holds; drops the rest. */
  private loadRecords(state: FolderState): void {
    if (state.recordsLoaded) return;
    state.recordsLoaded = true;
    if (!state.recordsName || !state.files.some((f) => f.entry)) return;
    const data = unsealed(readCacheFile(this.files, join('folders', state.recordsName), recordsLimit(state))) as RecordsFile | undefined;
    const valid = data && data.format === FORMAT && data.name === state.recordsName && typeof data.files === 'object' && data.files !== null;
    for (const file of state.files) {
      const records = valid && file.entry ? data!.files[file.name] : undefined;
      if (records && isRecordsEntry(records)) file.records = records;
      else if (file.entry) {
        file.entry = undefined;
        state.dirty = true;
      }
    }
  }

  private parse(dir: string, file: FileState, readYamlFile: ReadYamlFile): void {
    const readAt = this.now();
    const hash = file.stamp && contentHash(file.path, file.stamp.size, dir);
    // A user's folder holds methods only (see readFolder).
    const read = readYamlFile(file.path, file.path, undefined, dir);
    file.records = {
      methods: read.methods.map(({ value, line }) => ({ value, line })),
      problems: read.problems.map(({ file: _file, ...rest }) => rest),
      ...(read.model ? { model: read.model } : {}),
    };
    // A file that could not be stamped or hashed (it vanished while we looked) is not cached.
    file.entry = file.stamp && hash ? { name: file.name, ...file.stamp, readAt, hash } : undefined;
  }

  private save(state: FolderState): void {
    const base = this.baseName(state.dir);
    const cached = state.files.filter((f) => f.entry && f.records);
    const recordsName = `${base}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.records.json`;
    const records: RecordsFile = { format: FORMAT, name: recordsName, files: Object.fromEntries(cached.map((f) => [f.name, f.records!])) };
    // Records first, then the manifest that points at them; a crash in between leaves the old pair.
    if (!writeCacheFile(this.files, join('folders', recordsName), sealed(JSON.stringify(records)))) return;
    if (!this.writeManifest(state, recordsName)) {
      removeCacheFile(this.files, join('folders', recordsName));
      return;
    }
    // Older records files of this folder: the one replaced, and any left by a crash or a corrupt
    // manifest once they are ABANDONED_MS old (a younger one may be another run's, written just now,
    // whose manifest is about to point at it: runs started at once must not remove each other's).
    // Also a manifest in the JSON of earlier versions, any folder's files of an earlier format, and
    // temporary files of killed writers.
    const replaced = state.recordsName;
    this.files?.tidy('folders', (name, age) =>
      name.startsWith(`${base}.`) && name.endsWith('.records.json') && name !== recordsName
        ? name === replaced || age > ABANDONED_MS
        : name === `${base}.json` || EARLIER_FORMAT.test(name),
    );
    state.recordsName = recordsName;
    state.dirty = false;
  }

  private writeManifest(state: FolderState, recordsName: string): boolean {
    const entries = state.files.flatMap((f) => (f.entry ? [f.entry] : []));
    state.key = entriesKey(entries);
    // The list may be reused only when it holds every file: one that could not be read (a broken
    // link, say) must be listed, and reported, again.
    const listing = state.listing && entries.length === state.files.length ? state.listing : undefined;
    const manifest: Manifest = { build: buildId(), dir: state.dir, records: recordsName, key: state.key, listing, entries };
    return writeCacheFile(this.files, join('folders', `${this.baseName(state.dir)}.manifest`), packManifest(manifest));
  }
}

/** The records of a folder come from its YAML files, at most 8 MiB each; their JSON cannot be many times more. */
function recordsLimit(state: FolderState): number {
  let yamlBytes = 0;
  for (const f of state.files) yamlBytes += f.stamp?.size ?? 0;
  return 1024 * 1024 + 8 * yamlBytes;
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

/** The folder's and its `methods/` subfolder's stamps; undefined when they cannot be taken. */
function listingOf(dir: string, at: number): Listing | undefined {
  try {
    const d = statSync(dir, { throwIfNoEntry: false });
    if (!d?.isDirectory()) return undefined;
    const m = statSync(join(dir, 'methods'), { throwIfNoEntry: false });
    const stamp = (s: NonNullable<typeof d>): Stamp => ({ size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino });
    return { dir: stamp(d), methods: m?.isDirectory() ? stamp(m) : undefined, at };
  } catch {
    // ENOTDIR for methods/ is a file named so; anything else: list the folder and let it report why.
    return undefined;
  }
}

/** A listing from the manifest still holds: the folders have the same stamps, taken long enough after any change. */
function sameListing(old: Listing, now: Listing): boolean {
  if (racy(old.dir, old.at) || (old.methods && racy(old.methods, old.at))) return false;
  if (!sameStamp(old.dir, now.dir)) return false;
  return old.methods && now.methods ? sameStamp(old.methods, now.methods) : !old.methods && !now.methods;
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** The file changed so shortly before `at` that another change in the same clock tick could hide. */
function racy(stamp: Stamp, at: number): boolean {
  return Math.max(stamp.mtimeMs, stamp.ctimeMs) > at - CACHE_RACY_MS;
}

function trusted(entry: ManifestEntry): boolean {
  return !racy(entry, entry.readAt);
}

/** Checksum of a file's bytes, read as the catalogue reads them; a file too big to load is known by its size alone. */
function contentHash(path: string, size: number, dir: string): string | undefined {
  if (size > MAX_FILE_BYTES) return checksum(`too-big:${size}`);
  const read = readRegularFile(path, { maxBytes: MAX_FILE_BYTES, inside: dir });
  return 'bytes' in read ? checksum(read.bytes) : undefined;
}

/**
 * Changes whenever an entry does: a checksum of them all, with their number and the latest change
 * time in the clear. Any write, rename or chmod sets a file's ctime to now, so a change always shows
 * in the key, even in the rare case that the checksum stays the same.
 */
function entriesKey(entries: ManifestEntry[]): string {
  const latest = entries.reduce((max, e) => Math.max(max, e.ctimeMs), 0);
  return `${checksum(entries.map((e) => `${e.name}\0${e.size}\0${e.mtimeMs}\0${e.ctimeMs}\0${e.ino}\0${e.hash}`).join('\n'))}:${entries.length}:${latest}`;
}

// The manifest is read on every run with a user folder, so it is compact binary (pack.ts): a JSON
// header, the names, the numbers of every entry in one Float64Array, and the hashes as hex.
const STAMP_FIELDS = 5;

function packManifest({ entries, ...header }: Manifest): Uint8Array {
  const numbers = new Float64Array(entries.length * STAMP_FIELDS);
  entries.forEach((e, i) => numbers.set([e.size, e.mtimeMs, e.ctimeMs, e.ino, e.readAt], i * STAMP_FIELDS));
  const encoder = new TextEncoder();
  const sections = [encoder.encode(entries.map((e) => e.name).join('\n')), new Uint8Array(numbers.buffer), encoder.encode(entries.map((e) => e.hash).join(''))];
  return pack({ format: FORMAT, le: littleEndian(), count: entries.length, ...header }, sections);
}

/** The manifest of `dir`, when the file is one, whole, of this build; else undefined (it is rebuilt). */
function readManifest(file: CacheReader, dir: string): Manifest | undefined {
  const packed = unpack(file);
  const h = packed?.header as (Omit<Manifest, 'entries'> & { format: number; le: boolean; count: number }) | undefined;
  if (!packed || !h || h.format !== FORMAT || h.le !== littleEndian() || h.build !== buildId() || h.dir !== dir) return undefined;
  if (typeof h.key !== 'string' || typeof h.records !== 'string' || !/^[0-9a-f]{8}\.[0-9a-z]+\.records\.json$/.test(h.records)) return undefined;
  if (h.listing !== undefined && !isListing(h.listing)) return undefined;
  const [nameBytes, numberBytes, hashBytes] = [0, 1, 2].map((i) => packed.section(i));
  const n = h.count;
  if (!nameBytes || !numberBytes || !hashBytes || !Number.isSafeInteger(n)) return undefined;
  const names = n === 0 ? [] : new TextDecoder().decode(nameBytes).split('\n');
  if (names.length !== n || numberBytes.length !== n * STAMP_FIELDS * 8 || hashBytes.length !== n * CHECKSUM_CHARS) return undefined;
  const numbers = new Float64Array(numberBytes.byteOffset % 8 === 0 ? numberBytes.buffer : numberBytes.slice().buffer, numberBytes.byteOffset % 8 === 0 ? numberBytes.byteOffset : 0, n * STAMP_FIELDS);
  const hashes = Buffer.from(hashBytes.buffer, hashBytes.byteOffset, hashBytes.length).toString('latin1');
  const entries = names.map((name, i): ManifestEntry => {
    const at = i * STAMP_FIELDS;
    return { name, size: numbers[at], mtimeMs: numbers[at + 1], ctimeMs: numbers[at + 2], ino: numbers[at + 3], readAt: numbers[at + 4], hash: hashes.slice(i * CHECKSUM_CHARS, (i + 1) * CHECKSUM_CHARS) };
  });
  return { build: h.build, dir: h.dir, records: h.records, key: h.key, listing: h.listing, entries };
}

function isListing(l: Listing): boolean {
  const isStamp = (s: Stamp) => Boolean(s) && [s.size, s.mtimeMs, s.ctimeMs, s.ino].every((x) => typeof x === 'number');
  return Boolean(l) && typeof l.at === 'number' && isStamp(l.dir) && (l.methods === undefined || isStamp(l.methods));
}

function isRecordsEntry(e: RecordsEntry): boolean {
  return (
    Boolean(e) &&
    Array.isArray(e.problems) &&
    e.problems.every((p) => p && typeof p.message === 'string') &&
    Array.isArray(e.methods) &&
    e.methods.every((m) => m && typeof m.line === 'number' && isMethodShape(m.value))
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
