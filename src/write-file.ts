import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FailedError } from './errors.js';
import { sanitize } from './terminal.js';

const OVERWRITE_HINT = 'Kies een andere bestandsnaam, of geef --force om het bestand te vervangen.';

/** Fails early (before any questions) when `path` cannot become a new file: it exists without --force, or its folder is missing. */
export function checkWritable(path: string, force: boolean): void {
  const shown = sanitize(path);
  const target = stat(path, lstatSync);
  if (target?.isDirectory()) throw new FailedError(`${shown} is een map`, 'Geef een bestandsnaam op, bijvoorbeeld advies.md.');
  if (target && !force) throw new FailedError(`${shown} bestaat al; methodewijzer overschrijft het niet`, OVERWRITE_HINT);
  const dir = stat(dirname(resolve(path)));
  if (!dir?.isDirectory()) throw new FailedError(`de map van ${shown} bestaat niet`, 'Maak de map eerst aan, of kies een andere plek.');
}

/**
 * Writes `text` to `path` as a whole or not at all: first to a temporary file in the same folder, then
 * renamed into place. Without `force` an existing file is never replaced, even one that appeared meanwhile.
 */
export function writeFileWhole(path: string, text: string, force: boolean): void {
  const target = resolve(path);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx', mode: 0o644 });
    if (force) renameSync(tmp, target);
    else placeNew(tmp, target, path);
  } catch (err) {
    if (err instanceof FailedError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'onbekende fout';
    throw new FailedError(`kan ${sanitize(path)} niet schrijven (${code})`, 'Controleer of de map bestaat en of u er mag schrijven.');
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** A hard link fails if the target exists, so no file is ever replaced; renaming is the fallback where links are not allowed. */
function placeNew(tmp: string, target: string, shown: string): void {
  try {
    linkSync(tmp, target);
    unlinkSync(tmp);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FailedError(`${sanitize(shown)} bestaat al; methodewijzer overschrijft het niet`, OVERWRITE_HINT);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
  }
  if (stat(target, lstatSync)) throw new FailedError(`${sanitize(shown)} bestaat al; methodewijzer overschrijft het niet`, OVERWRITE_HINT);
  renameSync(tmp, target);
}

/** The file's status, or undefined when there is none; `lstatSync` sees a link itself, even a dangling one. */
function stat(path: string, how: typeof statSync = statSync) {
  try {
    return how(path);
  } catch {
    return undefined;
  }
}
