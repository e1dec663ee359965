import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
declare const __BUNDLED__: boolean | undefined;

/** dist/catalogue.json: beside the bundle itself when bundled (also while a build warms it), else in the package. */
export const compiledCataloguePath = () =>
  typeof __BUNDLED__ !== 'undefined' ? join(dirname(fileURLToPath(import.meta.url)), 'catalogue.json') : join(packageRoot(), 'dist', 'catalogue.json');

/**
 * Where editors find the JSON Schema for a method file written outside the package (`export --format yaml`,
 * `new`). The package is not published anywhere an editor could fetch it from, so this is the schema that
 * ships in the installed package, as a file URL: it resolves on the machine that wrote the file.
 */
const methodSchemaUrl = () => pathToFileURL(join(builtinCatalogueDir(), 'schema', 'method.schema.json')).href;

/** The line that tells yaml-language-server (VS Code's YAML extension and others) which schema to use. */
export const schemaModeline = () => `# yaml-language-server: $schema=${methodSchemaUrl()}`;
