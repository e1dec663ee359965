// The search snapshot of a large catalogue (SEARCH_INDEX_CACHE_MIN records, so a thousand: each test
// loads them afresh): kept for a warm search, and a damaged one passed over for the catalogue itself
// without anyone noticing.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSearcher } from '../../src/catalogue/searcher.js';
import { bigFolder, method, yamlOf } from '../helpers/catalogue.js';
import { searcherOver } from '../helpers/searcher.js';
import { cleanEnv, tempDir } from '../helpers/env.js';
import { openCatalogue } from '../../src/catalogue/open.js';
import { FolderCache } from '../../src/store/folder-cache.js';
import type { Problem } from '../../src/catalogue/problem.js';

describe('openSearcher on a catalogue large enough for a snapshot', () => {
  it('a cached snapshot damaged at the same length: searches and lists from the catalogue instead, with the true names, and is rebuilt', async () => {
    const dir = bigFolder(1000, 500);
    const env = cleanEnv();
    const first = await searcherOver([dir], env);
    const truth = (await first.find('groot-000005', 5)).hits.map((h) => h.method.name);
    const folder = join(env.XDG_CACHE_HOME!, 'methodewijzer', 'search');
    const file = join(folder, readdirSync(folder)[0]);
    const bytes = readFileSync(file);
    bytes.write('Methode vals!-000005', bytes.indexOf('Methode groot-000005'));
    writeFileSync(file, bytes);

    const listing = await searcherOver([dir], env);
    const all = await listing.byName();
    expect(all).toHaveLength(1039);
    expect(all.some((m) => m.name.includes('vals!'))).toBe(false);
    expect((await listing.find('groot-000005', 5)).hits.map((h) => h.method.name)).toEqual(truth);
    expect(readFileSync(file, 'latin1')).not.toContain('vals!');
  });

  describe('the search snapshot', () => {
    /** A run's search context over `dir`, its clock at `now`; counts the catalogue loads and the problems reported. */
    function run(dir: string, root: string, now: () => number) {
      const cache = new FolderCache(root, now);
      const seen = { loads: 0, problems: [] as Problem[] };
      const ctx = {
        folders: [dir],
        cache,
        // As the context does: the catalogue's problems are reported when it is loaded.
        catalogue: async () => {
          seen.loads++;
          const catalogue = await openCatalogue({ folders: [dir], cache });
          seen.problems.push(...catalogue.problems);
          return catalogue;
        },
        reportProblems: (p: Problem[]) => seen.problems.push(...p),
      };
      return { ctx, seen };
    }
    const later = () => Date.now() + 60_000;

    it('serves a warm search with no catalogue loaded, with the same hits and problems; any change loads it again', async () => {
      const dir = bigFolder(1000, 500);
      writeFileSync(join(dir, 'kapot.yaml'), 'id: [\n');
      const root = join(tempDir('cache-'), 'methodewijzer');
      const first = run(dir, root, later);
      const truth = (await (await openSearcher(first.ctx, {})).find('groot-000005', 5)).hits.map((h) => h.method.id);
      expect(first.seen.loads).toBe(1);
      const warm = run(dir, root, later);
      const searcher = await openSearcher(warm.ctx, {});
      expect((await searcher.find('groot-000005', 5)).hits.map((h) => h.method.id)).toEqual(truth);
      expect((await searcher.byName()).length).toBe(1039);
      expect(warm.seen.loads).toBe(0);
      expect(warm.seen.problems).toEqual(first.seen.problems);
      expect(warm.seen.problems).toHaveLength(1);
      writeFileSync(join(dir, 'erbij.yaml'), yamlOf(method({ id: 'erbij' })));
      const changed = run(dir, root, later);
      expect((await (await openSearcher(changed.ctx, {})).find('erbij', 5)).hits[0].method.id).toBe('erbij');
      expect(changed.seen.loads).toBe(1);
    });

    it('is not used when saved just after a file changed, since a second change could keep its stamp', async () => {
      const dir = bigFolder(1000, 500);
      const root = join(tempDir('cache-'), 'methodewijzer');
      const justAfter = () => statSync(join(dir, 'deel-000000.yaml')).mtimeMs + 5;
      await openSearcher(run(dir, root, justAfter).ctx, {});
      const next = run(dir, root, later);
      await openSearcher(next.ctx, {});
      expect(next.seen.loads).toBe(1);
    });
  });
});
