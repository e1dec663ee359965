import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { method, userFolder, yamlOf, bigFolder } from '../helpers/catalogue.js';
import { BIN, runCli } from '../helpers/cli.js';
import { ROOT, cleanEnv, expectNoStackTrace, tempDir } from '../helpers/env.js';

// The cache folder may lie where another local user can make it first (XDG_CACHE_HOME or HOME under
// /tmp, `sudo -E`). What lies in it is run (the V8 code cache) or shown as valid data (the folder
// cache), so a part of it that is not the user's own (another owner, writable by others, a symbolic
// link) is neither read nor written. Each plant below is first shown to work where the cache is the
// user's own, so that its refusal is the rule at work, not a broken plant.

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const temp = (prefix: string) => {
  const dir = tempDir(prefix);
  made.push(dir);
  return dir;
};

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const VERSION_DIR = `${process.version}-${process.arch}`;

/** Runs the CLI with its cache in `home` (as XDG_CACHE_HOME). */
const run = (home: string, args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { env: { XDG_CACHE_HOME: home, ...env } });

/** Every entry under `dir` (links not followed): its type, owner, mode, times and content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (path: string) => {
    const s = lstatSync(path);
    const content = s.isFile() ? readFileSync(path).toString('base64') : '';
    out[path] = `${s.mode.toString(8)} ${s.uid} ${s.size} ${s.mtimeMs} ${s.ino} ${content}`;
    if (s.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return out;
}

function chownTree(path: string, uid: number): void {
  chownSync(path, uid, uid);
  if (lstatSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name), uid);
}

/**
 * A V8 code cache made from a source of the same length as dist/cli.cjs that prints GEPLANT and
 * exits: V8 checks the source's length, not its text, so it runs in place of the CLI. Written with
 * the header the CLI writes (count of writes, checksum of the data): a checksum proves no owner.
 */
function plantCodeCache(file: string): void {
  const script = `
    const { readFileSync, writeFileSync } = require('node:fs');
    const { Script } = require('node:vm');
    const [bundle, boot, out] = process.argv.slice(1);
    const { checksum } = require(boot);
    const real = readFileSync(bundle, 'latin1');
    const payload = "if (!globalThis.PLANTING) { process.stdout.write('GEPLANT\\\\n'); process.exit(0); }";
    const source = '(function (exports, require, module, __filename, __dirname) { ' + payload.padEnd(real.length, ' ') + '\\n});';
    const s = new Script(source, { filename: bundle });
    globalThis.PLANTING = true;
    s.runInThisContext()();
    const data = s.createCachedData();
    const header = Buffer.alloc(8);
    header[0] = 1;
    header.writeUInt32LE(checksum(data), 4);
    writeFileSync(out, Buffer.concat([header, data]));
  `;
  const r = spawnSync(process.execPath, ['-e', script, join(ROOT, 'dist', 'cli.cjs'), join(ROOT, 'dist', 'boot.cjs'), file], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
}

/** A cache home whose code cache for `list` is planted; returns the home and the planted file. */
async function homeWithPlantedCodeCache() {
  const home = temp('plant-code-');
  expect((await run(home, ['list'])).code).toBe(0);
  const dir = join(home, 'methodewijzer', VERSION_DIR);
  const name = readdirSync(dir).find((f) => /^cli\.cjs\.[0-9a-f]{16}\.list\.bin$/.test(f))!;
  const file = join(dir, name);
  plantCodeCache(file);
  return { home, root: join(home, 'methodewijzer'), dir, file };
}

/** A folder with one method, read once through the cache; then its cached name forged to "Geplant", the seal made anew. */
async function homeWithForgedRecords() {
  const home = temp('plant-records-');
  const folder = userFolder({ 'eigen.yaml': yamlOf(method({ id: 'eigen', name: 'Eigen' })) }, join(temp('plant-cat-'), 'cat'));
  expect((await run(home, ['--catalogue', folder, 'list'])).stdout).toContain('Eigen');
  const dir = join(home, 'methodewijzer', 'folders');
  const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.json'))!);
  const json = readFileSync(file, 'utf8').split('\n').slice(1).join('\n').replace('"Eigen"', '"Geplant"');
  writeFileSync(file, `${crc32(json).toString(16).padStart(8, '0')}\n${json}`);
  return { home, root: join(home, 'methodewijzer'), dir, file, folder };
}

/** Ways a cache can be not the user's own; each makes `target` (the root, a folder or a file) so, and says what to snapshot. */
const HOSTILE: { name: string; root?: true; onlyRoot?: true; apply(target: string): string }[] = [
  { name: 'owned by another user', root: true, apply: (t) => (chownTree(t, NOBODY), t) },
  { name: 'writable by others (0777/0666)', apply: (t) => (chmodSync(t, lstatSync(t).isDirectory() ? 0o777 : 0o666), t) },
  { name: 'writable by the group (0770)', onlyRoot: true, apply: (t) => (chmodSync(t, lstatSync(t).isDirectory() ? 0o770 : 0o660), t) },
  {
    name: 'a symbolic link',
    apply(t) {
      const real = `${t}-echt`;
      renameSync(t, real);
      symlinkSync(real, t);
      return real;
    },
  },
];

describe('a planted V8 code cache', () => {
  it('is run where the cache is the user\'s own (the plant works)', async () => {
    const { home } = await homeWithPlantedCodeCache();
    expect((await run(home, ['list'])).stdout).toBe('GEPLANT\n');
  });

  for (const how of HOSTILE) {
    for (const where of how.onlyRoot ? (['root'] as const) : (['root', 'version folder', 'file'] as const)) {
      it.skipIf(how.root && !isRoot)(`is neither read nor touched when the ${where} is ${how.name}${how.root && !isRoot ? ' (needs root, to give files away)' : ''}`, async () => {
        const { home, root, dir, file } = await homeWithPlantedCodeCache();
        const watched = how.apply(where === 'root' ? root : where === 'version folder' ? dir : file);
        const before = snapshot(watched);
        const r = await run(home, ['list'], { METHODEWIJZER_DEBUG: '1' });
        expect(r.code).toBe(0);
        expect(r.stdout).not.toContain('GEPLANT');
        expect(r.stdout).toContain('abcd');
        expect(r.stderr.match(/cache niet gebruikt/g)).toHaveLength(1);
        expect((await run(home, ['list'])).stdout).not.toContain('GEPLANT');
        expect(snapshot(watched)).toEqual(before);
      });
    }
  }
});

describe('a forged folder cache', () => {
  it('is shown where the cache is the user\'s own (the forgery is a valid cache)', async () => {
    const { home, folder } = await homeWithForgedRecords();
    expect((await run(home, ['--catalogue', folder, 'list'])).stdout).toContain('Geplant');
  });

  for (const how of HOSTILE) {
    for (const where of how.onlyRoot ? (['root'] as const) : (['root', 'folders/', 'cache file'] as const)) {
      it.skipIf(how.root && !isRoot)(`is neither read nor touched when the ${where} is ${how.name}${how.root && !isRoot ? ' (needs root, to give files away)' : ''}`, async () => {
        const { home, root, dir, file, folder } = await homeWithForgedRecords();
        const watched = how.apply(where === 'root' ? root : where === 'folders/' ? dir : file);
        const before = snapshot(watched);
        const list = await run(home, ['--catalogue', folder, 'list'], { METHODEWIJZER_DEBUG: '1' });
        expect(list.stdout).toContain('Eigen');
        expect(list.stdout).not.toContain('Geplant');
        expect(list.stderr.match(/cache niet gebruikt/g)).toHaveLength(1);
        const validate = await run(home, ['--catalogue', folder, 'validate', '--json']);
        expect(validate.stdout).not.toContain('Geplant');
        expect(snapshot(watched)).toEqual(before);
      });
    }
  }
});

describe('the folder the cache root lies in', () => {
  // Whoever may rename entries there can swap the root for one of theirs at any moment.
  it('is refused when others may write in it and it is not sticky; sticky (as /tmp) is fine', async () => {
    const { home, folder } = await homeWithForgedRecords();
    chmodSync(home, 0o777);
    const refused = await run(home, ['--catalogue', folder, 'list'], { METHODEWIJZER_DEBUG: '1' });
    expect(refused.stdout).not.toContain('Geplant');
    expect(refused.stderr).toMatch(/cache niet gebruikt: .* ligt in een map waarin anderen mogen schrijven/);
    chmodSync(home, 0o1777);
    expect((await run(home, ['--catalogue', folder, 'list'])).stdout).toContain('Geplant');
    // Writable by the group that is the user's own (a ~/.cache under umask 002): fine.
    chmodSync(home, 0o775);
    expect((await run(home, ['--catalogue', folder, 'list'])).stdout).toContain('Geplant');
  });

  it.skipIf(!isRoot)(`is refused when another group may write in it${isRoot ? '' : ' (needs root, to give it away)'}`, async () => {
    const { home, folder } = await homeWithForgedRecords();
    chownSync(home, process.getuid!(), NOBODY);
    chmodSync(home, 0o775);
    const r = await run(home, ['--catalogue', folder, 'list'], { METHODEWIJZER_DEBUG: '1' });
    expect(r.stdout).not.toContain('Geplant');
    expect(r.stderr).toMatch(/ligt in een map waarin anderen mogen schrijven/);
  });

  it.skipIf(!isRoot)(`is refused when it belongs to another user (not root)${isRoot ? '' : ' (needs root, to give it away)'}`, async () => {
    const { home, folder } = await homeWithForgedRecords();
    chownSync(home, NOBODY, NOBODY);
    const r = await run(home, ['--catalogue', folder, 'list'], { METHODEWIJZER_DEBUG: '1' });
    expect(r.stdout).not.toContain('Geplant');
    expect(r.stderr).toMatch(/ligt in een map van een andere gebruiker \(uid 65534\)/);
  });
});

describe('the cache\'s own upkeep', () => {
  /** A folder of the user's with files that end in .tmp, two minutes old, one named as the cache names its temporary files. */
  function userTmpFiles() {
    const dir = temp('user-tmp-');
    const files = [join(dir, 'notities.tmp'), join(dir, '.verslag.0123456789abcdef.tmp'), join(dir, '.cli.cjs.0123456789ab.tmp')];
    const old = (Date.now() - 120_000) / 1000;
    for (const f of files) {
      writeFileSync(f, 'van de gebruiker');
      utimesSync(f, old, old);
    }
    return { dir, files };
  }

  it('never tidies through a cache folder that is a symbolic link: the files it points at stay', async () => {
    const home = temp('link-');
    const user = userTmpFiles();
    mkdirSync(join(home, 'methodewijzer'), { mode: 0o700 });
    symlinkSync(user.dir, join(home, 'methodewijzer', VERSION_DIR));
    const before = snapshot(user.dir);
    for (let i = 0; i < 2; i++) expect((await run(home, ['list'])).code).toBe(0);
    expect(snapshot(user.dir)).toEqual(before);
  });

  it('never writes through a link planted at a temporary name of the cache (as <file>.<pid>.tmp was)', async () => {
    const home = temp('temp-link-');
    expect((await run(home, ['tags'])).code).toBe(0);
    const dir = join(home, 'methodewijzer', VERSION_DIR);
    const build = readdirSync(dir)[0].split('.')[2];
    const victim = join(temp('victim-'), 'brief.txt');
    writeFileSync(victim, 'de brief van de gebruiker');
    // The next processes' ids, as an attacker would guess them.
    const next = spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' });
    const pid = Number(next.stdout.trim());
    for (let p = pid; p < pid + 3000; p++) symlinkSync(victim, join(dir, `cli.cjs.${build}.list.bin.${p}.tmp`));
    const before = snapshot(victim);
    expect((await run(home, ['list'])).code).toBe(0);
    expect(snapshot(victim)).toEqual(before);
    // The links are not the cache's own temporary files: left alone, not followed.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(3000);
  });

  it('makes folders 0700 and files 0600, also under umask 000, and with HOME alone (~/.cache too)', async () => {
    const home = temp('umask-home-');
    const folder = userFolder({ 'eigen.yaml': yamlOf(method({ id: 'eigen' })) }, temp('umask-cat-'));
    const env: NodeJS.ProcessEnv = { ...cleanEnv(), HOME: home };
    delete env.XDG_CACHE_HOME;
    const r = spawnSync('sh', ['-c', 'umask 000; exec "$0" "$@"', process.execPath, BIN, '--catalogue', folder, 'list'], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const modes: Record<string, string[]> = {};
    const walk = (path: string) => {
      const s = lstatSync(path);
      (modes[(s.mode & 0o777).toString(8)] ??= []).push(path.slice(home.length));
      if (s.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    };
    walk(join(home, '.cache'));
    expect(Object.keys(modes).sort()).toEqual(['600', '700']);
    expect(modes['700']).toEqual(expect.arrayContaining(['/.cache', '/.cache/methodewijzer', `/.cache/methodewijzer/${VERSION_DIR}`, '/.cache/methodewijzer/folders']));
    expect(modes['600'].filter((f) => f.startsWith('/.cache/methodewijzer/folders/') && f.endsWith('.json'))).toHaveLength(1);
  });

  it('ignores a relative HOME, as it does a relative XDG_CACHE_HOME: no cache in the working folder', async () => {
    const cwd = temp('relative-home-');
    const env = { ...cleanEnv(), HOME: 'thuis', XDG_CACHE_HOME: 'cache' };
    const r = spawnSync(process.execPath, [BIN, 'list'], { cwd, env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a code cache damaged in the middle (same length, same header) is dropped: this run and the next work', async () => {
    const home = temp('damaged-');
    const expected = (await run(home, ['show', 'abcd'])).stdout;
    expect((await run(home, ['show', 'abcd'])).stdout).toBe(expected);
    const dir = join(home, 'methodewijzer', VERSION_DIR);
    const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.show.bin'))!);
    const good = readFileSync(file);
    for (const at of [0.25, 0.5, 0.75]) {
      const bytes = Buffer.from(good);
      const from = Math.floor(bytes.length * at);
      bytes.fill(0xff, from, from + 256);
      writeFileSync(file, bytes);
      for (let i = 0; i < 2; i++) {
        const r = await run(home, ['show', 'abcd']);
        expect(r.signal).toBeNull();
        expect(r.code).toBe(0);
        expectNoStackTrace(r.stderr);
        expect(r.stdout).toBe(expected);
      }
    }
  });

  it('a temporary file left by a writer killed midway (named with a dot) is removed by a later run that writes', async () => {
    const home = temp('killed-');
    const first = userFolder({ 'a.yaml': yamlOf(method({ id: 'a' })) }, temp('killed-a-'));
    expect((await run(home, ['--catalogue', first, 'list'])).code).toBe(0);
    const folders = join(home, 'methodewijzer', 'folders');
    const old = (Date.now() - 120_000) / 1000;
    const abandoned = [join(folders, '.0123abcd.json.0123456789abcdef.tmp'), join(folders, '.0123abcd.manifest.0123456789ab.tmp')];
    const young = join(folders, '.0123abcd.json.fedcba9876543210.tmp');
    for (const f of [...abandoned, young]) writeFileSync(f, 'half');
    for (const f of abandoned) utimesSync(f, old, old);
    const second = userFolder({ 'b.yaml': yamlOf(method({ id: 'b' })) }, temp('killed-b-'));
    expect((await run(home, ['--catalogue', second, 'list'])).code).toBe(0);
    expect(abandoned.filter((f) => existsSync(f))).toEqual([]);
    expect(existsSync(young)).toBe(true);
  });

  it('ten cold runs at once leave one whole cache file, no temporary ones, that holds every file', async () => {
    const home = temp('ten-');
    const folder = bigFolder(400, 20);
    made.push(folder);
    const env = { ...cleanEnv(), XDG_CACHE_HOME: home };
    const once = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [BIN, '--catalogue', folder, 'list', '--json'], { env, stdio: 'ignore' });
        child.on('close', resolve);
      });
    expect(await Promise.all(Array.from({ length: 10 }, once))).toEqual(Array(10).fill(0));
    const folders = join(home, 'methodewijzer', 'folders');
    const files = readdirSync(folders);
    expect(files).toEqual([expect.stringMatching(/^[0-9a-f]{8}\.json$/)]);
    const text = readFileSync(join(folders, files[0]), 'utf8');
    const json = text.slice(9);
    expect(text.slice(0, 8)).toBe(crc32(json).toString(16).padStart(8, '0'));
    expect(JSON.parse(json).entries).toHaveLength(20);
  });
});
