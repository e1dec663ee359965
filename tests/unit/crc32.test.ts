import fc from 'fast-check';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { crc32 } from '../../src/store/crc32.js';

// core/crc32.ts must give node:zlib's value for every input, or a cache written by a small run would
// read as damaged by a large one (and the other way round).

describe('crc32', () => {
  it('has the standard check value', () => {
    // The CRC-32 of "123456789" every implementation is checked against.
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
  });

  it('equals node:zlib for any text, as UTF-8, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => crc32(text) === zlibCrc32(text)),
      { numRuns: 500 },
    );
  });

  it('equals node:zlib for any bytes, also at an offset in a larger buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.nat(16), (bytes, skip) => {
        const view = bytes.subarray(Math.min(skip, bytes.length));
        return crc32(view) === zlibCrc32(view);
      }),
      { numRuns: 500 },
    );
  });

  it('hands large input to node:zlib, and keeps the rest to itself', () => {
    const loads = vi.spyOn(process, 'getBuiltinModule');
    const usesZlib = (run: () => number, expected: number) => {
      loads.mockClear();
      expect(run()).toBe(expected);
      return loads.mock.calls.some(([id]) => id === 'node:zlib');
    };
    try {
      const block = new Uint8Array(64 * 1024).map((_, i) => (i * 7) & 0xff);
      expect(usesZlib(() => crc32(block), zlibCrc32(block))).toBe(false);
      for (const size of [256 * 1024 - 1, 256 * 1024]) {
        const bytes = new Uint8Array(size).map((_, i) => (i * 31 + (i >> 8)) & 0xff);
        expect(usesZlib(() => crc32(bytes), zlibCrc32(bytes))).toBe(size >= 256 * 1024);
      }
      // Text is judged by its length: UTF-8 takes at most three bytes for each UTF-16 unit.
      for (const length of [87_381, 87_382]) {
        const text = 'é' + 'x'.repeat(length - 1);
        expect(usesZlib(() => crc32(text), zlibCrc32(text))).toBe(length * 3 >= 256 * 1024);
      }
    } finally {
      loads.mockRestore();
    }
  });
});
