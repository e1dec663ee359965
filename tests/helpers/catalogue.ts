import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Method } from '../../src/model/schema.js';
import { tempDir } from './env.js';

/** A valid method record; override any field. */
export function method(overrides: Partial<Method> & { id: string }): Method {
  return {
    name: `Methode ${overrides.id}`,
    summary: `Een eigen methode met id ${overrides.id}.`,
    elements: ['animo'],
    source: { kind: 'verkenning' },
    url: `https://example.org/${overrides.id}`,
    ...overrides,
  };
}

/** A user catalogue folder holding `files` (name -> YAML text); returns its path. */
export function userFolder(files: Record<string, string>, dir = tempDir('cat-')): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** YAML text for records, one document each. */
export function yamlOf(...records: object[]): string {
  return records.map((r) => stringify(r)).join('---\n');
}

/** A folder with `count` generated methods spread over files of `perFile`, each summary `summaryBytes` long. */
export function bigFolder(count: number, perFile: number, summaryBytes = 60): string {
  const files: Record<string, string> = {};
  for (let start = 0; start < count; start += perFile) {
    const records = [];
    for (let i = start; i < Math.min(count, start + perFile); i++) {
      const id = `groot-${String(i).padStart(6, '0')}`;
      records.push(method({ id, summary: `Samenvatting ${i} `.padEnd(summaryBytes, 'x') }));
    }
    files[`deel-${String(start).padStart(6, '0')}.yaml`] = yamlOf(...records);
  }
  return userFolder(files);
}

/** What a user does after `new`: fill in the placeholders. */
export function fillIn(file: string): void {
  const text = readFileSync(file, 'utf8')
    .replace('summary: ""', 'summary: Buren delen gereedschap via een kast in de straat.')
    .replace('elements: []', 'elements: [toerusting, contact]')
    .replace('kind: ""', 'kind: verkenning')
    .replace('url: ""', 'url: https://example.org/deelkast')
    .replace('tags: []', 'tags: [wijk, delen]');
  writeFileSync(file, text);
}
