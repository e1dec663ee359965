// Every command and every --help at 40, 50, 80 and 120 columns, as on a terminal: no line wider than
// the terminal (except one word that is itself wider, such as a URL), no word broken in two, and every
// method's id present wherever methods are listed. In-process through main(), with stdout and stderr
// as terminals of the given width.
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';

const WIDTHS = [40, 50, 80, 120];
const catalogue = await openCatalogue();
const ANSWERS = ['--animo', 'bijsturen', '--contact', 'versterken', '--toerusting', 'onbekend', '--inbedding', 'beide', '--empathie', 'dienstbaarheid'];
const COMMANDS = ['list', 'search', 'show', 'open', 'compare', 'tags', 'model', 'glossary', 'sources', 'export', 'new', 'actie', 'validate', 'completion', 'help'];

async function run(template: string[], columns: number) {
  // <tmp> stands for a fresh folder each run, for commands that write a file; the output names it <tmp> again.
  const dir = tempDir('width-');
  const args = template.map((a) => a.replace('<tmp>', dir));
  // No colour, so widths are counted in characters; terminals without a height, so no pager.
  const { code, stdout, stderr } = await runMain(args, { columns, env: { NO_COLOR: '1', BROWSER: 'none' } });
  return { code, text: (stdout + stderr).replaceAll(dir, '<tmp>') };
}

/** The words of a text: what a reader sees between spaces (a continuation backslash, or … for text left out, is not a word). */
const words = (text: string) => new Set(text.split(/\s+/).filter((w) => w && w !== '\\' && w !== '…'));

const cases: [string, string[]][] = [
  ['list', ['list']],
  ['list --element inbedding', ['list', '--element', 'inbedding']],
  ['search (long names)', ['search', 'maatschappelijke', 'dorp']],
  ['search buurt', ['search', 'buurt', '--limit', '20']],
  ['show (long name and URL)', ['show', 'maatschappelijke-activeringscentra']],
  ['compare (two)', ['compare', 'abcd', 'bewoners-aan-zet']],
  ['compare (four, long ids and URLs)', ['compare', 'kan-wel', 'present', 'maatschappelijke-activeringscentra', 'integraal-dorpsontwikkelingsplan']],
  ['compare (unknown ones)', ['compare', 'kan-well', 'dorp', 'xyzzy-plugh']],
  ['tags', ['tags']],
  ['open without a browser', ['open', 'maatschappelijke', 'activeringscentra']],
  ['model', ['model']],
  ['glossary', ['glossary']],
  ['sources', ['sources']],
  ['validate', ['validate']],
  ['validate (problems)', ['validate', userFolder({ 'kapot.yaml': yamlOf({ ...method({ id: 'kapot' }), elemnts: ['animo'], url: 'www.example.org' }) })]],
  ['new', ['--catalogue', '<tmp>', 'new', 'Een nieuwe methode met een lange naam voor de buurt']],
  ['export --output', ['export', '--output', '<tmp>/methoden.csv']],
  ['actie', ANSWERS],
  ['actie in a village', [...ANSWERS, '--setting', 'dorp', '--doelgroep', 'jongeren']],
  ['an unknown method', ['show', 'onbestaande', 'methode']],
  ['a wrong value', ['list', '--kind', 'tijdschrift']],
  ['an unknown command', ['lijst']],
  ['the overview', []],
  ['--help', ['--help']],
  ...COMMANDS.map((c): [string, string[]] => [`${c} --help`, c === 'help' ? ['help', 'actie'] : [c, '--help']]),
];

describe.each(cases)('%s', (_, args) => {
  // The same output on a terminal too wide to wrap anything gives the words as they should be; run once
  // for the four widths.
  let wideRun: Promise<{ code: number; text: string }> | undefined;
  it.each(WIDTHS)('at %d columns: nothing wider, no word broken', async (width) => {
    const wide = await (wideRun ??= run(args, 10_000));
    const narrow = await run(args, width);
    expect(narrow.code).toBe(wide.code);
    const whole = words(wide.text);
    const lines = narrow.text.split('\n');
    // A word longer than the line may stand alone on it, with the backslash of a continued command.
    const alone = (l: string) => l.trim().replace(/ \\$/, '');
    const tooWide = lines.filter((l) => l.length > width && !(alone(l).split(' ').length === 1 && whole.has(alone(l))));
    expect(tooWide).toEqual([]);
    expect([...words(narrow.text)].filter((w) => !whole.has(w))).toEqual([]);
  });
});

describe('every id present', () => {
  it.each(WIDTHS)('list at %d columns', async (width) => {
    const tokens = words((await run(['list'], width)).text);
    for (const m of catalogue.methods) expect(tokens.has(m.id), m.id).toBe(true);
  });

  it.each(WIDTHS)('search at %d columns', async (width) => {
    const { text } = await run(['search', 'dorp', 'wijk', '--limit', '50'], width);
    const hits = (await run(['search', 'dorp', 'wijk', '--limit', '50', '--json'], width)).text;
    const ids = (JSON.parse(hits.slice(0, hits.lastIndexOf(']') + 1)) as { id: string }[]).map((h) => h.id);
    expect(ids.length).toBeGreaterThan(3);
    const tokens = words(text);
    for (const id of ids) expect(tokens.has(id), id).toBe(true);
  });
});
