// Every `$ `-example a user can copy, from the README and from each command's --help, run as they would
// run it: in a shell (examples have redirections, pipes and quotes), as `methodewijzer` on PATH, in a
// fresh folder with a fresh home (HOME, the XDG folders, the dossiers all temporary), no browser
// (BROWSER=true: started, and does nothing), no pager. The examples run in the order a reader meets
// them, the README's in one folder and those of the help in another (both write methoden.csv), so a
// later one finds what an earlier one made (the dossier of `actie --dossier` for `dossier show`). Each ends with exit 0 or the code its documentation gives, never a stack trace.
// Examples that ask (actie without all answers, search without words) need a terminal: here they are
// recognised and run without one, and must then say so and end with exit 2, as documented (README,
// "Vragen en de terminal"); what they ask is tested with a terminal in tests/process/actie-*.test.ts.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { cleanEnv, expectNoStackTrace, ROOT, tempDir } from '../helpers/env.js';

/** The examples of a text: each line after `$ `, joined with the lines a trailing backslash continues it on. */
function examplesIn(text: string): string[] {
  const joined = text.replace(/ \\\n\s+/g, ' ');
  return [...joined.matchAll(/^\s*\$ (methodewijzer\b.*)$/gm)].map((m) => m[1].trim());
}

const help = (args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--help'], { encoding: 'utf8', env: cleanEnv() }).stdout;
const commands = [...help([]).matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]).filter((c) => c !== 'help');

const examples: { where: string; line: string }[] = [];
const add = (where: string, lines: string[]) => {
  for (const line of lines) if (!examples.some((e) => e.line === line)) examples.push({ where, line });
};
add('README', examplesIn(readFileSync(join(ROOT, 'README.md'), 'utf8')));
add('methodewijzer --help', examplesIn(help([])));
for (const command of commands) add(`${command} --help`, examplesIn(help([command])));

/** The five answers: with all of them given, actie asks nothing. */
const ANSWERS = ['--animo', '--contact', '--toerusting', '--inbedding', '--empathie'];

/** Whether the example asks the user something, so that it needs a terminal. */
function asks(line: string): boolean {
  const words = line.split(/\s+/).slice(1);
  const command = words.find((w) => !w.startsWith('-'));
  if (command === 'actie') return !ANSWERS.every((a) => words.includes(a)) && !words.includes('--explain');
  if (command === 'search') return words.slice(words.indexOf('search') + 1).every((w, i, all) => w.startsWith('-') || (i > 0 && all[i - 1] === '--element'));
  return false;
}

/**
 * Examples whose documented outcome is not exit 0, and why; or that cannot run on this branch yet.
 * Matched against the whole line.
 */
const EXPECTED: { pattern: RegExp; code: number; why: string }[] = [
  // new writes a template whose `VUL IN` fields validate reports until they are filled (README, "Eigen methoden").
  { pattern: /validate (\.\/)?mijn-methoden$|--catalogue \.\/mijn-methoden validate$/, code: 3, why: 'the template of new is not filled in yet' },
  { pattern: /validate a b --json$/, code: 3, why: 'folders a and b do not exist: a problem of each, reported' },
];

const work = tempDir('examples-');
const home = join(work, 'home');
const bin = join(work, 'bin');
/** The folder each source's examples run in. */
const folders = { readme: join(work, 'readme'), help: join(work, 'help') };
for (const dir of [home, bin, ...Object.values(folders)]) mkdirSync(dir);
writeFileSync(join(bin, 'methodewijzer'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
chmodSync(join(bin, 'methodewijzer'), 0o755);
const env: NodeJS.ProcessEnv = {
  ...cleanEnv(),
  PATH: `${bin}${delimiter}${process.env.PATH}`,
  HOME: home,
  XDG_CACHE_HOME: join(home, '.cache'),
  XDG_DATA_HOME: join(home, '.local', 'share'),
  XDG_CONFIG_HOME: join(home, '.config'),
  METHODEWIJZER_DOSSIERS: join(work, 'dossiers'),
  METHODEWIJZER_NOW: '2026-03-02T14:05',
  METHODEWIJZER_PAGER: '',
  BROWSER: 'true',
  // PowerShell's profile, for its install line when bash reads it.
  PROFILE: join(home, 'profile.ps1'),
};
delete env.CI;

describe('the examples', () => {
  it('are found: in the README and in the help of every command', () => {
    expect(commands.length).toBeGreaterThan(10);
    expect(examples.filter((e) => e.where === 'README').length).toBeGreaterThan(4);
    for (const command of commands) expect(examples.some((e) => e.where === `${command} --help`) || examples.some((e) => e.line.includes(` ${command}`)), command).toBe(true);
  });

  it.each(examples.map((e) => [`${e.where}: ${e.line}`, e] as const))('%s', (_, { where, line }) => {
    const run = spawnSync('bash', ['-c', line], { cwd: where === 'README' ? folders.readme : folders.help, env, encoding: 'utf8', input: '' });
    expectNoStackTrace(run.stderr);
    if (asks(line)) {
      // actie says it cannot ask without a terminal; search without words gives its usual usage error.
      expect(run.stderr, line).toMatch(/terminal|woorden.*ontbreekt/);
      expect(run.status, `${line}\n${run.stderr}`).toBe(2);
      return;
    }
    const expected = EXPECTED.find((e) => e.pattern.test(line));
    expect(run.status, `${line}\n${run.stderr}`).toBe(expected?.code ?? 0);
  });
});
