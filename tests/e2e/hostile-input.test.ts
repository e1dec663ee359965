// The thirteen hostile-input cases of issue 14, one describe each, numbered as in docs/hostile-input.md.
// Most run in-process (runMain). What could make a reader wait for ever (a FIFO, a device, stdin) runs
// on the real binary, killed after 10 s, so that a regression fails the test instead of hanging the
// run; so do full disks and closed pipes, signals, and what depends on the process's own environment.
import { readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { tempDir } from '../helpers/env.js';
import { base, expectSkipped, folderWith, type Run } from '../helpers/hostile.js';
import { runMain } from '../helpers/main.js';

/** In this process: for what cannot make the CLI wait. */
const inProcess: Run = (args) => runMain(args);

describe('10. links that lead out of the folder', () => {

  it('a link to another folder is skipped too; a link to a file inside the folder is read', async () => {
    const elsewhere = userFolder({ 'echt.yaml': yamlOf(method({ id: 'elders' })) });
    const dir = folderWith((d) => {
      symlinkSync(join(elsewhere, 'echt.yaml'), join(d, 'elders.yaml'));
      writeFileSync(join(d, 'binnen.txt'), yamlOf(method({ id: 'binnen' })));
      symlinkSync('binnen.txt', join(d, 'binnen.yaml'));
    });
    const r = await expectSkipped(inProcess, dir, /elders\.yaml: is een koppeling naar .*echt\.yaml, buiten de map/, 1);
    expect(r.stdout).toContain('"binnen"');
    expect(r.stdout).not.toContain('"elders"');
  });
});

describe('11. text that is not UTF-8', () => {
  it('a byte that is not UTF-8 is a problem with file, line and column, not a silent U+FFFD', async () => {
    const dir = folderWith((d) => writeFileSync(join(d, 'latin1.yaml'), Buffer.concat([Buffer.from('id: latin\nname: Caf'), Buffer.from([0xe9]), Buffer.from(base('x').slice(9))])));
    const r = await expectSkipped(inProcess, dir, /latin1\.yaml:2:10: geen geldige UTF-8 \(byte 0xE9\); sla het bestand op als UTF-8/);
    expect(r.stdout).not.toContain('\ufffd');
  });

  it('a real U+FFFD in a file is kept, and the bad byte after it still found', async () => {
    const dir = folderWith((d) => writeFileSync(join(d, 'beide.yaml'), Buffer.concat([Buffer.from(`# \ufffd\n# `), Buffer.from([0xff]), Buffer.from('\n')])));
    await expectSkipped(inProcess, dir, /beide\.yaml:2:3: geen geldige UTF-8 \(byte 0xFF\)/);
  });

  it('a UTF-16 file is named as such', async () => {
    const dir = folderWith((d) => writeFileSync(join(d, 'utf16.yaml'), Buffer.from(`\ufeff${base('utf')}`, 'utf16le')));
    await expectSkipped(inProcess, dir, /utf16\.yaml:1: geen geldige UTF-8: het bestand is opgeslagen als UTF-16/);
  });
});

const ANSWERS = ['--animo', 'bijsturen', '--contact', 'benutten', '--toerusting', 'aanreiken', '--inbedding', 'beide', '--empathie', 'onbekend'];

describe('8. long file names', () => {
  it.each([
    ['export --output', (file: string) => ['export', '--format', 'md', '--output', file]],
    ['actie --report', (file: string) => ['actie', ...ANSWERS, '--report', file]],
  ])('%s with a legal name of 250 bytes is written (the temporary name is shorter)', async (_name, args) => {
    const dir = tempDir('lang-');
    const name = `${'é'.repeat(120)}lang.md`;
    expect(Buffer.byteLength(name)).toBe(247);
    const r = await runMain(args(join(dir, name)));
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
  });
});

describe('12. invisible characters on the terminal', () => {
  const name = 'Nul\u200bbreed\u200d en\u2028regel\u2029alinea\u2060\ufeff';
  const dir = userFolder({ 'onzichtbaar.yaml': yamlOf(method({ id: 'onzichtbaar', name, summary: `Samen\u200bvatting\u2028.` })) });
  it.each([['show', ['show', 'onzichtbaar']], ['list', ['list']], ['search', ['search', 'onzichtbaar']]])('%s shows them as escapes, never raw', async (_n, args) => {
    const r = await runMain(['--catalogue', dir, ...args]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[\u200b\u200d\u2028\u2029\u2060\ufeff]/);
    expect(r.stdout).toContain('Nul\\u200bbreed\\u200d en\\u2028regel\\u2029alinea');
  });
});

