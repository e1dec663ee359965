// Text folding: the one place that decides when two spellings are "the same" for a user. Search,
// matching a method's id, name or alias, tags, and ids made from names (slugs) all go through here,
// and scripts/gen-catalogue.mjs uses slugify from the build, so every part agrees.
//
// NFKD, not NFD: compatibility decomposition also splits ligatures and width variants ("ﬁ" -> "fi",
// full-width "Ａ" -> "A"), which a user typing plain letters means the same way. Combining marks are
// then dropped (\p{M}), and the few Latin letters that do not decompose are spelled out.

const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l' };
// From the keys, so the bundle stays ASCII (src/boot/boot.ts reads it faster so).
const SPELLED = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/** Lower case without accents, all else kept: "Kan wél" -> "kan wel". */
export function fold(text: string): string {
  // Plain ASCII, most of any catalogue, needs no decomposition.
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').replace(SPELLED, (ch) => LETTERS[ch]).toLowerCase();
}

/** Folded, with everything but a-z and 0-9 removed, for exact matching: "Kan wél!" -> "kanwel". */
export function compact(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, '');
}

/**
 * An id from a name: folded, kebab-case ("Kan wél!" -> "kan-wel"). Empty when the name has no letter
 * or digit of the Latin alphabet.
 */
export function slugify(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// Letters and digits are \p{L} and \p{N}, but a regular expression with those costs 0.1-0.3 ms to
// make and as much again to compile, on every run; ASCII text, most of what is typed and searched,
// gets the plain equivalent ([A-Za-z0-9] is all of \p{L} and \p{N} that ASCII has).
const ASCII_ONLY = /^[\x00-\x7f]*$/;
let unicodeWord: RegExp | undefined;

/** The runs of letters and digits in a text: "Tijd voor elkaar!" -> Tijd, voor, elkaar. */
export function wordsOf(text: string): string[] {
  return text.match(ASCII_ONLY.test(text) ? /[A-Za-z0-9]+/g : (unicodeWord ??= /[\p{L}\p{N}]+/gu)) ?? [];
}

/** Whether a text has a letter or digit at all. */
export function hasWord(text: string): boolean {
  return wordsOf(text).length > 0;
}
