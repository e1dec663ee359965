import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { BIN, cleanEnv, expectNoStackTrace, runCli, tempDir } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { TmuxSession } from '../helpers/tmux.js';
import { lacks } from '../helpers/tools.js';

const { methods } = await openCatalogue();
const ANSI = /\u001b\[[0-9;]*m/;

describe('compare', () => {
  it('in a pipe: one line per field, the methods in the order asked, found by id, name, alias or a unique start, in any spelling', async () => {
    const { code, stdout, stderr } = await runMain(['compare', 'KAN WEL', 'abcd', 'mac']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(lines.map((l) => l[0])).toEqual(['id', 'name', 'elements', 'kind', 'collection', 'tags', 'summary', 'url']);
    expect(lines[0]).toEqual(['id', 'kan-wel', 'abcd', 'maatschappelijke-activeringscentra']);
    expect(lines[1]).toEqual(['name', 'Kan wél', 'ABCD', 'Maatschappelijke Activeringscentra (MAC)']);
    expect(lines[7].slice(1)).toEqual(['kan-wel', 'abcd', 'maatschappelijke-activeringscentra'].map((id) => methods.find((m) => m.id === id)!.url));
    expect(stdout).not.toMatch(ANSI);
  });

  it('--json: the records as show --json gives them, in the order asked', async () => {
    const { code, stdout } = await runMain(['compare', 'present', 'abcd', '--json']);
    expect(code).toBe(0);
    const shown = await Promise.all(['present', 'abcd'].map(async (id) => JSON.parse((await runMain(['show', id, '--json'])).stdout)));
    expect(JSON.parse(stdout)).toEqual(shown);
  });

  it('on a terminal: side by side within the width, with a label column', async () => {
    const { code, stdout } = await runMain(['compare', 'abcd', 'kan-wel', 'present'], { columns: 100, env: { NO_COLOR: '1' } });
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^ {13}ABCD {2,}Kan wél {2,}Present$/);
    expect(lines).toContainEqual(expect.stringMatching(/^id {11}abcd {2,}kan-wel {2,}present$/));
    expect(lines).toContainEqual(expect.stringMatching(/^Samenvatting /));
    expect(lines.filter((l) => l.length > 100)).toEqual([]);
  });

  it('own methods can be compared with built-in ones, and --json says which is which', async () => {
    const dir = userFolder({ 'eigen.yaml': yamlOf(method({ id: 'buurtsoep', name: 'Buurtsoep', tags: ['wijk'] })) });
    const { code, stdout } = await runMain(['--catalogue', dir, 'compare', 'buurtsoep', 'abcd', '--json']);
    expect(code).toBe(0);
    const [own, builtin] = JSON.parse(stdout);
    expect(own).toMatchObject({ id: 'buurtsoep', origin: { own: true, line: 1 } });
    expect(builtin).toMatchObject({ id: 'abcd', origin: { own: false } });
  });

  it.each([
    [[], /twee tot vier methoden naast elkaar; u gaf er geen/],
    [['abcd'], /twee tot vier methoden naast elkaar; u gaf er 1/],
    [['abcd', 'kan-wel', 'present', 'woonatelier', 'keetkeur'], /twee tot vier methoden naast elkaar; u gaf er 5/],
    [['abcd', ''], /geef bij elke methode het id of de naam/],
    [['abcd', 'ABCD'], /"abcd" en "ABCD" zijn dezelfde methode \(abcd\)/],
    [['Kan wél', 'present', 'kan-wel'], /"Kan wél" en "kan-wel" zijn dezelfde methode \(kan-wel\)/],
  ])('%j: usage error, exit 2, saying what is wrong', async (args, message) => {
    const { code, stdout, stderr } = await runMain(['compare', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('unknown methods: exit 1, every one named, each with the ideas show would give', async () => {
    const { code, stdout, stderr } = await runMain(['compare', 'kan-well', 'abcd', 'xyzzy-plugh']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^fout: geen methode gevonden voor "kan-well" en "xyzzy-plugh"$/m);
    expect(stderr).toMatch(/^Bij "kan-well" bedoelde u: kan-wel\?$/m);
    expect(stderr).toMatch(/^Zoek met: methodewijzer search <woorden>\./m);
    // The start of several methods is named with those methods, as show does.
    const vague = await runMain(['compare', 'kan-well', 'dorp']);
    expect(vague.code).toBe(1);
    expect(vague.stderr).toMatch(/^fout: niet elke methode is duidelijk: "kan-well" en "dorp"$/m);
    expect(vague.stderr).toMatch(/^"dorp" past bij 3 methoden; bedoelde u: dorpsagenda-met-dorpswaardering, dorpsonderzoek of dorpsspiegel\?$/m);
    // One unknown: word for word what show says.
    for (const query of ['kan-well', 'dorp', 'xyzzy-plugh']) {
      expect((await runMain(['compare', 'abcd', query])).stderr).toBe((await runMain(['show', query])).stderr);
    }
  });

  it('the built binary: exit codes and streams as a user gets them', async () => {
    const ok = await runCli(['compare', 'abcd', 'kan-wel']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^id\tabcd\tkan-wel$/m);
    const bad = await runCli(['compare', 'abcd', 'nope-nope']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expectNoStackTrace(bad.stderr);
    const help = await runCli(['compare', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('Gebruik: methodewijzer compare [opties] <methode> <methode> [methode...]');
    expect(help.stdout).toMatch(/Voorbeelden:\n {2}\$ methodewijzer compare /);
  });
});

describe.skipIf(lacks('tmux', 'terminal tests'))('compare in a real terminal', () => {
  let session: TmuxSession | undefined;
  afterEach(() => session?.kill());

  it('at 80 columns: nothing wider than the window but a URL on its own line; no colour with NO_COLOR', async () => {
    session = new TmuxSession();
    const ids = ['abcd', 'kan-wel', 'maatschappelijke-activeringscentra'];
    session.start([process.execPath, BIN, 'compare', ...ids], { cwd: tempDir('compare-'), env: { ...cleanEnv(), NO_COLOR: '1' }, width: 80, height: 60 });
    expect(await session.waitForExit()).toBe(0);
    const lines = session.capture().split('\n').map((l) => l.trimEnd());
    const urls = ids.map((id) => methods.find((m) => m.id === id)!.url);
    expect(lines.filter((l) => l.length > 80 && !urls.includes(l))).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/^ {13}ABCD {2,}Kan wél {2,}Maatschappelijke$/));
    expect(lines).toContain('Link');
    for (const url of urls) expect(lines.some((l) => l.trim() === url), lines.join('\n')).toBe(true);
  });
});
