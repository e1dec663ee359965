// The search picker driven in-process through @inquirer/testing: keys in, screens and the chosen method out.
import { render } from '@inquirer/testing';
import { rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { openSearcher, type Searcher } from '../../src/catalogue/searcher.js';
import { createContext } from '../../src/runtime/context.js';
import type { FilterFlags } from '../../src/core/methods.js';
import { formatPickLines, PICK_KEYS, PICK_NONE } from '../../src/format/pick.js';
import { pickerConfig, pickPrompt } from '../../src/prompts/pick.js';
import { makeStyle } from '../../src/text/terminal.js';
import { generateMethods } from '../../scripts/gen-catalogue.mjs';
import { bigFolder, method, userFolder, yamlOf } from '../helpers/catalogue.js';
import { cleanEnv } from '../helpers/env.js';

const { methods } = await openCatalogue();
const plain = makeStyle(false);
const byName = [...methods].sort((a, b) => a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }));
const sink = { write: () => true, isTTY: false };

async function searcher(flags: FilterFlags = {}, folders: string[] = []): Promise<Searcher> {
  const ctx = createContext({ color: false, catalogue: folders }, { stdin: Readable.from([]), stdout: sink, stderr: sink, env: cleanEnv() });
  return openSearcher(ctx, flags);
}

async function start(s: Searcher, { limit = 10, columns = 80, rows = 24 } = {}) {
  const rendered = await render(pickPrompt, pickerConfig(s, { style: plain, limit, terminal: { columns, rows } }));
  // A test that ends before an answer leaves the prompt open; closing it then is no failure.
  rendered.answer.catch(() => {});
  await rendered.nextRender();
  return rendered;
}

/** The names in the list on the screen, top to bottom. */
const listed = (screen: string) =>
  screen
    .split('\n')
    .filter((l) => /^[❯ ] \S/.test(l))
    .map((l) => l.slice(2).replace(/\s+[A·] [C·] [T·] [I·] [E·]$/, ''));

describe('the search picker', () => {
  it('before a word is typed: every method by name, with a hint, the grid, and the id and summary of the one under the cursor', async () => {
    const { getScreen } = await start(await searcher(), { rows: 100, limit: 100 });
    const screen = getScreen();
    expect(screen).toContain(`${methods.length} methoden op naam; typ woorden om te zoeken`);
    expect(listed(screen)).toEqual(byName.map((m) => m.name));
    expect(screen).toMatch(/❯ ABCD {2,}A C · · ·\n/);
    expect(screen).toContain(`abcd · ${methods.find((m) => m.id === 'abcd')!.summary.slice(0, 40)}`);
    expect(screen).toContain(PICK_KEYS);
  });

  it('each key searches again: the results follow what is typed, best first', async () => {
    const { events, getScreen, nextRender } = await start(await searcher());
    events.type('jong');
    await nextRender();
    const jong = listed(getScreen());
    expect(jong.length).toBeGreaterThan(1);
    events.type('eren keet');
    await nextRender();
    expect(listed(getScreen())[0]).toBe('KeetKeur');
    expect(getScreen()).toMatch(/Zoek een methode: jongeren keet/);
  });

  it('arrows move, Enter answers with the method under the cursor', async () => {
    const { answer, events, getScreen, nextRender } = await start(await searcher());
    events.type('dorp');
    await nextRender();
    const shown = listed(getScreen());
    events.keypress('down');
    await nextRender();
    events.keypress('down');
    await nextRender();
    events.keypress('up');
    await nextRender();
    events.keypress('enter');
    const chosen = await answer;
    expect(chosen.name).toBe(shown[1]);
    expect(getScreen()).toBe(`✔ Zoek een methode: ${shown[1]}`);
  });

  it('Esc ends the prompt as Ctrl-C does: an ExitPromptError, which the CLI reports as "Afgebroken." with 130', async () => {
    const { answer, events } = await start(await searcher());
    events.type('keet');
    events.keypress('escape');
    await expect(answer).rejects.toMatchObject({ name: 'ExitPromptError' });
  });

  it('nothing found: says so in Dutch, and Enter picks nothing', async () => {
    const { answer, events, getScreen, nextRender } = await start(await searcher());
    events.type('qxzqxz');
    await nextRender();
    expect(getScreen()).toContain(`> ${PICK_NONE}`);
    // Enter with nothing under the cursor: no answer, the prompt stays (and draws nothing new).
    events.keypress('enter');
    events.keypress('escape');
    await expect(answer).rejects.toMatchObject({ name: 'ExitPromptError' });
  });

  it('the filters of search hold: --element, and an own folder is searched too', async () => {
    const animo = await start(await searcher({ element: ['animo'] }), { rows: 100, limit: 100 });
    const names = listed(animo.getScreen());
    expect(names).toEqual(byName.filter((m) => m.elements.includes('animo')).map((m) => m.name));
    const folder = userFolder({ 'soep.yaml': yamlOf(method({ id: 'buurtsoep', name: 'Buurtsoep', elements: ['contact'] })) });
    const own = await start(await searcher({}, [folder]));
    own.events.type('buurtsoep');
    await own.nextRender();
    expect(listed(own.getScreen())[0]).toBe('Buurtsoep');
  });

  it('one or two letters, too few to search on: the methods whose name starts so, by name', async () => {
    const { events, getScreen, nextRender } = await start(await searcher(), { rows: 100 });
    events.type('d');
    await nextRender();
    const d = byName.filter((m) => /^d/i.test(m.name));
    expect(getScreen()).toContain(`${d.length} methoden beginnen met "d"; typ verder om te zoeken`);
    expect(listed(getScreen())).toEqual(d.slice(0, 10).map((m) => m.name));
    events.type('e s');
    await nextRender();
    expect(listed(getScreen())).toEqual(['De Smederijen']);
  });

  it('a large catalogue: the first hundred by name before a word is typed, so every key stays quick', async () => {
    const folder = bigFolder(150, 50);
    const { getScreen } = await start(await searcher({}, [folder]), { rows: 200, limit: 200 });
    expect(getScreen()).toContain(`de eerste 100 van ${methods.length + 150} methoden op naam; typ woorden om te zoeken`);
    expect(listed(getScreen())).toHaveLength(100);
  });

  it('an own name with escapes (window title, clipboard, clear screen): no raw ESC reaches the terminal, not in the list nor in the echo after Enter', async () => {
    const name = 'Valse\u001b]0;GEHACKT\u0007naam\u001b]52;c;R0VIRUlN\u0007\u001b[2Jhier';
    const folder = userFolder({ 'vals.yaml': yamlOf(method({ id: 'valse-naam', name })) });
    const { answer, events, getFullOutput, nextRender } = await start(await searcher({}, [folder]));
    events.type('valse');
    await nextRender();
    events.keypress('enter');
    expect((await answer).name).toBe(name);
    const written = await getFullOutput({ raw: true });
    // The prompt's own codes move the cursor and erase lines (CSI with a letter after digits); nothing else.
    expect(written).not.toMatch(/\u001b\]|\u0007|\u001b\[2J/);
    expect(written).toContain('✔ Zoek een methode: Valse\\u001b]0;GEHACKT\\u0007naam\\u001b]52;c;R0VIRUlN\\u0007\\u001b[2Jhier');
    rmSync(folder, { recursive: true, force: true });
  });

  it('--limit caps the results of a search', async () => {
    const { events, getScreen, nextRender } = await start(await searcher(), { limit: 3 });
    events.type('buurt');
    await nextRender();
    expect(listed(getScreen())).toHaveLength(3);
  });
});

describe('formatPickLines', () => {
  it.each([30, 60, 100])('at %d columns no line is wider than the terminal less one, and the grids line up', (columns) => {
    for (const line of formatPickLines(methods, plain, columns)) {
      expect(2 + line.line.length).toBeLessThanOrEqual(Math.max(20, columns - 1));
      expect(line.line).toMatch(/ {2}[A·] [C·] [T·] [I·] [E·]$/);
      expect(line.description.length).toBeLessThanOrEqual(Math.max(20, columns - 1));
    }
    const ends = new Set(formatPickLines(methods, plain, columns).map((l) => l.line.length));
    expect(ends.size).toBe(1);
  });

  it('marks the words that matched, and styles only with the style it is given', () => {
    const color = makeStyle(true);
    const keet = methods.find((m) => m.id === 'keetkeur')!;
    const [line] = formatPickLines([{ method: keet, score: 1, matched: { name: ['keetkeur'] } }], color, 80, ['keetkeur']);
    expect(line.line).toContain(color.bold.yellow('KeetKeur'));
    expect(formatPickLines([keet], plain, 80)[0].line).not.toMatch(/\u001b/);
  });

  it('measures a name as it is shown: one with escapes is widened by them, not cut to "…"', () => {
    const odd = method({ id: 'vals', name: 'Vals\u001b]0;titel\u0007' });
    const [line] = formatPickLines([odd], plain, 100);
    expect(line.line).toMatch(/^Vals\\u001b\]0;titel\\u0007 {2}A · · · ·$/);
  });

  // How fast (the list before anything is typed, on 10,000 methods) is measured by `npm run bench`
  // (scripts/bench-keys.mjs: the time to the first screen), not here.
  it('lists thousands of methods, a line each, in their order', () => {
    const many = generateMethods(2_000, 1);
    const lines = formatPickLines(many, makeStyle(true), 100);
    expect(lines.map((l) => l.method.id)).toEqual(many.map((m) => m.id));
  });
});
