import { existsSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The installed package's folder: the first parent of this module that holds package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('methodewijzer: package.json not found above ' + import.meta.url);
    dir = up;
  }
  return (root = dir);
}

export const builtinCatalogueDir = () => join(packageRoot(), 'catalogue');
export const compiledCataloguePath = () => join(packageRoot(), 'dist', 'catalogue.json');

/** A path as a user would like to read it: relative to where they are, unless that climbs out. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
