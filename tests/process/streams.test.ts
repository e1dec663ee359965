// Any stream: stdin, stdout and stderr each a terminal, a file, /dev/null, a pipe or closed, for the
// commands that ask (actie, search without words) and for one that only prints (list). The binary runs
// in a real pseudo-terminal (`script`, tests/helpers/streams.ts), many runs to one terminal. The rule
// under test (README, "Vragen en de terminal"): a command asks only when stdin is a terminal it can read
// and stderr one it can write; otherwise it gives its usage error (exit 2), naming the options. The
// runs that do ask are in streams-terminal.test.ts; odd descriptors and the pager in streams-odd.test.ts.
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/main.js';
import { actieRefusal, canAsk, CELLS, describeCell, expectClean, KINDS, runCells, SEARCH_USAGE, type Cell, type Result } from '../helpers/streams.js';
import { squash } from '../helpers/text.js';
import { lacks } from '../helpers/tools.js';

/** Why actie cannot ask in `c` (stdin and stderr of the five kinds), as its usage error says. */
const reason = (c: Cell) => (c.stdin.terminal ? 'stderr is geen terminal (daar staan de vragen)' : 'stdin is geen terminal');

/** actie without its answers, where it cannot ask: exit 2, nothing on stdout, the options on stderr. */
function expectActieRefuses(c: Cell, r: Result): void {
  const label = describeCell(c);
  expect.soft(r.code, label).toBe(2);
  if (r.out !== undefined) expect.soft(r.out, label).toBe('');
  const message = actieRefusal(reason(c));
  if (r.err !== undefined) {
    expect.soft(r.err, label).toContain(`${message}\n`);
    expect.soft(r.err, label).toContain('\n  --animo aansluiten|bijsturen|beide|onbekend\n');
  }
  // On the terminal: the error where stderr is the terminal, and nothing else (no prompt, no advice).
  if (c.stderr.terminal) expect.soft(squash(r.screen), label).toContain(squash(message));
  else expect.soft(r.screen.trim(), label).toBe('');
}

describe.skipIf(lacks('script', 'tests of every stream'))('the streams in every combination (no key typed)', () => {
  // One test per kind of stdin and command: a failure names the combination.
  describe.each(KINDS.map((k) => [k.name, k] as const))('stdin %s', (_, stdin) => {
    const cells = CELLS.filter((c) => c.stdin === stdin);

    it('actie without answers: where it cannot ask, exit 2 and the options to give instead', async () => {
      const refused = cells.filter((c) => !canAsk(c));
      const results = await runCells(['actie'], refused);
      refused.forEach((c, i) => {
        expectClean(results[i]);
        expectActieRefuses(c, results[i]);
      });
    });

    it('search without words: where it cannot ask, the usage error it always gave, exit 2', async () => {
      const refused = cells.filter((c) => !canAsk(c));
      const results = await runCells(['search'], refused);
      refused.forEach((c, i) => {
        const r = results[i];
        expectClean(r);
        expect.soft(r.code, describeCell(c)).toBe(2);
        if (r.out !== undefined) expect.soft(r.out, describeCell(c)).toBe('');
        if (r.err !== undefined) expect.soft(r.err, describeCell(c)).toBe(SEARCH_USAGE);
        if (c.stderr.terminal) expect.soft(r.screen, describeCell(c)).toContain(SEARCH_USAGE.split('\n')[0]);
      });
    });

    it('list: exit 0, and the same data wherever stdout can be read back', async () => {
      const results = await runCells(['list'], cells);
      const piped = await runMain(['list']);
      cells.forEach((c, i) => {
        const r = results[i];
        expectClean(r);
        expect.soft(r.code, describeCell(c)).toBe(0);
        if (r.out !== undefined) expect.soft(r.out, describeCell(c)).toBe(piped.stdout);
        // The count under the table is for a person: only where stdout is a terminal.
        if (r.err !== undefined) expect.soft(r.err, describeCell(c)).toBe(c.stdout.terminal ? '39 methoden. Meer over een methode: methodewijzer show <id of naam>\n' : '');
        if (c.stdout.terminal) expect.soft(r.screen, describeCell(c)).toMatch(/^ABCD .* A C · · · /m);
      });
    });
  });
});
