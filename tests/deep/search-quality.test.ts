// Search quality among 10,000 synthetic records around the 39 real ones, in this process: every query of
// the set keeps its method in the top three. The built-in catalogue alone: tests/unit/search.test.ts.
import { describe, expect, it } from 'vitest';
import { generateMethods } from '../../scripts/gen-catalogue.mjs';
import { openCatalogue } from '../../src/catalogue/open.js';
import { buildIndex, searchIndex } from '../../src/core/search.js';
import { QUERIES, rankOf } from '../helpers/search-queries.js';

const builtin = (await openCatalogue()).methods;

describe('search quality: the intended method in the top three', () => {
  // 10,000 synthetic records around the 39 real ones, sorted by id as the loader sorts them.
  const mixed = [...builtin, ...generateMethods(10_000, 7)].sort((a, b) => (a.id < b.id ? -1 : 1));
  const mixedIndex = buildIndex(mixed);

  it('the synthetic records share the real catalogue’s common words', () => {
    for (const word of ['bewoners', 'buurt', 'dorp', 'jongeren', 'vrijwilligers', 'gemeente', 'elkaar', 'eigen', 'kracht']) {
      expect(searchIndex(mixedIndex, word).total, word).toBeGreaterThan(50);
    }
  });

  it.each(QUERIES)('10,000 synthetic records mixed in: %s -> %s', (query, id) => {
    const { results } = searchIndex(mixedIndex, query, { limit: 3 });
    expect(rankOf(results.map((r) => ({ method: mixed[r.record] })), id)).toBeLessThanOrEqual(3);
  });
});
