// Global set-up of every project: tests/process spawns bin/, which runs dist/, and the in-process tests
// read dist/catalogue.json (the built-in catalogue as the build compiled it). A dist/ older than the
// sources would test something else than the code at hand, so it is built again first: `npm test`
// builds anyway (pretest), and `npm run test:fast` after a save pays for a build only when it must.
import { spawnSync } from 'node:child_process';
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

export default function buildIfStale(): void {
  const built = times(join(ROOT, 'dist'));
  const changed = Math.max(...SOURCES.flatMap((p) => times(join(ROOT, p))));
  if (built.length > 0 && Math.min(...built) >= changed) return;
  process.stderr.write(`dist/ is ${built.length === 0 ? 'missing' : 'older than src/ or catalogue/'}: building it first\n`);
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed (node scripts/build.mjs): the tests would test an old dist/');
}
