import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './catalogue/paths.js';

declare const __VERSION__: string | undefined;

/** The package's version: set by the build, read from package.json when running from source (tests). */
export const VERSION: string =
  typeof __VERSION__ === 'string' ? __VERSION__ : (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
