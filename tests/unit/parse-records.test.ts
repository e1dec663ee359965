import { describe, expect, it } from 'vitest';
import { parseRecords } from '../../src/catalogue/parse-records.js';
import { methodSchema } from '../../src/model/schema.js';

const valid = `id: mijn-methode
name: Mijn methode
summary: Bewoners doen het zelf.
elements: [animo, contact]
source:
  kind: databank
url: https://example.org/mijn-methode
`;

const parse = (text: string) => parseRecords('x.yaml', text, methodSchema);

describe('parseRecords', () => {
  it('returns a valid record with the line it starts on', () => {
    const { records, problems } = parse(valid);
    expect(problems).toEqual([]);
    expect(records).toMatchObject([{ file: 'x.yaml', line: 1, value: { id: 'mijn-methode', elements: ['animo', 'contact'] } }]);
  });

  it('reads every document of a multi-document file', () => {
    const second = valid.replace('mijn-methode', 'tweede');
    const { records } = parse(`${valid}---\n${second}`);
    expect(records.map((r) => [r.value.id, r.line])).toEqual([
      ['mijn-methode', 1],
      ['tweede', 9],
    ]);
  });

  // Each row: what is changed in the valid record, and where the problem must point.
  it.each<[string, string, { field: string; line?: number; column?: number; message: RegExp }]>([
    ['a missing field', valid.replace('summary: Bewoners doen het zelf.\n', ''), { field: 'summary', message: /verplicht veld ontbreekt/ }],
    ['a typo in a field name', valid.replace('elements:', 'elemnts:'), { field: 'elemnts', line: 4, column: 1, message: /onbekend veld; bedoelde u: elements\?/ }],
    ['an unknown element', valid.replace('[animo, contact]', '[animo, kontakt]'), { field: 'elements.1', line: 4, message: /onbekende waarde "kontakt"; kies uit: animo, contact/ }],
    ['a malformed url', valid.replace('https://example.org/mijn-methode', 'www.example.org'), { field: 'url', line: 7, column: 6, message: /geen geldige link/ }],
    ['a bad id', valid.replace('id: mijn-methode', 'id: Mijn Methode'), { field: 'id', line: 1, column: 5, message: /kleine letters/ }],
    ['a url with a space', valid.replace('https://example.org/mijn-methode', 'https://example.org/mijn methode'), { field: 'url', line: 7, column: 6, message: /geen spaties/ }],
    ['a wrong kind', valid.replace('kind: databank', 'kind: boek'), { field: 'source.kind', line: 6, column: 9, message: /kies uit: databank, verkenning/ }],
    ['a wrong type', valid.replace('[animo, contact]', 'animo'), { field: 'elements', message: /verwacht een lijst/ }],
    ['an empty source', valid.replace('source:\n  kind: databank', 'source: {}'), { field: 'source.kind', line: 5, column: 9, message: /^verplicht veld ontbreekt$/ }],
    ['an alias without anchor', valid.replace('name: Mijn methode', 'name: *nope'), { field: 'name', line: 2, column: 7, message: /^onbekende alias \*nope: er staat geen anker &nope vóór/ }],
    ['an alias in a list without anchor', valid.replace('[animo, contact]', '[animo, *el]'), { field: 'elements.1', line: 4, column: 19, message: /onbekende alias \*el/ }],
    ['an anchor after its alias', valid.replace('name: Mijn methode', 'name: *n').replace('summary: Bewoners', 'summary: &n Bewoners'), { field: 'name', line: 2, message: /onbekende alias \*n/ }],
    ['a key twice through an alias key', valid.replace('name: Mijn methode', '? &k name\n: Mijn methode\n*k : Nog een naam'), { field: 'name', line: 4, column: 1, message: /twee keer.*via de alias \*k/ }],
    ['a key twice through an alias key, nested', valid.replace('  kind: databank', '  &k kind: databank\n  *k : verkenning'), { field: 'source.kind', line: 7, column: 3, message: /twee keer/ }],
    ['a merge key', valid.replace('name: Mijn methode', 'name: &n Mijn methode\n<<: {name: *n}'), { field: '<<', line: 3, message: /merge key/ }],
    ...[
      ['an escape sequence', '"https://example.org/\\e]52;c;eA==\\a"', /\(hier \\u001b\); gebruik %1B/],
      ['a bell', '"https://example.org/a\\ab"', /\(hier \\u0007\)/],
      ['a right-to-left override', '"https://example.org/\\u202Efdp.exe"', /\(hier \\u202e\); gebruik %E2%80%AE/],
      ['a zero-width space', '"https://example.org/a\\u200Bb"', /\(hier \\u200b\)/],
      ['a quote', `'https://example.org/"onclick'`, /\(hier "\)/],
      ['angle brackets', 'https://example.org/<script>', /\(hier <\)/],
      ['a backslash', '"https://example.org/a\\\\b"', /\(hier \\\)/],
      ['a tab', '"https://example.org/a\\tb"', /\(hier \\u0009\)/],
      ['a newline', '"https://example.org/a\\nb"', /\(hier \\u000a\)/],
      ['a space at the end', '"https://example.org/a "', /geen spaties/],
      ['a javascript: link', 'javascript:alert(1)', /geen geldige link/],
      ['a file: link', 'file:///etc/passwd', /geen geldige link/],
    ].map(([what, url, message]): [string, string, { field: string; line: number; message: RegExp }] => [
      `a url with ${String(what)}`,
      valid.replace('https://example.org/mijn-methode', String(url)),
      { field: 'url', line: 7, message: message as RegExp },
    ]),
  ])('points at %s', (_label, text, expected) => {
    const { records, problems } = parse(text);
    expect(records).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'x.yaml', ...expected, message: expect.stringMatching(expected.message) }));
  });

  it('reports problems in the order of the file', () => {
    const text = valid.replace('kind: databank', 'kind: boek').replace('id: mijn-methode', 'id: Fout').replace('https://example.org/mijn-methode', 'nope');
    const lines = parse(text).problems.map((p) => p.line);
    expect(lines).toEqual([...lines].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(lines).toEqual([1, 6, 7]);
  });

  it('reports every problem of a record, not only the first', () => {
    const text = valid.replace('elements:', 'elemnts:').replace('kind: databank', 'kind: boek').replace('https://example.org/mijn-methode', 'nope');
    const fields = parse(text).problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['elemnts', 'source.kind', 'url', 'elements']));
  });

  it.each([
    ['an empty file', '', /leeg/],
    ['only comments', '# niets\n', /leeg/],
    ['invalid YAML', 'id: [unclosed\nname: x\n', /geen geldige YAML/],
    ['a duplicated key', `${valid}id: nog-een\n`, /twee keer/],
    ['an alias bomb', aliasBomb(), /te veel YAML-aliassen/],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`, /./],
  ])('turns %s into a problem, never an exception', (_label, text, message) => {
    const result = parse(text);
    expect(result.records).toEqual([]);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems[0].message).toMatch(message);
    expect(result.problems[0].file).toBe('x.yaml');
  });

  it('reports thousands of aliases without anchor as the first hundred problems and a count', () => {
    const { problems } = parse(`id: a\nelements: [${Array(5000).fill('*nope').join(', ')}]\n`);
    expect(problems).toHaveLength(101);
    expect(problems[0]).toMatchObject({ field: 'elements.0', line: 2, message: expect.stringMatching(/onbekende alias \*nope/) });
    expect(problems[99].field).toBe('elements.99');
    expect(problems[100].message).toMatch(/en nog 4900 problemen/);
  });

  it('does not let __proto__ reach the prototype', () => {
    const { records, problems } = parse(`${valid}__proto__:\n  polluted: true\n`);
    expect(records).toEqual([]);
    expect(problems.map((p) => p.field)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n') + '\n';
}
