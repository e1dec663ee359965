// The catalogue's prose is the project's own wording: no text field shares a run of 6 or more words with
// the brochure. The brochure is not part of the repository; where it is absent (a user's clone) this skips.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileBuiltin } from '../../src/catalogue/load.js';
import { ROOT } from '../helpers/env.js';
import { longestSharedRun, proseFields } from '../helpers/shared-run.js';

// Beside the repository (../shared from its root), or beside the folder of a git worktree (../../shared).
const BROCHURE = ['../../../shared/seed/', '../../../../shared/seed/']
  .map((dir) => fileURLToPath(new URL(`${dir}000_32ff895eda287ffe.txt`, import.meta.url)))
  .find((file) => existsSync(file));
const present = BROCHURE !== undefined;
const LIMIT = 6;

describe.skipIf(!present)('the catalogue\'s prose against the brochure (skipped: brochure text not beside the repository)', () => {
  const brochure = BROCHURE ? readFileSync(BROCHURE, 'utf8') : '';
  const catalogue = compileBuiltin(join(ROOT, 'catalogue'));
  const fields = proseFields(catalogue);

  it('finds the prose fields', () => {
    expect(fields.length).toBeGreaterThan(60);
  });

  it(`shares no run of ${LIMIT} or more words with the brochure in any prose field`, () => {
    const long = fields
      .map((f) => ({ field: f.field, ...longestSharedRun(f.text, brochure) }))
      .filter((r) => r.length >= LIMIT)
      .map((r) => `${r.field}: ${r.length} words, "${r.words}"`);
    expect(long).toEqual([]);
  });
});

describe('longestSharedRun', () => {
  it.each([
    ['de fysieke en sociale kwaliteit', 'voor de fysieke en sociale\nkwaliteit van de woonomgeving', 5],
    ['iets heel anders', 'de fysieke kwaliteit', 0],
    ['kenmerk van actief', 'een belangrijk ken-\n\nmerk van actief burgerschap', 3],
    ['één woord', 'Één', 1],
  ])('"%s" in "%s": %i', (text, brochure, n) => {
    expect(longestSharedRun(text, brochure).length).toBe(n);
  });
});
