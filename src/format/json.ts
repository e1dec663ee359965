import type { Method } from '../schema.js';

/**
 * The methods as JSON: what `list --json` and `export --format json` print. A contract for scripts
 * (docs/export.md lists the fields): fields may be added, never renamed or removed.
 */
export function formatMethodsJson(methods: Method[]): string {
  return JSON.stringify(methods, null, 2) + '\n';
}
