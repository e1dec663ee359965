import type { ChalkInstance } from 'chalk';
import { highlightRanges } from '../core/search.js';
import type { ElementKey } from '../model/keys.js';
import type { Method } from '../model/schema.js';
import { sanitize, truncate, visibleLength } from '../text/terminal.js';
import { GRID_WIDTH, elementGrid } from './methods.js';
import type { SearchHit } from './search.js';

// The lines of the search picker (`search` without words, on a terminal): per method its name, with
// the words that matched marked, and its A C T I E grid in a column; under the list, the id and the
// summary of the method under the cursor.

export interface PickLine {
  method: Method;
  /** The line in the list. */
  line: string;
  /** Shown under the list while the cursor is on this method. */
  description: string;
}

/** What the picker puts before each line: the cursor, or as many spaces. */
const CURSOR_WIDTH = 2;

/**
 * One line per method, never wider than `columns` - 1 (a terminal wraps a line that fills its last
 * column); names longer than the room are shortened. `query` is the query's folded words
 * (SearchOutcome.words); hits carry the words that matched, plain methods (the list before anything
 * is typed) mark nothing.
 */
export function formatPickLines(items: (SearchHit | Method)[], style: ChalkInstance, columns: number, query: string[] = []): PickLine[] {
  const room = Math.max(20, columns - 1);
  const methods = items.map((i) => ('method' in i ? i.method : i));
  // Measured as shown: an escape in a name takes six columns once sanitised.
  const names = methods.map((m) => sanitize(m.name));
  let longest = 4;
  for (const name of names) longest = Math.max(longest, visibleLength(name));
  const nameWidth = Math.max(8, Math.min(longest, room - CURSOR_WIDTH - 2 - GRID_WIDTH));
  // A catalogue has few distinct grids; the list before anything is typed may hold 100,000 methods.
  const grids = new Map<string, string>();
  const grid = (elements: ElementKey[]) => {
    const key = elements.join();
    let g = grids.get(key);
    if (g === undefined) grids.set(key, (g = elementGrid(elements, style)));
    return g;
  };
  return items.map((item, i) => {
    const m = methods[i];
    const name = truncate(names[i], nameWidth);
    const words = 'matched' in item ? new Set(Object.values(item.matched).flat()) : undefined;
    const shown = words ? mark(name, highlightRanges(name, words, query), style) : name;
    const description = truncate(`${m.id} · ${sanitize(m.summary)}`, room);
    return { method: m, line: shown + ' '.repeat(nameWidth - visibleLength(name) + 2) + grid(m.elements), description: style.dim(description) };
  });
}

/** The first line of the list before anything is typed: what it shows (at most `max`) and what to do. */
export function pickHint(count: number, max: number): string {
  const shown = count <= max ? `${count === 1 ? '1 methode' : `${count} methoden`} op naam` : `de eerste ${max} van ${count} methoden op naam`;
  return `${shown}; typ woorden om te zoeken`;
}

/** The first line of the list after one or two letters: how many names start so, and that more letters search. */
export function pickStartHint(count: number, typed: string): string {
  return `${count === 1 ? '1 methode begint' : `${count} methoden beginnen`} met "${sanitize(typed)}"; typ verder om te zoeken`;
}

/** The key help under the list. */
export const PICK_KEYS = '↑↓ kiezen • ⏎ tonen • Esc stoppen';

export const PICK_MESSAGE = 'Zoek een methode:';

export const PICK_NONE = 'Geen methoden gevonden; probeer andere of minder woorden.';

function mark(text: string, ranges: [number, number][], style: ChalkInstance): string {
  let out = '';
  let at = 0;
  for (const [a, b] of ranges) {
    if (a < at || a >= text.length) continue;
    out += text.slice(at, a) + style.bold.yellow(text.slice(a, Math.min(b, text.length)));
    at = Math.min(b, text.length);
  }
  return out + text.slice(at);
}
