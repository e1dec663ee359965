import { closeSync, fstatSync, mkdirSync, openSync, readSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { CACHE_RACY_MS, MAX_FILE_BYTES } from '../defaults.js';
import type { Method } from '../schema.js';
import {
  folderProblem,
  yamlFiles,
  yamlReader,
  type FileContents,
  type FolderContents,
  type ModelKey,
} from './catalogue.js';
import { readRegularFile } from '../read-file.js';
import { compiledCataloguePath, displayPath } from './paths.js';
import type { Problem } from './problem.js';

// A cache of the validated records of each user folder, so that a large catalogue is parsed once
// rather than on every run. Per folder there are two files: a small manifest with, per YAML file,
// its size, times, inode and content hash; and the records (with their problems) of those files.
// A file's cached records are used only while the file has exactly the size, mtime, ctime and inode
// it had when it was read; a file changed within CACHE_RACY_MS of being read is also checked
// against its content hash, since a second change in the same clock tick would leave its times
// unchanged. Problems are cached with the records, so an invalid file is reported on every run.
// The cache never makes a command fail: an unreadable, corrupt or oversized cache file counts as
// empty (each file carries the sha1 of its JSON, so one that parses but was changed is caught), and a
// failed write is ignored. Writes go to a temporary file that is then renamed.

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

/** Bump when the layout of a cache file changes. */
const FORMAT = 3;

/** The cache folder: $XDG_CACHE_HOME/methodewijzer, else ~/.cache/methodewijzer. */
export function cacheRoot(env: NodeJS.ProcessEnv): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'methodewijzer');
  let home = env.HOME;
  try {
    home ||= (lazyRequire('node:os') as typeof import('node:os')).homedir();
  } catch {
    return undefined;
  }
  return home ? join(home, '.cache', 'methodewijzer') : undefined;
}

export function sha1(data: string | Uint8Array): string {
  const { createHash } = lazyRequire('node:crypto') as typeof import('node:crypto');
  return createHash('sha1').update(data).digest('hex');
}

// node:crypto and node:os cost start-up time on every run; only runs with user folders need them.
let requireBuiltin: NodeJS.Require | undefined;
function lazyRequire(id: string): unknown {
  requireBuiltin ??= createRequire(import.meta.url);
  return requireBuiltin(id);
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
export function readCacheFile(root: string | undefined, name: string, maxBytes: number): Buffer | undefined {
  if (!root) return undefined;
  const read = readRegularFile(join(root, name), { maxBytes });
  return 'bytes' in read ? read.bytes : undefined;
}

// The manifest and records files are JSON behind a line with its sha1, so that a file that still
// parses but was damaged (a bit flipped, a field edited) is discarded and rebuilt, never trusted.
function sealed(json: string): string {
  return `${sha1(json)}\n${json}`;
}

function unsealed(bytes: Buffer | undefined): unknown {
  if (!bytes) return undefined;
  const text = bytes.toString('utf8');
  const newline = text.indexOf('\n');
  if (newline !== 40) return undefined;
  const json = text.slice(41);
  if (sha1(json) !== text.slice(0, 40)) return undefined;
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

export function openCacheFile(root: string | undefined, name: string): CacheReader | undefined {
  if (!root) return undefined;
  let fd: number;
  try {
    fd = openSync(join(root, name), 'r');
  } catch {
    return undefined;
  }
  let size = 0;
  try {
    // The open file, not the path: a newer cache file may have been renamed into place meanwhile.
    size = fstatSync(fd).size;
  } catch {
    // Treated as empty.
  }
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
export function writeCacheFile(root: string | undefined, name: string, data: string | Uint8Array): boolean {
  if (!root) return false;
  const file = join(root, name);
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, file);
    return true;
  } catch {
    removeQuietly(temp);
    return false;
  }
}

/** Removes a cache file found damaged, so the next run builds it afresh. */
export function removeCacheFile(root: string | undefined, name: string): void {
  if (root) removeQuietly(join(root, name));
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Not there, or not ours to remove.
  }
}

interface Stamp {
  size: number;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
}

interface ManifestEntry extends Stamp {
  /** Path inside the folder, e.g. `methods/a.yaml`. */
  name: string;
  /** When the file was read (ms since the epoch). */
  readAt: number;
  /** sha1 of the file's bytes as they were read. */
  hash: string;
}

interface Manifest {
  format: number;
  build: string;
  dir: string;
  /** Name of the records file written together with this manifest. */
  records: string;
  files: ManifestEntry[];
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
}

/** Reads user folders through the cache. One instance per run. */
export class FolderCache {
  private readonly states = new Map<string, FolderState>();

  constructor(
    readonly root: string | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Whether the folder can be read without parsing any YAML. With `records` false only the small
   * manifest is consulted (enough for catalogueKey); with true the cached records are loaded and
   * checked too, as read() will need them.
   */
  isFresh(dir: string, records = true): boolean {
    const state = this.inspect(dir);
    if (state.problem) return true;
    if (!state.files.every((f) => f.entry)) return false;
    if (!records) return state.files.length === 0 || state.recordsName !== undefined;
    this.loadRecords(state);
    return state.files.every((f) => f.records);
  }

  /** The folder's records and problems, from the cache where still valid; parses the rest and saves. */
  read(dir: string): FolderContents {
    const state = this.inspect(dir);
    if (state.contents) return state.contents;
    if (state.problem) return (state.contents = { methods: [], problems: [state.problem] });
    this.loadRecords(state);
    for (const file of state.files) {
      if (file.records) continue;
      this.parse(dir, file);
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
      parts.push(dir);
      for (const f of state.files) {
        if (!f.entry) return undefined;
        const e = f.entry;
        parts.push(`${f.name}\0${e.size}\0${e.mtimeNs}\0${e.ctimeNs}\0${e.ino}\0${e.hash}`);
      }
    }
    return sha1(parts.join('\n'));
  }

  private inspect(dir: string): FolderState {
    const known = this.states.get(dir);
    if (known) return known;
    const state: FolderState = { dir, files: [], dirty: false, recordsLoaded: false };
    this.states.set(dir, state);
    state.problem = folderProblem(dir);
    if (state.problem) return state;

    const paths = yamlFiles(dir);
    const manifest = this.loadManifest(dir, paths);
    const cached = new Map((manifest?.files ?? []).map((e) => [e.name, e]));
    state.recordsName = manifest?.records;
    const now = this.now();
    let upgraded = false;
    for (const path of paths) {
      const name = path.slice(dir.length + 1);
      const file: FileState = { path, name, stamp: stampOf(path) };
      const entry = cached.get(name);
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
    if (state.recordsName && !existsQuietly(this.root, join('folders', state.recordsName))) {
      state.recordsName = undefined;
      for (const f of state.files) f.entry = undefined;
    }
    // The manifest may always shrink to the files still valid (a file was deleted, say); their
    // records stay where they are.
    if ((upgraded || cached.size > 0) && state.recordsName) this.writeManifest(state, state.recordsName);
    return state;
  }

  private baseName(dir: string): string {
    return sha1(dir).slice(0, 20);
  }

  private loadManifest(dir: string, paths: string[]): Manifest | undefined {
    const data = unsealed(readCacheFile(this.root, join('folders', `${this.baseName(dir)}.json`), manifestLimit(dir, paths))) as Manifest;
    return isManifest(data) && data.build === buildId() && data.dir === dir ? data : undefined;
  }

  /** Attaches the cached records to the files whose manifest entry still holds; drops the rest. */
  private loadRecords(state: FolderState): void {
    if (state.recordsLoaded) return;
    state.recordsLoaded = true;
    if (!state.recordsName || !state.files.some((f) => f.entry)) return;
    const data = unsealed(readCacheFile(this.root, join('folders', state.recordsName), recordsLimit(state))) as RecordsFile | undefined;
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

  private parse(dir: string, file: FileState): void {
    const readAt = this.now();
    const hash = file.stamp && contentHash(file.path, file.stamp.size, dir);
    // A user's folder holds methods only (see readFolder).
    const read = yamlReader().readYamlFile(file.path, file.path, undefined, dir);
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
    if (!writeCacheFile(this.root, join('folders', recordsName), sealed(JSON.stringify(records)))) return;
    if (!this.writeManifest(state, recordsName)) {
      removeQuietly(join(this.root!, 'folders', recordsName));
      return;
    }
    // Older records files of this folder: the one replaced, and any left by a crash or a corrupt manifest.
    try {
      for (const name of readdirSync(join(this.root!, 'folders'))) {
        if (name.startsWith(`${base}.`) && name.endsWith('.records.json') && name !== recordsName) removeQuietly(join(this.root!, 'folders', name));
      }
    } catch {
      // Nothing to tidy.
    }
    state.recordsName = recordsName;
    state.dirty = false;
  }

  private writeManifest(state: FolderState, recordsName: string): boolean {
    const files = state.files.flatMap((f) => (f.entry ? [f.entry] : []));
    const manifest: Manifest = { format: FORMAT, build: buildId(), dir: state.dir, records: recordsName, files };
    return writeCacheFile(this.root, join('folders', `${this.baseName(state.dir)}.json`), sealed(JSON.stringify(manifest)));
  }
}

/**
 * The most a manifest for these files can honestly hold: per file its name (every byte escaped at
 * worst) and the fixed fields. A larger file (a corrupt one of 1.5 GB, say) is not read at all.
 */
function manifestLimit(dir: string, paths: string[]): number {
  let limit = 1024 + 6 * Buffer.byteLength(dir);
  for (const path of paths) limit += 512 + 6 * Buffer.byteLength(path);
  return limit;
}

/** The records of a folder come from its YAML files, at most 8 MiB each; their JSON cannot be many times more. */
function recordsLimit(state: FolderState): number {
  let yamlBytes = 0;
  for (const f of state.files) yamlBytes += f.stamp?.size ?? 0;
  return 1024 * 1024 + 8 * yamlBytes;
}

function existsQuietly(root: string | undefined, name: string): boolean {
  if (!root) return false;
  try {
    return statSync(join(root, name)).isFile();
  } catch {
    return false;
  }
}

function stampOf(path: string): Stamp | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return { size: Number(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs), ino: String(s.ino) };
  } catch {
    return undefined;
  }
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.ino === b.ino;
}

/** The file changed so shortly before `at` that another change in the same clock tick could hide. */
function racy(stamp: Stamp, at: number): boolean {
  const latest = Number(BigInt(stamp.mtimeNs > stamp.ctimeNs ? stamp.mtimeNs : stamp.ctimeNs) / 1_000_000n);
  return latest > at - CACHE_RACY_MS;
}

function trusted(entry: ManifestEntry): boolean {
  return !racy(entry, entry.readAt);
}

/** sha1 of a file's bytes, read as the catalogue reads them; a file too big to load is known by its size alone. */
function contentHash(path: string, size: number, dir: string): string | undefined {
  if (size > MAX_FILE_BYTES) return `too-big:${size}`;
  const read = readRegularFile(path, { maxBytes: MAX_FILE_BYTES, inside: dir });
  return 'bytes' in read ? sha1(read.bytes) : undefined;
}

/** Cheap shape checks, so a damaged or foreign cache file is ignored rather than trusted. */
function isManifest(data: unknown): data is Manifest {
  const d = data as Manifest;
  return (
    Boolean(d) &&
    typeof d === 'object' &&
    d.format === FORMAT &&
    typeof d.build === 'string' &&
    typeof d.records === 'string' &&
    /^[0-9a-f]{20}\.[0-9a-z]+\.records\.json$/.test(d.records) &&
    Array.isArray(d.files) &&
    d.files.every(
      (e) =>
        e &&
        typeof e.name === 'string' &&
        typeof e.size === 'number' &&
        typeof e.mtimeNs === 'string' &&
        /^\d+$/.test(e.mtimeNs) &&
        typeof e.ctimeNs === 'string' &&
        /^\d+$/.test(e.ctimeNs) &&
        typeof e.ino === 'string' &&
        typeof e.readAt === 'number' &&
        typeof e.hash === 'string',
    )
  );
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
