import { describe, expect, it } from 'vitest';
import { CRITERIA_COUNT, METHOD_FACTS, SOURCE_FACTS } from '../fixtures/brochure-facts.js';
import { expectNoStackTrace, runCli } from '../helpers/cli.js';

describe('list', () => {
  it('piped: one tab-separated line per method, no colour', async () => {
    const { code, stdout, stderr } = await runCli(['list']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(METHOD_FACTS.length);
    expect(stdout).not.toMatch(/\u001b\[/);
    for (const line of lines) {
      const [id, name, elements, kind, url] = line.split('\t');
      const fact = METHOD_FACTS.find((f) => f.name === name)!;
      expect(fact, line).toBeDefined();
      expect(id).toMatch(/^[a-z0-9-]+$/);
      expect([kind, url]).toEqual([fact.kind, fact.url]);
      expect(elements.split(',').length).toBe(fact.columns.length);
    }
  });

  it('--json: the full records, exactly the brochure methods', async () => {
    const { code, stdout } = await runCli(['list', '--json']);
    expect(code).toBe(0);
    const records = JSON.parse(stdout) as { name: string; url: string; summary: string; source: { kind: string } }[];
    expect(records.map((r) => r.name).sort()).toEqual(METHOD_FACTS.map((f) => f.name).sort());
    for (const r of records) expect(r.summary.length).toBeGreaterThan(20);
  });

  it.each([
    [['--element', 'empathie'], (r: Rec) => r.elements.includes('empathie')],
    [['-e', 'A', '-e', 'contact'], (r: Rec) => r.elements.includes('animo') || r.elements.includes('contact')],
    [['--kind', 'verkenning'], (r: Rec) => r.source.kind === 'verkenning'],
    [['--tag', 'dorp', '--kind', 'databank'], (r: Rec) => r.tags.includes('dorp') && r.source.kind === 'databank'],
  ])('filters %j', async (args, keep) => {
    const all = JSON.parse((await runCli(['list', '--json'])).stdout) as Rec[];
    const { code, stdout } = await runCli(['list', ...args, '--json']);
    expect(code).toBe(0);
    const expected = all.filter((r) => keep({ ...r, tags: r.tags ?? [] }));
    expect(expected.length).toBeGreaterThan(0);
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it.each([
    [['list', '--element', 'foo'], /^fout: ongeldige waarde 'foo' voor '--element'\nKies uit: animo, contact, toerusting, inbedding, empathie\.\nZie methodewijzer list --help/],
    [['list', '--kind', 'boek'], /^fout: ongeldige waarde 'boek' voor '--kind'\nKies uit: databank, verkenning\./],
    [['list', '--element', ''], /^fout: ongeldige waarde '' voor '--element'\nKies uit: animo, contact/],
    [['list', '--kind', ''], /^fout: ongeldige waarde '' voor '--kind'\nKies uit: databank, verkenning/],
    [['search', 'buurt', '--limit', ''], /^fout: ongeldige waarde '' voor '--limit'\nGeef een heel getal/],
    [['list', '--tag', 'dorpp'], /onbekende tag: dorpp[\s\S]*Bekende tags: .*dorp/],
    [['list', '--bogus'], /onbekende optie '--bogus'/],
    [['--catalogue', '', 'list'], /ongeldige waarde '' voor '--catalogue'\nEen lege waarde kan niet\.\nZie methodewijzer --help/],
    [['list', '--tag', ''], /ongeldige waarde '' voor '--tag'/],
    [['export', '--format', 'csv', '--output', ''], /ongeldige waarde '' voor '--output'/],
    [['actie', '--report', ' '], /ongeldige waarde ' ' voor '--report'/],
    [['lijst'], /onbekende opdracht 'lijst'\nBedoelde u: list\?\nZie methodewijzer --help/],
    [['help', 'lijst'], /onbekende opdracht 'lijst'\nBedoelde u: list\?/],
    [['export', '--format', 'json', '--output', 'x.csv'], /--format json past niet bij --output x\.csv/],
    [['show'], /argument 'methode' ontbreekt/],
    [['show', ''], /geef het id of de naam van een methode[\s\S]*methodewijzer show abcd/],
    [['show', '  '], /geef het id of de naam van een methode/],
    [['show', '🙂'], /geef het id of de naam van een methode/],
    [['model', 'x'], /onbekend element "x"/],
  ])('%j is a usage error (exit 2) that says how to fix it', async (args, message) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expectNoStackTrace(stderr);
  });
});

type Rec = { elements: string[]; source: { kind: string }; tags: string[] };

describe('show', () => {
  it.each(['abcd', 'kan wel', 'Kan wél', 'KAN-WEL', 'kan-wel'])('finds Kan wél by %j', async (query) => {
    const { code, stdout } = await runCli(['show', query]);
    expect(code).toBe(0);
    expect(stdout).toContain(query === 'abcd' ? 'ABCD' : 'Kan wél');
    expect(stdout).toMatch(/https:\/\/www\.movisie\.nl\/esi\//);
  });

  it('--json gives the record', async () => {
    const { stdout } = await runCli(['show', 'MAC', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'maatschappelijke-activeringscentra', source: { kind: 'verkenning' } });
  });

  it('an unknown method: exit 1 and the closest ids', async () => {
    const { code, stdout, stderr } = await runCli(['show', 'kan-well']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/geen methode gevonden voor "kan-well"/);
    expect(stderr).toMatch(/kan-wel/);
    expectNoStackTrace(stderr);
  });

  it('something unlike any method: exit 1 with a hint to search or list', async () => {
    const { code, stderr } = await runCli(['show', 'no-such-method-xyz']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/methodewijzer (search|list)/);
  });
});

describe('model and glossary', () => {
  it('model --json: five elements, question, both poles, do\'s and don\'ts, method counts', async () => {
    const { code, stdout } = await runCli(['model', '--json']);
    expect(code).toBe(0);
    const model = JSON.parse(stdout);
    expect(model.elements.map((e: { key: string }) => e.key)).toEqual(['animo', 'contact', 'toerusting', 'inbedding', 'empathie']);
    const counts = Object.fromEntries(model.elements.map((e: { key: string; methodCount: number }) => [e.key, e.methodCount]));
    const expected = Object.fromEntries(
      [...'ACTIE'].map((l, i) => [model.elements[i].key, METHOD_FACTS.filter((f) => f.columns.includes(l)).length]),
    );
    expect(counts).toEqual(expected);
    const dos = model.elements.reduce((n: number, e: { dos: string[] }) => n + e.dos.length, 0);
    expect(dos).toBe(21);
    for (const e of model.elements) {
      expect(e.question).toMatch(/\?$/);
      expect(e.poles).toHaveLength(2);
    }
  });

  it('model <element> accepts the letter', async () => {
    const { code, stdout } = await runCli(['model', 'T']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^TOERUSTING/);
    expect(stdout).toMatch(/eigen-kracht/);
    expect(stdout).not.toMatch(/ANIMO/);
  });

  it('model: each element counts its methods in the right number, and every pole key stands apart from its label', async () => {
    const model = JSON.parse((await runCli(['model', '--json'])).stdout) as { elements: { name: string; methodCount: number; poles: { key: string; label: string }[] }[] };
    const { code, stdout } = await runCli(['model']);
    expect(code).toBe(0);
    for (const e of model.elements) {
      const n = e.methodCount;
      expect(stdout).toContain(`${e.name.toUpperCase()}  ${n} ${n === 1 ? 'methode' : 'methoden'}\n`);
      for (const p of e.poles) expect(stdout).toMatch(new RegExp(`^  ${p.key} {2,}${p.label}$`, 'm'));
    }
  });

  it('sources --json: the brochure, the two databanks and two verkenningen with links, the five criteria', async () => {
    const { code, stdout } = await runCli(['sources', '--json']);
    expect(code).toBe(0);
    const about = JSON.parse(stdout);
    expect(about.brochure).toMatchObject({ title: 'Methodisch werken aan actief burgerschap', publisher: 'Movisie' });
    expect(about.sources.map((s: { kind: string; name: string; url: string }) => ({ kind: s.kind, name: s.name, url: s.url }))).toEqual(SOURCE_FACTS);
    expect(about.criteria).toHaveLength(CRITERIA_COUNT);
  });

  it('sources as text names every source with its link and numbers the criteria', async () => {
    const { code, stdout } = await runCli(['sources']);
    expect(code).toBe(0);
    for (const s of SOURCE_FACTS) expect(stdout).toContain(s.url);
    expect(stdout).toMatch(new RegExp(`\\n  ${CRITERIA_COUNT}\\. `));
  });

  it('glossary --json lists the Begrippenkader', async () => {
    const terms = JSON.parse((await runCli(['glossary', '--json'])).stdout);
    expect(terms.map((t: { term: string }) => t.term)).toEqual(['Actief burgerschap', 'Methodisch werken', 'Evidence based werken', 'Verkenningen']);
  });
});

describe('global behaviour', () => {
  it('--version prints the package version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each(['list', 'search', 'show', 'open', 'model', 'glossary', 'sources', 'actie', 'export', 'new', 'validate'])('%s --help shows examples', async (cmd) => {
    const { code, stdout } = await runCli([cmd, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Voorbeelden:\n {2}\$ methodewijzer/);
  });

  it('colour only when forced, never with NO_COLOR or --no-color', async () => {
    expect((await runCli(['show', 'abcd'], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[/);
    expect((await runCli(['show', 'abcd'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await runCli(['show', 'abcd', '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });

  it('validate on the built-in catalogue: exit 0', async () => {
    const { code, stderr } = await runCli(['validate']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/39 methoden geldig, in orde/);
  });
});
