import { accessSync, constants, lstatSync, readlinkSync, statSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { tempName } from './temp-name.js';
import { displayPath } from '../text/paths.js';
import { FailedError, InterruptedError } from '../model/errors.js';
import { kindOf } from './read-file.js';
import { sanitize } from '../text/terminal.js';

export interface AtomicWriteOptions {
  /** Replace a file that is already there (`--force`). Without it an existing file is an error. */
  overwrite?: boolean;
  /** Aborting stops the write and removes the temporary file; the target is left as it was. */
  signal?: AbortSignal;
  /**
   * What to tell the user, in the words of the command (which option picks the file): when the target
   * exists and may not be overwritten, and when it cannot be written (no permission, read-only).
   */
  hints?: { exists?: string; write?: string };
  /** The mode of a new file (before the umask); a file replaced keeps its own. 0o666 unless given. */
  mode?: number;
}

const CHUNK = 64 * 1024;

/**
 * Writes a file so that it is never seen half-written: the content goes to a temporary file in the
 * same folder, which then takes the target's place in one step (rename, or link when nothing may be
 * overwritten, so a file that appears meanwhile is not clobbered either). On any failure or abort the
 * temporary file is removed and the target is untouched.
 */
export async function writeFileAtomic(
  target: string,
  content: string | Iterable<string | Uint8Array>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const path = resolve(target);
  const shown = sanitize(displayPath(path));
  const existing = checkWritable(target, options);
  const dir = dirname(path);

  const temp = `${dir}/${tempName(basename(path))}`;
  // Loaded here, not at start-up: only the commands that write a file need it.
  const { open, rename, unlink } = await import('node:fs/promises');
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, existing ? existing.mode & 0o777 : (options.mode ?? 0o666));
    for (const piece of chunks(content)) {
      if (options.signal?.aborted) throw new InterruptedError();
      await handle.write(piece);
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (options.signal?.aborted) throw new InterruptedError();
    if (options.overwrite) {
      // Checked again: what took the target's place meanwhile (a FIFO, a link) is not ours to replace.
      checkReplaceable(path, shown);
      await rename(temp, path);
    } else await linkNoClobber(temp, path, () => exists(shown, options.hints?.exists));
  } catch (err) {
    await handle?.close().catch(() => undefined);
    throw asAppError(err, shown, options.hints?.write);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Fails when `target` cannot become the new file: a folder, an existing file without `overwrite`, a
 * missing parent folder, or one this process may not write in. Commands that ask questions first call
 * it up front, so nobody answers in vain. Returns the existing file's status, if any.
 */
export function checkWritable(target: string, options: Pick<AtomicWriteOptions, 'overwrite' | 'hints'> = {}) {
  const path = resolve(target);
  const shown = sanitize(displayPath(path));
  const existing = checkReplaceable(path, shown);
  if (existing && !options.overwrite) throw exists(shown, options.hints?.exists);
  const dir = dirname(path);
  if (!statOrUndefined(dir)?.isDirectory()) {
    throw new FailedError(`de map ${sanitize(displayPath(dir))} bestaat niet`, 'Maak de map eerst aan, of kies een andere plek.');
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw asAppError(err, shown, options.hints?.write);
  }
  return existing;
}

/**
 * The target's status when it is a regular file (or undefined when nothing is there); anything else is
 * refused, with --force too: replacing /dev/null, a FIFO or a socket with a file breaks whatever uses
 * it, and a symbolic link is refused rather than replaced by a file or written through to wherever it
 * points (docs/hostile-input.md).
 */
function checkReplaceable(path: string, shown: string) {
  const existing = lstatOrUndefined(path);
  if (!existing || existing.isFile()) return existing;
  if (existing.isDirectory()) throw new FailedError(`${shown} is een map`, 'Geef een bestandsnaam op.');
  const what = existing.isSymbolicLink() ? `${kindOf(existing)} (naar ${sanitize(readlinkOr(path))})` : kindOf(existing);
  throw new FailedError(`${shown} is ${what}, geen gewoon bestand; er is niets overschreven`, 'Geef de naam van een gewoon bestand op, of een nieuwe naam.');
}

/**
 * Ctrl-C or a kill during the write (`signal`, the context's) stops it and leaves the target as it was,
 * with no temporary file; the command then ends with exit 130.
 */
export async function writeFileInterruptibly(target: string, text: string, options: AtomicWriteOptions & { signal: AbortSignal }): Promise<void> {
  // Listening tells the CLI's signal handler that this work ends the run itself, after cleaning up.
  const cleanUpFirst = () => {};
  options.signal.addEventListener('abort', cleanUpFirst);
  try {
    await writeFileAtomic(target, text, options);
    // A signal during the final rename: the file is whole and in place, but the command still ends as
    // interrupted (exit 130), as every signal does.
    if (options.signal.aborted) throw new InterruptedError();
  } finally {
    options.signal.removeEventListener('abort', cleanUpFirst);
  }
}

/** Puts `temp` at `path` unless something is there already; `link` fails rather than replace. */
async function linkNoClobber(temp: string, path: string, clash: () => Error): Promise<void> {
  try {
    await (await import('node:fs/promises')).link(temp, path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw clash();
    // Some file systems (FAT, some network shares) have no hard links: check, then rename.
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP', 'EXDEV'].includes(code ?? '')) throw err;
    if (statOrUndefined(path)) throw clash();
    await (await import('node:fs/promises')).rename(temp, path);
  }
}

function* chunks(content: string | Iterable<string | Uint8Array>): Iterable<Uint8Array> {
  const pieces = typeof content === 'string' ? [content] : content;
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
  }
}

function exists(shown: string, hint = 'Kies een andere naam, of overschrijf het bestand met --force.'): FailedError {
  return new FailedError(`${shown} bestaat al; er is niets overschreven`, hint);
}

function asAppError(err: unknown, shown: string, hint = 'Controleer of u in deze map mag schrijven, of kies een andere plek.'): unknown {
  if (err instanceof FailedError || err instanceof InterruptedError) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  if (!code) return err;
  return new FailedError(
    `kan ${shown} niet schrijven (${code}); er is niets veranderd`,
    code === 'ENOSPC' ? 'De schijf is vol: maak ruimte vrij en probeer het opnieuw.' : hint,
  );
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function readlinkOr(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '?';
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
