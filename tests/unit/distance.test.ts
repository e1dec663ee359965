import { describe, expect, it } from 'vitest';
import { closestWord, editDistance } from '../../src/core/distance.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['serch', 'search', 1],
  ] as const)('%s -> %s: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closestWord: the one "did you mean" finder', () => {
  it.each([
    ['serch', ['list', 'search', 'show'], undefined, 'search'],
    ['SERCH', ['list', 'search', 'show'], undefined, 'search'],
    ['naam', ['name', 'summary'], 2, 'name'],
    ['qqqqqq', ['list', 'search'], undefined, undefined],
    // A third of the word's length by default: "shw" is one edit from "show" and from "shaw".
    ['shw', ['show', 'shaw'], undefined, 'show'],
    ['smadarijen', ['smederijen', 'smederij'], 3, 'smederijen'],
  ] as const)('%s among %j (limit %s) -> %s', (word, candidates, limit, expected) => {
    expect(closestWord(word, candidates, limit)).toBe(expected);
  });

  it('prefers the earlier candidate on a tie, so callers list the likelier first', () => {
    expect(closestWord('wijx', ['wijs', 'wijk'])).toBe('wijs');
    expect(closestWord('wijx', ['wijk', 'wijs'])).toBe('wijk');
  });

  it('returns the candidate as written, compared without case', () => {
    expect(closestWord('kanwel', ['KanWel'])).toBe('KanWel');
  });
});
