// docs/json.md lists every field of every --json output. This test runs the commands (in-process) and
// holds each table against the real output: every field the CLI gives must be documented, and every
// documented field must occur in the output of at least one of the runs below.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openCatalogue } from '../../src/catalogue/open.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { ROOT } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';

/** The dossiers of these runs: a folder of their own, never the user's; two sessions made below. */
const dossiers = mkdtempSync(join(tmpdir(), 'methodewijzer-json-docs-'));
afterAll(() => rmSync(dossiers, { recursive: true, force: true }));

async function json(args: string[], now = '2026-06-01T12:00'): Promise<unknown> {
  const { stdout, stderr } = await runMain([...args, '--json'], { env: { METHODEWIJZER_DOSSIERS: dossiers, METHODEWIJZER_NOW: now } });
  if (!stdout) throw new Error(`no JSON from ${args.join(' ')}:\n${stderr}`);
  return JSON.parse(stdout);
}

/** Every field path of a value; arrays do not count in a path. */
function paths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) paths(v, prefix, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${k}` : k;
      out.add(path);
      paths(v, path, out);
    }
  }
  return out;
}

/**
 * The documented paths per section of docs/json.md: "## `list --json`" and its table's first column. A
 * row that names another section (`list --json`) stands for all of that section's paths.
 */
function documented(): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of readFileSync(join(ROOT, 'docs', 'json.md'), 'utf8').split('\n')) {
    const heading = /^## `(.+?)`/.exec(line);
    if (heading) sections.set(heading[1], (current = []));
    const row = /^\| `([^`]+)` \|/.exec(line);
    if (row && current) current.push(...(sections.get(row[1]) ?? [row[1]]));
  }
  return sections;
}

const ANSWERS = (animo: string, inbedding: string, extra: string[] = []) => [
  'actie', '--animo', animo, '--contact', 'versterken', '--toerusting', 'aanreiken', '--inbedding', inbedding, '--empathie', 'betrokkenheid', ...extra,
];
const own = userFolder({ 'a.yaml': yamlOf(method({ id: 'eigen-a', tags: ['eigen'], aliases: ['Eigen A'] })) });
const broken = userFolder({ 'b.yaml': 'id: b\nname: B\nelemnts: [animo]\n' });
// Every built-in method made a wijk method, but two under Animo alone: in a village the setting then
// lifts only those two, and the lines above the shortlist have something to say.
const { methods } = await openCatalogue();
const keep = methods.filter((m) => m.elements.length === 1 && m.elements[0] === 'animo').slice(0, 2).map((m) => m.id);
await json([...ANSWERS('bijsturen', 'organisaties'), '--dossier', 'Keet Oost', '--note', 'Offerte opvragen'], '2026-01-12T10:00');
await json([...ANSWERS('aansluiten', 'burgers'), '--dossier', 'Keet Oost'], '2026-03-02T14:05');
const wijkOnly = userFolder({ 'all.yaml': yamlOf(...methods.map((m) => ({ ...m, tags: keep.includes(m.id) ? ['dorp'] : ['wijk'] }))) });

/** The runs whose outputs together must show every documented field. */
const RUNS: Record<string, string[][]> = {
  'list --json': [['list']],
  'show --json': [['show', 'abcd'], ['show', 'de-smederijen'], ['--catalogue', own, 'show', 'eigen-a']],
  'compare --json': [['compare', 'abcd', 'de-smederijen'], ['--catalogue', own, 'compare', 'eigen-a', 'abcd']],
  'search --json': [['search', 'buurt'], ['search', 'smederijen'], ['search', 'eigen', 'a', '--catalogue', own], ['search', 'jongeren', 'dorp'], ['search', 'burgerbegroting']],
  'tags --json': [['tags']],
  'model --json': [['model']],
  'glossary --json': [['glossary']],
  'sources --json': [['sources']],
  'validate --json': [['validate', broken]],
  'actie --json': [
    ANSWERS('bijsturen', 'burgers', ['--setting', 'dorp', '--doelgroep', 'jongeren']),
    ANSWERS('onbekend', 'organisaties', ['--setting', 'wijk']),
    ANSWERS('aansluiten', 'beide'),
    ['--catalogue', wijkOnly, ...ANSWERS('aansluiten', 'burgers', ['--setting', 'dorp'])],
    ['actie', '--animo', 'onbekend', '--contact', 'onbekend', '--toerusting', 'onbekend', '--inbedding', 'onbekend', '--empathie', 'onbekend', '--over', 'jongeren keet'],
    ['actie', '--animo', 'beide', '--contact', 'beide', '--toerusting', 'beide', '--inbedding', 'beide', '--empathie', 'beide'],
    ANSWERS('aansluiten', 'burgers', ['--doelgroep', 'ouderen', '--explain', 'keetkeur']),
    ANSWERS('aansluiten', 'beide', ['--dossier', 'Keet Oost', '--setting', 'dorp', '--over', 'een eigen keet']),
  ],
  'dossier list --json': [['dossier', 'list']],
  'dossier show --json': [['dossier', 'show', 'Keet Oost']],
};

describe('docs/json.md', () => {
  const docs = documented();

  it('has a table for every --json output, and only those', () => {
    expect([...docs.keys()].sort()).toEqual(Object.keys(RUNS).sort());
  });

  it.each(Object.entries(RUNS))('%s: documents every field, and every documented field occurs', async (section, runs) => {
    const real = new Set<string>();
    for (const args of runs) for (const p of paths(await json(args))) real.add(p);
    const fields = docs.get(section)!;
    // `*` stands for any key of a table keyed by data (answers, search fields).
    const pattern = (field: string) => new RegExp(`^${field.replace(/\./g, '\\.').replace(/\*/g, '[^.]+')}$`);
    expect([...real].filter((p) => !fields.some((f) => pattern(f).test(p)))).toEqual([]);
    expect(fields.filter((f) => ![...real].some((p) => pattern(f).test(p)))).toEqual([]);
  });

  it('model <element> --json has exactly the fields of one element of model --json', async () => {
    const whole = [...paths(await json(['model']))].filter((p) => p.startsWith('elements.')).map((p) => p.slice('elements.'.length));
    for (const element of ['animo', 'contact', 'toerusting', 'inbedding', 'empathie']) {
      const one = paths(await json(['model', element]));
      for (const p of one) expect(whole).toContain(p);
      const modelJson = (await json(['model'])) as { elements: { key: string }[] };
      expect(await json(['model', element])).toEqual(modelJson.elements.find((e) => e.key === element));
    }
  });
});
