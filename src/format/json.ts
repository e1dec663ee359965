import type { MethodOrigin } from '../core/methods.js';
import type { Method } from '../model/schema.js';
import { INVISIBLE, escaped } from '../text/unsafe-chars.js';

/**
 * The methods as JSON: what `list --json` and `export --format json` print. A contract for scripts
 * (docs/export.md lists the fields): fields may be added, never renamed or removed.
 */
export function formatMethodsJson(methods: Method[]): string {
  return jsonText(methods);
}

// JSON.stringify escapes C0 control characters only: C1 (U+009B is CSI to some terminals), the bidi
// overrides and the invisible characters stay raw. Written as \u escapes the JSON means the same, and
// shows harmless on a terminal. They can only stand inside strings, so the whole text may be searched.
const RAW_IN_JSON = new RegExp(`[\\u007f-\\u009f${INVISIBLE}]`, 'g');

/** `value` as indented JSON with a final newline: what every --json and `export --format json` print. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, escaped) + '\n';
}

/** One method as `show --json` and `compare --json` give it: the record, plus where it came from (`origin` is not a record field). */
export function methodJson(method: Method, origin: MethodOrigin | undefined): Method & { origin: { own: boolean; file?: string; line?: number } } {
  return { ...method, origin: origin && !origin.builtin ? { own: true, file: origin.file, line: origin.line } : { own: false } };
}
