import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../src/catalogue/load.js';
import { parseRecords } from '../../src/catalogue/parse-records.js';
import type { Problem } from '../../src/catalogue/problem.js';
import { actieSchema, methodSchema } from '../../src/model/schema.js';
import { tempDir } from '../helpers/env.js';
import { runs } from '../helpers/property.js';

/** A problem the loader made itself: a file, a message, and a position that makes sense. */
function expectOwnProblem(p: Problem, file: string): void {
  expect(Object.keys(p).every((k) => ['file', 'line', 'column', 'field', 'message', 'more'].includes(k))).toBe(true);
  expect(p.file).toBe(file);
  expect(typeof p.message).toBe('string');
  expect(p.message.length).toBeGreaterThan(0);
  if (p.line !== undefined) expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
  if (p.column !== undefined) expect(Number.isInteger(p.column) && p.column >= 1).toBe(true);
  if (p.field !== undefined) expect(typeof p.field).toBe('string');
}

function check(text: string): void {
  for (const schema of [methodSchema, actieSchema]) {
    const result = parseRecords('f.yaml', text, schema as never);
    for (const p of result.problems) expectOwnProblem(p, 'f.yaml');
    // Every document either loads or says why not.
    if (result.records.length === 0 && text.trim() !== '') expect(result.problems.length).toBeGreaterThan(0);
  }
}

/** Pieces of YAML syntax, put together at random: anchors, aliases, tags, flow and block collections. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '[', ']', '{', '}', ':', ': ', '- ', ',', '\n', '  ', '\t', '---\n', '...\n', '"', "'", '#', '|', '>-', '? ',
        '&a ', '*a', '&b ', '*b', '<<: *a', '!!str ', '!!map ', '!!binary ', '!onbekend ', '%YAML 1.2\n', '%TAG ! x\n',
        'id', 'name', 'elements', 'source', 'kind', 'url', '__proto__', 'constructor', 'prototype', 'animo', 'https://x.nl',
        '\u0000', '\ufeff', '\u001b[2J', '\r\n', '9999999999999999999999', '.nan', '-.inf', '0o17', '~',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('the loader on arbitrary input', () => {
  it('never throws on arbitrary text, and reports only its own problems', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => check(text)), { numRuns: runs(300) });
  });

  it('never throws on YAML-ish text', () => {
    fc.assert(fc.property(yamlish, (text) => check(text)), { numRuns: runs(500) });
  });

  it('never throws on arbitrary structures written as YAML', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true }), (value) => {
        let text: string | undefined;
        try {
          text = stringify(value);
        } catch {
          return; // some values have no YAML form; the loader never sees them
        }
        if (typeof text === 'string') check(text);
      }),
      { numRuns: runs(300) },
    );
  });

  it('never throws on near-miss method records', () => {
    const field = fc.constantFrom('id', 'name', 'aliases', 'summary', 'elements', 'source', 'url', 'tags', 'elemnts', '__proto__');
    const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('animo', ['animo'], { kind: 'databank' }, 'https://example.org'));
    fc.assert(fc.property(fc.dictionary(field, value), (record) => check(stringify(record))), { numRuns: runs(150) });
  });

  it('reads a folder of arbitrary files without throwing', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(yamlish, fc.string({ unit: 'binary', maxLength: 200 })), { minLength: 1, maxLength: 4 }), (texts) => {
        const dir = tempDir('prop-');
        texts.forEach((t, i) => writeFileSync(join(dir, `m${i}.yaml`), t));
        const folder = readFolder(dir);
        for (const p of folder.problems) expect(p.file).toMatch(/m\d\.yaml$/);
        expect(folder.methods.length + folder.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: runs(50) },
    );
  });

  it('does not let __proto__ keys reach the prototype of anything', () => {
    check('__proto__: {polluted: true}\nsource: {__proto__: {polluted: true}}\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
