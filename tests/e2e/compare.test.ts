import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { runMain } from '../helpers/main.js';

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

});

