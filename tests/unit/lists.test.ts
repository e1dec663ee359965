import { describe, expect, it } from 'vitest';
import { andList, orList } from '../../src/text/lists.js';
import { didYouMean } from '../../src/text/suggest.js';

describe('lists as Dutch writes them', () => {
  it.each([
    [[], '', ''],
    [['a'], 'a', 'a'],
    [['a', 'b'], 'a en b', 'a of b'],
    [['a', 'b', 'c'], 'a, b en c', 'a, b of c'],
  ])('%j', (items, and, or) => {
    expect(andList(items)).toBe(and);
    expect(orList(items)).toBe(or);
  });

  it('suggests with "of", quoting a value with a space', () => {
    expect(didYouMean(['abcd', 'kan wel', 'mac'])).toBe('Bedoelde u: abcd, "kan wel" of mac?');
  });
});
