import { describe, expect, it } from 'vitest';
import { expectNoStackTrace } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';

const ids = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => l.split('\t')[0]);

describe('search output', () => {
  it('piped: one line per method, id, name and score separated by tabs, best first', async () => {
    const r = await runMain(['search', 'tijd', 'voor', 'elkaar']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^tijdvoorelkaar\tTijdvoorElkaar\t(0|1)\.\d\d$/);
    for (const line of lines) expect(line.split('\t')).toHaveLength(3);
    const scores = lines.map((l) => Number(l.split('\t')[2]));
    expect(scores[0]).toBe(Math.max(...scores));
    expect(r.stderr).toBe('');
  });

  it('--json: the records with their score and the matched words per field', async () => {
    const r = await runMain(['search', 'vrijwilligers', 'vraag', 'aanbod', '--json']);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout);
    expect(results[0]).toMatchObject({
      id: 'maatschappelijke-beursvloer',
      name: 'Maatschappelijke beursvloer',
      url: expect.stringMatching(/^https?:/),
      matched: { tags: ['vrijwilligers'], summary: expect.arrayContaining(['vraag', 'aanbod']) },
    });
    expect(results[0].score).toBeGreaterThan(0);
    expect(results[0].score).toBeLessThanOrEqual(1);
    const list = JSON.parse((await runMain(['list', '--json'])).stdout);
    const { score: _s, matched: _m, ...record } = results[0];
    expect(record).toEqual(list.find((m: { id: string }) => m.id === record.id));
  });

  it('--limit caps the results; the filters of list narrow them', async () => {
    expect(ids((await runMain(['search', 'dorp', '--limit', '2'])).stdout)).toHaveLength(2);
    const r = await runMain(['search', 'dorp', '--element', 'inbedding', '--kind', 'databank']);
    expect(r.code).toBe(0);
    const list = JSON.parse((await runMain(['list', '--json', '--element', 'inbedding', '--kind', 'databank'])).stdout).map((m: { id: string }) => m.id);
    expect(ids(r.stdout).length).toBeGreaterThan(0);
    for (const id of ids(r.stdout)) expect(list).toContain(id);
    expect(ids((await runMain(['search', 'dorp', '--tag', 'toekomstplan'])).stdout).sort()).toEqual(['integraal-dorpsontwikkelingsplan', 'lens-methode']);
  });

  it.each([
    ['nothing near it', ['search', 'qxzqxz'], /methodewijzer list/],
    ['a misspelling beyond the typos it forgives', ['search', 'smadarijan'], /Bedoelde u: methodewijzer search smederijen\?/],
    ['filters that leave nothing', ['search', 'dorp', '--element', 'empathie'], /Zonder de filters .* geeft deze zoekvraag \d+ resultaten?\./],
  ])('no result (%s): a message and a hint on stderr, nothing on stdout, exit 1', async (_, args, hint) => {
    const r = await runMain(args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/geen methoden gevonden voor "/);
    expect(r.stderr).toMatch(hint);
    expectNoStackTrace(r.stderr);
  });

  it('a word that matches nothing is named, with the catalogue words and tags nearest to it (issue 23)', async () => {
    const r = await runMain(['search', 'wijk', 'smadarijan']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Niet gevonden en overgeslagen: smadarijan \(lijkt op: smederijen[^;]*; tags: [a-z-]+(, [a-z-]+)*\)/);
    const none = await runMain(['search', 'qxzqxz']);
    expect(none.stderr).toMatch(/Niet in de catalogus: qxzqxz \(tags: /);
  });

  it('the nearest tags are the catalogue’s tags, whole', async () => {
    const r = await runMain(['search', 'wijk', 'qxzqxz']);
    const tags = JSON.parse((await runMain(['tags', '--json'])).stdout).map((t: { tag: string }) => t.tag);
    const offered = /tags: ([^)]*)\)/.exec(r.stderr)![1].split(', ');
    for (const tag of offered) expect(tags).toContain(tag);
    expect(offered.length).toBeGreaterThan(0);
  });

  it('no result with --json: an empty list on stdout, and still exit 1', async () => {
    const r = await runMain(['search', 'qxzqxz', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it.each([
    [['search'], /argument 'woorden' ontbreekt/],
    [['search', ' ', '!'], /geef een of meer zoekwoorden/],
    [['search', 'dorp', '--limit', '0'], /Geef een heel getal van 1 of meer/],
    [['search', 'dorp', '--limit', 'veel'], /Geef een heel getal van 1 of meer/],
    [['search', 'dorp', '--tag', 'dorpje'], /onbekende tag: dorpje/],
    [['search', 'dorp', '--kind', 'boek'], /Kies uit: databank, verkenning/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const r = await runMain(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expectNoStackTrace(r.stderr);
  });

  it('show suggests methods with the same matching when an id is unknown', async () => {
    const r = await runMain(['show', 'smedrijen']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Bedoelde u: de-smederijen\?/);
  });
});

/**
 * The cache: every run below shares one cache folder, as a user's runs do (in-process runs keep nothing
 * between them but what is on disk; tests/process/binary.test.ts runs the same through the binary).
 * Once with a small folder (records cached per folder) and once with one large enough for the
 * search snapshot, which a warm search reads instead of the records.
 */

