#!/usr/bin/env node
// The package.json that ships runs nothing on install: `npm pack` and `npm publish` call this with
// `strip` before they pack (prepack) and with `restore` after (postpack). `strip` takes "scripts" out
// of package.json, which hold the checkout's `prepare` (the build that `npm install` in a checkout
// runs) and commands for scripts/ that the package does not carry; a global install of the tarball
// would otherwise warn about an install script it cannot run. `restore` puts the file back byte for
// byte. A pack that failed between the two leaves the copy behind: the next `strip` restores it first.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'package.json');
const kept = join(root, 'node_modules', '.cache', 'methodewijzer', 'package.json.before-pack');

function restore() {
  if (existsSync(kept)) renameSync(kept, manifest);
}

const action = process.argv[2];
if (action === 'strip') {
  restore();
  const text = readFileSync(manifest, 'utf8');
  const { scripts, ...shipped } = JSON.parse(text);
  mkdirSync(dirname(kept), { recursive: true });
  writeFileSync(kept, text);
  writeFileSync(manifest, JSON.stringify(shipped, null, 2) + '\n');
} else if (action === 'restore') {
  restore();
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
