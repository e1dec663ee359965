import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/env.js';

const { nodeVersionProblem } = createRequire(import.meta.url)(join(ROOT, 'bin', 'methodewijzer.cjs')) as {
  nodeVersionProblem(version: string): string | undefined;
};
const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

/** Whether `version` lies in `range`, for the two forms engines uses: ^x.y.z and >=x.y.z, joined by ||. */
function inRange(version: string, range: string): boolean {
  const [major, minor, patch] = version.split('.').map(Number);
  return range.split('||').some((part) => {
    const [, op, a, b, c] = /^\s*(\^|>=)(\d+)\.(\d+)\.(\d+)\s*$/.exec(part)!;
    const atLeast = major > +a || (major === +a && (minor > +b || (minor === +b && patch >= +c)));
    return op === '^' ? major === +a && atLeast : atLeast;
  });
}

describe('nodeVersionProblem (bin/methodewijzer.cjs)', () => {
  it('accepts exactly the versions package.json engines allows', () => {
    expect(engines).toMatch(/^(\s*(\^|>=)\d+\.\d+\.\d+\s*)(\|\|(\s*(\^|>=)\d+\.\d+\.\d+\s*))*$/);
    for (let major = 8; major <= 30; major++) {
      for (let minor = 0; minor <= 25; minor++) {
        const version = `${major}.${minor}.0`;
        expect(nodeVersionProblem(version) === undefined, version).toBe(inRange(version, engines));
      }
    }
  });

  it.each([
    ['18.19.0', 'Node.js 20.17 of nieuwer is nodig (u heeft 18.19.0)'],
    ['v12.22.12', 'Node.js 20.17 of nieuwer is nodig (u heeft 12.22.12)'],
    ['20.16.0', 'Node.js 20.17 of nieuwer is nodig (u heeft 20.16.0)'],
    ['21.7.3', 'Node.js 20 (vanaf 20.17), 22 (vanaf 22.13) of 23.5 en nieuwer is nodig (u heeft 21.7.3)'],
    ['22.12.0', 'Node.js 20 (vanaf 20.17), 22 (vanaf 22.13) of 23.5 en nieuwer is nodig (u heeft 22.12.0)'],
    ['23.4.0', 'Node.js 20 (vanaf 20.17), 22 (vanaf 22.13) of 23.5 en nieuwer is nodig (u heeft 23.4.0)'],
  ])('names the version needed for %s', (version, message) => {
    expect(nodeVersionProblem(version)).toBe(message);
  });

  it.each(['20.17.0', '20.19.2', '22.13.0', '23.5.0', '24.0.0', process.versions.node])('lets %s run', (version) => {
    expect(nodeVersionProblem(version)).toBeUndefined();
  });
});
