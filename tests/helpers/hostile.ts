// What the hostile-input tests (tests/e2e and tests/process/hostile-input.test.ts) share: a folder with
// one good method beside the hostile file, and the check that the hostile file was skipped, not the rest.
import { expect } from 'vitest';
import type { Method } from '../../src/model/schema.js';
import { method, userFolder, yamlOf } from './catalogue.js';
import { expectNoStackTrace } from './env.js';

export const GOOD = yamlOf(method({ id: 'goed' }));
export const BUILTIN_COUNT = 39;
export const base = (id: string) => `id: ${id}\nname: Naam\nsummary: Samenvatting.\nelements: [animo]\nsource:\n  kind: databank\nurl: https://example.org/x\n`;

/** A folder with one good file and whatever `add` puts beside it. */
export function folderWith(add: (dir: string) => void): string {
  const dir = userFolder({ 'goed.yaml': GOOD });
  add(dir);
  return dir;
}

export type Run = (args: string[]) => Promise<{ code: number | null; stdout: string; stderr: string; signal?: NodeJS.Signals | null }>;

/** list --json on the folder: it ends, exit 3, every built-in method and the good one listed, the warning found. */
export async function expectSkipped(run: Run, dir: string, warning: RegExp, extra = 0) {
  const r = await run(['--catalogue', dir, 'list', '--json']);
  expect(r.signal ?? null, 'it hung and was killed').toBeNull();
  expect(r.code, r.stderr).toBe(3);
  expectNoStackTrace(r.stderr);
  expect(r.stderr).toMatch(warning);
  const ids = (JSON.parse(r.stdout) as Method[]).map((m) => m.id);
  expect(ids).toHaveLength(BUILTIN_COUNT + 1 + extra);
  expect(ids).toContain('goed');
  return r;
}
