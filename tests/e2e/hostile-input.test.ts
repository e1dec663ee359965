// The thirteen hostile-input cases of issue 14, one describe each, numbered as in docs/hostile-input.md.
// Most run in-process (runMain). What could make a reader wait for ever (a FIFO, a device, stdin) runs
// on the real binary, killed after 10 s, so that a regression fails the test instead of hanging the
// run; so do full disks and closed pipes, signals, and what depends on the process's own environment.
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import type { Method } from '../../src/model/schema.js';
import { bigFolder, method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { BIN, cleanEnv, expectNoStackTrace, runCli, tempDir, type CliOptions } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { TmuxSession } from '../helpers/tmux.js';
import { lacks } from '../helpers/tools.js';

const GOOD = yamlOf(method({ id: 'goed' }));
const BUILTIN_COUNT = 39;
const base = (id: string) => `id: ${id}\nname: Naam\nsummary: Samenvatting.\nelements: [animo]\nsource:\n  kind: databank\nurl: https://example.org/x\n`;

/** A folder with one good file and whatever `add` puts beside it. */
function folderWith(add: (dir: string) => void): string {
  const dir = userFolder({ 'goed.yaml': GOOD });
  add(dir);
  return dir;
}

type Run = (args: string[]) => Promise<{ code: number | null; stdout: string; stderr: string; signal?: NodeJS.Signals | null }>;
/** In this process: for what cannot make the CLI wait. */
const inProcess: Run = (args) => runMain(args);
/** The built binary, killed if it has not ended after 10 s. */
const binary = (options: CliOptions = {}): Run => (args) => runCli(args, { killAfter: 10_000, ...options });

/** list --json on the folder: it ends, exit 3, every built-in method and the good one listed, the warning found. */
async function expectSkipped(run: Run, dir: string, warning: RegExp, extra = 0) {
  const r = await run(['--catalogue', dir, 'list', '--json']);
  expect(r.signal ?? null, 'it hung and was killed').toBeNull();
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

describe('3. a huge problem list: no stack overflow, the rest of the catalogue intact', () => {
  it('150,000 empty documents (`---` lines) give 100 problems and a count, exit 3, every other method listed', async () => {
    const dir = folderWith((d) => writeFileSync(join(d, 'streep.yaml'), '---\n'.repeat(150_000)));
    const r = await expectSkipped(inProcess, dir, /streep\.yaml:\d+: en nog 149900 problemen in dit bestand/);
    expect(r.stderr).not.toMatch(/call stack/i);
    expect(r.stderr.match(/streep\.yaml:\d+:\d+: leeg document/g)).toHaveLength(100);
  });
});

describe('4. unknown keys: linear, however many', () => {
  it('a record with 40,000 unknown keys: validate names the first 100 and counts the rest', async () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `k${i}: 1\n`).join('');
    const dir = userFolder({ 'sleutels.yaml': base('sleutels') + keys });
    const r = await runMain(['validate', dir]);
    expect(r.code).toBe(3);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0]).toMatch(/sleutels\.yaml:8:1: k0: onbekend veld/);
    expect(lines[100]).toMatch(/sleutels\.yaml:108: en nog 39900 problemen in dit bestand/);
    expect(r.stderr).toContain('40000 problemen');
  });
});

describe('10. links that lead out of the folder', () => {
  // The binary: /proc/self/environ must be its own environment, holding the secret.
  it('are named and skipped, and nothing of what they point at reaches a message', async () => {
    const dir = folderWith((d) => symlinkSync('/proc/self/environ', join(d, 'omgeving.yaml')));
    const r = await expectSkipped(binary({ env: { GEHEIM: 'zeer-geheim-4711' } }), dir, /omgeving\.yaml: is een koppeling naar \/proc\/\d+\/environ, buiten de map; dit bestand is overgeslagen/);
    expect(r.stderr).not.toContain('zeer-geheim-4711');
  });

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

describe('13. repeated options stay linear', () => {
  it('40,000 times --tag wijk, and 40,000 times the same --catalogue, give the same answer as once', async () => {
    const dir = userFolder({ 'goed.yaml': yamlOf(method({ id: 'goed', tags: ['wijk'] })) });
    const once = await runMain(['--catalogue', dir, 'list', '--tag', 'wijk']);
    // One argument each (`-c<map>`, `--tag=wijk`), as on a command line, where 80,000 of them fit only so.
    const many = await runMain([...Array<string>(40_000).fill(`-c${dir}`), 'list', ...Array<string>(40_000).fill('--tag=wijk')]);
    expect(many.code, many.stderr).toBe(0);
    expect(many.stdout).toBe(once.stdout);
    expect(many.stdout).toContain('goed');
  });
});

describe('6 and 9. cache files that lie or are far too large', () => {
  const cacheFolder = (env: NodeJS.ProcessEnv) => join(env.XDG_CACHE_HOME!, 'methodewijzer', 'folders');

  it('records that still parse but were changed (tags a text, another name) are discarded and rebuilt', async () => {
    const dir = userFolder({ 'a.yaml': yamlOf(method({ id: 'eerlijk', name: 'Eerlijke naam', tags: ['wijk'] })) });
    const env = { XDG_CACHE_HOME: tempDir('cache-') };
    const first = await runMain(['--catalogue', dir, 'show', 'eerlijk', '--json'], { env });
    const file = join(cacheFolder(env), readdirSync(cacheFolder(env))[0]);
    const lie = readFileSync(file, 'utf8').replace('["wijk"]', '"wijk"').replace('Eerlijke naam', 'Valse naam!!!');
    expect(lie).toContain('"tags":"wijk"');
    writeFileSync(file, lie);
    for (let run = 0; run < 2; run++) {
      const r = await runMain(['--catalogue', dir, 'show', 'eerlijk', '--json'], { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(first.stdout);
    }
  });

  it('a search snapshot changed at the same length is caught by its checksum, searched without, and rebuilt', async () => {
    const dir = bigFolder(1000, 500);
    const env = { XDG_CACHE_HOME: tempDir('cache-') };
    const args = ['--catalogue', dir, 'search', 'groot-000005', '--json'];
    const first = await runMain(args, { env });
    expect(first.code, first.stderr).toBe(0);
    const searchFolder = join(env.XDG_CACHE_HOME, 'methodewijzer', 'search');
    const file = join(searchFolder, readdirSync(searchFolder)[0]);
    const bytes = readFileSync(file);
    const at = bytes.indexOf('Methode groot-000005');
    expect(at).toBeGreaterThan(0);
    bytes.write('Methode vals!-000005', at);
    writeFileSync(file, bytes);
    for (let run = 0; run < 2; run++) {
      const r = await runMain(args, { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(first.stdout);
    }
    expect(readFileSync(file).indexOf('vals!')).toBe(-1);
  });

  it('a cache file of 1.5 GB (sparse: it takes no disk) is not read, and is replaced by a true one', async () => {
    const dir = userFolder({ 'a.yaml': GOOD });
    const env = { XDG_CACHE_HOME: tempDir('cache-') };
    await runMain(['--catalogue', dir, 'list'], { env });
    const [file] = readdirSync(cacheFolder(env));
    truncateSync(join(cacheFolder(env), file), 1.5 * 1024 ** 3);
    const r = await runMain(['--catalogue', dir, 'list', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(BUILTIN_COUNT + 1);
    expect(statSync(join(cacheFolder(env), file)).size).toBeLessThan(4096);
  });
});
