// Tools some tests need that a fresh machine (Node and npm only) may lack (`script`, from util-linux, makes
// a pseudo-terminal without tmux). Such a test is skipped where its tool is missing, and the run's
// summary says which and why; under METHODEWIJZER_TEST_TOOLS=require (set by .ci/run, which installs
// them) a missing tool fails the run instead, so CI never skips.
import { spawnSync } from 'node:child_process';

export type Tool = 'tmux' | 'zsh' | 'fish' | 'setpriv' | 'chromium' | 'script';

/** The Debian package of a tool, where it is not named after it. */
const PACKAGES: Partial<Record<Tool, string>> = { setpriv: 'util-linux', script: 'bsdutils' };

const found = new Map<Tool, boolean>();

/** Whether `tool` is on PATH. */
export function hasTool(tool: Tool): boolean {
  let has = found.get(tool);
  if (has === undefined) {
    has = spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
    found.set(tool, has);
  }
  return has;
}

export const TOOLS_REQUIRED = process.env.METHODEWIJZER_TEST_TOOLS === 'require';

/**
 * For `it.skipIf(lacks('tmux', 'terminal tests'))`: true where `tool` is missing, so the test is skipped;
 * where the tools are required, a missing one throws instead, failing the run.
 */
export function lacks(tool: Tool, what: string): boolean {
  if (hasTool(tool)) return false;
  if (TOOLS_REQUIRED) throw new Error(`${tool} is needed for the ${what} (METHODEWIJZER_TEST_TOOLS=require): apt-get install ${PACKAGES[tool] ?? tool}`);
  return true;
}
