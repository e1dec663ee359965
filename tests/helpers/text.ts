/** Text without any whitespace, so it matches however a prompt or a terminal broke its lines (even inside a word). */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
