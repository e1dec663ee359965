// The pager, started for real with a fake terminal as stdout: what happens to the text when the pager
// fails before it took it (it is printed directly, with a warning), and when it took it (nothing more).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePaged } from '../../src/io/pager.js';
import { tempDir } from '../helpers/env.js';

const TEXT = Array.from({ length: 12 }, (_, i) => `regel ${i + 1}`).join('\n') + '\n';

const dir = tempDir('pager-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file that is there but may not be run: the shell says 126. */
function notExecutable(): string {
  const file = join(dir, 'pager');
  writeFileSync(file, '#!/bin/sh\ncat\n', { mode: 0o644 });
  return file;
}

async function page(command: string) {
  let written = '';
  const warnings: string[] = [];
  const stdout = { isTTY: true, rows: 5, columns: 80, write: (s: string) => void (written += s) };
  // The shell's own complaint (not found, permission denied) would land in the test's output.
  await writePaged(stdout, TEXT, { env: { PAGER: `exec 2>/dev/null; ${command}` }, warn: (w) => warnings.push(w) });
  return { written, warnings };
}

describe('a pager that fails before it took the text', () => {
  it.each([
    ['false', 'false', 1],
    ['a command that is not there', 'methodewijzer-geen-pager', 127],
    ['a file that may not be run', notExecutable(), 126],
    ['a pager that ends with 126', 'exit 126', 126],
  ])('%s: the text is printed directly, and a warning names the pager and its exit code', async (_, command, code) => {
    const { written, warnings } = await page(command);
    expect(written).toBe(TEXT);
    expect(warnings).toEqual([`de pager "exec 2>/dev/null; ${command}" eindigde met afsluitcode ${code}; de tekst staat hierboven zonder pager`]);
  });
});

describe('a pager that took the text', () => {
  it.each([
    ['read it all and ended (q in less)', 'cat >/dev/null'],
    ['read a little and was quit', 'head -c 1 >/dev/null'],
    ['was stopped by a signal', 'kill -TERM $$'],
  ])('%s: nothing is printed again, nothing said', async (_, command) => {
    expect(await page(command)).toEqual({ written: '', warnings: [] });
  });
});
