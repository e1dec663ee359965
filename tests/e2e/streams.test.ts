// Any stream: stdin, stdout and stderr each a terminal, a file, /dev/null, a pipe or closed, for the
// commands that ask (actie, search without words) and for those that only print. The binary runs in a
// real pseudo-terminal (`script`), many runs to one terminal; the runs that ask run in tmux, where keys
// can be typed. The rule under test (README, "Vragen en de terminal"): a command asks only when stdin
// is a terminal it can read and stderr one it can write; otherwise it gives its usage error (exit 2),
// naming the options. Exit codes as in the README's table; never a stack trace.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { answerOptions } from '../../src/core/advice.js';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { BIN, cleanEnv, expectNoStackTrace, tempDir } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { inPty } from '../helpers/pty.js';
import { squash } from '../helpers/text.js';
import { TmuxSession } from '../helpers/tmux.js';
import { lacks } from '../helpers/tools.js';

/** What a stream is, and the redirection that makes descriptor `fd` so (in the run's folder, $D). */
interface Kind {
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
const terminal: Kind = { name: 'a terminal', redirect: () => '', terminal: true };
const file: Kind = { name: 'a file', redirect: (fd) => (fd === 0 ? '<"$D/in"' : `${fd}>"$D/${FILES[fd]}"`), captured: true };
const devNull: Kind = { name: '/dev/null', redirect: (fd) => `${fd}${fd === 0 ? '<' : '>'}/dev/null` };
// The pipe is made by the shell line around the command (see line()).
const pipe: Kind = { name: 'a pipe', redirect: () => '', captured: true };
const closed: Kind = { name: 'closed', redirect: (fd) => `${fd}<&-` };
const KINDS = [terminal, file, devNull, pipe, closed];
// Descriptors opened the wrong way round, and a full disk.
const writeOnlyTerminal: Kind = { name: 'a terminal opened for writing only', redirect: () => '0>/dev/tty', terminal: true, unusable: true };
const readOnlyTerminal: Kind = { name: 'a terminal opened for reading only', redirect: (fd) => `${fd}</dev/tty`, terminal: true, unusable: true };
const readOnlyFile: Kind = { name: 'a file opened for reading only', redirect: (fd) => `${fd}<"$D/in"` };
const full: Kind = { name: '/dev/full', redirect: (fd) => `${fd}>/dev/full` };
const sameAsStdout: Kind = { name: 'the same as stdout (2>&1)', redirect: () => '2>&1' };

interface Cell {
  stdin: Kind;
  stdout: Kind;
  stderr: Kind;
}

const describeCell = (c: Cell) => `stdin ${c.stdin.name}, stdout ${c.stdout.name}, stderr ${c.stderr.name}`;
/**
 * The combinations to run. Every pair of two streams in every pair of kinds (a Latin square: stdin and
 * stderr all 25 ways, stdout going round the kinds, so that it too meets every kind of the other two),
 * in 25 runs; with METHODEWIJZER_TEST_STREAMS=all, every combination of all three, in 125. Each run
 * starts Node (60-90 ms), so the whole cube for every command would double the suite's CPU time, while
 * what a stream's kind changes is decided per stream (src/output.ts) or per pair (stdin and stderr for
 * a prompt, src/prompt-streams.ts).
 */
const pairs: Cell[] = KINDS.flatMap((stdin, i) => KINDS.map((stderr, j) => ({ stdin, stderr, stdout: KINDS[(i + j) % KINDS.length] })));
const cube: Cell[] = KINDS.flatMap((stdin) => KINDS.flatMap((stdout) => KINDS.map((stderr) => ({ stdin, stdout, stderr }))));
const CELLS = process.env.METHODEWIJZER_TEST_STREAMS === 'all' ? cube : pairs;
/** Whether the run can ask: the one rule for every prompt. */
const canAsk = (c: Cell) => c.stdin.terminal && !c.stdin.unusable && c.stderr.terminal && !c.stderr.unusable;

/**
 * The shell line that runs `args` with the cell's streams, in folder $D, and leaves the exit status in
 * $D/rc and what the pipes carried in $D/out and $D/err.
 */
function line(c: Cell, args: string[]): string {
  const command = ['"$MW_NODE" "$MW_BIN"', ...args.map((a) => `'${a}'`)].join(' ');
  // A pipe on stderr: the command's stderr into `cat`, its stdout on past it through descriptor 3.
  const redirects = [c.stderr === pipe ? '2>&1 1>&3 3>&-' : '', c.stdin.redirect(0), c.stdout.redirect(1), c.stderr === pipe ? '' : c.stderr.redirect(2)];
  let shell = `{ ${command} ${redirects.filter(Boolean).join(' ')}; echo $? >"$D/rc"; }`;
  if (c.stderr === pipe) shell = `{ ${shell} | cat >"$D/err"; } 3>&1`;
  if (c.stdout === pipe) shell = `${shell} | cat >"$D/out"`;
  if (c.stdin === pipe) shell = `printf 'invoer\\n' | ${shell}`;
  return shell;
}

interface Result {
  code: number;
  /** What stdout and stderr carried, where they were a file or a pipe. */
  out?: string;
  err?: string;
  /** What the terminal showed during this run, without colours. */
  screen: string;
}

const env = (extra: NodeJS.ProcessEnv = {}) => ({ ...cleanEnv(), MW_NODE: process.execPath, MW_BIN: BIN, METHODEWIJZER_PAGER: 'cat', BROWSER: 'none', ...extra });
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs `args` once per cell, one after the other, in one terminal. */
async function runCells(args: string[], cells: Cell[]): Promise<Result[]> {
  const root = tempDir('streams-');
  dirs.push(root);
  const script = cells
    .map((c, i) => {
      const dir = join(root, String(i));
      mkdirSync(dir);
      writeFileSync(join(dir, 'in'), 'invoer\n');
      return `printf '\\n@@%s@@\\n' ${i}\nD=${dir}\n${line(c, args)}`;
    })
    .join('\n');
  const { screen } = await inPty(`${script}\nprintf '\\n@@end@@\\n'\n`, { env: env() });
  return cells.map((c, i) => {
    const dir = join(root, String(i));
    const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : undefined);
    const start = screen.indexOf(`\n@@${i}@@\n`);
    const end = screen.indexOf(`\n@@${i + 1 < cells.length ? i + 1 : 'end'}@@\n`);
    expect(start, `run ${i} (${describeCell(c)}) never started; terminal:\n${screen}`).toBeGreaterThanOrEqual(0);
    expect(end, `run ${i} (${describeCell(c)}) did not end; terminal:\n${screen.slice(start)}`).toBeGreaterThan(start);
    return { code: Number(read('rc')), out: c.stdout.captured ? read('out') : undefined, err: c.stderr.captured ? read('err') : undefined, screen: stripVTControlCharacters(screen.slice(start + `\n@@${i}@@\n`.length, end)) };
  });
}

/** Every text of a run: none may hold a stack trace or an unexpected error. */
function expectClean(r: Result): void {
  for (const text of [r.out ?? '', r.err ?? '', r.screen]) {
    expectNoStackTrace(text);
    expect(text).not.toContain('onverwachte fout');
  }
}

const { model } = await openCatalogue();
const ELEMENTS = model.elements.map((e) => `--${e.key}`).join(', ');

/** Why actie cannot ask in `c` (stdin and stderr of the five kinds), as its usage error says. */
const reason = (c: Cell) => (c.stdin.terminal ? 'stderr is geen terminal (daar staan de vragen)' : 'stdin is geen terminal');

/** actie without its answers, where it cannot ask: exit 2, nothing on stdout, the options on stderr. */
function expectActieRefuses(c: Cell, r: Result): void {
  const label = describeCell(c);
  expect.soft(r.code, label).toBe(2);
  if (r.out !== undefined) expect.soft(r.out, label).toBe('');
  const message = `fout: geen antwoord op ${ELEMENTS}; ${reason(c)}, dus er kan niets gevraagd worden`;
  if (r.err !== undefined) {
    expect.soft(r.err, label).toContain(`${message}\n`);
    expect.soft(r.err, label).toContain('\n  --animo aansluiten|bijsturen|beide|onbekend\n');
  }
  // On the terminal: the error where stderr is the terminal, and nothing else (no prompt, no advice).
  if (c.stderr.terminal) expect.soft(squash(r.screen), label).toContain(squash(message));
  else expect.soft(r.screen.trim(), label).toBe('');
}

const SEARCH_USAGE = "fout: argument 'woorden' ontbreekt\nZie methodewijzer search --help voor de opties en voorbeelden.\n";

describe.skipIf(lacks('script', 'tests of every stream'))('the streams in every combination (no key typed)', () => {
  // One test per kind of stdin and command: a failure names the combination.
  describe.each(KINDS.map((k) => [k.name, k] as const))('stdin %s', (_, stdin) => {
    const cells = CELLS.filter((c) => c.stdin === stdin);

    it('actie without answers: where it cannot ask, exit 2 and the options to give instead', async () => {
      const refused = cells.filter((c) => !canAsk(c));
      const results = await runCells(['actie'], refused);
      refused.forEach((c, i) => {
        expectClean(results[i]);
        expectActieRefuses(c, results[i]);
      });
    });

    it('search without words: where it cannot ask, the usage error it always gave, exit 2', async () => {
      const refused = cells.filter((c) => !canAsk(c));
      const results = await runCells(['search'], refused);
      refused.forEach((c, i) => {
        const r = results[i];
        expectClean(r);
        expect.soft(r.code, describeCell(c)).toBe(2);
        if (r.out !== undefined) expect.soft(r.out, describeCell(c)).toBe('');
        if (r.err !== undefined) expect.soft(r.err, describeCell(c)).toBe(SEARCH_USAGE);
        if (c.stderr.terminal) expect.soft(r.screen, describeCell(c)).toContain(SEARCH_USAGE.split('\n')[0]);
      });
    });

    it('list: exit 0, and the same data wherever stdout can be read back', async () => {
      const results = await runCells(['list'], cells);
      const piped = await runMain(['list']);
      cells.forEach((c, i) => {
        const r = results[i];
        expectClean(r);
        expect.soft(r.code, describeCell(c)).toBe(0);
        if (r.out !== undefined) expect.soft(r.out, describeCell(c)).toBe(piped.stdout);
        // The count under the table is for a person: only where stdout is a terminal.
        if (r.err !== undefined) expect.soft(r.err, describeCell(c)).toBe(c.stdout.terminal ? '39 methoden. Meer over een methode: methodewijzer show <id of naam>\n' : '');
        if (c.stdout.terminal) expect.soft(r.screen, describeCell(c)).toMatch(/^ABCD .* A C · · · /m);
      });
    });
  });

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
  { args: ['actie'], cell: { stdin: terminal, stdout: pipe, stderr: sameAsStdout }, code: 2, out: `fout: geen antwoord op ${ELEMENTS}; stderr is geen terminal (daar staan de vragen), dus er kan niets gevraagd worden\n` },
  // Before: a stack trace from the prompt's first read.
  { args: ['actie'], cell: { stdin: writeOnlyTerminal, stdout: terminal, stderr: terminal }, code: 2, screen: `fout: geen antwoord op ${ELEMENTS}; stdin is een terminal die niet gelezen kan worden, dus er kan niets gevraagd worden` },
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

describe.skipIf(lacks('tmux', 'terminal tests of every stdout'))('asking: stdin and stderr terminals, stdout each kind', () => {
  let sessions: TmuxSession[] = [];
  afterEach(() => {
    for (const s of sessions) s.kill();
    sessions = [];
  });

  /** `args` in tmux with the cell's streams; the session ends with the command's exit status. */
  function start(c: Cell, args: string[], extra: NodeJS.ProcessEnv = {}, settings: string[] = []) {
    const dir = tempDir('ask-');
    dirs.push(dir);
    writeFileSync(join(dir, 'in'), 'invoer\n');
    const session = new TmuxSession();
    sessions.push(session);
    session.start(['bash', '-c', `D=${dir}\n${line(c, args)}\nexit "$(cat "$D/rc")"`], { cwd: dir, env: env(extra), settings });
    return { session, out: () => (c.stdout.captured ? readFileSync(join(dir, 'out'), 'utf8') : undefined) };
  }

  const [first, ...rest] = model.elements;
  const others = [...rest.flatMap((e) => [`--${e.key}`, answerOptions(e, model)[0].key]), '--setting', 'geen', '--doelgroep', 'geen'];
  it.each(KINDS.map((k) => [k.name, k] as const))('actie, stdout %s: asks on the terminal, and the advice goes where stdout goes', async (_, stdout) => {
    const { session, out } = start({ stdin: terminal, stdout, stderr: terminal }, ['actie', ...others]);
    await session.waitFor(first.question);
    session.send('Down', 'Enter');
    await session.waitFor('Toon het advies');
    session.send('Enter');
    expect(await session.waitForExit()).toBe(0);
    const screen = session.capture();
    expectNoStackTrace(screen);
    expect(squash(screen)).toContain(squash('Hetzelfde advies later opnieuw:'));
    const flags = await runMain(['actie', `--${first.key}`, answerOptions(first, model)[1].key, ...others]);
    if (stdout.captured) expect(out()).toBe(flags.stdout);
    if (stdout.terminal) expect(screen).toContain('ACTIE-ADVIES');
    else expect(screen).not.toContain('ACTIE-ADVIES');
  });

  it.each(KINDS.map((k) => [k.name, k] as const))('search without words, stdout %s: the picker on the terminal, the method where stdout goes', async (_, stdout) => {
    const { session, out } = start({ stdin: terminal, stdout, stderr: terminal }, ['search']);
    await session.waitFor('methoden op naam');
    session.send('keetkeur');
    await session.waitFor('❯ KeetKeur');
    session.send('Enter');
    expect(await session.waitForExit()).toBe(0);
    expectNoStackTrace(session.capture());
    if (stdout.captured) expect(out()).toBe((await runMain(['show', 'keetkeur'])).stdout);
  });

  it('the picker with an own name carrying OSC 0, OSC 52 and CSI: title and clipboard untouched, the escapes shown as text', async () => {
    const name = 'Valse\u001b]0;GEHACKT\u0007naam\u001b]52;c;R0VIRUlN\u0007\u001b[2Jhier';
    const folder = userFolder({ 'vals.yaml': yamlOf(method({ id: 'valse-naam', name })) });
    dirs.push(folder);
    // set-clipboard on: a program's OSC 52 fills a tmux buffer, where the test can see it.
    const { session } = start({ stdin: terminal, stdout: terminal, stderr: terminal }, ['search'], { METHODEWIJZER_CATALOGUE: folder }, ['set -g set-clipboard on']);
    await session.waitFor('methoden op naam');
    session.send('valse');
    await session.waitFor('❯ Valse');
    session.send('Enter');
    expect(await session.waitForExit()).toBe(0);
    expect(session.title()).not.toContain('GEHACKT');
    expect(session.buffers()).toBe('');
    expect(session.capture()).toContain('✔ Zoek een methode: Valse\\u001b]0;GEHACKT\\u0007naam\\u001b]52;c;R0VIRUlN\\u0007\\u001b[2Jhier');
  });
});

describe.skipIf(lacks('script', 'tests of every stream'))('a pager that fails', () => {
  it.each([['false'], ['exit 126']])('METHODEWIJZER_PAGER=%s: the text on the terminal anyway, a warning, exit 0', async (pager) => {
    const { status, screen } = await inPty('"$MW_NODE" "$MW_BIN" --no-color show abcd', { env: env({ METHODEWIJZER_PAGER: pager }), rows: 5 });
    expect(status).toBe(0);
    expectNoStackTrace(screen);
    const shown = (await runMain(['--no-color', 'show', 'abcd'], { columns: 100 })).stdout;
    expect(screen.startsWith(shown), screen).toBe(true);
    expect(squash(screen.slice(shown.length))).toBe(squash(`waarschuwing: de pager "${pager}" eindigde met afsluitcode ${pager === 'false' ? 1 : 126}; de tekst staat hierboven zonder pager`));
  });
});
