// The thirteen hostile-input cases of issue 14, one describe each, numbered as in docs/hostile-input.md.
// Most run in-process (runMain). What could make a reader wait for ever (a FIFO, a device, stdin) runs
// on the real binary, killed after 10 s, so that a regression fails the test instead of hanging the
// run; so do full disks and closed pipes, signals, and what depends on the process's own environment.
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { userFolder } from '../helpers/catalogue.js';
import { BIN, runCli, type CliOptions } from '../helpers/cli.js';
import { cleanEnv, expectNoStackTrace, tempDir } from '../helpers/env.js';
import { BUILTIN_COUNT, expectSkipped, folderWith, type Run } from '../helpers/hostile.js';
import { runMain } from '../helpers/main.js';
import { TmuxSession } from '../helpers/tmux.js';
import { lacks } from '../helpers/tools.js';

/** In this process: for what cannot make the CLI wait. */
const inProcess: Run = (args) => runMain(args);
/** The built binary, killed if it has not ended after 10 s. */
const binary = (options: CliOptions = {}): Run => (args) => runCli(args, { killAfter: 10_000, ...options });

describe('1. special files: nothing blocks, nothing is read without limit', () => {
  it('a FIFO named .yaml is a problem with its path, not a hang (list and validate)', async () => {
    const dir = folderWith((d) => execFileSync('mkfifo', [join(d, 'pijp.yaml')]));
    await expectSkipped(binary(), dir, new RegExp(`${join(dir, 'pijp.yaml')}: is een pijp \\(FIFO\\), geen gewoon bestand`));
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
    await expectSkipped(binary(), dir, /x\.yaml: is een pijp \(FIFO\)/);
  });

  it('a link to /dev/zero is a device, refused before a byte is read', async () => {
    const dir = folderWith((d) => symlinkSync('/dev/zero', join(d, 'z.yaml')));
    await expectSkipped(binary(), dir, /z\.yaml: is een apparaat, geen gewoon bestand/);
  });

  it('a link to /dev/stdin, with stdin a pipe that stays open, does not wait for input', async () => {
    const dir = folderWith((d) => symlinkSync('/dev/stdin', join(d, 'in.yaml')));
    // Node hands a child's stdin over as a socket pair; a shell pipeline as a FIFO. Either is refused.
    await expectSkipped(binary({ stdinOpen: true }), dir, /in\.yaml: is een (pijp \(FIFO\)|socket), geen gewoon bestand/);
  });

  it('a second run, with the cache, refuses it again (the cache hashes through the same reader)', async () => {
    const dir = folderWith((d) => execFileSync('mkfifo', [join(d, 'pijp.yaml')]));
    const env = { XDG_CACHE_HOME: tempDir('cache-') };
    await expectSkipped(binary({ env }), dir, /pijp\.yaml: is een pijp/);
    await expectSkipped(binary({ env }), dir, /pijp\.yaml: is een pijp/);
  });
});

describe('10. links that lead out of the folder', () => {
  // The binary: /proc/self/environ must be its own environment, holding the secret.
  it('are named and skipped, and nothing of what they point at reaches a message', async () => {
    const dir = folderWith((d) => symlinkSync('/proc/self/environ', join(d, 'omgeving.yaml')));
    const r = await expectSkipped(binary({ env: { GEHEIM: 'zeer-geheim-4711' } }), dir, /omgeving\.yaml: is een koppeling naar \/proc\/\d+\/environ, buiten de map; dit bestand is overgeslagen/);
    expect(r.stderr).not.toContain('zeer-geheim-4711');
  });
});

const ANSWERS = ['--animo', 'bijsturen', '--contact', 'benutten', '--toerusting', 'aanreiken', '--inbedding', 'beide', '--empathie', 'onbekend'];

/** A device node of our own where we may make one (root); else /dev/null itself, which only root could replace. */
function deviceIn(dir: string): string {
  if (process.getuid?.() !== 0) return '/dev/null';
  execFileSync('mknod', [join(dir, 'apparaat'), 'c', '1', '3']);
  return join(dir, 'apparaat');
}

describe('2. --force replaces only regular files', () => {
  // A FIFO on the binary: writing into it would wait for a reader.
  const kinds = [
    { kind: 'a FIFO', says: 'is een pijp (FIFO)', make: (dir: string) => (execFileSync('mkfifo', [join(dir, 'pijp')]), join(dir, 'pijp')), check: (p: string) => statSync(p).isFIFO(), run: binary() },
    { kind: 'a device', says: 'is een apparaat', make: deviceIn, check: (p: string) => statSync(p).isCharacterDevice(), run: inProcess },
    { kind: 'a folder', says: 'is een map', make: (dir: string) => dir, check: (p: string) => statSync(p).isDirectory(), run: inProcess },
  ];
  it.each(kinds)('export --output to $kind with --force: refused, exit 1, left as it was', async ({ says, make, check, run }) => {
    const dir = tempDir('force-');
    const target = make(dir);
    const r = await run(['export', '--format', 'json', '--output', target, '--force']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(says);
    expectNoStackTrace(r.stderr);
    expect(check(target)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('actie --report to a FIFO with --force: refused before any question, exit 1', async () => {
    const dir = tempDir('force-');
    execFileSync('mkfifo', [join(dir, 'pijp')]);
    const r = await binary()(['actie', ...ANSWERS, '--report', join(dir, 'pijp'), '--force']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('is een pijp (FIFO), geen gewoon bestand; er is niets overschreven');
    expect(statSync(join(dir, 'pijp')).isFIFO()).toBe(true);
  });

  it('a symbolic link is refused, not replaced by a file nor written through: link and target stay as they were', async () => {
    const dir = tempDir('force-');
    writeFileSync(join(dir, 'doel.json'), 'van iemand anders\n');
    symlinkSync('doel.json', join(dir, 'link.json'));
    const r = await runMain(['export', '--output', join(dir, 'link.json'), '--force']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('link.json is een symbolische koppeling (naar doel.json), geen gewoon bestand; er is niets overschreven');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe('doel.json');
    expect(readFileSync(join(dir, 'doel.json'), 'utf8')).toBe('van iemand anders\n');
  });
});

describe('5. write errors on stdout and stderr: one line, exit 1, never a stack trace', () => {
  const sh = (command: string) => spawnSync('bash', ['-c', command], { env: cleanEnv(), encoding: 'utf8' });
  it.each([['list'], ['show abcd'], ['search buurt'], ['export --format json'], ['model'], ['--help']])('%s >/dev/full', (args) => {
    const r = sh(`"${process.execPath}" "${BIN}" ${args} >/dev/full`);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('fout: kan niet naar stdout schrijven (ENOSPC): de schijf is vol; de uitvoer is onvolledig.\n');
  });

  it('stderr on a full disk: exit 1, and stdout still has the data', () => {
    const dir = userFolder({ 'kapot.yaml': 'id: [\n' });
    const r = sh(`"${process.execPath}" "${BIN}" --catalogue "${dir}" list 2>/dev/full`);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(BUILTIN_COUNT);
  });

  it('stderr whose reader went away: a quiet exit 0 (EPIPE), not an unhandled error', () => {
    const dir = userFolder({ 'kapot.yaml': 'id: [\n' });
    // The reader closes its end at once; the CLI needs far longer to start than that.
    const r = sh(`"${process.execPath}" "${BIN}" --catalogue "${dir}" list 2> >(exec 0<&-) >/dev/null; echo "status=$?"`);
    expect(r.stdout).toBe('status=0\n');
  });
});

describe.skipIf(lacks('tmux', 'terminal tests'))('7. signals: SIGINT, SIGTERM and SIGHUP all end with 130', () => {
  let session: TmuxSession | undefined;
  afterEach(() => session?.kill());
  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('%s while actie waits for an answer: "Afgebroken.", exit 130', async (signal) => {
    session = new TmuxSession();
    session.start([process.execPath, BIN, 'actie'], { cwd: tempDir('sig-'), env: cleanEnv() });
    await session.waitFor((await openCatalogue()).model.elements[0].question);
    session.signal(signal);
    expect(await session.waitForExit()).toBe(130);
    expect(session.capture()).toContain('Afgebroken.');
  });
});
