#!/usr/bin/env node
// Other Node.js versions for CI and the benchmark, fetched once from the npm registry (the
// node-<platform>-<arch> packages carry a bin/node) into a cache folder outside the repository, and
// reused from there on later runs.
//
//   node scripts/node-versions.mjs 22 24     prints "<major> <folder holding bin/node>" per version
//
// The cache is ${XDG_CACHE_HOME:-~/.cache}/methodewijzer-ci/node-<major>/; remove a folder to fetch
// that version again (the newest release of the major).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function nodeCacheDir(env = process.env) {
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), '.cache');
  return join(base, 'methodewijzer-ci');
}

/** The version a node binary reports, or undefined when it does not run. */
function versionOf(node) {
  try {
    return execFileSync(node, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The folder whose bin/node is Node.js `major`: from the cache, or fetched into it first. */
export function nodeHome(major, env = process.env) {
  const home = join(nodeCacheDir(env), `node-${major}`);
  const node = join(home, 'bin', 'node');
  if (versionOf(node)?.startsWith(`v${major}.`)) return home;

  mkdirSync(nodeCacheDir(env), { recursive: true });
  const scratch = mkdtempSync(join(nodeCacheDir(env), `.fetch-${major}-`));
  try {
    const spec = `node-${process.platform}-${process.arch}@${major}`;
    process.stderr.write(`node-versions: fetching ${spec} from the npm registry ...\n`);
    // --ignore-scripts: only the tarball is wanted; nothing of it runs here but bin/node.
    execFileSync('npm', ['pack', spec, '--pack-destination', scratch, '--ignore-scripts', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${spec} gave no tarball`);
    // The package holds headers and docs too; only the binary and its licence are kept.
    execFileSync('tar', ['xzf', join(scratch, tarball), '-C', scratch, 'package/bin/node', 'package/LICENSE']);
    const version = versionOf(join(scratch, 'package', 'bin', 'node'));
    if (!version?.startsWith(`v${major}.`)) throw new Error(`${spec} gave a node that reports ${version ?? 'nothing'}`);
    // Into place in one rename, so a run that is cut short leaves no half-fetched version behind.
    rmSync(home, { recursive: true, force: true });
    renameSync(join(scratch, 'package'), home);
    process.stderr.write(`node-versions: Node.js ${version} in ${home}\n`);
    return home;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export const nodeBinary = (major, env) => join(nodeHome(major, env), 'bin', 'node');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const majors = process.argv.slice(2);
  if (!majors.length || !majors.every((m) => /^\d+$/.test(m))) {
    console.error('usage: node scripts/node-versions.mjs <major>...');
    process.exit(2);
  }
  for (const major of majors) console.log(`${major} ${nodeHome(major)}`);
}
