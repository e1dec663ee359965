import { orList } from './lists.js';

/**
 * The one way to suggest what a user may have meant (docs/style.md): "Bedoelde u: list?",
 * "Bedoelde u: abcd, kan-wel of mac?". Each value is what to type instead; one with a space is quoted.
 */
export function didYouMean(values: string[]): string {
  const shown = values.map((v) => (/\s/.test(v) ? `"${v}"` : v));
  return `Bedoelde u: ${orList(shown)}?`;
}
