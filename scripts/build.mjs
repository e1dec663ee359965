#!/usr/bin/env node
// Builds dist/: the CLI bundled by esbuild, and the built-in catalogue compiled to validated JSON.
// With --write-schema it also regenerates catalogue/schema/*.schema.json from the zod schema.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', 'build-tools': 'src/build-tools.ts' },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // Some dependencies are CommonJS and call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});

const tools = await import(join(dist, 'build-tools.js'));
const catalogue = tools.compileBuiltin(join(root, 'catalogue'));
if (catalogue.problems.length) {
  for (const p of catalogue.problems) console.error(tools.formatProblem(p));
  console.error(`build: the built-in catalogue has ${catalogue.problems.length} problem(s)`);
  process.exit(3);
}
const { problems, ...compiled } = catalogue;
writeFileSync(join(dist, 'catalogue.json'), JSON.stringify(compiled));

if (process.argv.includes('--write-schema')) {
  mkdirSync(join(root, 'catalogue', 'schema'), { recursive: true });
  for (const name of Object.keys(tools.SCHEMAS)) {
    const file = join(root, 'catalogue', 'schema', `${name}.schema.json`);
    writeFileSync(file, JSON.stringify(tools.jsonSchemaOf(name), null, 2) + '\n');
    console.error(`wrote ${file}`);
  }
}
