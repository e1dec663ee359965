// The thirteen hostile-input cases of issue 14, one describe each, numbered as in docs/hostile-input.md.
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Method } from '../../src/schema.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { expectNoStackTrace, runCli, tempDir } from '../helpers/cli.js';

const GOOD = yamlOf(method({ id: 'goed' }));
const BUILTIN_COUNT = 39;
const base = (id: string) => `id: ${id}\nname: Naam\nsummary: Samenvatting.\nelements: [animo]\nsource:\n  kind: databank\nurl: https://example.org/x\n`;

/** A folder with one good file and whatever `add` puts beside it. */
function folderWith(add: (dir: string) => void): string {
  const dir = userFolder({ 'goed.yaml': GOOD });
  add(dir);
  return dir;
}

/** list --json on the folder: it ends, exit 3, every built-in method and the good one listed, the warning found. */
async function expectSkipped(dir: string, warning: RegExp, options: Parameters<typeof runCli>[1] = {}, extra = 0) {
  const r = await runCli(['--catalogue', dir, 'list', '--json'], { killAfter: 10_000, ...options });
  expect(r.signal, 'it hung and was killed').toBeNull();
  expect(r.code, r.stderr).toBe(3);
  expectNoStackTrace(r.stderr);
  expect(r.stderr).toMatch(warning);
  const ids = (JSON.parse(r.stdout) as Method[]).map((m) => m.id);
  expect(ids).toHaveLength(BUILTIN_COUNT + 1 + extra);
  expect(ids).toContain('goed');
  return r;
}

describe('1. special files: nothing blocks, nothing is read without limit', () => {
  it('a FIFO named .yaml is a problem with its path, not a hang (list and validate)', async () => {
    const dir = folderWith((d) => execFileSync('mkfifo', [join(d, 'pijp.yaml')]));
    await expectSkipped(dir, new RegExp(`${join(dir, 'pijp.yaml')}: is een pijp \\(FIFO\\), geen gewoon bestand`));
    const v = await runCli(['validate', dir], { killAfter: 10_000 });
    expect(v.signal).toBeNull();
    expect(v.code).toBe(3);
    expect(v.stdout).toContain(`${join(dir, 'pijp.yaml')}: is een pijp (FIFO)`);
  });

  it('a link to a FIFO in the folder is refused the same way', async () => {
    const dir = folderWith((d) => {
      execFileSync('mkfifo', [join(d, 'pijp')]);
      symlinkSync('pijp', join(d, 'x.yaml'));
    });
    await expectSkipped(dir, /x\.yaml: is een pijp \(FIFO\)/);
  });

  it('a link to /dev/zero is a device, refused before a byte is read', async () => {
    const dir = folderWith((d) => symlinkSync('/dev/zero', join(d, 'z.yaml')));
    await expectSkipped(dir, /z\.yaml: is een apparaat, geen gewoon bestand/);
  });

  it('a link to /dev/stdin, with stdin a pipe that stays open, does not wait for input', async () => {
    const dir = folderWith((d) => symlinkSync('/dev/stdin', join(d, 'in.yaml')));
    // Node hands a child's stdin over as a socket pair; a shell pipeline as a FIFO. Either is refused.
    await expectSkipped(dir, /in\.yaml: is een (pijp \(FIFO\)|socket), geen gewoon bestand/, { stdinOpen: true });
  });

  it('a second run, with the cache, refuses it again (the cache hashes through the same reader)', async () => {
    const dir = folderWith((d) => execFileSync('mkfifo', [join(d, 'pijp.yaml')]));
    const env = { XDG_CACHE_HOME: tempDir('cache-') };
    await expectSkipped(dir, /pijp\.yaml: is een pijp/, { env });
    await expectSkipped(dir, /pijp\.yaml: is een pijp/, { env });
  });
});

describe('3. a huge problem list: no stack overflow, the rest of the catalogue intact', () => {
  it('150,000 empty documents (`---` lines) give 100 problems and a count, exit 3, every other method listed', async () => {
    const dir = folderWith((d) => writeFileSync(join(d, 'streep.yaml'), '---\n'.repeat(150_000)));
    const r = await expectSkipped(dir, /streep\.yaml:\d+: en nog 149900 problemen in dit bestand/);
    expect(r.stderr).not.toMatch(/call stack/i);
    expect(r.stderr.match(/streep\.yaml:\d+:\d+: leeg document/g)).toHaveLength(100);
  });
});

describe('4. unknown keys: linear, however many', () => {
  it('a record with 40,000 unknown keys: validate names the first 100 and counts the rest', async () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `k${i}: 1\n`).join('');
    const dir = userFolder({ 'sleutels.yaml': base('sleutels') + keys });
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(3);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0]).toMatch(/sleutels\.yaml:8:1: k0: onbekend veld/);
    expect(lines[100]).toMatch(/sleutels\.yaml:108: en nog 39900 problemen in dit bestand/);
    expect(r.stderr).toContain('40000 problemen');
  });
});

describe('10. links that lead out of the folder', () => {
  it('are named and skipped, and nothing of what they point at reaches a message', async () => {
    const dir = folderWith((d) => symlinkSync('/proc/self/environ', join(d, 'omgeving.yaml')));
    const r = await expectSkipped(dir, /omgeving\.yaml: is een koppeling naar \/proc\/\d+\/environ, buiten de map; dit bestand is overgeslagen/, {
      env: { GEHEIM: 'zeer-geheim-4711' },
    });
    expect(r.stderr).not.toContain('zeer-geheim-4711');
  });

  it('a link to another folder is skipped too; a link to a file inside the folder is read', async () => {
    const elsewhere = userFolder({ 'echt.yaml': yamlOf(method({ id: 'elders' })) });
    const dir = folderWith((d) => {
      symlinkSync(join(elsewhere, 'echt.yaml'), join(d, 'elders.yaml'));
      writeFileSync(join(d, 'binnen.txt'), yamlOf(method({ id: 'binnen' })));
      symlinkSync('binnen.txt', join(d, 'binnen.yaml'));
    });
    const r = await expectSkipped(dir, /elders\.yaml: is een koppeling naar .*echt\.yaml, buiten de map/, {}, 1);
    expect(r.stdout).toContain('"binnen"');
    expect(r.stdout).not.toContain('"elders"');
  });
});

describe('11. text that is not UTF-8', () => {
  it('a byte that is not UTF-8 is a problem with file, line and column, not a silent U+FFFD', async () => {
    const dir = folderWith((d) => writeFileSync(join(d, 'latin1.yaml'), Buffer.concat([Buffer.from('id: latin\nname: Caf'), Buffer.from([0xe9]), Buffer.from(base('x').slice(9))])));
    const r = await expectSkipped(dir, /latin1\.yaml:2:10: geen geldige UTF-8 \(byte 0xE9\); sla het bestand op als UTF-8/);
    expect(r.stdout).not.toContain('\ufffd');
  });

  it('a real U+FFFD in a file is kept, and the bad byte after it still found', async () => {
    const dir = folderWith((d) => writeFileSync(join(d, 'beide.yaml'), Buffer.concat([Buffer.from(`# \ufffd\n# `), Buffer.from([0xff]), Buffer.from('\n')])));
    await expectSkipped(dir, /beide\.yaml:2:3: geen geldige UTF-8 \(byte 0xFF\)/);
  });

  it('a UTF-16 file is named as such', async () => {
    const dir = folderWith((d) => writeFileSync(join(d, 'utf16.yaml'), Buffer.from(`\ufeff${base('utf')}`, 'utf16le')));
    await expectSkipped(dir, /utf16\.yaml:1: geen geldige UTF-8: het bestand is opgeslagen als UTF-16/);
  });
});
