#!/usr/bin/env node
// Three benchmarks, in one run on one machine:
//  1. start-up: list, show, search, list --json and actie up to its first prompt, on the built-in
//     catalogue: median time and peak memory, as ratios (scripts/bench-startup.mjs), on Node.js 20,
//     22 and 24 (each against bare node of its own version; see scripts/node-versions.mjs);
//  2. catalogue size: the whole-process time of `methodewijzer search` on synthetic catalogues of
//     1,000, 10,000 and 100,000 records, in two shapes: files of 800 records each, and one file per
//     method (as `methodewijzer new` writes them), against `node -e 0`;
//  3. keys: the search picker (`search` without words) on the 10,000-record catalogue, typing the
//     queries below one key at a time: the time from a key to the results drawn (scripts/bench-keys.mjs).
// Run through `npm run bench` (which builds first). Sizes and keys run on this Node only.
//
//   node scripts/bench.mjs [--only startup|sizes|keys] [--nodes 20,22,24] [--sizes 1000,10000,100000] [--shapes 800,1] [--runs 15] [--cold-runs 3]
//
// The catalogues are generated (deterministically) under bench/out/ when missing. "warm" runs find
// the folder's records and search index in the cache; "cold" runs each start with an empty cache
// folder, so they parse every YAML file and build the index; "one file changed" runs follow a
// change to one file's modification time, so that file is parsed again and the index rebuilt.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchKeys, formatKeys } from './bench-keys.mjs';
import { benchStartup, formatStartup } from './bench-startup.mjs';
import { writeCatalogue } from './gen-catalogue.mjs';
import { nodeBinary } from './node-versions.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'methodewijzer.cjs');
const SEED = 1;
/** Records per file: the generator's usual 800, and one file per method. */
const SHAPES = [800, 1];
/** Queries from the issue, cycled through the runs. */
const QUERIES = [['jongeren', 'keet'], ['tijd', 'voor', 'elkaar'], ['dorp', 'toekomst'], ['vrijwilligers', 'vraag', 'aanbod'], ['smederij'], ['politie', 'buurt']];
/** The Node.js majors the start-up benchmark runs on, this one first (docs/development.md, "Node.js-versies"). */
const NODES = ['20', '22', '24'];
const TARGETS = { 10000: { ratio: 3, coldMs: 3000 }, 100000: { ms: 1500 } };
/** The catalogue the picker is typed into. */
const KEYS_SIZE = 10000;

const thisMajor = process.versions.node.split('.')[0];

function parseArgs(argv) {
  const args = { sizes: [1000, 10000, 100000], shapes: SHAPES, runs: 15, coldRuns: 3, only: undefined, nodes: [...new Set([thisMajor, ...NODES])] };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (key === '--sizes') args.sizes = value.split(',').map(Number);
    else if (key === '--shapes') args.shapes = value.split(',').map(Number);
    else if (key === '--runs') args.runs = Number(value);
    else if (key === '--cold-runs') args.coldRuns = Number(value);
    else if (key === '--nodes') args.nodes = value.split(',');
    else if (key === '--only' && ['startup', 'sizes', 'keys'].includes(value)) args.only = value;
    else {
      console.error(`bench: unknown argument ${key}`);
      process.exit(2);
    }
  }
  if (!args.nodes.every((m) => /^\d+$/.test(m))) {
    console.error('bench: --nodes takes major versions, e.g. 20,22,24');
    process.exit(2);
  }
  if (![...args.sizes, ...args.shapes].every((n) => Number.isInteger(n) && n > 0) || !(args.runs > 0) || !(args.coldRuns > 0)) {
    console.error('bench: sizes and run counts must be positive whole numbers');
    process.exit(2);
  }
  return args;
}

/** The folder for `size` records in files of `perFile`, generated unless an identical one is already there. */
function catalogue(size, perFile) {
  const dir = join(ROOT, 'bench', 'out', perFile === 1 ? `${size}-per-method` : String(size));
  const stampFile = join(dir, '.generated.json');
  const stamp = JSON.stringify({ size, seed: SEED, perFile, generator: statSync(join(ROOT, 'scripts', 'gen-catalogue.mjs')).mtimeMs });
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    process.stderr.write(`bench: generating ${size} records, ${perFile} per file ...\n`);
    writeCatalogue(dir, size, { seed: SEED, perFile });
    writeFileSync(stampFile, stamp);
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  const bytes = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  return { dir, files: files.length, bytes, newest: Math.max(...files.map((f) => statSync(join(dir, f)).mtimeMs)) };
}

/** Milliseconds one process takes, start to exit. */
function time(args, env = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && args[0] !== '-e') {
    throw new Error(`bench: ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  }
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function searchArgs(dir, run) {
  return [BIN, ...(dir ? ['--catalogue', dir] : []), 'search', ...QUERIES[run % QUERIES.length]];
}

function tempCache() {
  return mkdtempSync(join(tmpdir(), 'methodewijzer-bench-'));
}

const args = parseArgs(process.argv.slice(2));
if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) {
  console.error('bench: dist/ is missing; run `npm run bench`, which builds first');
  process.exit(1);
}

const cpuName = cpus()[0]?.model ?? 'unknown CPU';
const today = new Date().toISOString().slice(0, 10);
if (!args.only || args.only === 'startup') {
  for (const major of args.nodes) {
    // This Node, or another major from the cache of scripts/node-versions.mjs (fetched when missing).
    let node = process.execPath;
    try {
      if (major !== thisMajor) node = nodeBinary(major);
    } catch (err) {
      console.log(`Node ${major}: not measured (${err.message.split('\n')[0]})\n`);
      continue;
    }
    const version = major === thisMajor ? process.version : spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    process.stderr.write(`bench: start-up on Node ${version}, ${args.runs} runs each ...\n`);
    const startup = await benchStartup({ bin: BIN, runs: args.runs, node });
    console.log(`methodewijzer start-up benchmark, ${today}, Node ${version}, ${cpuName} (${cpus().length} cores)`);
    console.log(`median of ${args.runs} runs each, interleaved with as many of bare node ${version}; built-in catalogue`);
    console.log('');
    console.log(formatStartup(startup));
    console.log('');
  }
  if (args.only === 'startup') process.exit(0);
}

/** Waits until no file of `folders` is recent enough to be checked by content (CACHE_RACY_MS), so "warm" means what a user sees on any later day. */
async function settle(folders) {
  const wait = Math.max(0, ...folders.map((f) => f.newest + 2500 - Date.now()));
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

if (args.only === 'keys') {
  await runKeys();
  process.exit(0);
}

async function runKeys() {
  const folder = catalogue(KEYS_SIZE, 800);
  await settle([folder]);
  process.stderr.write(`bench: the search picker on ${KEYS_SIZE} records, typing ${QUERIES.length} queries ...\n`);
  // The cache as after a user's first run: the records and the search index are there.
  const cache = tempCache();
  time(searchArgs(folder.dir, 0), { XDG_CACHE_HOME: cache });
  time(searchArgs(folder.dir, 0), { XDG_CACHE_HOME: cache });
  try {
    const result = await benchKeys({ root: ROOT, folder: folder.dir, cacheRoot: cache, queries: QUERIES.map((q) => q.join(' ')) });
    console.log(`methodewijzer search picker, ${today}, Node ${process.version}, ${cpuName} (${cpus().length} cores)`);
    console.log(`${KEYS_SIZE} records (warm cache), 100 columns; each query typed one key at a time: ${QUERIES.map((q) => q.join(' ')).join(' | ')}`);
    console.log('');
    console.log(formatKeys(result, KEYS_SIZE));
    console.log('');
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

const folders = args.shapes.flatMap((perFile) => args.sizes.map((size) => ({ size, perFile, ...catalogue(size, perFile) })));
await settle(folders);

const rows = [];
const node = [];
for (let i = 0; i < args.runs; i++) node.push(time(['-e', '0']));
const nodeMs = median(node);

const builtinCache = tempCache();
time(searchArgs(undefined, 0), { XDG_CACHE_HOME: builtinCache });
const builtin = [];
for (let i = 0; i < args.runs; i++) builtin.push(time(searchArgs(undefined, i), { XDG_CACHE_HOME: builtinCache }));
rows.push({ label: 'built-in (39)', warm: median(builtin) });
rmSync(builtinCache, { recursive: true, force: true });

for (const f of folders) {
  process.stderr.write(`bench: ${f.size} records in ${f.files} files: ${args.coldRuns} cold runs ...\n`);
  const cold = [];
  for (let i = 0; i < args.coldRuns; i++) {
    const cache = tempCache();
    cold.push(time(searchArgs(f.dir, i), { XDG_CACHE_HOME: cache }));
    rmSync(cache, { recursive: true, force: true });
  }
  process.stderr.write(`bench: ${f.size} records: ${args.runs} warm runs ...\n`);
  const cache = tempCache();
  time(searchArgs(f.dir, 0), { XDG_CACHE_HOME: cache });
  time(searchArgs(f.dir, 0), { XDG_CACHE_HOME: cache });
  const warm = [];
  for (let i = 0; i < args.runs; i++) warm.push(time(searchArgs(f.dir, i), { XDG_CACHE_HOME: cache }));
  process.stderr.write(`bench: ${f.size} records: ${args.coldRuns} runs after a change to one file ...\n`);
  const changed = [];
  const first = join(f.dir, readdirSync(f.dir).filter((n) => n.endsWith('.yaml')).sort()[0]);
  for (let i = 0; i < args.coldRuns; i++) {
    const when = new Date(Date.now() - 10_000 - i * 1000);
    utimesSync(first, when, when);
    changed.push(time(searchArgs(f.dir, i), { XDG_CACHE_HOME: cache }));
  }
  rmSync(cache, { recursive: true, force: true });
  const label = `${f.size} (${f.files} files, ${(f.bytes / 1048576).toFixed(1)} MiB)`;
  rows.push({ label, size: f.size, warm: median(warm), cold: median(cold), changed: median(changed) });
}

const fmt = (ms) => `${Math.round(ms)} ms`;
console.log(`methodewijzer search benchmark, ${today}, Node ${process.version}, ${cpuName} (${cpus().length} cores)`);
console.log(`median of ${args.runs} warm runs, ${args.coldRuns} cold runs; queries cycle through: ${QUERIES.map((q) => q.join(' ')).join(' | ')}`);
console.log('');
console.log(`node -e 0: ${fmt(nodeMs)}`);
console.log('');
const header = ['records', 'warm', 'warm / node', 'one file changed', 'cold', 'cold / node', 'target'];
const table = rows.map((r) => {
  const target = TARGETS[r.size];
  let verdict = '';
  if (target?.ratio) verdict = `warm <= ${target.ratio}x node: ${r.warm / nodeMs <= target.ratio ? 'met' : 'NOT met'}`;
  if (target?.ms) verdict = `warm < ${target.ms} ms: ${r.warm < target.ms ? 'met' : 'NOT met'}`;
  if (target?.coldMs) verdict += `; cold < ${target.coldMs} ms: ${r.cold < target.coldMs ? 'met' : 'NOT met'}`;
  return [
    r.label,
    fmt(r.warm),
    `${(r.warm / nodeMs).toFixed(2)}x`,
    r.changed ? fmt(r.changed) : '-',
    r.cold ? fmt(r.cold) : '-',
    r.cold ? `${(r.cold / nodeMs).toFixed(1)}x` : '-',
    verdict,
  ];
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
for (const row of [header, ...table]) console.log(row.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());

if (!args.only) {
  console.log('');
  await runKeys();
}
