import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMAS, jsonSchemaOf, type SchemaName } from '../../src/model/schema.js';
import { ROOT } from '../helpers/env.js';

describe('committed JSON Schemas', () => {
  it.each(Object.keys(SCHEMAS) as SchemaName[])('%s.schema.json matches what the zod schema generates', (name) => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'catalogue', 'schema', `${name}.schema.json`), 'utf8'));
    // If this fails after a schema change: npm run schema, and commit the result.
    expect(committed).toEqual(jsonSchemaOf(name));
  });

  it('every catalogue YAML file names its schema on its first line', () => {
    const files = [
      ...readdirSync(join(ROOT, 'catalogue')).filter((f) => f.endsWith('.yaml')),
      ...readdirSync(join(ROOT, 'catalogue', 'methods')).map((f) => `methods/${f}`),
    ];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const first = readFileSync(join(ROOT, 'catalogue', file), 'utf8').split('\n')[0];
      const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(match, file).not.toBeNull();
      // The named schema must exist, relative to the file.
      const schemaPath = join(ROOT, 'catalogue', file, '..', match![1]);
      expect(() => readFileSync(schemaPath), `${file} -> ${match![1]}`).not.toThrow();
    }
  });
});
