// The one render decision (src/cli/output.ts, chooseView): --json, else the view for where stdout goes,
// else the other text view; tested in every mode, as gh's list tests test TTY and pipe.
import { describe, expect, it } from 'vitest';
import { chooseView, type Mode } from '../../src/cli/output.js';
import type { Output, Views } from '../../src/runtime/command.js';
import type { Context } from '../../src/runtime/context.js';

const ctx = { width: 40 } as Context;
const data = ['a', 'b'];
const both: Views<string[]> = {
  json: (xs) => ({ count: xs.length }),
  plain: (xs) => xs.join('\t') + '\n',
  terminal: (xs, c) => ({ text: `${xs.join(' | ')} (${c.width})\n`, note: '2 stuks\n' }),
  paged: true,
};
const shown = (views: Views<string[]>, mode: Mode, extra: Partial<Output<string[]>> = {}) => chooseView({ data, views, ...extra }, mode, ctx);

describe('chooseView', () => {
  it.each<[string, Views<string[]>, Mode, ReturnType<typeof chooseView>]>([
    ['--json: the json view', both, 'json', { text: '{\n  "count": 2\n}\n', note: undefined }],
    ['--json without a json view: the data itself', { plain: both.plain }, 'json', { text: '[\n  "a",\n  "b"\n]\n', note: undefined }],
    ['a pipe: the plain view, never paged', both, 'plain', { text: 'a\tb\n', note: undefined, paged: false }],
    ['a terminal: the terminal view with its note, paged', both, 'terminal', { text: 'a | b (40)\n', note: '2 stuks\n', paged: true }],
    ['a pipe without a plain view: the terminal one', { terminal: both.terminal }, 'plain', { text: 'a | b (40)\n', note: '2 stuks\n', paged: false }],
    ['a terminal without a terminal view: the plain one', { plain: both.plain }, 'terminal', { text: 'a\tb\n', note: undefined, paged: false }],
    ['no text view: nothing on stdout', { json: both.json }, 'terminal', { text: undefined, note: undefined, paged: false }],
  ])('%s', (_, views, mode, expected) => {
    expect(shown(views, mode)).toEqual(expected);
  });

  it("puts the command's note before the view's own, in every mode", () => {
    expect(shown(both, 'terminal', { note: 'overgeslagen: x\n' }).note).toBe('overgeslagen: x\n2 stuks\n');
    expect(shown(both, 'plain', { note: 'overgeslagen: x\n' }).note).toBe('overgeslagen: x\n');
    expect(shown(both, 'json', { note: 'overgeslagen: x\n' }).note).toBe('overgeslagen: x\n');
  });
});
