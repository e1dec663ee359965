import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { formatCompareLines, formatCompareTable, MIN_COLUMN } from '../../src/format/compare.js';
import { makeStyle } from '../../src/text/terminal.js';
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
    'at %d columns, %s: no line runs over but a URL or id alone on its line, and every id, URL and word is there whole',
    (width, ids) => {
      const set = byId(...ids.split(' '));
      const text = formatCompareTable(set, { style: color, width }).replace(ANSI, '');
      const lines = text.split('\n');
      const whole = [...set.map((m) => m.url), ...set.map((m) => m.id)];
      expect(lines.filter((l) => l.length > width && !whole.includes(l.trim()))).toEqual([]);
      // Nothing broken inside a word: every word of every field, the id and the URL, is a word of the output.
      const words = new Set(text.split(/\s+/));
      for (const m of set) {
        for (const word of [m.id, m.url, ...m.name.split(' '), ...m.summary.split(/\s+/), ...(m.tags ?? [])]) {
          expect(words.has(word) || words.has(`${word},`), word).toBe(true);
        }
      }
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
    expect(wide).not.toMatch(/^Link$/m);
    const narrow = formatCompareTable(byId('abcd', 'bewoners-aan-zet'), { style: plain, width: 100 });
    expect(narrow).not.toMatch(/^Link /m);
    expect(narrow).toMatch(/\n\nLink\n {2}abcd {14}https:\/\/www\.movisie\.nl\/esi\/abcd\n {2}bewoners-aan-zet {2}http:\/\/www\.watwerktindewijk\.nl\S+\n$/);
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

  it('an id too long for its column: the ids go below the grid with the links, whole', () => {
    const set = byId('abcd', 'kan-wel', 'present', 'maatschappelijke-activeringscentra');
    const text = formatCompareTable(set, { style: plain, width: 100 });
    expect(text).not.toMatch(/^id /m);
    expect(text).toMatch(/^ {13}ABCD {2,}Kan wél {2,}Present {2,}Maatschappelijke$/m);
    const below = text.slice(text.indexOf("\nLink\n"));
    for (const m of set) expect(below).toContain(`  ${m.id}\n`);
  });

  it('a word longer than a column: the methods follow one another, and a field with a word too long for beside its label starts below it', () => {
    const long = method({ id: 'een-heel-lang-id-dat-nergens-naast-past', name: 'Plattelandsvernieuwingsprogrammaonderdeel', summary: 'Kort.' });
    const text = formatCompareTable([long, byId('abcd')[0]], { style: plain, width: 50 });
    expect(text.split('\n\n')).toHaveLength(2);
    expect(text).toMatch(/^Plattelandsvernieuwingsprogrammaonderdeel\nid\neen-heel-lang-id-dat-nergens-naast-past\nACTIE {8}A · · · ·$/m);
    expect(text).toMatch(/^id {11}abcd$/m);
    expect(text).toMatch(/^Link\nhttps:\/\/example\.org\/een-heel-lang-id-dat-nergens-naast-past$/m);
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
