import type { ChalkInstance } from 'chalk';
import type { ValidationReport } from '../catalogue/validate.js';
import { formatProblem, problemCount } from '../catalogue/problem.js';
import { sanitize } from '../terminal.js';
import { plural } from './plural.js';

/** Every problem, one a line, for stdout. */
export function formatValidationProblems(report: ValidationReport): string {
  return report.folders.flatMap((f) => f.problems.map((p) => sanitize(formatProblem(p)) + '\n')).join('');
}

/** One verdict a folder, for stderr. */
export function formatValidationVerdicts(report: ValidationReport, style: ChalkInstance): string {
  return report.folders
    .map((f) => {
      const n = problemCount(f.problems);
      const verdict = n === 0 ? style.green('in orde') : style.red(plural(n, 'probleem', 'problemen'));
      return `${sanitize(f.folder)}: ${plural(f.methods, 'methode', 'methoden')} geldig, ${verdict}\n`;
    })
    .join('');
}
