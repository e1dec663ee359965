import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Two projects: `unit` (the core, formatters, prompts, cache) and `e2e` (the CLI as a user calls it:
// mostly in-process through main(), and the few tests that need the real binary or a terminal).
// `vitest run --project e2e` runs the latter alone; `npm test` runs both.
export default defineConfig({
  // src/model/version.ts: the build sets the version, and so do the tests that run src/ as it is.
  define: { __VERSION__: JSON.stringify(pkg.version) },
  test: {
    testTimeout: 20_000,
    // Two cores: two workers in all, shared by both projects.
    maxWorkers: 2,
    // Test files in a worker share its modules, so src/ is loaded once per worker, not once per file
    // (a fifth of the suite's CPU time). Safe while src/ keeps no state a test can change: what it
    // caches (the built-in catalogue) never changes, and runMain hands every run its own streams and env.
    isolate: false,
    // A TMPDIR of the run's own, removed at its end.
    globalSetup: ['tests/helpers/test-run.ts'],
    // The summary ends with the tests skipped for a missing tool; it finds them by their place in the file.
    reporters: ['default', './tests/helpers/skip-summary.ts'],
    includeTaskLocation: true,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/helpers/test-run.ts', 'tests/helpers/built.ts'] } },
    ],
  },
});
