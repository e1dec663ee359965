// Global set-up of the e2e project: its tests spawn bin/, which runs dist/, and the in-process ones read
// dist/catalogue.json. A dist/ older than the sources would test something else than the code at hand.
// `npm test` builds first (pretest); this catches `vitest run --project e2e` without a build.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = ['src', 'catalogue', 'scripts/build.mjs', 'package.json'];

/** The modification times of every file at or under `path`. */
function times(path: string): number[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [stat.mtimeMs];
  return readdirSync(path).flatMap((name) => times(join(path, name)));
}

export default function checkBuild(): void {
  const built = times(join(ROOT, 'dist'));
  const changed = Math.max(...SOURCES.flatMap((p) => times(join(ROOT, p))));
  if (built.length === 0) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  if (Math.min(...built) < changed) throw new Error('dist/ is older than src/ or catalogue/: run `npm run build` first (npm test does).');
}
