// A consultant following one initiative over months with `actie --dossier`, then looking back with
// `dossier list` and `dossier show`: dates given through METHODEWIJZER_NOW, the folder through
// METHODEWIJZER_DOSSIERS (or --dossiers), each test in a folder of its own.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/program.js';
import { cleanEnv, expectNoStackTrace, tempDir } from '../helpers/env.js';
import { ANSWERS, consultant } from '../helpers/dossier.js';

describe('an initiative followed over months', () => {
  it('keeps three sessions, shows what changed each time, and looks back with list and show', async () => {
    const folder = join(tempDir('dossiers-'), 'dossiers');
    const run = consultant(folder);
    const first = await run(['actie', '--dossier', 'Keet Oost', ...ANSWERS.jan, '--note', 'Offerte opvragen bij de gemeente'], '2026-01-12T10:00');
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('Sessie 1 opgeslagen in het dossier "Keet Oost"');
    expect(first.stdout).not.toContain('Sinds de vorige sessie');

    // Typed another way: the same dossier.
    const second = await run(['actie', '--dossier', 'KEET óóst', ...ANSWERS.mar], '2026-03-02T14:05');
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('Sessie 2 opgeslagen in het dossier "Keet Oost"');
    expect(second.stdout).toContain('Sinds de vorige sessie (12 januari 2026, 10:00)');
    expect(second.stdout).toContain('Toerusting: ondersteuning aanreiken → eigen kracht');
    expect(second.stdout).toContain('Animo: bijsturen → aansluiten');

    const third = await run(['actie', '--dossier', 'Keet Oost', ...ANSWERS.jun, '--json', '--note', 'Plek gevonden; in juni de begroting'], '2026-06-15T19:30');
    expect(third.code).toBe(0);
    const json = JSON.parse(third.stdout);
    expect(json.dossier).toMatchObject({ name: 'Keet Oost', sessions: 3, date: '2026-06-15T19:30', previous: '2026-03-02T14:05' });
    expect(json.dossier.changes.answers.map((c: { key: string; was: string; now: string }) => `${c.key}: ${c.was} -> ${c.now}`)).toEqual([
      'contact: benutten -> versterken',
      'inbedding: beide -> burgers',
    ]);

    // One file, 0600 in a 0700 folder, stable YAML with a version and no machine paths.
    expect(readdirSync(folder)).toEqual(['keet-oost.yaml']);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const file = join(folder, 'keet-oost.yaml');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toMatch(/^format: 1\nname: Keet Oost\nsessions:\n/m);
    expect(yaml).not.toContain(folder);
    expect(yaml.match(/^ {2}- date: /gm)).toHaveLength(3);
    expect(yaml).toContain('note: Offerte opvragen bij de gemeente');

    const list = await run(['dossier', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([{ name: 'Keet Oost', file: expect.stringMatching(/keet-oost\.yaml$/), sessions: 3, last: '2026-06-15T19:30', problems: [] }]);
    const listed = await run(['dossier', 'list']);
    expect(listed.stdout).toBe('Keet Oost\t3\t2026-06-15T19:30\n');

    const show = await run(['dossier', 'show', 'keet oost']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Sessie 1: 12 januari 2026, 10:00[\s\S]*Notitie +Offerte opvragen[\s\S]*Sessie 2: 2 maart 2026, 14:05[\s\S]*Toerusting: ondersteuning aanreiken → eigen kracht[\s\S]*Sessie 3: 15 juni 2026, 19:30[\s\S]*Contact: bestaande netwerken → verbinding versterken/);
    const shown = JSON.parse((await run(['dossier', 'show', 'Keet Oost', '--json'])).stdout);
    expect(shown.sessions.map((s: { date: string }) => s.date)).toEqual(['2026-01-12T10:00', '2026-03-02T14:05', '2026-06-15T19:30']);
    expect(shown.sessions[0].changes).toBeNull();
    expect(shown.sessions[2].note).toBe('Plek gevonden; in juni de begroting');
  });

  it('takes the folder from --dossiers before METHODEWIJZER_DOSSIERS, and keeps what a person wrote in the file', async () => {
    const base = tempDir('dossiers-');
    const run = consultant(join(base, 'env'));
    const flag = join(base, 'flag');
    await run(['actie', '--dossiers', flag, '--dossier', 'Moestuin', ...ANSWERS.jan], '2026-01-01T09:00');
    expect(existsSync(join(base, 'env'))).toBe(false);
    const file = join(flag, 'moestuin.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: Moestuin', 'name: Moestuin # zo noemen de bewoners het'));
    await run(['actie', '--dossiers', flag, '--dossier', 'moestuin', ...ANSWERS.mar], '2026-02-01T09:00');
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toContain('name: Moestuin # zo noemen de bewoners het');
    expect(yaml.match(/- date: /g)).toHaveLength(2);
  });

  it('says so when the folder cannot be made, after showing the advice', async () => {
    const dir = tempDir('dossiers-');
    writeFileSync(join(dir, 'file'), '');
    const result = await consultant(join(dir, 'file', 'dossiers'))(['actie', '--dossier', 'Keet', ...ANSWERS.jan], '2026-01-12T10:00');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('ACTIE-ADVIES');
    expect(result.stderr).toMatch(/kan de dossiermap .* niet maken \(ENOTDIR\); de sessie is niet opgeslagen/);
    expectNoStackTrace(result.stderr);
  });

  it('refuses a bad clock, a nameless dossier and --note without a dossier, before asking anything', async () => {
    const run = consultant(tempDir('dossiers-'));
    const clock = await run(['actie', '--dossier', 'Keet', ...ANSWERS.jan], 'gisteren');
    expect(clock.code).toBe(2);
    expect(clock.stderr).toContain('METHODEWIJZER_NOW="gisteren" is geen datum en tijd');
    const nameless = await run(['actie', '--dossier', '../..', ...ANSWERS.jan]);
    expect(nameless.code).toBe(2);
    expect(nameless.stderr).toContain('geen bruikbare naam');
    const note = await run(['actie', '--note', 'los', ...ANSWERS.jan]);
    expect(note.code).toBe(2);
    expect(note.stderr).toContain('--note hoort bij --dossier');
    const missing = await run(['dossier', 'show', 'Onbekend']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('geen dossier "Onbekend"');
  });
});

describe('a damaged dossier', () => {
  it('is reported with file, line and field, never overwritten, and the new session is not saved', async () => {
    const folder = tempDir('dossiers-');
    const file = join(folder, 'keet-oost.yaml');
    const damaged = 'format: 1\nname: Keet Oost\nsessions:\n  - date: 2026-01-12T10:00\n    answers:\n      animo: bijsturen\n    over: null\n    shortlist: []\n';
    writeFileSync(file, damaged, { mode: 0o600 });
    const run = consultant(folder);
    const result = await run(['actie', '--dossier', 'Keet Oost', ...ANSWERS.mar], '2026-03-02T14:05');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/het dossier is beschadigd; er is niets gevraagd en niets veranderd/);
    // The answers map starts on line 6; each missing answer is named.
    expect(result.stderr).toMatch(/keet-oost\.yaml:6:\d+: sessions\.0\.answers\.contact:/);
    expectNoStackTrace(result.stderr);
    expect(readFileSync(file, 'utf8')).toBe(damaged);
    expect(readdirSync(folder)).toEqual(['keet-oost.yaml']);

    const show = await run(['dossier', 'show', 'Keet Oost']);
    expect(show.code).toBe(1);
    expect(show.stderr).toContain('keet-oost.yaml:6');
    const list = await run(['dossier', 'list']);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain('keet-oost.yaml:6');
  });

  it('of a later format is refused rather than misread', async () => {
    const folder = tempDir('dossiers-');
    const file = join(folder, 'keet.yaml');
    writeFileSync(file, 'format: 2\nname: Keet\nsessions: []\n');
    const result = await consultant(folder)(['dossier', 'show', 'Keet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/keet\.yaml:1:\d+: format: .*2.*kies uit: 1/);
    expect(readFileSync(file, 'utf8')).toBe('format: 2\nname: Keet\nsessions: []\n');
  });

  it('is not overwritten when it is damaged between the questions and the save: the advice is shown, the run says so and fails', async () => {
    // A syntax error, as a merge conflict in git leaves it.
    const folder = tempDir('dossiers-');
    const run = consultant(folder);
    await run(['actie', '--dossier', 'Keet', ...ANSWERS.jan], '2026-01-12T10:00');
    const file = join(folder, 'keet.yaml');
    const conflicted = readFileSync(file, 'utf8').replace('sessions:', '<<<<<<< HEAD\nsessions:');
    writeFileSync(file, conflicted);
    const result = await run(['actie', '--dossier', 'Keet', ...ANSWERS.mar], '2026-03-02T14:05');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/keet\.yaml:\d+/);
    expect(readFileSync(file, 'utf8')).toBe(conflicted);
  });
});

describe('a run that is stopped', () => {
  it('leaves the dossier as it was: no half-written file, no temporary file, no lock, exit 130', async () => {
    const folder = tempDir('dossiers-');
    const run = consultant(folder);
    await run(['actie', '--dossier', 'Keet', ...ANSWERS.jan], '2026-01-12T10:00');
    const file = join(folder, 'keet.yaml');
    const before = readFileSync(file, 'utf8');
    // Ctrl-C, a kill or a closed terminal abort the context's signal (src/cli/program.ts); here it is aborted from the start.
    const stopped = new AbortController();
    stopped.abort();
    let stderr = '';
    const code = await main(['node', 'methodewijzer', 'actie', '--dossier', 'Keet', ...ANSWERS.mar], {
      stdin: Object.assign(Readable.from([]), { isTTY: false }),
      stdout: { write: () => true, isTTY: false },
      stderr: { write: (t: string) => ((stderr += t), true), isTTY: false },
      env: { ...cleanEnv(), METHODEWIJZER_DOSSIERS: folder, METHODEWIJZER_NOW: '2026-03-02T14:05' },
      signal: stopped.signal,
    });
    expect(code).toBe(130);
    expect(stderr).toContain('Afgebroken.');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(folder)).toEqual(['keet.yaml']);
  });
});

describe('the examples in the help', () => {
  it('run as shown, in a folder of their own', async () => {
    const run = consultant(tempDir('dossiers-'));
    const example = ['actie', '--dossier', 'Keet Oost', '--animo', 'aansluiten', '--contact', 'benutten', '--toerusting', 'eigen-kracht', '--inbedding', 'burgers', '--empathie', 'betrokkenheid', '--note', 'Offerte gevraagd'];
    expect((await run(example, '2026-01-12T10:00')).code).toBe(0);
    for (const args of [['dossier', 'list'], ['dossier', 'show', 'Keet Oost'], ['dossier', 'show', 'keet oost', '--json']]) {
      const result = await run(args);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/keet oost/i);
    }
  });
});

describe('completion', () => {
  it('offers the dossiers by file name, which names them as well as their names do', async () => {
    const folder = tempDir('dossiers-');
    const run = consultant(folder);
    expect((await run(['__complete', 'dossiers'])).stdout).toBe('');
    await run(['actie', '--dossier', 'Keet Oost', ...ANSWERS.jan], '2026-01-12T10:00');
    await run(['actie', '--dossier', 'Moestuin Zuid', ...ANSWERS.jan], '2026-01-13T10:00');
    const offered = (await run(['__complete', 'dossiers'])).stdout;
    expect(offered).toBe('keet-oost\nmoestuin-zuid\n');
    const again = await run(['actie', '--dossier', 'keet-oost', ...ANSWERS.mar], '2026-03-02T14:05');
    expect(again.stderr).toContain('Sessie 2 opgeslagen in het dossier "Keet Oost"');
  });
});

describe('the handout from the command line', () => {
  it('is written by actie and by dossier show, and is refused over an existing file without --force', async () => {
    const dir = tempDir('handout-');
    const run = consultant(join(dir, 'dossiers'));
    const page = join(dir, 'keet.html');
    const made = await run(['actie', '--dossier', 'Keet Oost', ...ANSWERS.jan, '--handout', page], '2026-01-12T10:00');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toContain(`Handout geschreven naar ${page}`);
    expect(readFileSync(page, 'utf8')).toContain('<h1>Keet Oost</h1>');
    const again = await run(['dossier', 'show', 'Keet Oost', '--handout', page]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('bestaat al');
    const forced = await run(['dossier', 'show', 'Keet Oost', '--handout', page, '--force', '--open'], undefined, { BROWSER: 'none' });
    expect(forced.code).toBe(0);
    // The CLI's browser rules (src/io/browser.ts): with BROWSER=none the page is not opened, and the run says why.
    expect(forced.stderr).toContain('Niet geopend: BROWSER=none');
  });
});
