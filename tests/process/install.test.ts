// The package as a user gets it: packed, installed globally into a folder of its own, made read-only,
// and every command run from the installed bin. One pack and one install for the whole file.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { delimiter, dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_FACTS } from '../fixtures/brochure-facts.js';
import { expectNoStackTrace, ROOT, tempDir, unwritableDir } from '../helpers/env.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string };

let prefix: string;
let installed: string;
let packed: string[];
let before: Map<string, string>;
const cache = tempDir('install-cache-');

let installWarnings: string;
let manifestAfterPack: string;

/** npm without the variables `npm test` sets for its scripts, which would steer the install. */
function npm(args: string[], cwd: string) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const result = spawnSync('npm', args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  return result;
}

/**
 * A copy of the checkout as `npm pack` reads it, with the checkout's node_modules linked in: packing
 * runs its scripts (the build, and prepack/postpack, which take "scripts" out of the packed
 * package.json), and they build into the copy, not into the dist/ that other tests are running.
 */
function checkoutCopy(): string {
  const copy = tempDir('checkout-');
  for (const name of ['package.json', 'README.md', 'LICENSE', 'bin', 'catalogue', 'docs', 'scripts', 'src']) {
    cpSync(join(ROOT, name), join(copy, name), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/** Every file and folder under `dir`, with its size and modification time. */
function snapshot(dir: string, into = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const stat = statSync(path);
    into.set(path, `${stat.size} ${stat.mtimeMs}`);
    if (entry.isDirectory()) snapshot(path, into);
  }
  return into;
}

beforeAll(() => {
  const scratch = tempDir('pack-');
  const copy = checkoutCopy();
  const [report] = JSON.parse(npm(['pack', '--json', '--pack-destination', scratch], copy).stdout) as { filename: string; files: { path: string }[] }[];
  packed = report.files.map((f) => f.path).sort();
  manifestAfterPack = readFileSync(join(copy, 'package.json'), 'utf8');
  rmSync(copy, { recursive: true, force: true });
  prefix = tempDir('prefix-');
  // Offline: a package without dependencies needs nothing from the registry.
  installWarnings = npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(scratch, report.filename)], scratch).stderr;
  installed = join(prefix, 'lib', 'node_modules', 'methodewijzer');
  // Read-only, as a system-wide install is for its users. Root ignores this, hence also the snapshot.
  spawnSync('chmod', ['-R', 'a-w', prefix]);
  before = snapshot(prefix);
}, 120_000);

afterAll(() => {
  if (prefix && existsSync(prefix)) {
    spawnSync('chmod', ['-R', 'u+w', prefix]);
    rmSync(prefix, { recursive: true, force: true });
  }
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The installed bin, found on PATH as a user's shell finds it, run by the Node that runs the tests. */
function installedCli(args: string[], options: { cwd?: string; xdg?: string } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (/^(npm_|METHODEWIJZER_|FORCE_COLOR|NO_COLOR|PAGER|LESS)/.test(key)) delete env[key];
  env.PATH = [join(prefix, 'bin'), dirname(process.execPath), env.PATH].join(delimiter);
  env.XDG_CACHE_HOME = options.xdg ?? cache;
  env.HOME = tempDir('home-');
  return new Promise((resolve, reject) => {
    const child = spawn('methodewijzer', args, { cwd: options.cwd ?? tempDir('cwd-'), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function ok(args: string[], options?: Parameters<typeof installedCli>[1]): Promise<Run> {
  const run = await installedCli(args, options);
  expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0);
  expectNoStackTrace(run.stderr);
  return run;
}

describe('the packed package', () => {
  it('holds only what runs: bin, the bundles, the catalogue and its schemas, README, docs, package.json and the licences', () => {
    const allowed = [
      /^README\.md$/,
      /^docs\/[a-z-]+\.md$/,
      /^LICEN[CS]E(\.md)?$/,
      /^package\.json$/,
      /^bin\/methodewijzer\.cjs$/,
      /^dist\/(boot|cli)\.cjs$/,
      /^dist\/catalogue\.json$/,
      /^dist\/THIRD-PARTY-NOTICES\.txt$/,
      /^dist\/vendor\/[a-z-]+\.cjs$/,
      /^catalogue\/([a-z]+|methods\/[a-z0-9-]+)\.yaml$/,
      /^catalogue\/schema\/[a-z]+\.schema\.json$/,
    ];
    expect(packed.filter((path) => !allowed.some((re) => re.test(path)))).toEqual([]);
    expect(packed).toContain('dist/boot.cjs');
    expect(packed).toContain('LICENSE');
    expect(packed).toContain('dist/THIRD-PARTY-NOTICES.txt');
    // The README links to docs/: those links must work in an install too.
    expect(packed).toContain('docs/commands.md');
    expect(packed).toContain('catalogue/schema/method.schema.json');
  });

  it('runs nothing on install: its package.json has no scripts, npm installs it without a warning, and the checkout keeps its own', () => {
    const shipped = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(shipped.scripts).toBeUndefined();
    expect(shipped.bin).toEqual(pkg.bin);
    expect(installWarnings).not.toMatch(/warn/i);
    // postpack put the checkout's package.json back as it was, byte for byte, `prepare` and all.
    expect(manifestAfterPack).toBe(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect((pkg.scripts as Record<string, string>).prepare).toBe('node scripts/build.mjs');
  });

  it('has no runtime dependencies: its code requires only Node built-ins and its own files', () => {
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies']) expect(pkg[field], field).toBeUndefined();
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    for (const file of packed.filter((path) => path.endsWith('.cjs'))) {
      const text = readFileSync(join(installed, file), 'utf8');
      const required = [...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
      // A relative require must name a file that ships; anything else would come from a node_modules.
      const shipped = (id: string) => id.startsWith('.') && packed.includes(posix.join(posix.dirname(file), id));
      expect(required.filter((id) => !builtins.has(id) && !shipped(id)), file).toEqual([]);
    }
  });
});

describe('the installed CLI, read-only', () => {
  it('--help and --version', async () => {
    const help = await ok(['--help']);
    for (const command of ['list', 'search', 'show', 'model', 'glossary', 'sources', 'export', 'new', 'actie', 'validate']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    expect((await ok(['--version'])).stdout).toBe(`${pkg.version}\n`);
  });

  it('list, list --json, search, show', async () => {
    const list = await ok(['list']);
    expect(list.stdout.trimEnd().split('\n')).toHaveLength(METHOD_FACTS.length);
    expect(list.stdout).toContain('abcd\tABCD\t');
    const records = JSON.parse((await ok(['list', '--json'])).stdout) as { id: string }[];
    expect(records).toHaveLength(METHOD_FACTS.length);
    expect((await ok(['search', 'buurt'])).stdout).toMatch(/^[a-z0-9-]+\t/m);
    expect((await ok(['show', 'abcd'])).stdout).toContain('https://www.movisie.nl/esi/abcd');
  });

  it('model, model animo, glossary, sources', async () => {
    expect((await ok(['model'])).stdout).toMatch(/EMPATHIE/);
    expect((await ok(['model', 'animo'])).stdout).toContain('aansluiten');
    expect((await ok(['glossary'])).stdout).toContain('Actief burgerschap');
    expect((await ok(['sources'])).stdout).toContain('Methodisch werken aan actief burgerschap');
  });

  it('export as CSV, YAML (whose schema line points into the install) and Markdown', async () => {
    const csv = (await ok(['export', '--format', 'csv'])).stdout;
    expect(csv.split('\n')[0]).toMatch(/^id,name,/);
    expect(csv.trimEnd().split('\n')).toHaveLength(METHOD_FACTS.length + 1);
    const yaml = (await ok(['export', '--format', 'yaml'])).stdout;
    const schema = /^# yaml-language-server: \$schema=(\S+)$/m.exec(yaml)?.[1];
    expect(schema).toBeDefined();
    expect(fileURLToPath(schema!)).toBe(join(installed, 'catalogue', 'schema', 'method.schema.json'));
    expect(existsSync(fileURLToPath(schema!))).toBe(true);
    expect(yaml).toContain('id: abcd');
    expect((await ok(['export', '--format', 'md'])).stdout).toMatch(/^# .*\n[\s\S]*ABCD/);
  });

  it('validate checks the shipped YAML catalogue', async () => {
    const run = await ok(['validate']);
    expect(run.stderr).toContain(`${METHOD_FACTS.length} methoden geldig, in orde`);
  });

  it('actie with all five answers as flags and what it is about, --json', async () => {
    // All "allebei" alone ties every method; what the initiative is about sets them apart.
    const answers = [...['animo', 'contact', 'toerusting', 'inbedding', 'empathie'].flatMap((key) => [`--${key}`, 'beide']), '--over', 'jongeren'];
    const out = JSON.parse((await ok(['actie', ...answers, '--json'])).stdout) as { advice: { shortlist: { id: string }[] } };
    expect(out.advice.shortlist.length).toBeGreaterThan(0);
  });

  it('new writes into the current folder, and --catalogue reads a user folder', async () => {
    const cwd = tempDir('install-new-');
    const made = await ok(['new', 'Deelkast'], { cwd });
    expect(made.stderr).toContain('deelkast.yaml');
    expect(readFileSync(join(cwd, 'deelkast.yaml'), 'utf8')).toContain(join(installed, 'catalogue', 'schema', 'method.schema.json'));

    const folder = tempDir('install-own-');
    writeFileSync(
      join(folder, 'eigen.yaml'),
      'id: eigen\nname: Eigen methode\nsummary: Een eigen methode.\nelements: [animo]\nsource:\n  kind: verkenning\nurl: https://example.org/eigen\n',
    );
    const list = await ok(['--catalogue', folder, 'list']);
    expect(list.stdout).toContain('eigen\tEigen methode\tanimo\tverkenning\thttps://example.org/eigen');
    expect(list.stdout.trimEnd().split('\n')).toHaveLength(METHOD_FACTS.length + 1);
  });

  it('keeps its code cache in the user cache folder', () => {
    // One folder per Node version and platform (v22.23.5-x64), with a cache file per bundle the run loaded.
    const folder = readdirSync(join(cache, 'methodewijzer')).find((name) => name.startsWith(`${process.version}-${process.arch}`));
    expect(folder).toBeDefined();
    expect(readdirSync(join(cache, 'methodewijzer', folder!)).length).toBeGreaterThan(0);
  });

  it('works with a cache folder it cannot write', async () => {
    const xdg = unwritableDir();
    const list = await ok(['list'], { xdg });
    expect(list.stdout.trimEnd().split('\n')).toHaveLength(METHOD_FACTS.length);
    expect(list.stderr).toBe('');
    const folder = tempDir('install-own-');
    writeFileSync(join(folder, 'eigen.yaml'), 'id: eigen\nname: Eigen\nsummary: Een eigen methode.\nelements: [contact]\nsource:\n  kind: verkenning\nurl: https://example.org/eigen\n');
    expect((await ok(['--catalogue', folder, 'search', 'eigen'], { xdg })).stdout).toContain('eigen\tEigen');
  });

  it('wrote nothing into the install folder', () => {
    expect(snapshot(prefix)).toEqual(before);
  });
});
