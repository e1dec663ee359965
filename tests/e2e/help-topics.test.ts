// `help environment` and `help exit-codes`: every variable src/ reads, every exit code it gives.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/model/errors.js';
import { expectNoStackTrace, ROOT } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';

/** Every TypeScript file under src/, with its text. */
function sources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : [],
  );
}

/**
 * The environment variables src/ reads: `env.NAME`, `process.env.NAME`, and `env[CONSTANT]` with the
 * constant's string (`export const ENV_X = 'NAME'`) looked up anywhere in src/.
 */
function variablesRead(): string[] {
  const texts = sources();
  const all = texts.join('\n');
  const constants = new Map([...all.matchAll(/\bconst (\w+) = '([A-Z][A-Z0-9_]+)'/g)].map((m) => [m[1], m[2]]));
  const names = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/\benv\??\.([A-Z][A-Z0-9_]+)\b/g)) names.add(m[1]);
    for (const m of text.matchAll(/\benv\[(\w+)\]/g)) {
      const name = constants.get(m[1]);
      expect(name, `env[${m[1]}]: a constant with a variable's name`).toBeDefined();
      names.add(name!);
    }
  }
  return [...names].sort();
}

describe('help environment', () => {
  it('names every environment variable that src/ reads', async () => {
    const read = variablesRead();
    // The reader above finds what it should (it is not empty by mistake).
    for (const name of ['METHODEWIJZER_CATALOGUE', 'METHODEWIJZER_DOSSIERS', 'METHODEWIJZER_NOW', 'METHODEWIJZER_DEBUG', 'NO_COLOR', 'XDG_CACHE_HOME', 'BROWSER']) {
      expect(read).toContain(name);
    }
    const r = await runMain(['help', 'environment']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const terms = r.stdout.match(/^ {2}\S.*$/gm)!.flatMap((line) => line.trim().split(/ {2,}/)[0].split(', '));
    expect(read.filter((name) => !terms.includes(name))).toEqual([]);
  });

  it('fits the width of the terminal', async () => {
    const r = await runMain(['help', 'environment'], { columns: 50 });
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(50);
  });
});

describe('help exit-codes', () => {
  it('gives every exit code the CLI uses, in order, each with its meaning', async () => {
    const r = await runMain(['help', 'exit-codes']);
    expect(r.code).toBe(0);
    const codes = r.stdout.match(/^ {2}\d+ +\S/gm)!.map((line) => Number.parseInt(line, 10));
    expect(codes).toEqual(Object.values(EXIT));
    expect(r.stdout).toMatch(/^ {2}2 +verkeerd gebruik/m);
  });
});

describe('help topics', () => {
  it('the top-level help points to both', async () => {
    const help = (await runMain(['--help'])).stdout;
    expect(help).toContain('methodewijzer help environment');
    expect(help).toContain('methodewijzer help exit-codes');
    expect((await runMain(['help', 'help'])).stdout).toContain('environment, exit-codes');
  });

  it('a mistyped topic is a usage error with a suggestion', async () => {
    const r = await runMain(['help', 'exitcodes']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/onbekende opdracht 'exitcodes'\nBedoelde u: exit-codes\?/);
    expectNoStackTrace(r.stderr);
  });
});
