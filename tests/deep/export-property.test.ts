// The export formats over generated input (fast-check): whatever methods the schema accepts, YAML and
// CSV read back to the same records, and no CSV cell starts a formula. The examples are in
// tests/unit/export-format.test.ts; `PROPERTY_RUNS_FACTOR=10` looks ten times as far.
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecords } from '../../src/catalogue/parse-records.js';
import { CSV_COLUMNS, formatMethodsCsv } from '../../src/format/csv.js';
import { formatMethodsYaml } from '../../src/format/yaml.js';
import { ELEMENT_KEYS, SOURCE_KINDS, methodSchema, type Method } from '../../src/model/schema.js';
import { method } from '../helpers/catalogue.js';
import { runs } from '../helpers/property.js';

/** Strings that YAML and CSV writers must quote or escape to keep them as they are. */
const awkward = fc.constantFrom(
  'yes', 'no', 'null', '~', 'true', '123', '0x1F', '1e3', '-', '---', '...', '- item', '? vraag', ': dubbel',
  'a: b', 'a #b', '#kop', '"aanhalingstekens"', "'enkel'", 'komma, en "quote"', 'regel\nnog een regel',
  'tab\tin', '  spaties  eromheen', 'é ü ß — “typografisch”', '=SOM(A1)', '+31 6', '@iemand', '|pijp|', '&anker *alias',
  '!tag', '%procent', '{accolade}', '[blok]', 'emoji 🙂 en 👩🏽‍🌾', '\u001b[31mrood', 'a\u0085b', 'zero\u200bwidth',
);

const textArb = fc.oneof(awkward, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 200 }));
const slugArb = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,3}$/);

/** Methods as the loader hands them out: whatever zod accepts, after its transforms. */
const methodArb = fc
  .record(
    {
      id: slugArb,
      name: textArb,
      aliases: fc.uniqueArray(textArb, { maxLength: 3 }),
      summary: textArb,
      elements: fc.uniqueArray(fc.constantFrom(...ELEMENT_KEYS), { minLength: 1 }),
      source: fc.record({ kind: fc.constantFrom(...SOURCE_KINDS), collection: slugArb }, { requiredKeys: ['kind'] }),
      url: fc.webUrl({ withQueryParameters: true, withFragments: true }),
      tags: fc.uniqueArray(slugArb, { maxLength: 4 }),
    },
    { requiredKeys: ['id', 'name', 'summary', 'elements', 'source', 'url'] },
  )
  .map((m) => methodSchema.safeParse(m))
  .filter((r) => r.success)
  .map((r) => r.data as Method);

describe('yaml', () => {
  it('loads back to the same records for any methods the schema accepts', () => {
    fc.assert(
      fc.property(fc.array(methodArb, { maxLength: 5 }), (methods) => {
        const yaml = formatMethodsYaml(methods, { modeline: '# yaml-language-server: $schema=x' });
        const parsed = parseRecords('export.yaml', yaml, methodSchema);
        if (methods.length === 0) return; // an empty export is an empty file, which the loader reports
        expect(parsed.problems).toEqual([]);
        expect(parsed.records.map((r) => r.value)).toEqual(methods);
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('csv', () => {
  const read = (csv: string) => parseCsv(csv, { columns: true, bom: true }) as Record<string, string>[];

  it('starts no formula in any cell or ;-part, whatever the text, and quotes every cell with a ;', () => {
    const formula = /^\s*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/u;
    const starts = fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' =', ';=', ';', '\uff0b', '');
    const free = fc.tuple(starts, fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('', ';-1', '; @x', ';;+'))
      .map((parts) => parts.join(''));
    const methodsArb = fc.array(
      fc.record({ name: free, summary: free, url: free, aliases: fc.array(free, { maxLength: 3 }) }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(methodsArb, (fields) => {
        const csv = formatMethodsCsv(fields.map((f, i) => method({ id: `m${i}`, ...f })));
        for (const row of read(csv)) {
          for (const value of Object.values(row)) {
            for (const part of value.split(';')) expect(part).not.toMatch(formula);
            if (value.includes(';')) expect(csv).toContain(`"${value.replaceAll('"', '""')}"`);
          }
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('reads back as one row per method with the right fields for any methods', () => {
    fc.assert(
      fc.property(fc.array(methodArb, { maxLength: 5 }), (methods) => {
        const rows = read(formatMethodsCsv(methods));
        expect(rows.map((r) => r.id)).toEqual(methods.map((m) => m.id));
        expect(rows.map((r) => r.elements.split(';'))).toEqual(methods.map((m) => m.elements));
        for (const row of rows) expect(Object.keys(row)).toEqual([...CSV_COLUMNS]);
      }),
      { numRuns: runs(100) },
    );
  });
});
