import { describe, expect, it } from 'vitest';
import type { TestModule } from 'vitest/node';
import { skipLines } from '../helpers/skip-summary.js';
import type { SkipNote } from '../helpers/tools.js';

// A test file as the reporter sees it, written as what vitest would have collected from it:
//   3  describe.skipIf(lacks('tmux', 'terminal tests'))('in tmux', () => {   suite at 3:60
//   4    it('a', …)                                                            4:5
//   5    it('b', …)                                                            5:5
//   7  for (const shell of ['zsh', 'fish']) it.skipIf(lacks(shell, 'shell tests'))(shell, …)   both at 7:70
//   9  it('filtered out by -t', …)                                             9:3
const FILE = '/x/a.test.ts';
type Place = { line: number; column: number };
type Fake = { type: 'test' | 'suite'; location: Place; parent: unknown; options: { mode: string }; result?: () => { state: string } };

/** The file with all five tests skipped, or all but zsh's (the first of the two at 7:70). */
function fakeModule(zshRan = false): TestModule {
  const module = { type: 'module', moduleId: FILE } as { type: string; moduleId: string; children?: unknown };
  const skipped = () => ({ state: 'skipped' });
  const suite: Fake = { type: 'suite', location: { line: 3, column: 60 }, parent: module, options: { mode: 'skip' } };
  const tests: Fake[] = [
    { type: 'test', location: { line: 4, column: 5 }, parent: suite, options: { mode: 'skip' }, result: skipped },
    { type: 'test', location: { line: 5, column: 5 }, parent: suite, options: { mode: 'skip' }, result: skipped },
    { type: 'test', location: { line: 7, column: 70 }, parent: module, options: { mode: zshRan ? 'run' : 'skip' }, result: () => ({ state: zshRan ? 'passed' : 'skipped' }) },
    { type: 'test', location: { line: 7, column: 70 }, parent: module, options: { mode: 'skip' }, result: skipped },
    { type: 'test', location: { line: 9, column: 3 }, parent: module, options: { mode: 'skip' }, result: skipped },
  ];
  module.children = { allTests: () => tests, allSuites: () => [suite] };
  return module as unknown as TestModule;
}

const note = (tool: SkipNote['tool'], what: string, line: number, column: number): SkipNote => ({ tool, what, file: FILE, line, column });

describe('the summary of tests skipped for a missing tool', () => {
  it('counts each skipped test once, under the tool of the lacks() call before it, and says how to get the tool', () => {
    const notes = [note('tmux', 'terminal tests', 3, 20), note('zsh', 'shell tests', 7, 50), note('fish', 'shell tests', 7, 50)];
    expect(skipLines(notes, [fakeModule()])).toEqual([
      ' overgeslagen: 2 tests (terminal tests) — tmux ontbreekt (apt-get install tmux)',
      ' overgeslagen: 1 test (shell tests) — zsh ontbreekt (apt-get install zsh)',
      ' overgeslagen: 1 test (shell tests) — fish ontbreekt (apt-get install fish)',
    ]);
  });

  it('a test skipped for another reason (filtered out, or a tool that is there) is not put on a tool', () => {
    // Only fish is missing: the zsh test at the same place ran; of the two skipped there, one is fish's.
    const lines = skipLines([note('fish', 'shell tests', 7, 50)], [fakeModule(true)]);
    expect(lines).toEqual([' overgeslagen: 1 test (shell tests) — fish ontbreekt (apt-get install fish)']);
  });

  it('setpriv is named with its package', () => {
    expect(skipLines([note('setpriv', 'tests as another user', 1, 1)], [])).toEqual([' overgeslagen: 0 tests (tests as another user) — setpriv ontbreekt (apt-get install util-linux)']);
  });

  it('says nothing when nothing was skipped for a tool', () => {
    expect(skipLines([], [fakeModule()])).toEqual([]);
  });
});
