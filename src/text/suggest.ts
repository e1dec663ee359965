/**
 * The one way to suggest what a user may have meant (docs/style.md): "Bedoelde u: list?",
 * "Bedoelde u: abcd, kan-wel of mac?". Each value is what to type instead; one with a space is quoted.
 */
export function didYouMean(values: string[]): string {
  const shown = values.map((v) => (/\s/.test(v) ? `"${v}"` : v));
  const list = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} of ${shown.at(-1)}`;
  return `Bedoelde u: ${list}?`;
}
