import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Method } from '../../src/model/schema.js';
import { fillIn, method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { expectNoStackTrace, tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';

describe('new', () => {

  it('is caught by validate while unfilled (exit 3, a located problem per placeholder), and not listed', async () => {
    const dir = tempDir('new-');
    expect((await runMain(['--catalogue', dir, 'new', 'Half af'])).code).toBe(0);
    const v = await runMain(['validate', dir]);
    expect(v.code).toBe(3);
    const problems = v.stdout.trim().split('\n');
    expect(problems).toHaveLength(4);
    for (const field of ['summary', 'elements', 'source.kind', 'url']) {
      expect(problems.some((p) => new RegExp(`half-af\\.yaml:\\d+:\\d+: ${field}: `).test(p)), field).toBe(true);
    }
    const list = await runMain(['--catalogue', dir, 'list']);
    expect(list.code).toBe(3);
    expect(list.stdout).not.toContain('half-af');
  });

  it('filled in and put in a --catalogue folder, shows up in list, show (marked as own) and export', async () => {
    const dir = join(tempDir('new-'), 'mijn-methoden');
    const made = await runMain(['--catalogue', dir, 'new', 'Deelkast']);
    expect(made.code).toBe(0);
    expect(made.stderr).toContain(`methodewijzer --catalogue ${dir} show deelkast`);
    const file = join(dir, 'deelkast.yaml');
    fillIn(file);

    const validate = await runMain(['validate', dir]);
    expect(validate.code).toBe(0);

    const list = await runMain(['--catalogue', dir, 'list', '--element', 'contact']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('deelkast\tDeelkast\tcontact,toerusting\tverkenning\thttps://example.org/deelkast');

    const show = await runMain(['--catalogue', dir, 'show', 'DEELKAST']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`Herkomst   eigen methode, uit ${file}`);

    const json = JSON.parse((await runMain(['--catalogue', dir, 'show', 'deelkast', '--json'])).stdout);
    expect(json.origin).toEqual({ own: true, file, line: 9 });

    const exported = JSON.parse((await runMain(['--catalogue', dir, 'export', '--format', 'json', '--tag', 'delen'])).stdout) as Method[];
    expect(exported.map((m) => m.id)).toEqual(['deelkast']);
  });

  it('takes the folder from METHODEWIJZER_CATALOGUE when --catalogue is not given', async () => {
    const dir = tempDir('env-');
    const r = await runMain(['new', 'Via omgeving'], { env: { METHODEWIJZER_CATALOGUE: dir } });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'via-omgeving.yaml'))).toBe(true);
    expect(r.stderr).toContain('methodewijzer show via-omgeving');
  });

  it('takes a name that is also a property of every object (constructor, toString)', async () => {
    const dir = tempDir('new-');
    for (const name of ['Constructor', 'toString', 'hasOwnProperty']) {
      const r = await runMain(['--catalogue', dir, 'new', name]);
      expect(r.code, r.stderr).toBe(0);
      expectNoStackTrace(r.stderr);
    }
    expect(readdirSync(dir).sort()).toEqual(['constructor.yaml', 'hasownproperty.yaml', 'tostring.yaml']);
    // And a second time it is the own method that is found, not Object's constructor.
    fillIn(join(dir, 'constructor.yaml'));
    const again = await runMain(['--catalogue', dir, 'new', 'Constructor']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/al een eigen methode met id "constructor", in .*constructor\.yaml:\d+/);
  });

  // The binary, in a folder of its own, so a folder named ~ would land where the test can see it.
  it('never overwrites: exit 1 with a hint, the file byte for byte as it was', async () => {
    const dir = tempDir('new-');
    writeFileSync(join(dir, 'bestaat.yaml'), 'mijn eigen werk\n');
    const r = await runMain(['--catalogue', dir, 'new', 'Bestaat']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bestaat.yaml bestaat al');
    expect(r.stderr).toContain('Kies een andere naam');
    expectNoStackTrace(r.stderr);
    expect(readFileSync(join(dir, 'bestaat.yaml'), 'utf8')).toBe('mijn eigen werk\n');
    expect(readdirSync(dir)).toEqual(['bestaat.yaml']);
  });

  it('refuses an id that an own method in another file already has', async () => {
    const dir = userFolder({ 'andere-naam.yaml': yamlOf(method({ id: 'zelfde' })) });
    const r = await runMain(['--catalogue', dir, 'new', 'Zelfde']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/al een eigen methode met id "zelfde", in .*andere-naam\.yaml:1/);
    expect(existsSync(join(dir, 'zelfde.yaml'))).toBe(false);
  });

  it('warns when the id replaces a built-in method', async () => {
    const dir = tempDir('new-');
    const r = await runMain(['--catalogue', dir, 'new', 'ABCD']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('vervangt die');
  });

  it('a --catalogue that is a file: exit 1 saying so, no stack trace', async () => {
    const file = join(tempDir('new-'), 'geen-map');
    writeFileSync(file, 'x');
    const r = await runMain(['--catalogue', file, 'new', 'Iets']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/kan de map .*geen-map niet maken \(EEXIST\)/);
    expectNoStackTrace(r.stderr);
  });

  it('a very long name gives an id a file system accepts', async () => {
    const dir = tempDir('new-');
    const r = await runMain(['--catalogue', dir, 'new', 'Heel '.repeat(100)]);
    expect(r.code, r.stderr).toBe(0);
    const [file] = readdirSync(dir);
    expect(file.length).toBeLessThanOrEqual(85);
    expect(file).toMatch(/^heel(-heel)+\.yaml$/);
  });

  it.each([['日本'], ['   '], ['twee\nregels']])('a name without usable letters (%j) is a usage error', async (name) => {
    const dir = tempDir('new-');
    const r = await runMain(['--catalogue', dir, 'new', name]);
    expect(r.code).toBe(2);
    expectNoStackTrace(r.stderr);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('own catalogues', () => {
  const a = userFolder({ 'a.yaml': yamlOf(method({ id: 'eigen-a', elements: ['empathie'] })) });
  // A folder may keep its methods in a methods/ subfolder, as the built-in catalogue does.
  const b = tempDir('b-');
  userFolder({ 'b.yaml': yamlOf(method({ id: 'eigen-b', summary: 'Een tweede.' }), method({ id: 'eigen-c' })) }, join(b, 'methods'));

  it('come from --catalogue (repeatable) and METHODEWIJZER_CATALOGUE (colon-separated) alike', async () => {
    const viaFlags = await runMain(['--catalogue', a, '--catalogue', b, 'list', '--json']);
    const viaEnv = await runMain(['list', '--json'], { env: { METHODEWIJZER_CATALOGUE: `${a}:${b}` } });
    expect(viaFlags.code).toBe(0);
    expect(viaEnv.stdout).toBe(viaFlags.stdout);
    const ids = (JSON.parse(viaFlags.stdout) as Method[]).map((m) => m.id);
    expect(ids).toHaveLength(42);
    expect(ids).toEqual(expect.arrayContaining(['eigen-a', 'eigen-b', 'eigen-c']));
  });

  it('a folder named both ways is read once', async () => {
    const r = await runMain(['--catalogue', a, 'list'], { env: { METHODEWIJZER_CATALOGUE: a } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('list --json records carry no origin; show --json does', async () => {
    const list = JSON.parse((await runMain(['--catalogue', a, 'list', '--json'])).stdout) as Record<string, unknown>[];
    expect(list.every((m) => !('origin' in m))).toBe(true);
    const builtin = JSON.parse((await runMain(['--catalogue', a, 'show', 'abcd', '--json'])).stdout);
    expect(builtin.origin).toEqual({ own: false });
  });

  it('validate on a user folder with problems in several files lists all, with file, line and column, exit 3', async () => {
    const dir = userFolder({
      'een.yaml': yamlOf(method({ id: 'een' })).replace('elements:\n  - animo', 'elements:\n  - animo\n  - actie'),
      'twee.yaml': yamlOf(method({ id: 'twee' })).replace('kind: verkenning', 'kind: boek'),
      'drie.yaml': yamlOf(method({ id: 'drie' })),
    });
    const r = await runMain(['validate', dir]);
    expect(r.code).toBe(3);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/een\.yaml:\d+:\d+: elements\.1: onbekende waarde "actie"/);
    expect(lines[1]).toMatch(/twee\.yaml:\d+:\d+: source\.kind: onbekende waarde "boek"/);
    expect(r.stderr).toContain('1 methode geldig, 2 problemen');
  });

  it('validate without folders checks the built-in catalogue and the --catalogue folders', async () => {
    const broken = userFolder({ 'kapot.yaml': 'id: kapot\n' });
    const r = await runMain(['--catalogue', a, '--catalogue', broken, 'validate']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/kapot\.yaml:1:1: name: verplicht veld ontbreekt/);
    expect(r.stderr).toMatch(/catalogue: 39 methoden geldig, in orde/);
    expect(r.stderr).toContain(`${a}: 1 methode geldig, in orde`);
  });

  it('validate on a clean user folder is exit 0', async () => {
    const r = await runMain(['validate', a, b]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });
});

describe('an own words.yaml (issue 23)', () => {
  const deelkast = method({ id: 'deelkast', name: 'Deelkast', summary: 'Een kast in de straat waarin bewoners spullen delen.' });

  it('adds its words to search: a match through it says so in --json, in the own folder and with the built-in list', async () => {
    const dir = userFolder({
      'deelkast.yaml': yamlOf(deelkast),
      'words.yaml': 'words:\n  - words: [weggeefkastje]\n    as: [kast]\n    ground: Een weggeefkastje is een kast waarin bewoners spullen delen.\n',
    });
    for (const run of [1, 2]) {
      // The second run is served by the caches (folder and search snapshot).
      const r = await runMain(['--catalogue', dir, 'search', 'weggeefkastje', '--json']);
      expect(r.code, `run ${run}: ${r.stderr}`).toBe(0);
      const [first] = JSON.parse(r.stdout);
      expect(first.id).toBe('deelkast');
      expect(first.via).toEqual([{ word: 'weggeefkastje', as: 'kast' }]);
    }
    const builtin = JSON.parse((await runMain(['--catalogue', dir, 'search', 'burgerbegroting', '--json'])).stdout);
    expect(builtin[0].id).toBe('bewonersbudgetten');
    expect((await runMain(['validate', dir])).code).toBe(0);
  });

  it('an invalid words.yaml is named with file, line and field by validate (exit 3), never a stack trace', async () => {
    const dir = userFolder({
      'deelkast.yaml': yamlOf(deelkast),
      'words.yaml': 'words:\n  - words: [weggeefkastje]\n    as: [kast]\n',
    });
    const v = await runMain(['validate', dir]);
    expect(v.code).toBe(3);
    expect(v.stdout).toMatch(/words\.yaml:2:\d+: words\.0\.ground: /);
    expectNoStackTrace(v.stdout + v.stderr);
    const s = await runMain(['--catalogue', dir, 'search', 'deelkast']);
    expect(s.code).toBe(3);
    expect(s.stdout).toContain('deelkast');
  });
});
