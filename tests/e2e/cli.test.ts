import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { COLOPHON_FACTS, CRITERIA_COUNT, METHOD_FACTS, SOURCE_FACTS } from '../fixtures/brochure-facts.js';
import { expectNoStackTrace } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';

describe('list', () => {
  it('piped: one tab-separated line per method, no colour', async () => {
    const { code, stdout, stderr } = await runMain(['list']);
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
    const { code, stdout } = await runMain(['list', '--json']);
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
    const all = JSON.parse((await runMain(['list', '--json'])).stdout) as Rec[];
    const { code, stdout } = await runMain(['list', ...args, '--json']);
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
    const { code, stdout, stderr } = await runMain(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expectNoStackTrace(stderr);
  });
});

type Rec = { elements: string[]; source: { kind: string }; tags: string[] };

describe('show', () => {
  it.each(['abcd', 'kan wel', 'Kan wél', 'KAN-WEL', 'kan-wel'])('finds Kan wél by %j', async (query) => {
    const { code, stdout } = await runMain(['show', query]);
    expect(code).toBe(0);
    const fact = METHOD_FACTS.find((f) => f.name === (query === 'abcd' ? 'ABCD' : 'Kan wél'))!;
    expect(stdout).toContain(fact.name);
    expect(stdout).toContain(fact.url);
  });

  it('--json gives the record', async () => {
    const { stdout } = await runMain(['show', 'MAC', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'maatschappelijke-activeringscentra', source: { kind: 'verkenning' } });
  });

  it('an unknown method: exit 1 and the closest ids', async () => {
    const { code, stdout, stderr } = await runMain(['show', 'kan-well']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    // "kan-wel" alone would match the query itself in the first line.
    expect(stderr).toBe('fout: geen methode gevonden voor "kan-well"\nBedoelde u: kan-wel?\n');
    expectNoStackTrace(stderr);
  });

  it('something unlike any method: exit 1 with a hint to search or list', async () => {
    const { code, stdout, stderr } = await runMain(['show', 'no-such-method-xyz']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'fout: geen methode gevonden voor "no-such-method-xyz"\n' +
        "Zoek met: methodewijzer search <woorden>. Alle methoden met hun id: methodewijzer list.\n",
    );
  });
});

describe('model and glossary', () => {
  it('model --json: five elements, question, both poles, do\'s and don\'ts, method counts', async () => {
    const { code, stdout } = await runMain(['model', '--json']);
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
    const { code, stdout } = await runMain(['model', 'T']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^TOERUSTING/);
    expect(stdout).toMatch(/eigen-kracht/);
    expect(stdout).not.toMatch(/ANIMO/);
  });

  it('model: each element counts its methods in the right number, and every pole key stands apart from its label', async () => {
    const model = JSON.parse((await runMain(['model', '--json'])).stdout) as { elements: { name: string; methodCount: number; poles: { key: string; label: string }[] }[] };
    const { code, stdout } = await runMain(['model']);
    expect(code).toBe(0);
    for (const e of model.elements) {
      const n = e.methodCount;
      expect(stdout).toContain(`${e.name.toUpperCase()}  ${n} ${n === 1 ? 'methode' : 'methoden'}\n`);
      for (const p of e.poles) expect(stdout).toMatch(new RegExp(`^  ${p.key} {2,}${p.label}$`, 'm'));
    }
  });

  it('sources --json: the brochure, the two databanks and two verkenningen with links, the five criteria', async () => {
    const { code, stdout } = await runMain(['sources', '--json']);
    expect(code).toBe(0);
    const about = JSON.parse(stdout);
    expect(about.brochure).toMatchObject({ title: 'Methodisch werken aan actief burgerschap', publisher: 'Movisie' });
    expect(about.sources.map((s: { kind: string; name: string; url: string }) => ({ kind: s.kind, name: s.name, url: s.url }))).toEqual(SOURCE_FACTS);
    expect(about.criteria).toHaveLength(CRITERIA_COUNT);
  });

  it('sources as text names every source with its link and numbers the criteria', async () => {
    const { code, stdout } = await runMain(['sources']);
    expect(code).toBe(0);
    for (const s of SOURCE_FACTS) expect(stdout).toContain(s.url);
    expect(stdout).toMatch(new RegExp(`\\n  ${CRITERIA_COUNT}\\. `));
  });

  it('sources as text names the essay with its authors, the shortened article and the funder, with their links', async () => {
    const { stdout } = await runMain(['sources']);
    const flat = stdout.replace(/\s+/g, ' ');
    const { essay, article, funder } = COLOPHON_FACTS;
    expect(flat).toContain(`het essay "${essay.title}", van Radboud Engbersen (Platform31) en Peter Rensen (Movisie):`);
    for (const url of [essay.url, article.url]) expect(stdout).toContain(url);
    expect(flat).toContain(`als artikel op ${article.site}`);
    expect(flat).toContain(`Gefinancierd door ${funder}.`);
  });

  it('glossary --json lists the Begrippenkader', async () => {
    const terms = JSON.parse((await runMain(['glossary', '--json'])).stdout);
    expect(terms.map((t: { term: string }) => t.term)).toEqual(['Actief burgerschap', 'Methodisch werken', 'Evidence based werken', 'Verkenningen']);
  });
});

const program = await buildProgram(async () => undefined, {});
/** The help of the program and of every command it lists, as a user gets it. */
const HELPS: [string, string][] = await Promise.all(
  ['methodewijzer', ...program.commands.map((c) => c.name()).filter((n) => !n.startsWith('__'))].map(async (name) => [name, (await runMain(name === 'methodewijzer' ? ['--help'] : [name, '--help'])).stdout] as [string, string]),
);

describe('global behaviour', () => {
  // The version comes from package.json at build time: tests/process/binary.test.ts checks it on the built binary.

  it.each(HELPS)('%s --help: its usage from the arguments it takes, every option with its text, and examples', async (name, help) => {
    const cmd = name === 'methodewijzer' ? program : program.commands.find((c) => c.name() === name)!;
    const args = cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`));
    // A command may say its usage itself (compare: two to four, where commander is told "any number").
    const own = (cmd as unknown as { _usage?: string })._usage?.replace('[options]', '[opties]');
    const usage = cmd === program ? 'methodewijzer [opties] [opdracht]' : ['methodewijzer', name, ...(own ? [own] : ['[opties]', ...args])].join(' ');
    expect(help.split('\n')[0]).toBe(`Gebruik: ${usage}`);
    // Every option the command takes, in its order, the help option last; each with its text.
    const options = helpSection(help, 'Opties:');
    expect(options.map((o) => o.term)).toEqual([...cmd.options.filter((o) => !o.hidden).map((o) => o.flags), '-h, --help']);
    for (const o of options) expect(o.text, o.term).not.toBe('');
    if (cmd === program) expect(helpSection(help, 'Opdrachten:').map((c) => c.term.split(' ')[0])).toEqual(program.commands.map((c) => c.name()).filter((n) => !n.startsWith('__')));
    // Examples, each a command line the program takes as it stands; at least one runs this command.
    if (name === 'help') return;
    const ran = await Promise.all(helpExamples(help).map((example) => parses(shellWords(example.split(/ (?:>>?|\|) /)[0]))));
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.filter((r) => r === undefined)).toEqual([]);
    if (cmd !== program) expect(ran).toContain(name);
  });

  it('the check above catches an example the program does not parse', async () => {
    await expect(parses(['list', '--elemnt', 'animo'])).resolves.toBeUndefined();
    await expect(parses(['list', '--element', 'anima'])).resolves.toBeUndefined();
    await expect(parses(['lijst'])).resolves.toBeUndefined();
    await expect(parses(['-c', './map', 'list', '--element', 'animo'])).resolves.toBe('list');
  });

  it.each(HELPS.flatMap(([, help]) => helpExamples(help).filter(runsAsIs)))('the example `methodewijzer %s` runs as shown', async (example) => {
    const { code, stdout, stderr } = await runMain(shellWords(example));
    expect(code, stderr).toBe(0);
    // Something to read: the output, or for validate its report on stderr.
    expect((stdout + stderr).trim()).not.toBe('');
  });

  it('colour only when forced, never with NO_COLOR or --no-color', async () => {
    expect((await runMain(['show', 'abcd'], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[/);
    expect((await runMain(['show', 'abcd'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await runMain(['show', 'abcd', '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });

  it('validate on the built-in catalogue: exit 0', async () => {
    const { code, stderr } = await runMain(['validate']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/39 methoden geldig, in orde/);
  });
});

/** The entries of a section of the help, such as "Opties:": each term (flags, or a command) and its text. */
function helpSection(help: string, title: string): { term: string; text: string }[] {
  const section = help.split(`\n${title}\n`)[1]?.split('\n\n')[0] ?? '';
  return section
    .split('\n')
    .filter((l) => /^ {2}\S/.test(l))
    .map((l) => {
      const [term, ...text] = l.trim().split(/ {2,}/);
      return { term, text: text.join(' ') };
    });
}

/**
 * The command commander would run for `words` (known options, allowed values, enough arguments), without
 * running it; undefined when it refuses them.
 */
async function parses(words: string[]): Promise<string | undefined> {
  let ran: string | undefined;
  const p = await buildProgram(async (_spec, cmd) => void (ran = cmd.name()), { writeOut: () => undefined, writeErr: () => undefined });
  try {
    await p.parseAsync(['node', 'methodewijzer', ...words]);
    return ran;
  } catch (e) {
    if (e instanceof CommanderError) return undefined;
    throw e;
  }
}

/** The examples of the help, without `$ methodewijzer` (or `$ mkdir -p <map> && methodewijzer`), an example continued over lines (`\`) as one. */
function helpExamples(help: string): string[] {
  const section = help.split('\nVoorbeelden:\n')[1]?.split('\n\n')[0] ?? '';
  return section
    .replace(/ \\\n\s+/g, ' ')
    .split('\n')
    .filter(Boolean)
    // A shell line that makes a folder first (completion's install lines): the program's part of it.
    .map((l) => l.replace(/^ {2}\$ (mkdir -p \S+ && )?methodewijzer /, ''));
}

/** An example that reads only, needs no terminal and names no file or folder: it can run here as printed. */
function runsAsIs(example: string): boolean {
  // Dossier examples write to the user's dossier folder: tests/e2e/dossier.test.ts runs them in a folder of its own.
  return !/>|\||--output|--report|--web|--dossier|^dossier |^open |^new |\.\/|validate a b|^actie$|^search( --element animo)?$|^completion /.test(example);
}

/** A command line split as a shell would, for the double quotes the examples use. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}
