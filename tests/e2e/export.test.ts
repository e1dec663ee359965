import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Method } from '../../src/model/schema.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { expectNoStackTrace, tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';

const FILTERS: string[][] = [[], ['--element', 'animo'], ['--kind', 'verkenning', '--tag', 'dorp'], ['-e', 'empathie', '-e', 'inbedding']];
const OLD = 'oude inhoud die blijven moet\n';

async function listJson(args: string[]): Promise<string> {
  const r = await runMain(['list', '--json', ...args]);
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('export --format json', () => {
  it.each(FILTERS.map((f) => [f]))('prints exactly what list --json prints (%j)', async (filters) => {
    const r = await runMain(['export', '--format', 'json', ...filters]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await listJson(filters));
  });
});

describe('export --format yaml', () => {
  it.each(FILTERS.map((f) => [f]))('loaded back with --catalogue gives the same list --json (%j)', async (filters) => {
    const dir = tempDir('yaml-');
    const r = await runMain(['export', '--format', 'yaml', '--output', join(dir, 'export.yaml'), ...filters]);
    expect(r.code).toBe(0);
    const count = (JSON.parse(await listJson(filters)) as Method[]).length;
    expect(r.stderr).toBe(`${count} methoden geëxporteerd naar ${join(dir, 'export.yaml')} (yaml).\n`);
    const text = readFileSync(join(dir, 'export.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=file:\/\/\/.+\/catalogue\/schema\/method\.schema\.json\n/);
    expect(existsSync(new URL(text.split('$schema=')[1].split('\n')[0]))).toBe(true);
    expect(await listJson(['--catalogue', dir])).toBe(await listJson([]));
    expect(await listJson(['--catalogue', dir, ...filters])).toBe(await listJson(filters));
  });

  it('round-trips a user catalogue too, including a record that replaces a built-in one', async () => {
    const own = userFolder({
      'eigen.yaml': yamlOf(
        method({ id: 'abcd', name: 'ABCD (eigen versie)', summary: 'Vervangt de ingebouwde.', elements: ['empathie', 'animo'] }),
        method({ id: 'zz-eigen', name: 'Eigen: "iets" # met tekens', aliases: ['yes', '123'], tags: ['wijk'], summary: 'regel\nnog een' }),
      ),
    });
    const before = await listJson(['--catalogue', own]);
    const dir = tempDir('yaml-');
    expect((await runMain(['--catalogue', own, 'export', '-o', join(dir, 'alles.yml')])).code).toBe(0);
    expect(await listJson(['--catalogue', dir])).toBe(before);
    const records = JSON.parse(before) as Method[];
    expect(records.find((m) => m.id === 'abcd')?.elements).toEqual(['animo', 'empathie']);
    expect(records).toHaveLength(40);
  });
});

describe('export --format csv', () => {
  it('read by a CSV parser gives every method with the right fields', async () => {
    const r = await runMain(['export', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    const methods = JSON.parse(await listJson([])) as Method[];
    expect(rows).toHaveLength(39);
    expect(rows).toEqual(
      methods.map((m) => ({
        id: m.id,
        name: m.name,
        aliases: (m.aliases ?? []).join(';'),
        summary: m.summary,
        elements: m.elements.join(';'),
        'source.kind': m.source.kind,
        'source.collection': m.source.collection ?? '',
        url: m.url,
        tags: (m.tags ?? []).join(';'),
        elementSummaries: Object.entries(m.elementSummaries ?? {}).map(([k, t]) => `${k}: ${t}`).join(';'),
      })),
    );
  });

  it('is UTF-8, with a BOM only with --bom', async () => {
    const dir = tempDir('csv-');
    await runMain(['export', '-o', join(dir, 'a.csv')]);
    await runMain(['export', '-o', join(dir, 'b.csv'), '--bom']);
    const a = readFileSync(join(dir, 'a.csv'));
    const b = readFileSync(join(dir, 'b.csv'));
    expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(b.subarray(3)).toEqual(a);
    expect(a.toString('utf8')).toContain('Kan wél');
  });
});

describe('export --format csv --excel', () => {
  it('is the same table with ; between cells, a BOM and CRLF line ends, as Dutch Excel reads it', async () => {
    const dir = tempDir('excel-');
    expect((await runMain(['export', '--excel', '-o', join(dir, 'excel.csv')])).code).toBe(0);
    const bytes = readFileSync(join(dir, 'excel.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\ufeffid;name;aliases;summary;elements;source.kind;source.collection;url;tags;elementSummaries');
    // Every line end outside a cell is CRLF: no bare \n between records.
    const records = parseCsv(text, { bom: true, delimiter: ';', record_delimiter: '\r\n' }) as string[][];
    const plain = parseCsv((await runMain(['export', '--format', 'csv'])).stdout) as string[][];
    expect(records).toEqual(plain);
  });

  it('--excel alone means CSV; with another format it is a usage error', async () => {
    expect((await runMain(['export', '--excel'])).stdout.startsWith('\ufeffid;name;')).toBe(true);
    const r = await runMain(['export', '--excel', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--excel hoort bij --format csv');
  });
});

describe('export --format md', () => {
  it('is a document with a section per ACTIE element, its question and linked methods', async () => {
    const r = await runMain(['export', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^## .+$/gm)).toEqual(['## Animo', '## Contact', '## Toerusting', '## Inbedding', '## Empathie']);
    expect(r.stdout).toContain('[Kan wél](https://www.movisie.nl/esi/kan-wel)');
  });
});

describe('export options', () => {
  it.each([
    ['x.json', 'json'],
    ['x.YAML', 'yaml'],
    ['x.csv', 'csv'],
    ['x.md', 'md'],
  ])('takes the format from the extension of --output (%s)', async (name, format) => {
    const dir = tempDir('ext-');
    expect((await runMain(['export', '-o', join(dir, name)])).code).toBe(0);
    const viaStdout = await runMain(['export', '--format', format]);
    expect(readFileSync(join(dir, name), 'utf8').replace(/\$schema=.*/, '')).toBe(viaStdout.stdout.replace(/\$schema=.*/, ''));
  });

  it.each([
    [['export'], 'kies een formaat'],
    [['export', '-o', 'x.txt'], 'kies een formaat'],
    [['export', '--format', 'xml'], "ongeldige waarde 'xml'"],
    [['export', '--format', 'json', '--bom'], '--bom hoort bij --format csv'],
    [['export', '--format', 'json', '--tag', 'bestaatniet'], 'onbekende tag'],
  ])('%j is a usage error (exit 2) that says what to do', async (args, message) => {
    const r = await runMain(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expectNoStackTrace(r.stderr);
  });
});

describe('export --output never loses a file', () => {
  it.each(['json', 'yaml', 'csv', 'md'])('refuses an existing file without --force, leaving it byte for byte (%s)', async (format) => {
    const dir = tempDir('keep-');
    const target = join(dir, 'bestaand.txt');
    writeFileSync(target, OLD);
    const r = await runMain(['export', '--format', format, '--output', target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bestaat al');
    expect(r.stderr).toContain('--force');
    expectNoStackTrace(r.stderr);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['bestaand.txt']);
  });

  it('replaces it with --force', async () => {
    const dir = tempDir('force-');
    const target = join(dir, 'bestaand.json');
    writeFileSync(target, OLD);
    expect((await runMain(['export', '--output', target, '--force'])).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(await listJson([]));
    expect(readdirSync(dir)).toEqual(['bestaand.json']);
  });

  it('makes a missing folder for --output, and says so on stderr', async () => {
    const dir = tempDir('made-');
    const r = await runMain(['export', '--format', 'yaml', '--output', join(dir, 'kopie', 'diep', 'methoden.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Map gemaakt: ${join(dir, 'kopie')}`);
    expect(readdirSync(join(dir, 'kopie', 'diep'))).toEqual(['methoden.yaml']);
    const again = await runMain(['export', '--format', 'yaml', '--output', join(dir, 'kopie', 'tweede.yaml')]);
    expect(again.stderr).not.toContain('Map gemaakt');
  });

  it('says so when a file stands where the folder for --output should be', async () => {
    const dir = tempDir('file-');
    writeFileSync(join(dir, 'kopie'), OLD);
    const r = await runMain(['export', '--format', 'json', '--output', join(dir, 'kopie', 'methoden.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('kan de map');
    expectNoStackTrace(r.stderr);
    expect(readFileSync(join(dir, 'kopie'), 'utf8')).toBe(OLD);
  });

  it('leaves the target intact and no temporary file when the export fails (a broken user folder)', async () => {
    const dir = tempDir('fail-');
    const target = join(dir, 'export.json');
    writeFileSync(target, OLD);
    const broken = userFolder({ 'kapot.yaml': 'id: kapot\nname: [niet af\n' });
    const r = await runMain(['--catalogue', broken, 'export', '--output', target, '--force']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('kapot.yaml:');
    expect(r.stderr).toContain('niets geëxporteerd');
    expectNoStackTrace(r.stderr);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['export.json']);
  });

});

