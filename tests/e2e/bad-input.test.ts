import { closeSync, mkdirSync, openSync, readdirSync, symlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Method } from '../../src/model/schema.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { expectNoStackTrace, tempDir, unwritableDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';

const GOOD = yamlOf(method({ id: 'goed' }));
const base = (id: string) => `id: ${id}\nname: Naam\nsummary: Samenvatting.\nelements: [animo]\nsource:\n  kind: databank\nurl: https://example.org/x\n`;

/** A file that holds more than 8 MiB, written in pieces so the test itself stays light. */
function hugeFile(dir: string): void {
  const fd = openSync(join(dir, 'groot.yaml'), 'w');
  const line = `# ${'x'.repeat(1021)}\n`;
  for (let i = 0; i < 9 * 1024; i++) writeSync(fd, line);
  writeSync(fd, base('groot'));
  closeSync(fd);
}

interface Case {
  name: string;
  /** Files of the bad folder (a good one is always added), or a function that fills it. */
  files: Record<string, string> | ((dir: string) => void);
  /** `file:line:column: field:` as the message must start, and words it must hold. */
  where: RegExp;
  says: RegExp;
}

const CASES: Case[] = [
  { name: 'not valid YAML', files: { 'kapot.yaml': 'id: kapot\nname: [niet af\nsummary: x\n' }, where: /kapot\.yaml:2:7: /, says: /geen geldige YAML: deze \[ wordt niet afgesloten/ },
  { name: 'a missing required field', files: { 'zonder-url.yaml': base('zonder-url').replace(/^url:.*\n/m, '') }, where: /zonder-url\.yaml:1:1: url: /, says: /verplicht veld ontbreekt/ },
  { name: 'an unknown field (typo)', files: { 'typo.yaml': base('typo').replace('elements:', 'elemnts:') }, where: /typo\.yaml:4:1: elemnts: /, says: /onbekend veld; bedoelde u: elements\?/ },
  { name: 'an element that is not one of the five', files: { 'element.yaml': base('element').replace('[animo]', '[animo, actie]') }, where: /element\.yaml:4:19: elements\.1: /, says: /onbekende waarde "actie"; kies uit: animo, contact, toerusting, inbedding, empathie/ },
  { name: 'a malformed url', files: { 'link.yaml': base('link').replace('https://example.org/x', 'www.example.org') }, where: /link\.yaml:7:6: url: /, says: /geen geldige link "www\.example\.org".*https:\/\// },
  { name: 'two records with the same id', files: { 'a.yaml': base('dubbel'), 'b.yaml': base('dubbel') }, where: /b\.yaml:1: id: /, says: /id "dubbel" komt al voor in .*a\.yaml:1/ },
  { name: 'an empty file', files: { 'leeg.yaml': '' }, where: /leeg\.yaml:1: /, says: /het bestand is leeg/ },
  {
    name: 'an alias bomb',
    files: { 'bom.yaml': 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n' },
    where: /bom\.yaml:1:1: /,
    says: /te veel YAML-aliassen/,
  },
  { name: 'an alias without its anchor', files: { 'alias.yaml': base('alias').replace('name: Naam', 'name: *nope') }, where: /alias\.yaml:2:7: name: /, says: /onbekende alias \*nope: er staat geen anker &nope vóór/ },
  { name: 'an empty source', files: { 'bron.yaml': base('bron').replace('source:\n  kind: databank', 'source: {}') }, where: /bron\.yaml:5:9: source\.kind: /, says: /^(?!.*undefined).*verplicht veld ontbreekt/ },
  {
    name: 'a key given twice through an alias',
    files: { 'sleutelalias.yaml': base('sleutelalias').replace('name: Naam', '? &k name\n: Naam\n*k : Andere naam') },
    where: /sleutelalias\.yaml:4:1: name: /,
    says: /een veld staat er twee keer in \("name", de tweede keer via de alias \*k\)/,
  },
  { name: 'a merge key', files: { 'merge.yaml': `${base('merge')}<<: {name: Andere naam}\n` }, where: /merge\.yaml:8:1: <<: /, says: /samenvoegen met << \(een merge key\) kan hier niet/ },
  {
    name: 'a url with an escape sequence',
    files: { 'esc-link.yaml': base('esc-link').replace('url: https://example.org/x', 'url: "https://example.org/\\e]0;titel\\a"') },
    where: /esc-link\.yaml:7:6: url: /,
    says: /een link bevat geen stuurtekens.*\(hier \\u001b\); gebruik %1B/,
  },
  { name: 'deeply nested input', files: { 'diep.yaml': `id: ${'['.repeat(10_000)}` }, where: /diep\.yaml:1:\d+: /, says: /te diep geneste YAML/ },
  { name: '__proto__ keys', files: { 'proto.yaml': `${base('proto')}__proto__:\n  polluted: true\n` }, where: /proto\.yaml:8:1: __proto__: /, says: /onbekend veld/ },
  { name: 'a file of many megabytes', files: hugeFile, where: /groot\.yaml: /, says: /bestand is te groot \(9\.0 MiB; hoogstens 8 MiB\)/ },
  { name: 'a key that is a list', files: { 'sleutel.yaml': `${base('sleutel')}? [a, b]\n: c\n` }, where: /sleutel\.yaml:8:3: /, says: /onbekend veld/ },
  {
    name: 'YAML files that are links going round in a loop',
    files: (dir) => {
      symlinkSync(join(dir, 'lus-b.yaml'), join(dir, 'lus-a.yaml'));
      symlinkSync(join(dir, 'lus-a.yaml'), join(dir, 'lus-b.yaml'));
    },
    where: /lus-a\.yaml: /,
    says: /kan het bestand niet lezen \(ELOOP\)/,
  },
];

function folderFor(c: Case): string {
  const dir = userFolder({ 'goed.yaml': GOOD });
  if (typeof c.files === 'function') c.files(dir);
  else userFolder(c.files, dir);
  return dir;
}

let builtinJson: Method[];
beforeAll(async () => {
  builtinJson = JSON.parse((await runMain(['list', '--json'])).stdout);
  expect(builtinJson).toHaveLength(39);
});

describe.each(CASES)('bad input: $name', (c) => {
  const dir = folderFor(c);
  const line = (text: string) => text.split('\n').find((l) => c.where.test(l));

  it('list: warns with file, line, column and field, exit 3, and the built-in catalogue stays as it is', async () => {
    const r = await runMain(['--catalogue', dir, 'list', '--json']);
    expect(r.code).toBe(3);
    expectNoStackTrace(r.stderr);
    expect(r.stderr).not.toMatch(/\(node:\d+\)|Warning:/);
    const warning = line(r.stderr);
    expect(warning, r.stderr).toBeDefined();
    expect(warning).toContain(dir);
    expect(warning).toMatch(c.says);
    const listed = JSON.parse(r.stdout) as Method[];
    const builtinIds = new Set(builtinJson.map((m) => m.id));
    expect(listed.filter((m) => builtinIds.has(m.id))).toEqual(builtinJson);
    // The good file next to the bad one still loads.
    expect(listed.map((m) => m.id)).toContain('goed');
  });

  it('validate: reports it the same way, exit 3', async () => {
    const r = await runMain(['validate', dir]);
    expect(r.code).toBe(3);
    expectNoStackTrace(r.stdout + r.stderr);
    expect(line(r.stdout), r.stdout).toMatch(c.says);
  });
});

describe('bad input: several at once', () => {
  it('validate lists every problem of a folder in one run', async () => {
    const dir = tempDir('alles-');
    for (const c of CASES) {
      if (typeof c.files === 'function') c.files(dir);
      else userFolder(c.files, dir);
    }
    const r = await runMain(['validate', dir, '--json']);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout) as { folders: { problems: { file: string; message: string }[] }[] };
    const problems = report.folders[0].problems;
    for (const c of CASES) {
      expect(problems.some((p) => c.says.test(p.message)), c.name).toBe(true);
    }
  });

  it('a folder given with --catalogue that does not exist is a usage error (exit 2), for every command that reads the catalogue', async () => {
    const missing = join(tempDir('weg-'), 'bestaat-niet');
    for (const args of [['list', '--json'], ['show', 'abcd'], ['search', 'buurt'], ['export', '--format', 'json'], ['validate']]) {
      const r = await runMain(['--catalogue', missing, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr).toContain(`de map ${missing} van --catalogue bestaat niet`);
      expectNoStackTrace(r.stderr);
    }
    // Under a file, too: the path cannot be a folder.
    const file = join(userFolder({ 'a.yaml': yamlOf(method({ id: 'a' })) }), 'a.yaml');
    expect((await runMain(['--catalogue', join(file, 'sub'), 'list'])).code).toBe(2);
  });

  it('one from METHODEWIJZER_CATALOGUE stays a warning: named, exit 3, and the built-ins still list', async () => {
    const missing = join(tempDir('weg-'), 'bestaat-niet');
    const list = await runMain(['list', '--json'], { env: { METHODEWIJZER_CATALOGUE: missing } });
    expect(list.code).toBe(3);
    expect(list.stderr).toContain(`${missing}: map bestaat niet`);
    expect(JSON.parse(list.stdout)).toEqual(builtinJson);
    const validate = await runMain(['validate', missing]);
    expect(validate.code).toBe(3);
    expect(validate.stdout).toContain(`${missing}: map bestaat niet`);
    expectNoStackTrace(list.stderr + validate.stderr);
  });

  it('new makes the folder of --catalogue rather than refuse it', async () => {
    const folder = join(tempDir('nieuw-'), 'mijn-methoden');
    const r = await runMain(['--catalogue', folder, 'new', 'Deelkast']);
    expect(r.code).toBe(0);
    expect(readdirSync(folder)).toEqual(['deelkast.yaml']);
  });

  // root reads anything, so where the tests run as root, the CLI runs as another user.

  it('a YAML file that is a link to a file in the folder is read like any other', async () => {
    const dir = userFolder({ 'echt.txt': yamlOf(method({ id: 'via-link' })) });
    mkdirSync(join(dir, 'methods'));
    symlinkSync(join(dir, 'echt.txt'), join(dir, 'methods', 'link.yaml'));
    const r = await runMain(['--catalogue', dir, 'show', 'via-link', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('via-link');
  });

  it("a user's file called actie.yaml (or glossary, sources, criteria) holds methods, like any other", async () => {
    const dir = userFolder({ 'actie.yaml': yamlOf(method({ id: 'actie' })), 'sources.yaml': yamlOf(method({ id: 'bronnen' })) });
    const r = await runMain(['--catalogue', dir, 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).map((m: Method) => m.id)).toEqual(expect.arrayContaining(['actie', 'bronnen']));
  });

  it('validate finds an id used in two of the folders it checks, as loading them together would', async () => {
    const a = userFolder({ 'x.yaml': base('zelfde') });
    const b = userFolder({ 'x.yaml': base('zelfde') });
    const r = await runMain(['validate', a, b]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain(`${join(b, 'x.yaml')}:1: id: id "zelfde" komt al voor in ${join(a, 'x.yaml')}:1`);
  });

  it('the same goes for METHODEWIJZER_CATALOGUE', async () => {
    const dir = folderFor(CASES[0]);
    const r = await runMain(['list'], { env: { METHODEWIJZER_CATALOGUE: dir } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/kapot\.yaml:2:7: /);
    expect(r.stdout.trim().split('\n')).toHaveLength(40);
  });
});

describe('a file in a folder that may not be written', () => {
  const answers = ['--animo', 'bijsturen', '--contact', 'benutten', '--toerusting', 'aanreiken', '--inbedding', 'beide', '--empathie', 'onbekend'];
  // Each command names its own way out: the option that picks the file or folder, never another command's.
  it.each([
    { command: 'actie --report', args: (dir: string) => ['actie', ...answers, '--report', join(dir, 'advies.md')], names: '--report' },
    { command: 'export --output', args: (dir: string) => ['export', '--output', join(dir, 'methoden.json')], names: '--output' },
    { command: 'new', args: (dir: string) => ['--catalogue', dir, 'new', 'Buurtkracht'], names: '--catalogue' },
  ])('$command: exit 1, nothing written, and a hint that names $names', async ({ args, names }) => {
    const dir = unwritableDir();
    const r = await runMain(args(dir));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/kan .* niet schrijven \(E[A-Z]+\); er is niets veranderd/);
    expect(r.stderr).toContain(`kies met ${names} een andere`);
    for (const other of ['--report', '--output', '--catalogue'].filter((o) => o !== names)) expect(r.stderr).not.toContain(other);
    expect(r.stdout).toBe('');
    expectNoStackTrace(r.stderr);
  });
});

describe('control characters in catalogue text', () => {
  const evil = '\u001b]8;;https://kwaad.example\u0007klik\u001b]8;;\u0007 \u001b[2J\u001b[31mrood';
  const dir = userFolder({ 'esc.yaml': yamlOf(method({ id: 'esc', name: `Naam ${evil}`, summary: `Samenvatting ${evil}`, aliases: [`ook ${evil}`] })) });
  /** Colour codes the CLI itself writes (SGR); anything else starting with ESC came from the data. */
  const withoutOwnColour = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

  it.each([
    ['show', ['show', 'esc']],
    ['list', ['list']],
    ['list --json', ['list', '--json']],
    ['show --json', ['show', 'esc', '--json']],
    ['export md', ['export', '--format', 'md']],
    ['export csv', ['export', '--format', 'csv']],
  ])('%s prints them harmless, piped and with FORCE_COLOR=1', async (_name, args) => {
    for (const env of [{}, { FORCE_COLOR: '1' }]) {
      const r = await runMain(['--catalogue', dir, ...args], { env });
      expect(r.code).toBe(0);
      expect(withoutOwnColour(r.stdout)).not.toContain('\u001b');
      expect(r.stdout).not.toContain('\u0007');
      expect(r.stdout).toMatch(/\\u001b|\\\\u001b/);
    }
  });

  it('show does print the summary (escaped), so the test above is not vacuous', async () => {
    const r = await runMain(['--catalogue', dir, 'show', 'esc']);
    expect(r.stdout).toContain('Samenvatting \\u001b]8;;https://kwaad.example\\u0007klik');
  });
});
