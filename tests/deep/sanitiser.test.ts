// One sanitiser for everything that reaches the terminal, over every command, piped and on a terminal:
// a sweep of 58 runs. tests/e2e/bad-input.test.ts has the same for catalogue text in the main commands.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { expectNoStackTrace, tempDir } from '../helpers/env.js';
import { runMain } from '../helpers/main.js';

describe('one sanitiser: nothing from the catalogue or the command line reaches the terminal raw', () => {
  // C0 (an OSC 0 title), C1 (CSI and OSC as single characters) and a bidi override, in every text field,
  // in folder and file names, in values and keys that validation quotes back, and in what is typed.
  const evil = 'X\u001b]0;TITEL\u0007\u009b31m\u009d0;T\u009c\u202eY';
  const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  /** The CLI's own escapes: colour (SGR) and links (OSC 8 with a printable URL). */
  const withoutOwn = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').replace(/\u001b\]8;;[\x21-\x7e]*\u0007/g, '');
  let dir: string;
  beforeAll(() => {
    dir = join(tempDir('kwaad-'), `map${evil}`);
    userFolder({
      'goed.yaml': yamlOf(method({ id: 'kwaad', name: `Naam ${evil}`, summary: `Samenvatting ${evil}`, aliases: [`ook ${evil}`], tags: ['wijk'] })),
      [`bestand${evil}.yaml`]: `id: x\nname: A\nsummary: S\nelements: [animo, "el${evil}"]\nsource: {kind: "k${evil}"}\nurl: "https://example.org/${evil}"\n"veld${evil}": 1\n`,
      'dubbel.yaml': `id: z\n"n${evil}": 1\n"n${evil}": 2\n`,
      'syntax.yaml': `id: [z${evil}\n`,
    }, dir);
  });
  const answers = ['--animo', 'beide', '--contact', 'beide', '--toerusting', 'beide', '--inbedding', 'beide', '--empathie', 'beide'];
  it.each([
    ['list'], ['list', '--json'], ['show', 'kwaad'], ['show', 'kwaad', '--json'], ['show', `zzz${evil}`], ['search', 'naam'], ['search', 'naam', '--json'],
    ['search', `q${evil}`], ['compare', 'kwaad', 'abcd'], ['compare', 'kwaad', 'abcd', '--json'], ['tags'], ['tags', '--json'],
    ['export', '-f', 'md'], ['export', '-f', 'csv'], ['export', '-f', 'yaml'], ['export', '-f', 'json'], ['validate'], ['validate', '--json'],
    ['new', `N${evil}`], ['open', 'kwaad'], ['__complete', 'ids'], ['actie', ...answers], ['actie', '--json', ...answers],
    ['list', '-t', `t${evil}`], ['list', '-e', `e${evil}`], ['export', '-f', `f${evil}`], ['actie', '--animo', `a${evil}`], [`opdracht${evil}`], ['list', `--x${evil}`],
  ].map((args) => [args.join(' ').replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`), args]))('%s', async (_name, args) => {
    for (const tty of [false, true]) {
      const env = { BROWSER: 'none', ...(tty ? { FORCE_COLOR: '1' } : {}) };
      const r = await runMain(['--catalogue', dir, ...args], { columns: tty ? 100 : undefined, env });
      expectNoStackTrace(r.stderr);
      for (const text of [r.stdout, r.stderr]) {
        const found = raw.exec(withoutOwn(text));
        expect(found && JSON.stringify(withoutOwn(text).slice(Math.max(0, found.index - 60), found.index + 10)), `${tty ? 'terminal' : 'pipe'}`).toBeNull();
      }
    }
  });
});

