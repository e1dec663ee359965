import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { relative, isAbsolute } from 'node:path';

// The one way this program reads a file it did not write itself: catalogue YAML, and the same files
// again when the cache hashes them. Only regular files are read, never more than a limit, and never
// in a way that can block: a FIFO, a device or a socket is refused before it is opened (and checked
// again on the open file, in case it was swapped meanwhile), and the limit holds on the bytes
// actually read, not on what stat says (0 for /dev/zero and for /proc files).

export type ReadResult = { bytes: Buffer } | { problem: string };

export interface ReadLimits {
  /** A file holding more bytes than this is refused. */
  maxBytes: number;
  /** When given, a link is followed only to a file inside this folder. */
  inside?: string;
}

const CHUNK = 64 * 1024;

/** Reads a regular file whole, within the limits; a problem in Dutch when it may not or cannot be read. */
export function readRegularFile(path: string, { maxBytes, inside }: ReadLimits): ReadResult {
  let fd: number | undefined;
  try {
    // stat follows links and never blocks, even on a FIFO.
    const target = statSync(path);
    if (!target.isFile()) return { problem: notRegular(target) };
    if (target.size > maxBytes) return { problem: tooBig(target.size, maxBytes) };
    let real = path;
    if (inside !== undefined && lstatSync(path).isSymbolicLink()) {
      real = realpathSync(path);
      if (!isInside(realpathSync(inside), real)) {
        return { problem: `is een koppeling naar ${real}, buiten de map; dit bestand is overgeslagen` };
      }
    }
    // O_NONBLOCK: should a FIFO have taken the file's place since the stat, opening it does not wait.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | (real === path ? 0 : constants.O_NOFOLLOW));
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { problem: notRegular(opened) };
    const bytes = readAtMost(fd, maxBytes + 1);
    if (bytes.length > maxBytes) return { problem: tooBig(undefined, maxBytes) };
    return { bytes };
  } catch (err) {
    return { problem: `kan het bestand niet lezen (${(err as NodeJS.ErrnoException).code ?? 'onbekende fout'})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Up to `limit` bytes from the start of an open file. */
function readAtMost(fd: number, limit: number): Buffer {
  const pieces: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const piece = Buffer.allocUnsafe(Math.min(CHUNK, limit - total));
    const n = readSync(fd, piece, 0, piece.length, null);
    if (n === 0) break;
    pieces.push(n === piece.length ? piece : piece.subarray(0, n));
    total += n;
  }
  return Buffer.concat(pieces, total);
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** What a path is, in words for a message (`/dev/null is een apparaat`). */
export function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'een map';
  if (s.isFIFO()) return 'een pijp (FIFO)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'een apparaat';
  if (s.isSocket()) return 'een socket';
  if (s.isSymbolicLink()) return 'een symbolische koppeling';
  return 'geen gewoon bestand';
}

function notRegular(s: Stats): string {
  return `is ${kindOf(s)}, geen gewoon bestand; dit bestand is overgeslagen`;
}

function tooBig(size: number | undefined, max: number): string {
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  const found = size === undefined ? `meer dan ${max / 1024 / 1024} MiB` : `${mib(size)} MiB`;
  return `bestand is te groot (${found}; hoogstens ${max / 1024 / 1024} MiB): verdeel de methoden over meerdere bestanden`;
}
