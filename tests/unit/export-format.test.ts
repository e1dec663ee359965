// The export formats by example (and JSON over any text); YAML and CSV over generated methods are in
// tests/deep/export-property.test.ts.
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { parseRecords } from '../../src/catalogue/parse-records.js';
import { CSV_COLUMNS, CSV_LIST_SEPARATOR, formatMethodsCsv } from '../../src/format/csv.js';
import { formatMethodsJson, jsonText } from '../../src/format/json.js';
import { formatMethodsMarkdown, mdLink as link, mdText as text } from '../../src/format/markdown.js';
import { formatMethodsYaml } from '../../src/format/yaml.js';
import { methodSchema, type Method } from '../../src/model/schema.js';
import { method } from '../helpers/catalogue.js';
import { runs } from '../helpers/property.js';

// The built-in catalogue as the build compiled it (the loader's own tests read the YAML).
const builtin = await openCatalogue();

describe('json', () => {
  it('escapes C1, bidi and invisible characters, and reads back to the same value, for any text', () => {
    const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/;
    expect(jsonText({ a: 'x\u009b31m\u202ey' })).toBe('{\n  "a": "x\\u009b31m\\u202ey"\n}\n');
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (value) => {
        const text = jsonText(value);
        expect(text.slice(0, -1)).not.toMatch(raw);
        expect(JSON.parse(text)).toEqual(value);
      }),
      { numRuns: runs(200) },
    );
  });

  it('is the records, indented, with a final newline', () => {
    const methods = builtin.methods.slice(0, 2);
    expect(JSON.parse(formatMethodsJson(methods))).toEqual(methods);
    expect(formatMethodsJson(methods).endsWith('}\n]\n')).toBe(true);
  });
});

describe('yaml', () => {
  it('starts with the schema line and holds one document per method', () => {
    const out = formatMethodsYaml(builtin.methods, { modeline: '# yaml-language-server: $schema=x.json', comment: 'een\ntwee' });
    expect(out.split('\n').slice(0, 3)).toEqual(['# yaml-language-server: $schema=x.json', '# een', '# twee']);
    expect(out.match(/^---$/gm)).toHaveLength(builtin.methods.length - 1);
  });

  it('loads back through the loader to the same records (the built-in catalogue)', () => {
    const parsed = parseRecords('export.yaml', formatMethodsYaml(builtin.methods), methodSchema);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => r.value)).toEqual(builtin.methods);
  });
});

describe('csv', () => {
  const read = (csv: string) => parseCsv(csv, { columns: true, bom: true }) as Record<string, string>[];

  it('has a column for every field of the schema, in its order (a new field cannot be left out unseen)', () => {
    const fields = Object.entries(methodSchema.shape).flatMap(([key, schema]) => ('shape' in schema ? Object.keys(schema.shape).map((sub) => `${key}.${sub}`) : [key]));
    expect([...CSV_COLUMNS]).toEqual(fields);
  });

  it('has one header row with the fields and one row per method, lists joined with ;', () => {
    const csv = formatMethodsCsv(builtin.methods);
    expect(csv.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
    const rows = read(csv);
    expect(rows).toHaveLength(builtin.methods.length);
    rows.forEach((row, i) => {
      const m = builtin.methods[i];
      expect(row).toEqual({
        id: m.id,
        name: m.name,
        aliases: (m.aliases ?? []).join(CSV_LIST_SEPARATOR),
        summary: m.summary,
        elements: m.elements.join(CSV_LIST_SEPARATOR),
        'source.kind': m.source.kind,
        'source.collection': m.source.collection ?? '',
        url: m.url,
        tags: (m.tags ?? []).join(CSV_LIST_SEPARATOR),
        elementSummaries: Object.entries(m.elementSummaries ?? {}).map(([k, t]) => `${k}: ${t}`).join(CSV_LIST_SEPARATOR),
      });
    });
  });

  it('keeps commas, quotes and line breaks inside their cell', () => {
    const m = method({ id: 'x', name: 'Een, "twee"', summary: 'regel een\nregel twee, met "quotes"', aliases: ['a,b', 'c'] });
    expect(read(formatMethodsCsv([m]))[0]).toMatchObject({ name: m.name, summary: m.summary, aliases: 'a,b;c' });
  });

  it('starts with a BOM only when asked', () => {
    expect(formatMethodsCsv([]).charCodeAt(0)).not.toBe(0xfeff);
    expect(formatMethodsCsv([], { bom: true }).charCodeAt(0)).toBe(0xfeff);
  });

  it('puts a quote before cells a spreadsheet would run as a formula, and shows control characters', () => {
    const m = method({ id: 'x', name: '=HYPERLINK("http://x")', aliases: ['+1', '@a'], summary: 'a\u001b[2Jb' });
    const row = read(formatMethodsCsv([m]))[0];
    expect(row.name).toBe(`'=HYPERLINK("http://x")`);
    expect(row.aliases).toBe(`'+1;'@a`);
    expect(row.summary).toBe('a\\u001b[2Jb');
  });

  it('lets no cell, and no ;-separated part of a cell, start a formula (the OWASP rule)', () => {
    const m = method({
      id: 'x',
      name: `Plan; =cmd|' /C calc'!A0`,
      aliases: ['gewoon', '-2+3', ' @SUM(A1)'],
      summary: 'Start;+1;\t=2;\r=3;\uff1d4',
      url: 'https://example.org/a?b=1;=HYPERLINK("x")',
    });
    const csv = formatMethodsCsv([m]);
    const row = read(csv)[0];
    expect(row.name).toBe(`Plan;' =cmd|' /C calc'!A0`);
    expect(row.aliases).toBe(`gewoon;'-2+3;' @SUM(A1)`);
    expect(row.summary).toBe(`Start;'+1;' =2;' =3;'\uff1d4`);
    expect(row.url).toBe(`https://example.org/a?b=1;'=HYPERLINK("x")`);
    // Quoted, so a reader that splits on commas keeps the cell whole, and one that splits on ; sees quotes.
    expect(csv).toContain(`"Plan;' =cmd|' /C calc'!A0"`);
    expect(csv).toContain(`"gewoon;'-2+3;' @SUM(A1)"`);
  });
});

describe('markdown', () => {
  const doc = (methods: Method[], elements?: Method['elements']) =>
    formatMethodsMarkdown(methods, { model: builtin.model, sources: builtin.sources, elements });

  it('has a section per ACTIE element with its question and a table of its methods with links', () => {
    const out = doc(builtin.methods);
    for (const e of builtin.model.elements) {
      const section = out.split(`## ${e.name}\n`)[1].split('\n## ')[0];
      expect(section).toContain(e.question);
      const members = builtin.methods.filter((m) => m.elements.includes(e.key));
      const rows = section.split('\n').filter((l) => l.startsWith('| ['));
      expect(rows).toHaveLength(members.length);
      for (const m of members) expect(section).toContain(`](${m.url})`);
    }
  });

  it('shows only the filtered elements', () => {
    const out = doc(builtin.methods.filter((m) => m.elements.includes('empathie')), ['empathie']);
    expect(out.match(/^## /gm)).toHaveLength(1);
    expect(out).toContain('## Empathie');
  });

  it('says so when an element has no methods', () => {
    expect(doc([], ['animo'])).toContain('Geen methoden onder dit element');
  });

  it('keeps every table row on one line with as many cells as the header', () => {
    const m = method({ id: 'x', name: 'A | B [c]', summary: 'een | twee\ndrie <b>vet</b> \u001b[31m', url: 'https://example.org/a b(c)|d' });
    const rows = doc([m], ['animo']).split('\n').filter((l) => l.startsWith('|'));
    const cells = (row: string) => row.split(/(?<!\\)\|/).length;
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map(cells)).size).toBe(1);
    expect(rows[2]).toContain('een \\| twee<br>drie \\<b\\>vet\\</b\\> \\\\u001b\\[31m');
    expect(rows[2]).toContain('[A \\| B \\[c\\]](https://example.org/a%20b%28c%29%7Cd)');
  });

  it('escapes Markdown in plain text', () => {
    expect(text('*vet* _schuin_ `code` #kop')).toBe('\\*vet\\* \\_schuin\\_ \\`code\\` \\#kop');
    expect(link('x', 'https://example.org/')).toBe('[x](https://example.org/)');
  });
});
