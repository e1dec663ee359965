import {
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  futimesSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, posix, win32 } from 'node:path';
import { tempName } from '../io/temp-name.js';

// The CLI's cache folder and the one way into it, shared by the CLI and boot.ts (which may load
// nothing of the CLI to start it), so it needs node:fs and node:path only.
//
// The cache root may lie where another local user can make it first (XDG_CACHE_HOME or HOME under
// /tmp, `sudo -E`), and what lies in it is run (the V8 code cache) or shown as valid data (the folder
// caches). So a folder or file of the cache is used only when it is the user's own: owned by them,
// writable by nobody else, no symbolic link (docs/search.md, "Cache"). Everything is made 0700
// (folders) and 0600 (files), whatever the umask; temporary files are made exclusively, under random
// names, never through a link.

/**
 * The CLI's own folder of a kind ('cache': what may be removed at any time; 'data': the dossiers), by
 * the rules of the env-paths package, which this repeats rather than imports: boot.ts finds the code
 * cache with it before anything else is loaded, and may use Node's built-ins only (env-paths is ESM,
 * and needs node:os and node:process at load time).
 * - Linux and the rest: $XDG_CACHE_HOME or ~/.cache, $XDG_DATA_HOME or ~/.local/share;
 * - macOS: ~/Library/Caches, ~/Library/Application Support;
 * - Windows: %LOCALAPPDATA% (else ~\AppData\Local)\methodewijzer\Cache or \Data.
 * An XDG variable, when set, is followed on every system: the user (or a test) chose that folder.
 * Relative paths are ignored (they would name a folder wherever the CLI is run); undefined when
 * there is no home. `homedir` is asked only without a usable HOME (USERPROFILE on Windows), since
 * node:os costs start-up time. `platform` is for the tests.
 */
export function userFolder(
  kind: 'cache' | 'data',
  env: NodeJS.ProcessEnv,
  homedir: () => string,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const path = platform === 'win32' ? win32 : posix;
  const xdg = kind === 'cache' ? env.XDG_CACHE_HOME : env.XDG_DATA_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, NAME);
  if (platform === 'win32' && env.LOCALAPPDATA && path.isAbsolute(env.LOCALAPPDATA)) {
    return path.join(env.LOCALAPPDATA, NAME, kind === 'cache' ? 'Cache' : 'Data');
  }
  let home = platform === 'win32' ? env.USERPROFILE : env.HOME;
  try {
    if (!home || !path.isAbsolute(home)) home = homedir();
  } catch {
    return undefined;
  }
  if (!home || !path.isAbsolute(home)) return undefined;
  if (platform === 'win32') return path.join(home, 'AppData', 'Local', NAME, kind === 'cache' ? 'Cache' : 'Data');
  if (platform === 'darwin') return path.join(home, 'Library', kind === 'cache' ? 'Caches' : 'Application Support', NAME);
  return kind === 'cache' ? path.join(home, '.cache', NAME) : path.join(home, '.local', 'share', NAME);
}

const NAME = 'methodewijzer';

/** The CLI's cache folder (userFolder's rules). */
export function cacheRoot(env: NodeJS.ProcessEnv, homedir: () => string, platform: NodeJS.Platform = process.platform): string | undefined {
  return userFolder('cache', env, homedir, platform);
}

/** A temporary file this old was left by a process that was killed while writing it. */
export const ABANDONED_MS = 60_000;

const uid = process.getuid?.();
const gid = process.getgid?.();
/** Windows has neither owners nor modes in the POSIX sense: there only links are refused. */
const POSIX = process.platform !== 'win32';
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** Why an entry of the cache is not the user's own, or undefined when it is. */
function distrust(s: Stats, folder: boolean): string | undefined {
  if (s.isSymbolicLink()) return 'is een symbolische koppeling';
  if (folder ? !s.isDirectory() : !s.isFile()) return folder ? 'is geen map' : 'is geen gewoon bestand';
  if (uid !== undefined && s.uid !== uid) return `is van een andere gebruiker (uid ${s.uid})`;
  if (POSIX && s.mode & 0o022) return `is schrijfbaar voor anderen (modus ${(s.mode & 0o777).toString(8)})`;
  return undefined;
}

/**
 * Why the folder the root lies in lets someone else swap the root, or undefined. Writable by the
 * group is fine when it is the user's own group (as ~/.cache is, 0775, where every user has a group
 * of their own and the umask is 002); sticky (as /tmp is) too: others may add entries there, but
 * not rename or remove ours.
 */
function distrustParent(s: Stats): string | undefined {
  if (uid !== undefined && s.uid !== uid && s.uid !== 0) return `ligt in een map van een andere gebruiker (uid ${s.uid})`;
  const othersWrite = s.mode & 0o002 || (s.mode & 0o020 && s.gid !== gid);
  if (POSIX && othersWrite && !(s.mode & 0o1000)) return 'ligt in een map waarin anderen mogen schrijven';
  return undefined;
}

/** The folder of a name in the cache, '' for the root. */
const folderOf = (name: string) => (dirname(name) === '.' ? '' : dirname(name));

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Our temporary files: tempName's (16 hex digits), also as earlier versions named them (12 digits, or `<file>.<pid>.tmp`). */
const TEMP = /^\..+\.[0-9a-f]{12,16}\.tmp$|^[^.].*\.bin\.\d+\.tmp$/;

/**
 * What a debug line named already in this process: boot.cjs and cli.cjs each bundle this module, and
 * both may meet the same stranger's folder.
 */
const said = ((globalThis as Record<symbol, unknown>)[Symbol.for('methodewijzer.cache-refused')] ??= new Set<string>()) as Set<string>;

/**
 * The cache folder, used only where it is the user's own. Paths are given relative to the root
 * (`folders/x.json`). Nothing here throws: what cannot be used counts as not there, and what is
 * refused is said once, through `report` (under METHODEWIJZER_DEBUG).
 */
export class OwnCache {
  /** Folders checked and found the user's own in this run. */
  private readonly trusted = new Set<string>();
  /** Paths found not the user's own in this run. */
  private readonly refused = new Set<string>();

  constructor(
    readonly root: string,
    private readonly report: (line: string) => void = () => undefined,
  ) {}

  private refuse(path: string, why: string): undefined {
    this.refused.add(path);
    if (!said.has(path)) {
      said.add(path);
      this.report(`methodewijzer: cache niet gebruikt: ${path.replace(/[\p{Cc}]/gu, '?')} ${why}\n`);
    }
    return undefined;
  }

  /**
   * The folder `sub` of the cache ('' for the root), each folder from the root down checked (and
   * made, 0700, when `create`); undefined when it is missing, cannot be made, or is not the user's own.
   */
  folder(sub: string, create = false): string | undefined {
    const path = sub ? join(this.root, sub) : this.root;
    if (this.trusted.has(path)) return path;
    if (this.refused.has(this.root)) return undefined;
    if (!this.trusted.has(this.root)) {
      const parent = dirname(this.root);
      if (create) {
        try {
          mkdirSync(parent, { recursive: true, mode: 0o700 });
        } catch {
          return undefined;
        }
      }
      let s: Stats | undefined;
      try {
        s = statSync(parent, { throwIfNoEntry: false });
      } catch {
        // As missing.
      }
      if (!s) return undefined;
      const why = distrustParent(s);
      if (why) return this.refuse(this.root, why);
    }
    let at = this.root;
    for (const part of ['', ...(sub ? sub.split(/[\\/]/) : [])]) {
      if (part) at = join(at, part);
      if (this.trusted.has(at)) continue;
      let s = lstatOrUndefined(at);
      if (!s && create) {
        try {
          mkdirSync(at, { mode: 0o700 });
        } catch {
          // Made by another run meanwhile, or not to be made: the lstat says which.
        }
        s = lstatOrUndefined(at);
      }
      if (!s) return undefined;
      const why = distrust(s, true);
      if (why) return this.refuse(at, why);
      // A folder an earlier version made readable by others (0755): ours, so closed now.
      if (POSIX && s.mode & 0o077) {
        try {
          chmodSync(at, 0o700);
        } catch {
          // Still not writable by others, which is what counts.
        }
      }
      this.trusted.add(at);
    }
    return path;
  }

  /** The file's status when it exists in a folder of ours and is the user's own; undefined otherwise. */
  private ownFile(name: string): { path: string; stat?: Stats } | undefined {
    const folder = this.folder(folderOf(name));
    if (!folder) return undefined;
    const path = join(this.root, name);
    const stat = lstatOrUndefined(path);
    if (stat) {
      const why = distrust(stat, false);
      if (why) return this.refuse(path, why);
    }
    return { path, stat };
  }

  /** The file opened for reading, with its status, when it is there and the user's own. */
  open(name: string): { fd: number; size: number; mtimeMs: number } | undefined {
    const own = this.ownFile(name);
    if (!own?.stat) return undefined;
    let fd: number | undefined;
    try {
      fd = openSync(own.path, constants.O_RDONLY | constants.O_NONBLOCK | NOFOLLOW);
      // The open file, not the path: the same one that was checked (a newer one may have been renamed in since).
      const s = fstatSync(fd);
      if (s.ino !== own.stat.ino || s.dev !== own.stat.dev || distrust(s, false)) {
        closeSync(fd);
        return undefined;
      }
      return { fd, size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      if (fd !== undefined) closeSync(fd);
      return undefined;
    }
  }

  /**
   * The whole file, when it is the user's own and holds no more than `maxBytes`. With `freshenMs`, a
   * file last written longer ago than that gets its time set to now: `trim` keeps the files used
   * most recently, and a file that is only ever read would otherwise look unused. Once in a while,
   * not on every read, since every run reads.
   */
  read(name: string, maxBytes: number, freshenMs?: number): Buffer | undefined {
    const file = this.open(name);
    if (!file) return undefined;
    try {
      if (file.size > maxBytes) return undefined;
      if (freshenMs !== undefined && Date.now() - file.mtimeMs > freshenMs) {
        try {
          const now = new Date();
          futimesSync(file.fd, now, now);
        } catch {
          // A read-only cache: it is read all the same.
        }
      }
      const bytes = Buffer.allocUnsafe(file.size);
      let done = 0;
      while (done < file.size) {
        const n = readSync(file.fd, bytes, done, file.size - done, done);
        if (n === 0) return undefined;
        done += n;
      }
      return bytes;
    } catch {
      return undefined;
    } finally {
      closeSync(file.fd);
    }
  }

  /** Whether the file is there and the user's own. */
  has(name: string): boolean {
    return Boolean(this.ownFile(name)?.stat);
  }

  /**
   * Writes the file (0600) so that it is never seen half-written: into a temporary file, made
   * exclusively under a random name, then renamed into place. False when it fails, or when what
   * is there now is not the user's own (that is left alone).
   */
  write(name: string, data: string | Uint8Array): boolean {
    if (!this.folder(folderOf(name), true)) return false;
    const own = this.ownFile(name);
    if (!own) return false;
    const temp = join(dirname(own.path), tempName(basename(name)));
    let fd: number | undefined;
    try {
      fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      closeSync(fd);
      fd = undefined;
      renameSync(temp, own.path);
      return true;
    } catch {
      if (fd !== undefined) closeSync(fd);
      try {
        unlinkSync(temp);
      } catch {
        // Never made.
      }
      return false;
    }
  }

  /** Removes the file, when it is the user's own. */
  remove(name: string): void {
    const own = this.ownFile(name);
    if (!own?.stat) return;
    try {
      unlinkSync(own.path);
    } catch {
      // Gone already.
    }
  }

  /**
   * Keeps folder `sub` within `maxFiles` files and `maxBytes` bytes: the files written (or freshened,
   * see read) most recently are kept, the rest removed, oldest first; the newest is always kept,
   * whatever its size. Only the user's own regular files, never through a link; temporary files are
   * left to tidy.
   */
  trim(sub: string, maxFiles: number, maxBytes: number): void {
    const folder = this.folder(sub);
    if (!folder) return;
    const files: { path: string; size: number; mtimeMs: number }[] = [];
    try {
      for (const name of readdirSync(folder)) {
        if (TEMP.test(name)) continue;
        const path = join(folder, name);
        const s = lstatOrUndefined(path);
        if (s && !distrust(s, false)) files.push({ path, size: s.size, mtimeMs: s.mtimeMs });
      }
    } catch {
      return;
    }
    files.sort((a, b) => b.mtimeMs - a.mtimeMs);
    let bytes = 0;
    for (const [i, file] of files.entries()) {
      bytes += file.size;
      if (i === 0 || (i < maxFiles && bytes <= maxBytes)) continue;
      try {
        unlinkSync(file.path);
      } catch {
        // Removed by another run meanwhile.
      }
    }
  }

  /**
   * Removes folder `sub` of the cache when it is the user's own: its own regular files, then the
   * folder, if that left it empty (anything else in it, a stranger's file or a link, keeps it).
   */
  removeFolder(sub: string): void {
    const folder = this.folder(sub);
    if (!folder) return;
    this.tidy(sub, () => true);
    try {
      rmdirSync(folder);
    } catch {
      // Not empty, or gone already.
    }
    this.trusted.delete(folder);
  }

  /** The names in the cache's root folder; none when it cannot be read or is not the user's own. */
  list(): string[] {
    const folder = this.folder('');
    if (!folder) return [];
    try {
      return readdirSync(folder);
    } catch {
      return [];
    }
  }

  /**
   * The names in folder `sub` that `stale` picks, and temporary files older than ABANDONED_MS (a
   * writer killed midway), are removed: only the user's own regular files, never through a link.
   * `stale` gets the name and the file's age in milliseconds.
   */
  tidy(sub: string, stale: (name: string, ageMs: number) => boolean = () => false): void {
    const folder = this.folder(sub);
    if (!folder) return;
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    const now = Date.now();
    for (const name of names) {
      const path = join(folder, name);
      const s = lstatOrUndefined(path);
      if (!s || distrust(s, false)) continue;
      const age = now - s.mtimeMs;
      if (TEMP.test(name) ? age <= ABANDONED_MS : !stale(name, age)) continue;
      try {
        unlinkSync(path);
      } catch {
        // Removed by another run meanwhile.
      }
    }
  }
}
