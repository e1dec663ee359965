/** One thing wrong with a catalogue file, pointing as precisely as we can at where. */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  /** Dotted path of the field, e.g. `source.kind` or `elements.1`. */
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  let where = p.file;
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) where += `:${p.column}`;
  const field = p.field ? ` ${p.field}:` : '';
  return `${where}:${field} ${p.message}`;
}
