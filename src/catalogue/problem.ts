import { MAX_PROBLEMS_PER_FILE } from '../model/defaults.js';

/** One thing wrong with a catalogue file, pointing as precisely as we can at where. */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  /** Dotted path of the field, e.g. `source.kind` or `elements.1`. */
  field?: string;
  message: string;
  /** Set on the line that stands for problems left out: how many (see capPerFile). */
  more?: number;
}

export function formatProblem(p: Problem): string {
  let where = p.file;
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) where += `:${p.column}`;
  const field = p.field ? ` ${p.field}:` : '';
  return `${where}:${field} ${p.message}`;
}

/**
 * At most `max` problems per file, then one that says how many more there are: a file with 200,000
 * bad entries reports the first ones, not a flood. Keeps the order; linear in the number of problems.
 */
export function capPerFile(problems: Problem[], max = MAX_PROBLEMS_PER_FILE): Problem[] {
  const counts = new Map<string, number>();
  const kept: Problem[] = [];
  const summaries = new Map<string, Problem & { more: number }>();
  for (const p of problems) {
    const n = (counts.get(p.file) ?? 0) + 1;
    counts.set(p.file, n);
    if (n <= max) {
      kept.push(p);
      continue;
    }
    let summary = summaries.get(p.file);
    if (!summary) {
      summary = { file: p.file, line: p.line, message: '', more: 0 };
      summaries.set(p.file, summary);
      kept.push(summary);
    }
    summary.more += p.more ?? 1;
  }
  for (const summary of summaries.values()) summary.message = moreMessage(summary.more);
  return kept;
}

/** The line that stands for `more` problems of a file left out, from `line` on. */
export function moreProblems(file: string, line: number | undefined, more: number): Problem {
  return { file, line, message: moreMessage(more), more };
}

function moreMessage(n: number): string {
  return `en nog ${n} ${n === 1 ? 'probleem' : 'problemen'} in dit bestand; herstel eerst de problemen hierboven`;
}

/** How many problems a list stands for, counting what capPerFile left out. */
export function problemCount(problems: Problem[]): number {
  let n = 0;
  for (const p of problems) n += p.more ?? 1;
  return n;
}
