#!/usr/bin/env node
// Builds dist/, what bin/ runs and all that the package ships besides bin/ and catalogue/:
//   cli.cjs        the CLI and all of src/, one CommonJS bundle (esbuild);
//   vendor/*.cjs   the large libraries that only some commands need (yaml, zod, prompts, fuse.js,
//                  csv), each its own bundle, loaded on first use;
//   boot.cjs       the entry for bin/: runs the CLI with a code cache in the user's cache folder (see
//                  src/boot/boot.ts), keyed by a hash of the bundles that this build writes into it;
//   catalogue.json the built-in catalogue, validated, so no YAML is parsed to show it;
//   THIRD-PARTY-NOTICES.txt the licence texts of every package bundled into the files above (esbuild's
//                  metafile says which), as their licences ask of whoever ships their code.
// Every library is in these bundles, so the package has no runtime dependencies.
// CommonJS rather than ESM because Node 20 gives scripts, not ES modules, a code cache.
// With --write-schema it also regenerates catalogue/schema/*.schema.json from the zod schema.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const finalDist = join(root, 'dist');
// Everything is built in a folder of its own and only then takes dist/'s place, so a CLI that runs
// during a build (npm link, a second terminal) finds the old build or the new one, never half of one.
const dist = join(root, `.dist-build-${process.pid}`);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * Libraries bundled apart from the CLI, by import name; the CLI requires them lazily. `open` bundled
 * finds no import.meta.url, so it starts the system's xdg-open rather than a copy of its own.
 */
const VENDOR = ['yaml', 'zod', '@inquirer/core', '@inquirer/search', 'fuse.js', 'snowball-stemmers', 'csv-stringify/sync', 'chalk', 'open', 'supports-hyperlinks', 'string-width'];
/**
 * Libraries the CLI takes the default export of: their bundle's module.exports is that export, with the
 * named exports on it, since the CLI's bundle reads module.exports as the default (Node's rule for an
 * ES module importing CommonJS).
 */
const DEFAULT_EXPORT = ['@inquirer/search', 'open'];
/** What the CLI uses of a library, where that is much less than all of it (tree-shaken away). */
const USED = { '@inquirer/core': ['createPrompt', 'isDownKey', 'isEnterKey', 'isUpKey', 'useEffect', 'useKeypress', 'useState'] };
const vendorFile = (name) => `vendor/${name.replace(/^@/, '').replace(/[/.]/g, '-')}.cjs`;

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Which files went into each bundle: the packages in it need their licence in THIRD-PARTY-NOTICES.txt.
  metafile: true,
};

/** What src/ learns of being bundled: that it is, and its own file's URL (import.meta has no url in CommonJS). */
const bundled = {
  define: { __BUNDLED__: 'true', 'import.meta.url': '__import_meta_url' },
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
};

/**
 * Libraries a command needs only now and then, loaded when first called rather than when the module
 * that imports them starts: fuse.js serves only some query words, chalk only output with colour,
 * supports-hyperlinks only output to a terminal, string-width only text other than plain ASCII
 * measured for a terminal (it makes an Intl.Segmenter as it loads), snowball-stemmers (all its
 * languages in one file) only query words the catalogue does not have as typed. Each by import name, with the
 * class or function the CLI takes from it.
 */
const LAZY = { 'fuse.js': 'default', 'snowball-stemmers': 'newStemmer', chalk: 'Chalk', 'supports-hyperlinks': 'createSupportsHyperlinks', 'string-width': 'default' };

const vendorPlugin = {
  name: 'vendor',
  setup(b) {
    const filter = new RegExp(`^(${VENDOR.map((v) => v.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) =>
      args.path in LAZY && args.namespace !== 'lazy'
        ? { path: args.path, namespace: 'lazy' }
        : { path: `./${vendorFile(args.path)}`, external: true },
    );
    // A constructor or function that loads the real one on first use, and is called as it is (with or without new).
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents:
        `let Real;\n` +
        `function Lazy(...a) {\n` +
        `  if (!Real) { const m = require(${JSON.stringify(args.path)}); Real = m[${JSON.stringify(LAZY[args.path])}] ?? m; }\n` +
        `  return new.target ? new Real(...a) : Real(...a);\n` +
        `}\n` +
        `module.exports = Lazy; module.exports.default = Lazy; module.exports[${JSON.stringify(LAZY[args.path])}] = Lazy;\n`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/** Keeps start-up lean: see the two files in scripts/shims/. */
const shimPlugin = {
  name: 'shims',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: join(root, 'scripts/shims/supports-color.js') }));
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/commander/`) ? { path: join(root, 'scripts/shims/child-process.cjs') } : undefined,
    );
  },
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
process.on('exit', () => rmSync(dist, { recursive: true, force: true }));

// The build's own tools (the catalogue compiler, the slugs of scripts/gen-catalogue.mjs) are bundled
// outside dist/, so they do not ship: into node_modules/.cache, where the scripts find them.
const toolsFile = join(root, 'node_modules', '.cache', 'methodewijzer', 'build-tools.cjs');

const shipped = await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'src/cli/program.ts' },
    outdir: dist,
    outExtension: { '.js': '.cjs' },
    plugins: [vendorPlugin, shimPlugin],
    // import() of a library becomes require(): the code cache compiles scripts, which cannot import().
    supported: { 'dynamic-import': false },
    // Less to read and hash on every start; names stay, so a stack trace (METHODEWIJZER_DEBUG) reads.
    minifyWhitespace: true,
    minifySyntax: true,
    define: { __VERSION__: JSON.stringify(pkg.version), ...bundled.define },
    banner: bundled.banner,
  }),
  ...VENDOR.map((name) =>
    build({
      ...common,
      stdin: USED[name]
        ? { contents: `export { ${USED[name].join(', ')} } from ${JSON.stringify(name)};`, resolveDir: root, loader: 'js' }
        : DEFAULT_EXPORT.includes(name)
          ? { contents: `const m = require(${JSON.stringify(name)});\nmodule.exports = Object.assign(m.default, m);`, resolveDir: root }
          : { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root },
      outfile: join(dist, vendorFile(name)),
      plugins: [shimPlugin],
    }),
  ),
]);
// The build's tools do not ship, so their libraries need no notice.
await build({ ...common, entryPoints: ['src/build-tools.ts'], outfile: toolsFile, define: { __VERSION__: JSON.stringify(pkg.version), ...bundled.define }, banner: bundled.banner });

// The CLI's bundle must be ASCII: src/boot/boot.ts then reads it as Latin-1, twice as fast as UTF-8, on
// every run. esbuild escapes strings but not regular expressions: write \u00e9, not the letter itself.
const cliSource = readFileSync(join(dist, 'cli.cjs'), 'latin1');
const nonAscii = cliSource.search(/[^\x00-\x7f]/);
if (nonAscii >= 0) {
  const line = cliSource.slice(0, nonAscii).split('\n').length;
  throw new Error(`dist/cli.cjs is not ASCII (line ${line}: ...${cliSource.slice(Math.max(0, nonAscii - 40), nonAscii + 10)}...); escape the character in src/ as \\u....`);
}

// boot.cjs last, with a hash of every bundle it may load: the key of the code cache it keeps.
const hash = createHash('sha256');
for (const file of ['cli.cjs', ...VENDOR.map(vendorFile)]) hash.update(file).update(readFileSync(join(dist, file)));
shipped.push(await build({
  ...common,
  entryPoints: { boot: 'src/boot/boot.ts' },
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  define: { __BUILD_ID__: JSON.stringify(hash.digest('hex').slice(0, 16)) },
}));
const shippedInputs = shipped.flatMap((result) => Object.keys(result.metafile.inputs));
writeFileSync(join(dist, 'THIRD-PARTY-NOTICES.txt'), thirdPartyNotices(shippedInputs));
// For tests/e2e/notices.test.ts: what went into dist/, as esbuild reports it (the minified cli.cjs names no sources).
writeFileSync(join(dirname(toolsFile), 'shipped-inputs.json'), JSON.stringify(shippedInputs));

const require = createRequire(import.meta.url);
const tools = require(toolsFile);
const catalogue = tools.compileBuiltin(join(root, 'catalogue'));
if (catalogue.problems.length) {
  for (const p of catalogue.problems) console.error(tools.formatProblem(p));
  console.error(`build: the built-in catalogue has ${catalogue.problems.length} problem(s)`);
  process.exit(3);
}
const { problems, ...compiled } = catalogue;
compiled.searchIndex = tools.indexToJson(tools.buildIndex(compiled.methods, compiled.words.words));
compiled.nameOrder = tools.sortByName(compiled.methods).map((m) => m.id);
writeFileSync(join(dist, 'catalogue.json'), JSON.stringify(compiled));

if (process.argv.includes('--write-schema')) {
  mkdirSync(join(root, 'catalogue', 'schema'), { recursive: true });
  for (const name of Object.keys(tools.SCHEMAS)) {
    const file = join(root, 'catalogue', 'schema', `${name}.schema.json`);
    writeFileSync(file, JSON.stringify(tools.jsonSchemaOf(name), null, 2) + '\n');
    console.error(`wrote ${file}`);
  }
}

/**
 * The notices file: for every package under node_modules/ that one of `inputs` (esbuild's input paths)
 * comes from, its name, version and licence, then the text of its licence files (LICENSE, LICENCE,
 * COPYING, NOTICE, in any case and with any extension). A package without such a file gets its
 * package.json "license" field and author, the most it says of itself; the build fails on a package
 * that says nothing, rather than ship its code without a word.
 */
function thirdPartyNotices(inputs) {
  const folders = new Set();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll('\\', '/'));
    if (match) folders.add(match[1]);
  }
  const sections = [...folders]
    .map((folder) => {
      const own = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8'));
      const files = readdirSync(join(root, folder))
        .filter((name) => /^(licen[cs]e|copying|notice)([.-]|$)/i.test(name))
        .sort();
      const licence = typeof own.license === 'string' ? own.license : (own.license?.type ?? own.licenses?.map((l) => l.type).join(' OR '));
      if (!files.length && !licence) throw new Error(`build: ${folder} has no licence file and no "license" field; it cannot be shipped`);
      const author = typeof own.author === 'string' ? own.author : own.author?.name;
      const texts = files.length
        ? files.map((name) => readFileSync(join(root, folder, name), 'utf8').trim())
        : [`(No licence file in the package; its package.json says "license": "${licence}"${author ? `, "author": "${author}"` : ''}.)`];
      return { name: own.name, text: [`${own.name}@${own.version} (${licence ?? 'see below'})`, own.homepage ?? own.repository?.url ?? '', '', ...texts].filter((line, i) => i !== 1 || line).join('\n') };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rule = '-'.repeat(72);
  return (
    `THIRD-PARTY NOTICES for ${pkg.name} ${pkg.version}\n\n` +
    `The files in dist/ hold code of the ${sections.length} packages below, bundled by esbuild.\n` +
    `Their licences follow, as each package ships them.\n\n` +
    sections.map((s) => `${rule}\n${s.text}\n`).join('\n')
  );
}

// The swap: the old build steps aside, the new one takes its place, the old one goes.
const old = join(root, `.dist-old-${process.pid}`);
if (existsSync(finalDist)) renameSync(finalDist, old);
renameSync(dist, finalDist);
rmSync(old, { recursive: true, force: true });
