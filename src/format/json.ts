import type { MethodOrigin } from '../core/methods.js';
import type { Method } from '../schema.js';

/**
 * The methods as JSON: what `list --json` and `export --format json` print. A contract for scripts
 * (docs/export.md lists the fields): fields may be added, never renamed or removed.
 */
export function formatMethodsJson(methods: Method[]): string {
  return JSON.stringify(methods, null, 2) + '\n';
}

/** One method as `show --json` and `compare --json` give it: the record, plus where it came from (`origin` is not a record field). */
export function methodJson(method: Method, origin: MethodOrigin | undefined): Method & { origin: { own: boolean; file?: string; line?: number } } {
  return { ...method, origin: origin && !origin.builtin ? { own: true, file: origin.file, line: origin.line } : { own: false } };
}
