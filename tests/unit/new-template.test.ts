import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseRecords } from '../../src/catalogue/parse-records.js';
import { slugify } from '../../src/core/fold.js';
import { FILL_IN, methodTemplate } from '../../src/format/template.js';
import { methodSchema } from '../../src/model/schema.js';

describe('slugify', () => {
  it.each([
    ['Kan wél', 'kan-wel'],
    ['  Één  Twee!! ', 'een-twee'],
    ['ABCD', 'abcd'],
    ['Buurt & Bewoners (2.0)', 'buurt-bewoners-2-0'],
    ['Straße Ærø', 'strasse-aero'],
    ['ﬁets', 'fiets'],
    ['Citroën–methode', 'citroen-methode'],
    ['日本', ''],
    ['---', ''],
  ])('%j -> %j', (name, id) => {
    expect(slugify(name)).toBe(id);
    if (id) expect(methodSchema.shape.id.safeParse(id).success).toBe(true);
  });
});

describe('the template of `new`', () => {
  const template = (name = 'Mijn "methode": één') =>
    methodTemplate({ id: slugify(name), name, modeline: '# yaml-language-server: $schema=file:///x.json', scalar: (v) => stringify(v).trimEnd() });

  it('starts with the schema line and names every field of the schema', () => {
    const text = template();
    expect(text.startsWith('# yaml-language-server: $schema=')).toBe(true);
    const present = Object.keys(parse(text));
    const commented = [...text.matchAll(/^\s*# (\w+): /gm)].map((m) => m[1]);
    const fields = [...Object.keys(methodSchema.shape), ...Object.keys(methodSchema.shape.source.shape)];
    for (const field of fields) expect([...present, ...Object.keys(parse(text).source), ...commented]).toContain(field);
  });

  it('keeps the name as given and the slugged id', () => {
    expect(parse(template())).toMatchObject({ id: 'mijn-methode-een', name: 'Mijn "methode": één' });
  });

  it('does not validate while the placeholders are empty, and says where', () => {
    const text = template();
    const { records, problems } = parseRecords('nieuw.yaml', text, methodSchema);
    expect(records).toEqual([]);
    const lines = text.split('\n');
    expect(problems.map((p) => p.field).sort()).toEqual(['elements', 'source.kind', 'summary', 'url']);
    for (const p of problems) {
      // Each problem points at the placeholder's line, which a "VUL IN" comment explains just above.
      const field = p.field!.split('.').pop()!;
      expect(lines[p.line! - 1]).toMatch(new RegExp(`^\\s*${field}:`));
      expect(lines.slice(0, p.line! - 1).reverse().find((l) => l.includes(FILL_IN))).toBeDefined();
    }
  });

  it('validates once the placeholders are filled in', () => {
    const filled = template()
      .replace('summary: ""', 'summary: Bewoners richten samen een moestuin in.')
      .replace('elements: []', 'elements: [contact, animo]')
      .replace('kind: ""', 'kind: databank')
      .replace('# collection: naam-van-de-databank', 'collection: eigen-databank')
      .replace('url: ""', 'url: https://example.org/moestuin');
    const { records, problems } = parseRecords('nieuw.yaml', filled, methodSchema);
    expect(problems).toEqual([]);
    expect(records[0].value).toMatchObject({ id: 'mijn-methode-een', source: { kind: 'databank', collection: 'eigen-databank' } });
  });
});
