// The licences of what ships: every package whose code is bundled into dist/ has its notice in
// dist/THIRD-PARTY-NOTICES.txt, with its own licence file's text (scripts/build.mjs writes it).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/env.js';

const notices = readFileSync(join(ROOT, 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
const packageOf = (path: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path.replaceAll('\\', '/'))?.[1];

/** The packages the bundles name in esbuild's `// node_modules/<package>/…` comments (all but the minified cli.cjs). */
function namedInBundles(): Set<string> {
  const files = ['boot.cjs', ...readdirSync(join(ROOT, 'dist', 'vendor')).map((name) => `vendor/${name}`)];
  const names = files.flatMap((file) => [...readFileSync(join(ROOT, 'dist', file), 'utf8').matchAll(/^\/\/ (node_modules\/\S+)/gm)].map((m) => packageOf(m[1])));
  return new Set(names.filter((name): name is string => Boolean(name)));
}

/** The packages esbuild reported as inputs of the shipped bundles (the build keeps the list beside its tools). */
function reportedByEsbuild(): Set<string> {
  const inputs = JSON.parse(readFileSync(join(ROOT, 'node_modules', '.cache', 'methodewijzer', 'shipped-inputs.json'), 'utf8')) as string[];
  return new Set(inputs.map(packageOf).filter((name): name is string => Boolean(name)));
}

describe('THIRD-PARTY-NOTICES.txt', () => {
  const bundled = [...new Set([...namedInBundles(), ...reportedByEsbuild()])].sort();

  it('finds the libraries the CLI is known to bundle (the lists above are not empty by mistake)', () => {
    for (const name of ['commander', 'yaml', 'zod', 'fuse.js', 'chalk', '@inquirer/core', 'csv-stringify', 'open']) expect(bundled).toContain(name);
    // commander is only in the minified cli.cjs: esbuild's report must be read too.
    expect(namedInBundles().has('commander')).toBe(false);
  });

  it('has every bundled package with its version, licence and the text of its licence file', () => {
    for (const name of bundled) {
      const folder = join(ROOT, 'node_modules', name);
      const own = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string; license?: string };
      expect(notices, name).toContain(`\n${name}@${own.version} (${own.license ?? ''}`);
      const licenceFile = readdirSync(folder).find((file) => /^licen[cs]e/i.test(file));
      if (licenceFile) expect(notices, `${name}: ${licenceFile}`).toContain(readFileSync(join(folder, licenceFile), 'utf8').trim());
    }
  });

  it('names no package that is not bundled', () => {
    const listed = [...notices.matchAll(/^-{72}\n(\S+)@\d/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(bundled);
  });

  it('carries fuse.js\'s Apache licence and the MIT notice of commander', () => {
    expect(notices).toMatch(/fuse\.js@[\d.]+ \(Apache-2\.0\)[\s\S]*Apache License\s+Version 2\.0/);
    expect(notices).toMatch(/commander@[\d.]+ \(MIT\)[\s\S]*Copyright \(c\) 2011 TJ Holowaychuk/);
  });
});

describe('LICENSE', () => {
  it('is the MIT licence that package.json names', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license: string };
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 methodewijzer contributors\n/);
  });
});
