// The catalogue as search and its picker see it: every method by name, in the order of list. The
// snapshot a large catalogue keeps for search is tested in tests/deep/search-snapshot.test.ts.
import { describe, expect, it } from 'vitest';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { searcherOver } from '../helpers/searcher.js';
import { cleanEnv } from '../helpers/env.js';

describe('openSearcher', () => {
  it('byName: every method the filters let through, sorted by name without regard to case or accents', async () => {
    const searcher = await searcherOver([], cleanEnv(), { kind: 'databank' });
    const names = (await searcher.byName()).map((m) => m.name);
    expect(names.length).toBeGreaterThan(5);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base' })));
    expect((await searcher.byName()).every((m) => m.source.kind === 'databank')).toBe(true);
  });

  it("byName: the picker lists in the order of list, numbers by their value", async () => {
    const dir = userFolder({ 'plannen.yaml': yamlOf(method({ id: 'plan-10', name: 'Plan 10' }), method({ id: 'plan-2', name: 'Plan 2' }), method({ id: 'plan-1', name: 'plan 1' })) });
    const searcher = await searcherOver([dir], cleanEnv(), { kind: 'verkenning' });
    const ids = (await searcher.byName()).map((m) => m.id).filter((id) => id.startsWith('plan-'));
    expect(ids).toEqual(['plan-1', 'plan-2', 'plan-10']);
  });
});
