import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Tests by what they cost, in four folders:
//   tests/unit     the core, formatters, prompts, cache, in this process;
//   tests/e2e      the CLI as a user calls it, in this process through main() (tests/helpers/main.ts);
//   tests/deep     in this process too, but long: every answer combination of the advice, properties over
//                  generated input, thousands of records, every command at four widths;
//   tests/process  what needs a process of its own: the built binary, a shell, tmux or a pseudo-terminal.
// The first three are one project, "in-process": a worker loads src/ once for all their files (vitest
// neither shares a worker between projects nor runs two projects' files side by side, which cost the
// fast run a third of its time when unit and e2e were projects of their own). `npm run test:fast` picks
// tests/unit and tests/e2e out of it (for every save), `npm test` runs everything. In this project,
// starting a program fails the test (tests/helpers/no-process.ts); tests/unit/test-kinds.test.ts holds
// the imports.
const NO_PROCESS = 'tests/helpers/no-process.ts';
const BUILT = ['tests/helpers/test-run.ts', 'tests/helpers/built.ts'];

export default defineConfig({
  // src/model/version.ts: the build sets the version, and so do the tests that run src/ as it is.
  define: { __VERSION__: JSON.stringify(pkg.version) },
  test: {
    testTimeout: 20_000,
    // Two cores: two workers in all, shared by the projects.
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
      {
        extends: true,
        test: { name: 'in-process', include: ['tests/{unit,e2e,deep}/**/*.test.ts'], setupFiles: [NO_PROCESS], globalSetup: BUILT },
      },
      { extends: true, test: { name: 'process', include: ['tests/process/**/*.test.ts'], globalSetup: BUILT } },
    ],
  },
});
