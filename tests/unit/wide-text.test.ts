// Text is measured in terminal columns, not in UTF-16 code units: a CJK character or an emoji takes
// two columns, an accent written as a combining mark none. Lines with them must not overflow.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatCompareTable } from '../../src/format/compare.js';
import { formatMethodTable } from '../../src/format/methods.js';
import { formatPickLines } from '../../src/format/pick.js';
import { formatTagTable } from '../../src/format/tags.js';
import { formatSearchResults } from '../../src/format/search.js';
import { makeStyle, truncate, visibleLength, wrap } from '../../src/text/terminal.js';
import { method } from '../helpers/catalogue.js';

const plain = makeStyle(false);
// Measured by string-width itself, not by the function under test.
const columns = (text: string) => stringWidth(text);
const widest = (text: string) => Math.max(...text.split('\n').map(columns));

describe('visibleLength: columns on a terminal', () => {
  it.each([
    ['buurt', 5],
    ['Kan wél', 7],
    ['Kan we\u0301l', 7],
    ['北京', 4],
    ['👍 goed', 7],
    ['\u001b[1mvet\u001b[22m', 3],
  ])('%s: %i', (text, columns) => {
    expect(visibleLength(text)).toBe(columns);
  });
});

describe('wide characters do not overflow', () => {
  const chinese = '社区 居民 一起 参与 邻里 活动 建设 美好 家园 共同 努力';

  it('wrap breaks a line of CJK words at the width in columns', () => {
    const text = wrap(chinese, 20);
    expect(text.split('\n').length).toBeGreaterThan(1);
    expect(widest(text)).toBeLessThanOrEqual(20);
  });

  it('truncate leaves out words until the line fits in columns', () => {
    const line = truncate(chinese, 15);
    expect(line.endsWith(' …')).toBe(true);
    expect(columns(line)).toBeLessThanOrEqual(15);
    expect(columns(truncate('🌱🌱🌱 groen', 30))).toBe(12);
  });

  const methods = [
    method({ id: 'buurtfeest', name: 'Buurtfeest 🎉🎉', summary: `Samen vieren. ${chinese}` }),
    method({ id: 'shequ', name: '社区参与', summary: chinese }),
    method({ id: 'plain', name: 'Gewoon', summary: 'Een gewone methode.' }),
  ];

  it('the picker lines fit the terminal, and their grids line up', () => {
    for (const width of [40, 60]) {
      const lines = formatPickLines(methods, plain, width);
      for (const l of lines) {
        expect(columns(l.line)).toBeLessThanOrEqual(width - 1);
        expect(columns(l.description)).toBeLessThanOrEqual(width - 1);
      }
      expect(new Set(lines.map((l) => columns(l.line))).size).toBe(1);
    }
  });

  it('search results fit the terminal, with the grids in one column', () => {
    const hits = methods.map((m) => ({ method: m, score: 1, matched: {} }));
    const text = formatSearchResults(hits, plain, 60);
    expect(widest(text)).toBeLessThanOrEqual(60);
    const grids = text.split('\n').filter((l) => l.includes('·') && /A|C|T|I|E/.test(l) && !l.includes('…'));
    expect(new Set(grids.map((l) => columns(l.slice(0, l.search(/[A·] [C·]/))))).size).toBe(1);
  });

  it('the list table keeps its columns in line, and fits where the names fit', () => {
    const text = formatMethodTable(methods, plain, 120);
    const rows = text.split('\n').filter(Boolean);
    // The grid starts in the same column on every row, the header's included.
    const gridAt = (l: string) => columns(l.slice(0, l.search(/[A·] [C·] /)));
    expect(new Set(rows.map(gridAt)).size).toBe(1);
    expect(widest(text)).toBeLessThanOrEqual(120);
  });

  it('compare side by side keeps its columns in line', () => {
    const [wide, emoji] = [methods[1], methods[0]];
    const text = formatCompareTable([{ ...wide, summary: '社区 居民 一起 参与' }, { ...emoji, summary: 'Samen vieren.' }], { style: plain, width: 100 });
    const second = ['Buurtfeest 🎉🎉', 'Samen vieren.', 'https://example.org/buurtfeest'];
    const starts = text.split('\n').flatMap((l) => second.filter((t) => l.includes(t)).map((t) => columns(l.slice(0, l.lastIndexOf(t)))));
    expect(starts).toHaveLength(second.length);
    expect(new Set(starts).size).toBe(1);
  });

  it('the tag table keeps its counts in one column', () => {
    const text = formatTagTable([{ tag: '社区', count: 2 }, { tag: 'wijk', count: 17 }], plain);
    expect(new Set(text.trimEnd().split('\n').map(columns)).size).toBe(1);
  });
});
