// Method names as terminal links (OSC 8) in list, search, show and the actie advice: present on a
// terminal that supports them (FORCE_HYPERLINK stands in for one), absent everywhere else, and
// never changing what a person sees.
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/main.js';

const OSC8 = /\u001b\]8;;[^\u0007]*\u0007/g;
const SGR = /\u001b\[[0-9;]*m/;
const ANSWERS = ['--animo', 'bijsturen', '--contact', 'benutten', '--toerusting', 'aanreiken', '--inbedding', 'beide', '--empathie', 'beide', '--over', 'jongeren'];
const COMMANDS = [['list'], ['search', 'dorp'], ['show', 'maatschappelijke-activeringscentra'], ['actie', ...ANSWERS, '--no-pager']];

/** A run in-process with stdout a terminal of 100 columns (or a pipe). */
const run = (args: string[], env: NodeJS.ProcessEnv, tty = true) => runMain(args, { env, ...(tty ? { columns: 100 } : {}) });

describe('links on a terminal', () => {
  it.each(COMMANDS.map((args) => [args.slice(0, 2).join(' '), args]))('%s: names are links, and without the escapes the output is byte for byte the same', async (_, args) => {
    const linked = await run(args as string[], { FORCE_HYPERLINK: '1', FORCE_COLOR: '1' });
    const plain = await run(args as string[], { FORCE_HYPERLINK: '0', FORCE_COLOR: '1' });
    expect(linked.code).toBe(0);
    expect(linked.stdout.match(OSC8)?.length).toBeGreaterThan(0);
    expect(plain.stdout).not.toMatch(OSC8);
    expect(linked.stdout.replace(OSC8, '')).toBe(plain.stdout);
  });

  it('NO_COLOR takes the colour away, not the links; --no-color takes both', async () => {
    const noColor = await run(['list'], { FORCE_HYPERLINK: '1', NO_COLOR: '1' });
    expect(noColor.stdout).toMatch(OSC8);
    expect(noColor.stdout).not.toMatch(SGR);
    // Without FORCE_HYPERLINK the terminal decides, except after --no-color.
    expect((await run(['--no-color', 'list'], { TERM_PROGRAM: 'ghostty' })).stdout).not.toMatch(/\u001b/);
  });

  it.each(COMMANDS.map((args) => [args.slice(0, 2).join(' '), args]))('%s piped: no escapes of any kind', async (_, args) => {
    const piped = await run(args as string[], { TERM_PROGRAM: 'ghostty' }, false);
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toMatch(/\u001b/);
  });

});

