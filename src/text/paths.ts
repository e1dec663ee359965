import { isAbsolute, relative } from 'node:path';

/** A path as a user would like to read it: relative to where they are, unless that climbs out. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** An argument as it can be pasted into a POSIX shell: quoted only when it must be. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
