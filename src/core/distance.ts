/** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from a to b. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/**
 * The one "closest word": the candidate spelled most like `word`, ignoring case, within `limit` edits
 * (by default a third of the word's length, at least one); on a tie the earlier candidate, so callers
 * list the likelier ones first. Undefined when none is that close.
 */
export function closestWord(word: string, candidates: readonly string[], limit = Math.max(1, Math.floor(word.length / 3))): string | undefined {
  const typed = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    // The distance is at least the difference in length.
    if (Math.abs(c.length - typed.length) >= bestDistance) continue;
    const d = editDistance(typed, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}
