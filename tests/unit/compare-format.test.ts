import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { formatCompareLines, formatCompareTable, MIN_COLUMN } from '../../src/format/compare.js';
import { makeStyle } from '../../src/terminal.js';
import { method } from '../helpers/catalogue.js';

const { methods } = await openCatalogue();
const byId = (...ids: string[]) => ids.map((id) => methods.find((m) => m.id === id)!);
const plain = makeStyle(false);
const color = makeStyle(true);
const ANSI = /\u001b\[[0-9;]*m/g;
const LABEL_WIDTH = 'Samenvatting'.length + 1;

// Two to four methods, with the longest name, id and URL of the catalogue among them.
const SETS = [
  byId('abcd', 'kan-wel'),
  byId('abcd', 'kan-wel', 'present'),
  byId('abcd', 'kan-wel', 'present', 'maatschappelijke-activeringscentra'),
  byId('integraal-dorpsontwikkelingsplan', 'maatschappelijke-opvang-in-zelfbeheer', 'burgers-aan-het-stuur'),
];
const WIDTHS = [40, 60, 80, 100, 120, 200];

describe('compare on a terminal', () => {
  it.each(WIDTHS.flatMap((w) => SETS.map((set) => [w, set.map((m) => m.id).join(' ')] as const)))(
    'at %d columns, %s: no line runs over but a URL alone on its line, and every URL and word is there whole',
    (width, ids) => {
      const set = byId(...ids.split(' '));
      const text = formatCompareTable(set, { style: color, width }).replace(ANSI, '');
      const lines = text.split('\n');
      const urls = set.map((m) => m.url);
      expect(lines.filter((l) => l.length > width && !urls.includes(l))).toEqual([]);
      for (const url of urls) expect(lines.some((l) => l.split(/\s+/).includes(url))).toBe(true);
      // Words are whole, apart from those cut after a hyphen: the summary's words all appear, in order.
      const words = text.replace(/-\s+/g, '-').split(/\s+/);
      for (const m of set) for (const word of m.summary.split(/\s+/)) expect(words).toContain(word);
    },
  );

  it('the columns share the width: each method starts at its own column on every row', () => {
    const set = byId('abcd', 'kan-wel', 'present');
    const width = 100;
    const column = Math.floor((width - LABEL_WIDTH - 2 * 2) / 3);
    const lines = formatCompareTable(set, { style: plain, width }).split('\n');
    const starts = [0, 1, 2].map((i) => LABEL_WIDTH + i * (column + 2));
    const row = (label: string) => lines.find((l) => l.startsWith(label))!;
    expect(starts.map((s) => row('id').slice(s).split(/\s+/)[0])).toEqual(['abcd', 'kan-wel', 'present']);
    expect(starts.map((s) => row('ACTIE').slice(s, s + 9))).toEqual(['A C · · ·', 'A · T · ·', '· C · · ·']);
    expect(starts.map((s) => row('Bron').slice(s).trim().split(/\s{2,}/)[0])).toEqual(['databank (esi)', 'databank (esi)', 'databank (esi)']);
    expect(lines[0].slice(starts[0]).split(/\s{2,}/)).toEqual(['ABCD', 'Kan wél', 'Present']);
  });

  it('URLs that fit their columns stay in the grid; one that does not sends them all below it, each beside its id', () => {
    const wide = formatCompareTable(byId('abcd', 'kan-wel'), { style: plain, width: 120 });
    expect(wide).toMatch(/^Link {9}https:\/\/www\.movisie\.nl\/esi\/abcd {2,}https:\/\/www\.movisie\.nl\/esi\/kan-wel$/m);
    expect(wide).not.toMatch(/^Links$/m);
    const narrow = formatCompareTable(byId('abcd', 'bewoners-aan-zet'), { style: plain, width: 100 });
    expect(narrow).not.toMatch(/^Link /m);
    expect(narrow).toMatch(/\n\nLinks\n {2}abcd {14}https:\/\/www\.movisie\.nl\/esi\/abcd\n {2}bewoners-aan-zet {2}http:\/\/www\.watwerktindewijk\.nl\S+\n$/);
  });

  it('a URL too long to sit beside its id goes on a line of its own, under the id', () => {
    const text = formatCompareTable(byId('abcd', 'maatschappelijke-activeringscentra'), { style: plain, width: 70 });
    expect(text).toMatch(/\n {2}maatschappelijke-activeringscentra\nhttps:\/\/www\.movisie\.nl\/praktijkvoorbeeld\/maatschappelijke-activeringscentra\n/);
    expect(text).toMatch(/\n {2}abcd\n {2}https:\/\/www\.movisie\.nl\/esi\/abcd\n/);
  });

  it(`columns narrower than ${MIN_COLUMN}: the methods follow one another, each in full`, () => {
    const set = byId('abcd', 'kan-wel', 'present', 'woonatelier');
    const text = formatCompareTable(set, { style: plain, width: 70 });
    const blocks = text.split('\n\n');
    expect(blocks).toHaveLength(4);
    blocks.forEach((block, i) => {
      expect(block).toContain(set[i].name);
      expect(block).toMatch(new RegExp(`^id {11}${set[i].id}$`, 'm'));
    });
  });

  it('a word longer than its column is broken after a hyphen, else where the column ends', () => {
    const long = method({ id: 'een-heel-lang-id-dat-nergens-in-past', name: 'Plattelandsvernieuwingsprogrammaonderdeel', summary: 'Kort.' });
    const text = formatCompareTable([long, byId('abcd')[0]], { style: plain, width: 60 });
    const column = Math.floor((60 - LABEL_WIDTH - 2) / 2);
    const cells = text.split('\n').map((l) => l.slice(LABEL_WIDTH, LABEL_WIDTH + column).trimEnd());
    expect(cells.every((c) => c.length <= column)).toBe(true);
    expect(cells.join('')).toContain('een-heel-lang-id-dat-nergens-in-past');
    expect(cells.some((c) => /-$/.test(c) && c.startsWith('een-heel'))).toBe(true);
    expect(cells.join('')).toContain('Plattelandsvernieuwingsprogrammaonderdeel');
  });

  it('no colour with a plain style; with colour the names, grid and links are styled, padding is not', () => {
    const set = byId('abcd', 'kan-wel');
    expect(formatCompareTable(set, { style: plain, width: 120 })).not.toMatch(ANSI);
    const coloured = formatCompareTable(set, { style: color, width: 120 });
    expect(coloured).toMatch(ANSI);
    // Underlined text ends before the padding that follows it.
    expect(coloured).not.toMatch(/\u001b\[4m[^\u001b]* \u001b\[24m/);
  });

  it('control characters in a record are escaped, not written', () => {
    const evil = method({ id: 'evil', name: 'Boos\u001b[31m', summary: 'Een\u0007 bel.', tags: ['x\u202ey'] });
    const text = formatCompareTable([evil, byId('abcd')[0]], { style: plain, width: 100 }) + formatCompareLines([evil, byId('abcd')[0]]);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(text).toContain('\\u001b');
  });
});

describe('compare in a pipe', () => {
  it('one line per field: its name, then the values in the order asked, tab-separated', () => {
    const [a, b] = byId('kan-wel', 'abcd');
    expect(formatCompareLines([a, b])).toBe(
      [
        ['id', a.id, b.id],
        ['name', a.name, b.name],
        ['elements', a.elements.join(','), b.elements.join(',')],
        ['kind', a.source.kind, b.source.kind],
        ['collection', a.source.collection, b.source.collection],
        ['tags', a.tags!.join(','), b.tags!.join(',')],
        ['summary', a.summary, b.summary],
        ['url', a.url, b.url],
      ]
        .map((l) => l.join('\t') + '\n')
        .join(''),
    );
  });

  it('a missing value is an empty field, and tabs or newlines in a value never add fields or lines', () => {
    const bare = method({ id: 'kaal', summary: 'Met\ttab en\nregel.' });
    const text = formatCompareLines([bare, byId('abcd')[0]]);
    expect(text.split('\n')).toHaveLength(9);
    for (const line of text.trimEnd().split('\n')) expect(line.split('\t')).toHaveLength(3);
    expect(text).toMatch(/^collection\t\tesi$/m);
    expect(text).toMatch(/^tags\t\twijk$/m);
  });
});
