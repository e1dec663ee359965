// The tests are sorted by what they cost (vitest.config.ts): tests/unit and tests/e2e run in this
// process and make up `npm run test:fast`, tests/deep runs in this process for long, tests/process
// starts programs. Sorted by their imports, followed through the helpers: a test in this process may
// not reach child_process (tests/helpers/no-process.ts stops it when it runs), and a test in
// tests/process that starts nothing belongs in one of the others.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/env.js';

const TESTS = join(ROOT, 'tests');
const SRC = join(ROOT, 'src');
const STARTS = /^(node:)?child_process$/;

/** The modules a file imports, for its code (not `import type`): relative ones as absolute paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)|^\s*import\s+'([^']+)'/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
  return found.map((spec) => (spec.startsWith('.') ? resolve(dirname(file), spec).replace(/\.js$/, '.ts') : spec));
}

/**
 * The chain of imports from `file` to child_process, or undefined when there is none. Followed within
 * tests/, and with `src` within src/ too: src/ may start a program (the pager, a browser) where a fast
 * test does not let it, but a test in tests/process may start it there.
 */
function pathToProcess(file: string, src = false, seen = new Set<string>()): string[] | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  for (const spec of importsOf(file)) {
    if (STARTS.test(spec)) return [file, spec];
    if (spec.startsWith(TESTS) || (src && spec.startsWith(SRC))) {
      const rest = pathToProcess(spec, src, seen);
      if (rest) return [file, ...rest];
    }
  }
  return undefined;
}

const testsIn = (folder: string) => readdirSync(join(TESTS, folder)).filter((f) => f.endsWith('.test.ts')).map((f) => join(TESTS, folder, f));
const shown = (chain: string[]) => chain.map((p) => p.replace(ROOT, '')).join(' -> ');

describe('tests sorted by cost', () => {
  it.each([...testsIn('unit'), ...testsIn('e2e'), ...testsIn('deep')].map((f) => [f.replace(ROOT, ''), f]))('%s (in this process) reaches no child_process', (_, file) => {
    const chain = pathToProcess(file);
    expect(chain && shown(chain)).toBeUndefined();
  });

  it.each(testsIn('process').map((f) => [f.replace(ROOT, ''), f]))('%s starts a process, or it would not belong here', (_, file) => {
    expect(pathToProcess(file, true)).toBeDefined();
  });

  it('sees an import through a helper, and not an `import type`', () => {
    const cli = join(TESTS, 'helpers', 'cli.ts');
    expect(pathToProcess(cli)?.at(-1)).toMatch(STARTS);
    expect(pathToProcess(join(TESTS, 'helpers', 'main.ts'))).toBeUndefined();
    expect(pathToProcess(join(TESTS, 'helpers', 'streams.ts'))?.map((p) => p.replace(ROOT, ''))).toEqual(['tests/helpers/streams.ts', 'tests/helpers/cli.ts', 'node:child_process']);
    // skip-summary.test.ts takes only a type from tools.ts.
    expect(readFileSync(join(TESTS, 'unit', 'skip-summary.test.ts'), 'utf8')).toMatch(/^import type .* from '\.\.\/helpers\/tools\.js';$/m);
    expect(importsOf(join(TESTS, 'unit', 'skip-summary.test.ts'))).not.toContain(join(TESTS, 'helpers', 'tools.ts'));
    // The pager's test starts it through src/ alone: found with src, not without.
    const pager = join(TESTS, 'process', 'pager.test.ts');
    expect(pathToProcess(pager, true)).toBeDefined();
    expect(pathToProcess(pager)).toBeUndefined();
  });
});
