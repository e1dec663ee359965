// Streams beyond the five kinds of streams.test.ts: the other commands that only print, with stdout each
// kind; descriptors opened the wrong way round and a full disk; and a pager that fails. Exit codes as in
// the README's table, one line for what went wrong, never a stack trace.
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { expectNoStackTrace, tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';
import { inPty } from '../helpers/pty.js';
import {
  actieRefusal,
  closed,
  describeCell,
  env,
  expectClean,
  file,
  full,
  KINDS,
  pipe,
  readOnlyFile,
  readOnlyTerminal,
  runCells,
  sameAsStdout,
  SEARCH_USAGE,
  terminal,
  writeOnlyTerminal,
  type Cell,
} from '../helpers/streams.js';
import { squash } from '../helpers/text.js';
import { lacks } from '../helpers/tools.js';

const { model } = await openCatalogue();

describe.skipIf(lacks('script', 'tests of every stream'))('commands that only print', () => {
  // Other commands that only print: stdout as each of the five kinds, stdin and stderr going round them too.
  const rows = KINDS.map((stdout, k) => ({ stdout, stdin: KINDS[(k + 1) % KINDS.length], stderr: KINDS[(k + 3) % KINDS.length] }));
  it.each([[['show', 'abcd']], [['search', 'buurt']], [['export', '--format', 'csv']], [['open', 'abcd']]])(
    '%j: exit 0, stdout and stderr as in a pipe, whatever the streams',
    async (args) => {
      const results = await runCells(args, rows);
      const piped = await runMain(args, { env: { BROWSER: 'none' } });
      expect(piped.code).toBe(0);
      rows.forEach((c, i) => {
        const r = results[i];
        expectClean(r);
        expect.soft(r.code, describeCell(c)).toBe(0);
        if (r.out !== undefined) expect.soft(r.out, describeCell(c)).toBe(piped.stdout);
        if (r.err !== undefined && !c.stdout.terminal) expect.soft(r.err, describeCell(c)).toBe(piped.stderr);
      });
    },
  );
});

const closedOutput = (code: string, why: string) => `fout: kan niet naar stdout schrijven (${code}): ${why}; de uitvoer is onvolledig.\n`;
const ALL_ANSWERS = model.elements.flatMap((e) => [`--${e.key}`, 'beide']);
const ODD: { args: string[]; cell: Cell; code: number; out?: string; err?: string; screen?: string }[] = [
  // `actie 2>&1 | tee log`. Before: "onverwachte fout: dest.on is not a function".
  { args: ['actie'], cell: { stdin: terminal, stdout: pipe, stderr: sameAsStdout }, code: 2, out: `${actieRefusal('stderr is geen terminal (daar staan de vragen)')}\n` },
  // Before: a stack trace from the prompt's first read.
  { args: ['actie'], cell: { stdin: writeOnlyTerminal, stdout: terminal, stderr: terminal }, code: 2, screen: actieRefusal('stdin is een terminal die niet gelezen kan worden') },
  { args: ['search'], cell: { stdin: writeOnlyTerminal, stdout: terminal, stderr: terminal }, code: 2, screen: SEARCH_USAGE },
  // The usage error cannot be written: a failed stderr makes it 1 (README, "Afsluitcodes").
  { args: ['actie'], cell: { stdin: terminal, stdout: terminal, stderr: readOnlyTerminal }, code: 1, screen: '' },
  // Before: exit 0 and nothing said (Node calls a write to such a terminal EPIPE).
  { args: ['list'], cell: { stdin: terminal, stdout: readOnlyTerminal, stderr: terminal }, code: 1, screen: closedOutput('EBADF', 'de uitvoer is gesloten') },
  { args: ['list'], cell: { stdin: terminal, stdout: terminal, stderr: readOnlyTerminal }, code: 1 },
  { args: ['list'], cell: { stdin: terminal, stdout: readOnlyFile, stderr: file }, code: 1, err: closedOutput('EBADF', 'de uitvoer is gesloten') },
  { args: ['list'], cell: { stdin: file, stdout: full, stderr: pipe }, code: 1, err: closedOutput('ENOSPC', 'de schijf is vol') },
  { args: ['actie', ...ALL_ANSWERS], cell: { stdin: terminal, stdout: full, stderr: file }, code: 1, err: closedOutput('ENOSPC', 'de schijf is vol') },
  { args: ['search', 'buurt'], cell: { stdin: pipe, stdout: full, stderr: terminal }, code: 1, screen: closedOutput('ENOSPC', 'de schijf is vol') },
  // Node opens a closed stdout on /dev/null before the CLI starts (README, "Afsluitcodes"): as >/dev/null.
  { args: ['list'], cell: { stdin: terminal, stdout: closed, stderr: file }, code: 0, err: '' },
];

describe.skipIf(lacks('script', 'tests of every stream'))('descriptors opened the wrong way round, and a full disk', () => {
  it.each(ODD.map((row) => [`${row.args.join(' ')}, ${describeCell(row.cell)}`, row] as const))('%s: the exit code of the README, one line, no stack trace', async (_, { args, cell, code, out, err, screen }) => {
    const [r] = await runCells(args, [cell]);
    expectClean(r);
    expect(r.code).toBe(code);
    if (out !== undefined) expect(r.out?.split('\n')[0] + '\n').toBe(out);
    if (err !== undefined) expect(r.err).toBe(err);
    if (screen === '') expect(r.screen.trim()).toBe('');
    else if (screen !== undefined) expect(squash(r.screen)).toContain(squash(screen));
  });
});

describe.skipIf(lacks('script', 'tests of every stream'))('a pager that fails', () => {
  it.each([['false'], ['exit 126']])('METHODEWIJZER_PAGER=%s: the text on the terminal anyway, a warning, exit 0', async (pager) => {
    const cache = tempDir('cache-');
    const { status, screen } = await inPty('"$MW_NODE" "$MW_BIN" --no-color show abcd', { env: env(cache, { METHODEWIJZER_PAGER: pager }), rows: 5 });
    rmSync(cache, { recursive: true, force: true });
    expect(status).toBe(0);
    expectNoStackTrace(screen);
    const shown = (await runMain(['--no-color', 'show', 'abcd'], { columns: 100 })).stdout;
    expect(screen.startsWith(shown), screen).toBe(true);
    expect(squash(screen.slice(shown.length))).toBe(squash(`waarschuwing: de pager "${pager}" eindigde met afsluitcode ${pager === 'false' ? 1 : 126}; de tekst staat hierboven zonder pager`));
  });
});
