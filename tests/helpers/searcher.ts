import { Readable } from 'node:stream';
import { openSearcher } from '../../src/catalogue/searcher.js';
import type { FilterFlags } from '../../src/core/methods.js';
import { createContext } from '../../src/runtime/context.js';

const sink = { write: () => true, isTTY: false };

/** The searcher a run of the CLI opens over the built-in catalogue and `folders`, its output discarded. */
export function searcherOver(folders: string[], env: NodeJS.ProcessEnv, flags: FilterFlags = {}) {
  const ctx = createContext({ color: false, catalogue: folders }, { stdin: Readable.from([]), stdout: sink, stderr: sink, env });
  return openSearcher(ctx, flags);
}
