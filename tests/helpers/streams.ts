// The streams of a run of the binary, each a terminal, a file, /dev/null, a pipe, closed, or opened the
// wrong way round: the shell line that makes them, and many runs to one real pseudo-terminal (`script`),
// for tests/process/streams*.test.ts. The rule those tests hold the CLI to is in the README, "Vragen en de
// terminal".
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { expect } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { BIN } from './cli.js';
import { cleanEnv, expectNoStackTrace, tempDir } from './env.js';
import { inPty } from './pty.js';

/** What a stream is, and the redirection that makes descriptor `fd` so (in the run's folder, $D). */
export interface Kind {
  name: string;
  redirect: (fd: 0 | 1 | 2) => string;
  /** A terminal, whatever it was opened for. */
  terminal?: boolean;
  /** Opened so that the stream cannot do its part (read for stdin, write for stdout and stderr). */
  unusable?: boolean;
  /** What the run wrote to it can be read afterwards (in $D/out or $D/err). */
  captured?: boolean;
}

const FILES = ['in', 'out', 'err'];
export const terminal: Kind = { name: 'a terminal', redirect: () => '', terminal: true };
export const file: Kind = { name: 'a file', redirect: (fd) => (fd === 0 ? '<"$D/in"' : `${fd}>"$D/${FILES[fd]}"`), captured: true };
export const devNull: Kind = { name: '/dev/null', redirect: (fd) => `${fd}${fd === 0 ? '<' : '>'}/dev/null` };
// The pipe is made by the shell line around the command (see line()).
export const pipe: Kind = { name: 'a pipe', redirect: () => '', captured: true };
export const closed: Kind = { name: 'closed', redirect: (fd) => `${fd}<&-` };
export const KINDS = [terminal, file, devNull, pipe, closed];
// Descriptors opened the wrong way round, and a full disk.
export const writeOnlyTerminal: Kind = { name: 'a terminal opened for writing only', redirect: () => '0>/dev/tty', terminal: true, unusable: true };
export const readOnlyTerminal: Kind = { name: 'a terminal opened for reading only', redirect: (fd) => `${fd}</dev/tty`, terminal: true, unusable: true };
export const readOnlyFile: Kind = { name: 'a file opened for reading only', redirect: (fd) => `${fd}<"$D/in"` };
export const full: Kind = { name: '/dev/full', redirect: (fd) => `${fd}>/dev/full` };
export const sameAsStdout: Kind = { name: 'the same as stdout (2>&1)', redirect: () => '2>&1' };

export interface Cell {
  stdin: Kind;
  stdout: Kind;
  stderr: Kind;
}

export const describeCell = (c: Cell) => `stdin ${c.stdin.name}, stdout ${c.stdout.name}, stderr ${c.stderr.name}`;
/**
 * The combinations to run. Every pair of two streams in every pair of kinds (a Latin square: stdin and
 * stderr all 25 ways, stdout going round the kinds, so that it too meets every kind of the other two),
 * in 25 runs; with METHODEWIJZER_TEST_STREAMS=all, every combination of all three, in 125. Each run
 * starts Node (60-90 ms), so the whole cube for every command would double the suite's CPU time, while
 * what a stream's kind changes is decided per stream (src/cli/output.ts) or per pair (stdin and stderr for
 * a prompt, src/io/prompt-streams.ts).
 */
const pairs: Cell[] = KINDS.flatMap((stdin, i) => KINDS.map((stderr, j) => ({ stdin, stderr, stdout: KINDS[(i + j) % KINDS.length] })));
const cube: Cell[] = KINDS.flatMap((stdin) => KINDS.flatMap((stdout) => KINDS.map((stderr) => ({ stdin, stdout, stderr }))));
export const CELLS = process.env.METHODEWIJZER_TEST_STREAMS === 'all' ? cube : pairs;
/** Whether the run can ask: the one rule for every prompt. */
export const canAsk = (c: Cell) => c.stdin.terminal && !c.stdin.unusable && c.stderr.terminal && !c.stderr.unusable;

/**
 * The shell line that runs `args` with the cell's streams, in folder $D, and leaves the exit status in
 * $D/rc and what the pipes carried in $D/out and $D/err.
 */
export function line(c: Cell, args: string[]): string {
  const command = ['"$MW_NODE" "$MW_BIN"', ...args.map((a) => `'${a}'`)].join(' ');
  // A pipe on stderr: the command's stderr into `cat`, its stdout on past it through descriptor 3.
  const redirects = [c.stderr === pipe ? '2>&1 1>&3 3>&-' : '', c.stdin.redirect(0), c.stdout.redirect(1), c.stderr === pipe ? '' : c.stderr.redirect(2)];
  let shell = `{ ${command} ${redirects.filter(Boolean).join(' ')}; echo $? >"$D/rc"; }`;
  if (c.stderr === pipe) shell = `{ ${shell} | cat >"$D/err"; } 3>&1`;
  if (c.stdout === pipe) shell = `${shell} | cat >"$D/out"`;
  if (c.stdin === pipe) shell = `printf 'invoer\\n' | ${shell}`;
  return shell;
}

export interface Result {
  code: number;
  /** What stdout and stderr carried, where they were a file or a pipe. */
  out?: string;
  err?: string;
  /** What the terminal showed during this run, without colours. */
  screen: string;
}

/**
 * The environment of the runs, with its cache in `cache` (a folder the caller removes): the binary as
 * $MW_NODE $MW_BIN, cat as the pager (paged output ends by itself), no browser.
 */
export function env(cache: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const clean = cleanEnv();
  rmSync(clean.XDG_CACHE_HOME!, { recursive: true, force: true });
  return { ...clean, XDG_CACHE_HOME: cache, MW_NODE: process.execPath, MW_BIN: BIN, METHODEWIJZER_PAGER: 'cat', BROWSER: 'none', ...extra };
}

/** Runs `args` once per cell, one after the other, in one terminal. */
export async function runCells(args: string[], cells: Cell[]): Promise<Result[]> {
  const root = tempDir('streams-');
  const script = cells
    .map((c, i) => {
      const dir = join(root, String(i));
      mkdirSync(dir);
      writeFileSync(join(dir, 'in'), 'invoer\n');
      return `printf '\\n@@%s@@\\n' ${i}\nD=${dir}\n${line(c, args)}`;
    })
    .join('\n');
  const { screen } = await inPty(`${script}\nprintf '\\n@@end@@\\n'\n`, { env: env(join(root, 'cache')) });
  try {
    return cells.map((c, i) => readCell(c, i, join(root, String(i)), screen, cells.length));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The results of run `i` of `count`: its files in `dir`, and its part of the terminal between the marks. */
function readCell(c: Cell, i: number, dir: string, screen: string, count: number): Result {
  const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : undefined);
  const start = screen.indexOf(`\n@@${i}@@\n`);
  const end = screen.indexOf(`\n@@${i + 1 < count ? i + 1 : 'end'}@@\n`);
  expect(start, `run ${i} (${describeCell(c)}) never started; terminal:\n${screen}`).toBeGreaterThanOrEqual(0);
  expect(end, `run ${i} (${describeCell(c)}) did not end; terminal:\n${screen.slice(start)}`).toBeGreaterThan(start);
  const shown = stripVTControlCharacters(screen.slice(start + `\n@@${i}@@\n`.length, end));
  return { code: Number(read('rc')), out: c.stdout.captured ? read('out') : undefined, err: c.stderr.captured ? read('err') : undefined, screen: shown };
}

/** Every text of a run: none may hold a stack trace or an unexpected error. */
export function expectClean(r: Result): void {
  for (const text of [r.out ?? '', r.err ?? '', r.screen]) {
    expectNoStackTrace(text);
    expect(text).not.toContain('onverwachte fout');
  }
}

const { model } = await openCatalogue();

/** actie's usage error where it cannot ask, for `reason`: its first line. */
export const actieRefusal = (reason: string) => `fout: geen antwoord op ${model.elements.map((e) => `--${e.key}`).join(', ')}; ${reason}, dus er kan niets gevraagd worden`;

/** search's usage error without words, where it cannot ask: the same as it always was. */
export const SEARCH_USAGE = "fout: argument 'woorden' ontbreekt\nZie methodewijzer search --help voor de opties en voorbeelden.\n";
