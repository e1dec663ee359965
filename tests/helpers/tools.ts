// Tools some tests need that a fresh machine (Node and npm only) may lack (`script`, from util-linux, makes
// a pseudo-terminal without tmux). Such a test is skipped where its tool is missing, and the run's
// summary says which and why; under METHODEWIJZER_TEST_TOOLS=require (set by .ci/run, which installs
// them) a missing tool fails the run instead, so CI never skips.
import { accessSync, appendFileSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type Tool = 'tmux' | 'zsh' | 'fish' | 'setpriv' | 'chromium' | 'script' | 'pwsh';

/** The Debian package of a tool, where it is not named after it. */
const PACKAGES: Partial<Record<Tool, string>> = { setpriv: 'util-linux', script: 'bsdutils', pwsh: 'powershell' };

/**
 * Tools not in Debian's own archive (PowerShell comes from Microsoft's): .ci/run does not install them,
 * so their tests are skipped even where the others are required.
 */
const OPTIONAL = new Set<Tool>(['pwsh']);

const found = new Map<Tool, boolean>();

/** Whether `tool` is on PATH: a file there that may be run (looked up as a shell would, without starting one). */
export function hasTool(tool: Tool): boolean {
  let has = found.get(tool);
  if (has === undefined) {
    has = (process.env.PATH ?? '').split(delimiter).some((dir) => dir && isProgram(join(dir, tool)));
    found.set(tool, has);
  }
  return has;
}

function isProgram(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export const TOOLS_REQUIRED = process.env.METHODEWIJZER_TEST_TOOLS === 'require';

/** The Debian package that brings `tool`. */
export const packageOf = (tool: Tool) => PACKAGES[tool] ?? tool;

/**
 * For `it.skipIf(lacks('tmux', 'terminal tests'))`: true where `tool` is missing, so the test is skipped;
 * where the tools are required, a missing one throws instead, failing the run.
 */
export function lacks(tool: Tool, what: string): boolean {
  if (hasTool(tool)) return false;
  if (TOOLS_REQUIRED && !OPTIONAL.has(tool)) throw new Error(`${what}: ${tool} is missing, and METHODEWIJZER_TEST_TOOLS=require runs every test (apt-get install ${packageOf(tool)})`);
  noteSkip({ tool, what, ...caller() });
  return true;
}

/** One skip, as the run's summary (tests/helpers/skip-summary.ts) reads it. */
export interface SkipNote {
  tool: Tool;
  what: string;
  /** Where lacks() was called: just before the test or suite it skips. */
  file?: string;
  line?: number;
  column?: number;
}

/** The file the workers note their skips in, in the run's folder (tests/helpers/test-run.ts). */
export function skipNotesFile(): string | undefined {
  const run = process.env.METHODEWIJZER_TEST_RUN;
  return run ? join(run, 'skipped.jsonl') : undefined;
}

function noteSkip(note: SkipNote): void {
  const file = skipNotesFile();
  // One short line per append: whole, even with two workers writing.
  if (file) appendFileSync(file, JSON.stringify(note) + '\n');
}

/** The test file's line that called lacks() (stacks in vitest's workers point into the sources). */
function caller(): Pick<SkipNote, 'file' | 'line' | 'column'> {
  const frame = new Error().stack?.split('\n')[3] ?? '';
  const at = /\(?([^\s(]+):(\d+):(\d+)\)?$/.exec(frame);
  return at ? { file: at[1], line: Number(at[2]), column: Number(at[3]) } : {};
}
