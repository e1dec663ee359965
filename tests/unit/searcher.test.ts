// The catalogue as search and its picker see it: many queries on one snapshot, every method by name,
// and a damaged cache file that is replaced by the catalogue itself without anyone noticing.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openSearcher } from '../../src/catalogue/searcher.js';
import { createContext } from '../../src/runtime/context.js';
import type { FilterFlags } from '../../src/core/methods.js';
import { bigFolder, method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { cleanEnv } from '../helpers/env.js';

const sink = { write: () => true, isTTY: false };

function open(folders: string[], env: NodeJS.ProcessEnv, flags: FilterFlags = {}) {
  const ctx = createContext({ color: false, catalogue: folders }, { stdin: Readable.from([]), stdout: sink, stderr: sink, env });
  return openSearcher(ctx, flags);
}

describe('openSearcher', () => {
  it('byName: every method the filters let through, sorted by name without regard to case or accents', async () => {
    const searcher = await open([], cleanEnv(), { kind: 'databank' });
    const names = (await searcher.byName()).map((m) => m.name);
    expect(names.length).toBeGreaterThan(5);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base' })));
    expect((await searcher.byName()).every((m) => m.source.kind === 'databank')).toBe(true);
    searcher.close();
  });

  it("byName: the picker lists in the order of list, numbers by their value", async () => {
    const dir = userFolder({ 'plannen.yaml': yamlOf(method({ id: 'plan-10', name: 'Plan 10' }), method({ id: 'plan-2', name: 'Plan 2' }), method({ id: 'plan-1', name: 'plan 1' })) });
    const searcher = await open([dir], cleanEnv(), { kind: 'verkenning' });
    const ids = (await searcher.byName()).map((m) => m.id).filter((id) => id.startsWith('plan-'));
    expect(ids).toEqual(['plan-1', 'plan-2', 'plan-10']);
    searcher.close();
  });

  it('a cached snapshot damaged at the same length: searches and lists from the catalogue instead, with the true names', async () => {
    const dir = bigFolder(1000, 500);
    const env = cleanEnv();
    const first = await open([dir], env);
    const truth = (await first.find('groot-000005', 5)).hits.map((h) => h.method.name);
    first.close();
    const folder = join(env.XDG_CACHE_HOME!, 'methodewijzer', 'search');
    const file = join(folder, readdirSync(folder)[0]);
    const bytes = readFileSync(file);
    bytes.write('Methode vals!-000005', bytes.indexOf('Methode groot-000005'));
    writeFileSync(file, bytes);

    const listing = await open([dir], env);
    const all = await listing.byName();
    expect(all).toHaveLength(1039);
    expect(all.some((m) => m.name.includes('vals!'))).toBe(false);
    expect((await listing.find('groot-000005', 5)).hits.map((h) => h.method.name)).toEqual(truth);
    listing.close();
  });
});
