import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { formatElement, formatModel, type ModelElementView } from '../../src/format/model.js';
import { searchMethods } from '../../src/core/search.js';
import { elementNames } from '../../src/core/methods.js';
import { formatMethodDetail } from '../../src/format/methods.js';
import { plural } from '../../src/text/plural.js';
import { formatSearchResults, lineSpans } from '../../src/format/search.js';
import { makeStyle, wrapCommand } from '../../src/text/terminal.js';
import { method } from '../helpers/catalogue.js';

const catalogue = await openCatalogue();
const names = elementNames(catalogue.model);
const plain = makeStyle(false);
const color = makeStyle(true);
const WIDTHS = [40, 60, 80, 120];
const ANSI = /\u001b\[[0-9;]*m/g;

/** Every line of `text` (styles removed) that is wider than `width`. */
const tooWide = (text: string, width: number) => text.replace(ANSI, '').split('\n').filter((l) => l.length > width);
const squashSpaces = (text: string) => text.replace(ANSI, '').replace(/\s+/g, ' ');

describe('plural', () => {
  it.each([
    [0, '0 methoden'],
    [1, '1 methode'],
    [2, '2 methoden'],
    [39, '39 methoden'],
  ])('%d -> %s', (n, expected) => expect(plural(n, 'methode', 'methoden')).toBe(expected));
});

describe('lineSpans', () => {
  const lines = (text: string, room: number) => lineSpans(text, room).map(([a, b]) => text.slice(a, b));
  it.each([
    ['Kan wél', 10, ['Kan wél']],
    ['Maatschappelijke Activeringscentra (MAC)', 37, ['Maatschappelijke Activeringscentra', '(MAC)']],
    ['een twee drie', 8, ['een twee', 'drie']],
    // A word longer than a line stays whole, on a line of its own.
    ['Het Plattelandsparlement', 8, ['Het', 'Plattelandsparlement']],
    ['  ruimte  ', 10, ['ruimte']],
    ['', 10, []],
  ])('%j in %d columns', (text, room, expected) => expect(lines(text, room)).toEqual(expected));
});

describe('search results on a terminal', () => {
  // Queries whose results have long names and ids that start alike: the cases that broke at 60 columns.
  const QUERIES = ['maatschapelijke', 'dorp', 'tijd voor elkaar', 'buurt'];

  describe.each(QUERIES)('%j', (query) => {
    const hits = searchMethods(catalogue.methods, query);

    it.each(WIDTHS)('at %d columns: no line wider, every name and id whole, in rank order', (width) => {
      expect(hits.length).toBeGreaterThan(0);
      for (const style of [plain, color]) {
        const text = formatSearchResults(hits, style, width, query.split(' '));
        expect(tooWide(text, width)).toEqual([]);
        const flat = squashSpaces(text);
        let at = 0;
        for (const { method: m } of hits) {
          const found = flat.indexOf(`${m.name} `, at);
          expect(found, `${m.name} at ${width}`).toBeGreaterThanOrEqual(at);
          expect(flat.indexOf(` ${m.id} `, found), `${m.id} at ${width}`).toBeGreaterThan(found);
          at = found + m.name.length;
        }
      }
    });
  });

  it('on a wide terminal: one line per method, names padded so that elements and ids form columns', () => {
    const hits = searchMethods(catalogue.methods, 'maatschapelijke');
    const lines = formatSearchResults(hits, plain, 120).trimEnd().split('\n');
    expect(lines).toHaveLength(hits.length * 2);
    const heads = lines.filter((_, i) => i % 2 === 0);
    const gridAt = heads.map((l) => l.search(/[A·] [C·] [T·] [I·] [E·]/));
    expect(new Set(gridAt).size).toBe(1);
    for (const [i, h] of hits.entries()) expect(heads[i].endsWith(`  ${h.method.id}`)).toBe(true);
  });

  it('on a narrow terminal: the name on its own line, elements and id below it, the summary last', () => {
    const hits = searchMethods(catalogue.methods, 'maatschapelijke');
    const lines = formatSearchResults(hits, plain, 60).trimEnd().split('\n');
    const first = hits[0].method;
    expect(lines[0]).toBe(`1. ${first.name}`);
    expect(lines[1]).toMatch(new RegExp(`^ {3}[A·] [C·] [T·] [I·] [E·] {2}${first.id}$`));
    expect(lines[2].startsWith(`   ${first.summary.slice(0, 20)}`)).toBe(true);
  });

  it('an id too long beside the elements gets a line of its own, and is never shortened', () => {
    const long = method({ id: 'een-heel-lange-id-voor-een-eigen-methode', name: 'Lang' });
    const hit = { method: long, score: 1, matched: {} };
    const at44 = formatSearchResults([hit], plain, 44).split('\n');
    expect(at44[1]).toMatch(/^ {3}[A·] [C·] [T·] [I·] [E·]$/);
    expect(at44[2]).toBe(`   ${long.id}`);
    // Wider than the terminal: whole, on its own line, so it can still be typed after `show`.
    const at30 = formatSearchResults([hit], plain, 30);
    expect(at30).toContain(`   ${long.id}\n`);
    expect(tooWide(at30, 30)).toEqual([`   ${long.id}`]);
  });

  it('highlights a matching name across the lines it wraps over', () => {
    const mac = catalogue.methods.find((m) => m.id === 'maatschappelijke-activeringscentra')!;
    const hit = { method: mac, score: 1, matched: { name: ['mac'] } };
    const text = formatSearchResults([hit], color, 40, ['mac']);
    expect(text).toContain(color.bold.yellow('MAC'));
    expect(tooWide(text, 40)).toEqual([]);
  });
});

describe('show on a terminal', () => {
  const own = method({
    id: 'buurtkracht-met-een-lange-naam',
    name: 'Buurtkracht met een heel lange naam die niet op een regel past',
    aliases: ['Buurtkracht', 'De kracht van de buurt', 'Buurtkrachtmethode voor wijken en dorpen'],
    tags: ['buurt', 'vrijwilligers', 'wijk', 'dorp', 'leefbaarheid', 'jongeren', 'ouderen'],
    elements: ['animo', 'contact', 'toerusting', 'inbedding', 'empathie'],
    url: 'https://example.org/een/heel/lang/adres/naar/de/beschrijving/van/buurtkracht',
  });
  const origin = { builtin: false, file: 'mijn-methoden/buurt.yaml', line: 1 };
  const methods = [...catalogue.methods, own];

  it.each(WIDTHS)('at %d columns: every line fits, except a URL that cannot, which starts a line of its own', (width) => {
    for (const m of methods) {
      const text = formatMethodDetail(m, m === own ? origin : catalogue.origins[m.id], { style: plain, width: width, names });
      expect(tooWide(text, width).filter((l) => l !== m.url), m.id).toEqual([]);
      const lines = text.split('\n');
      expect(lines.some((l) => l === `Link       ${m.url}` || l === m.url), m.id).toBe(true);
      expect(squashSpaces(text)).toContain(m.name);
      expect(text).toContain(`(${m.id})`);
    }
  });

  it('wraps the aliases and tags under their label', () => {
    const lines = formatMethodDetail(own, origin, { style: plain, width: 60, names }).split('\n');
    const ook = lines.findIndex((l) => l.startsWith('Ook '));
    expect(lines[ook + 1]).toMatch(/^ {11}\S/);
    expect(lines.find((l) => l.startsWith('Herkomst'))).toBe('Herkomst   eigen methode, uit mijn-methoden/buurt.yaml');
  });

  it('piped (no width): one line per field, as before', () => {
    const lines = formatMethodDetail(own, origin, { style: plain, width: Infinity, names }).split('\n');
    expect(lines[0]).toBe(`${own.name}  (${own.id})`);
    expect(lines).toContain(`Ook        ${own.aliases!.join(', ')}`);
    expect(lines).toContain(`Link       ${own.url}`);
  });
});

describe('model on a terminal', () => {
  const empathie = catalogue.model.elements.find((e) => e.key === 'empathie')!;
  const keyWidth = Math.max(...catalogue.model.elements.flatMap((e) => e.poles.map((p) => p.key.length))) + 2;

  it('keeps two spaces between the longest pole key and its label', () => {
    const text = formatElement({ ...empathie, methodCount: 1, methods: [] }, plain, 80, keyWidth);
    for (const p of empathie.poles) expect(text).toMatch(new RegExp(`^  ${p.key} {2,}${p.label}$`, 'm'));
  });

  it.each([
    [1, '1 methode'],
    [2, '2 methoden'],
  ])('counts %d as "%s"', (n, words) => {
    expect(formatElement({ ...empathie, methodCount: n, methods: [] } as ModelElementView, plain, 80, keyWidth).split('\n')[0]).toBe(`EMPATHIE  ${words}`);
  });

  it('model <element> lists the methods under it by name, with their ids', () => {
    const methods = catalogue.methods.filter((m) => m.elements.includes('toerusting')).map(({ id, name }) => ({ id, name }));
    const text = formatModel([{ ...catalogue.model.elements.find((e) => e.key === 'toerusting')!, methodCount: methods.length, methods }], undefined, plain, Infinity);
    const listed = text.slice(text.indexOf('  Methoden\n'));
    for (const m of methods) expect(listed).toContain(`· ${m.name} (${m.id})`);
  });
});

describe('wrapCommand', () => {
  it("lets another program's option part from the next word (mkdir -p <map>), but not one of ours", () => {
    const command = '$ mkdir -p ~/.local/share/bash-completion/completions && methodewijzer --catalogue ~/een/lange/map/met/methoden completion bash';
    const lines = wrapCommand(command, 40, '  ').split('\n');
    expect(lines.map((l) => l.replace(/ \\$/, '').trim()).join(' ')).toBe(command);
    expect(lines).toContain('  $ mkdir -p \\');
    expect(lines.some((l) => l.trim().startsWith('--catalogue ~/een/lange/map/met/methoden'))).toBe(true);
  });

  it('never splits an option from its value, nor a quoted value, at any width', () => {
    const command = "methodewijzer --catalogue '/een/map met spaties' actie --animo bijsturen --contact benutten --toerusting eigen-kracht --inbedding organisaties --empathie beide --setting dorp --doelgroep geen --over 'jongeren willen een eigen keet'";
    for (let width = 30; width <= 120; width += 7) {
      const lines = wrapCommand(command, width, '  ').split('\n');
      // Pasted back together, it is the command.
      expect(lines.map((l) => l.replace(/ \\$/, '').trim()).join(' ')).toBe(command);
      for (const line of lines) expect(line, `${width}: ${line}`).not.toMatch(/--[a-z]+( \\)?$/);
      expect(lines.some((l) => l.includes("'jongeren willen een eigen keet'"))).toBe(true);
      expect(lines.some((l) => l.includes("'/een/map met spaties'"))).toBe(true);
    }
  });
});
