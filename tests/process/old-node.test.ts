// bin/methodewijzer.cjs before anything is loaded: a Node.js older than engines allows, and a checkout
// that is not built yet, each get one line and exit 1 instead of a screen of minified source.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeBinary, nodeCacheDir } from '../../scripts/node-versions.mjs';
import { BIN } from '../helpers/cli.js';
import { ROOT, cleanEnv, tempDir } from '../helpers/env.js';
import { TOOLS_REQUIRED } from '../helpers/tools.js';

/** Node.js `major` from the cache of scripts/node-versions.mjs; fetched first only where CI requires every tool. */
function oldNode(major: number): string | undefined {
  const cached = join(nodeCacheDir(), `node-${major}`, 'bin', 'node');
  if (existsSync(cached)) return cached;
  return TOOLS_REQUIRED ? nodeBinary(major) : undefined;
}

const run = (node: string, bin: string, args: string[]) => spawnSync(node, [bin, ...args], { encoding: 'utf8', env: cleanEnv(), input: '' });

describe.each([12, 18])('on Node.js %i', (major) => {
  const node = oldNode(major);
  // Skipped where that Node.js was never fetched: `node scripts/node-versions.mjs 12 18` fetches it.
  it.skipIf(!node)(`says in one line which version is needed, exit 1 (needs Node ${major} from scripts/node-versions.mjs)`, () => {
    const version = spawnSync(node!, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^v/, '');
    for (const args of [['list'], ['actie'], ['--version'], []]) {
      const r = run(node!, BIN, args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`methodewijzer: Node.js 20.17 of nieuwer is nodig (u heeft ${version})\n`);
    }
  });
});

describe('a checkout that is not built', () => {
  it('says which command builds it, in one line, exit 1', () => {
    const dir = tempDir('unbuilt-');
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    const r = run(process.execPath, join(dir, 'bin', 'methodewijzer.cjs'), ['list']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `methodewijzer: deze map is nog niet gebouwd (dist/boot.cjs ontbreekt); voer \`npm run build\` uit in ${dir} (of \`npm ci\`, dat ook bouwt)\n`,
    );
  });
});
