// The layers of src/ (docs/architecture.md), held by a test: every relative import, static or lazy, runs
// down the layers or stays in its own folder, and no file reaches itself again through its imports.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * Each folder's rank: a file may import from a higher rank, or from its own rank (no circle, below).
 * io/ and text/ stand aside: see IO_USERS and ANYWHERE.
 */
const RANK: Record<string, number> = {
  boot: 0,
  cli: 1,
  commands: 2,
  runtime: 3,
  prompts: 4,
  format: 4,
  catalogue: 4,
  store: 4,
  core: 5,
  model: 6,
};
/** Pure helpers anyone may use; they import only each other. */
const ANYWHERE = 'text';
/** Files, terminals, processes: only the edges and the loaders use them, and they use only model/ and text/. */
const IO = 'io';
const IO_USERS = new Set(['boot', 'cli', 'commands', 'runtime', 'prompts', 'catalogue', 'store']);
/** Typed errors with their exit codes: thrown by the edges, never by the pure layers, which return data. */
const ERRORS = 'model/errors.ts';
const PURE = new Set(['core', 'format', 'text', 'model']);
/** Entry files that only the build bundles, outside the layers. */
const ENTRIES = new Set(['build-tools.ts']);

function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every relative module a file imports, as a path under src/ ending in .ts. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) => relative(SRC, normalize(join(dirname(file), s))).replace(/\.js$/, '.ts'));
}

const files = sources().map((f) => relative(SRC, f));
const graph = new Map(files.map((f) => [f, importsOf(join(SRC, f))]));
const folderOf = (file: string) => (file.includes('/') ? file.split('/')[0] : '');

describe('the layers of src/', () => {
  it('puts every file in a layer folder, but the entry files', () => {
    const loose = files.filter((f) => !f.includes('/') && !ENTRIES.has(f));
    expect(loose).toEqual([]);
    const unknown = [...new Set(files.filter((f) => f.includes('/')).map(folderOf))].filter((d) => !(d in RANK) && d !== ANYWHERE && d !== IO);
    expect(unknown, 'a folder docs/architecture.md does not name').toEqual([]);
  });

  it('imports only downwards, text/ from anywhere, io/ only from the edges', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      if (ENTRIES.has(file)) continue;
      const from = folderOf(file);
      for (const target of imports) {
        const to = folderOf(target);
        if (target === ERRORS && PURE.has(from)) {
          wrong.push(`${file} -> ${target}`);
          continue;
        }
        if (to === from) continue;
        const ok =
          to === ANYWHERE ? true
          : from === ANYWHERE ? false
          : to === IO ? IO_USERS.has(from)
          : from === IO ? to === 'model'
          : RANK[to] >= RANK[from];
        if (!ok) wrong.push(`${file} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no circle of imports', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });

  it('reads every import it checks (the pattern finds them)', () => {
    // A pattern that stopped matching would make the two tests above pass on anything.
    expect(graph.get('cli/program.ts')?.length).toBeGreaterThan(5);
    expect([...graph.values()].flat().every((t) => files.includes(t)), 'an import of a file that is not there').toBe(true);
  });
});
