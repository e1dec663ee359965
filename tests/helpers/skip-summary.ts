// A reporter that ends the run's summary with the tests skipped because a tool was missing: which tool,
// for what, how many tests, and how to get it. The workers note each skip (lacks() in tools.ts) in the
// run's folder; here each skipped test is matched to the note of the lacks() call just before it.
import { readFileSync } from 'node:fs';
import type { Reporter, TestCase, TestModule, TestSuite, Vitest } from 'vitest/node';
import { packageOf, type SkipNote, skipNotesFile, type Tool } from './tools.js';

export default class SkipSummary implements Reporter {
  private vitest?: Vitest;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(modules: readonly TestModule[]): void {
    const lines = skipLines(readNotes(), modules);
    if (lines.length) this.vitest?.logger.log(['', ...lines, ''].join('\n'));
  }
}

function readNotes(): SkipNote[] {
  const file = skipNotesFile();
  let text = '';
  try {
    if (file) text = readFileSync(file, 'utf8');
  } catch {
    // No test was skipped.
  }
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as SkipNote);
}

/** One line per missing tool: "overgeslagen: 31 tests (terminal tests) — tmux ontbreekt (apt-get install tmux)". */
export function skipLines(notes: SkipNote[], modules: readonly TestModule[]): string[] {
  const counts = new Map<Tool, { tests: number; what: Set<string> }>();
  const lines: string[] = [];
  for (const note of notes) if (!counts.has(note.tool)) counts.set(note.tool, { tests: 0, what: new Set() });
  for (const module of modules) {
    const here = notes.filter((n) => n.file === module.moduleId);
    const taken = new Map<string, number>();
    for (const test of module.children.allTests()) {
      const result = test.result();
      if (result.state !== 'skipped') continue;
      const note = noteFor(test, here, module, taken);
      if (note) counts.get(note.tool)!.tests++;
      // Skipped while it ran, with a reason (context.skip(reason)): a tool there but not of use.
      else if (result.note) lines.push(` overgeslagen: ${test.fullName} — ${result.note}`);
    }
  }
  for (const note of notes) counts.get(note.tool)!.what.add(note.what);
  const toolLines = [...counts].map(
    ([tool, { tests, what }]) =>
      ` overgeslagen: ${tests} ${tests === 1 ? 'test' : 'tests'} (${[...what].join(', ')}) — ${tool} ontbreekt (apt-get install ${packageOf(tool)})`,
  );
  return [...toolLines, ...lines];
}

type Place = { line: number; column: number };
const before = (a: Place, b: Place) => a.line < b.line || (a.line === b.line && a.column < b.column);

/**
 * The note of the lacks() call that skipped `test`: one in the test's own head (after every other test or
 * suite before it), or in the head of a suite around it. Where one call stands for several (in
 * describe.each or a loop), its notes and the tests at one place come in the same order.
 */
function noteFor(test: TestCase, notes: SkipNote[], module: TestModule, taken: Map<string, number>): SkipNote | undefined {
  const chain: (TestCase | TestSuite)[] = [test];
  for (let up = test.parent; up.type === 'suite'; up = up.parent) chain.push(up);
  const others = [...module.children.allTests(), ...module.children.allSuites()].filter((t) => !chain.includes(t) && t.location).map((t) => t.location!);
  for (const task of chain) {
    const at = task.location;
    if (!at) continue;
    const start = others.filter((o) => before(o, at)).reduce<Place>((a, o) => (before(a, o) ? o : a), { line: 0, column: 0 });
    const head = notes.filter((n) => n.line !== undefined && before(start, n as Place) && before(n as Place, at));
    if (!head.length) continue;
    const last = head[head.length - 1];
    const same = head.filter((n) => n.line === last.line && n.column === last.column);
    const key = `${last.line}:${last.column} ${test.location!.line}:${test.location!.column}`;
    const k = taken.get(key) ?? 0;
    taken.set(key, k + 1);
    return same[Math.min(k, same.length - 1)];
  }
  return undefined;
}
