import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasWord, wordsOf } from '../../src/core/fold.js';

// wordsOf and hasWord take a shortcut for ASCII text; it must give what \p{L}\p{N} gives, for any text.

const unicodeWords = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
const text = fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

describe('words of a text', () => {
  it('are its runs of letters and digits, accents, other scripts and digits included', () => {
    expect(wordsOf('Tijd voor elkaar!')).toEqual(['Tijd', 'voor', 'elkaar']);
    expect(wordsOf('co-creatie, 1.000 café’s')).toEqual(['co', 'creatie', '1', '000', 'café', 's']);
    expect(wordsOf('Αθήνα 東京 ٣')).toEqual(['Αθήνα', '東京', '٣']);
    expect(wordsOf('🙂 -- ')).toEqual([]);
  });

  it('are what \\p{L}\\p{N} finds, for any text', () => {
    fc.assert(fc.property(text, (t) => JSON.stringify(wordsOf(t)) === JSON.stringify(unicodeWords(t))), { numRuns: 1000 });
  });

  it('hasWord says whether there is one', () => {
    expect(hasWord('🙂')).toBe(false);
    expect(hasWord('')).toBe(false);
    expect(hasWord('--x')).toBe(true);
    expect(hasWord('é')).toBe(true);
    fc.assert(fc.property(text, (t) => hasWord(t) === unicodeWords(t).length > 0), { numRuns: 1000 });
  });
});
