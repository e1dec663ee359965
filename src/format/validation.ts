import type { ChalkInstance } from 'chalk';
import type { ValidationReport } from '../catalogue/validate.js';
import { formatProblem, problemCount } from '../catalogue/problem.js';
import { hang, sanitize } from '../text/terminal.js';
import { plural } from '../text/plural.js';

/** Every problem, one a line for scripts; on a terminal (a finite width) wrapped under itself. */
export function formatValidationProblems(report: ValidationReport, width = Infinity): string {
  return report.folders.flatMap((f) => f.problems.map((p) => hang('', sanitize(formatProblem(p)), width, 2) + '\n')).join('');
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
