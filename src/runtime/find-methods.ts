import { compact, hasWord } from '../core/fold.js';
import { findMethod, methodsStartingWith } from '../core/methods.js';
import { NotFoundError } from '../model/errors.js';
import { andList } from '../text/lists.js';
import { didYouMean } from '../text/suggest.js';
import type { Method } from '../model/schema.js';
import { sanitize } from '../text/terminal.js';
import type { FolderCache } from '../store/folder-cache.js';
import type { Catalogue, CompiledCatalogue } from '../catalogue/catalogue.js';

// Finding the methods a user names on the command line (show, compare): by id, name or alias in any
// case and with or without accents, or by the start of exactly one (core/methods.ts `findMethod`).
// For a name that fits several methods, those; for one that fits none, the ids that search finds for
// every one of its words, as ideas.

type Loaded = Catalogue & Pick<CompiledCatalogue, 'searchIndex'>;

/** Without a letter or digit (`""`, `🙂`) an argument cannot name a method: a usage error, as with search. */
export function canNameMethod(query: string): boolean {
  return hasWord(query);
}

/** Why a query names no one method, and what the user may have meant. */
interface Miss {
  query: string;
  /** The start of this many methods' ids or names. */
  several?: number;
  ideas: string[];
}

/**
 * The methods named by `queries`, in the same order. Every query that names no one method is reported
 * in one NotFoundError (exit 1), each with the ids closest to it.
 */
export async function findMethods(catalogue: Loaded, queries: string[], where: { folders: string[]; cache: FolderCache }): Promise<Method[]> {
  const found = queries.map((q) => findMethod(catalogue.methods, q));
  if (found.every(Boolean)) return found as Method[];
  const misses: Miss[] = [];
  let search: ((query: string) => string[]) | undefined;
  for (const [i, query] of queries.entries()) {
    if (found[i]) continue;
    const several = methodsStartingWith(catalogue.methods, compact(query));
    if (several.length > 1) {
      misses.push({ query, several: several.length, ideas: several.slice(0, 5).map((m) => m.id) });
      continue;
    }
    search ??= await searchIdeas(catalogue, where);
    misses.push({ query, ideas: search(query) });
  }
  throw notFound(misses);
}

/** The ids search finds for every word of a query. The same matching as `search`, loaded only now that it is needed. */
async function searchIdeas(catalogue: Loaded, where: { folders: string[]; cache: FolderCache }): Promise<(query: string) => string[]> {
  const [{ snapshotOf }, { searchIndex }] = await Promise.all([import('../store/search-snapshot.js'), import('../core/search.js')]);
  const { index } = snapshotOf(catalogue, where.folders, where.cache);
  return (query) => {
    // Only methods that match every word: a suggestion built on one word of several misleads.
    const outcome = searchIndex(index, query, { limit: 3 });
    return outcome.results.filter((r) => r.coverage === outcome.required).map((r) => catalogue.methods[r.record].id);
  };
}

const SEARCH_HINT = 'Zoek met: methodewijzer search <woorden>. Alle methoden met hun id: methodewijzer list.';

function notFound(misses: Miss[]): NotFoundError {
  const quoted = (m: Miss) => `"${sanitize(m.query)}"`;
  if (misses.length === 1) {
    const [m] = misses;
    if (m.several) return new NotFoundError(`${quoted(m)} past bij ${m.several} methoden`, didYouMean(m.ideas));
    return new NotFoundError(`geen methode gevonden voor ${quoted(m)}`, m.ideas.length ? didYouMean(m.ideas) : SEARCH_HINT);
  }
  const message = misses.some((m) => m.several)
    ? `niet elke methode is duidelijk: ${andList(misses.map(quoted))}`
    : `geen methode gevonden voor ${andList(misses.map(quoted))}`;
  // One line per name, with its suggestion in the middle of a sentence ("bedoelde u: …?").
  const lines = misses.flatMap((m) => {
    const idea = m.ideas.length ? lowerFirst(didYouMean(m.ideas)) : '';
    if (m.several) return [`${quoted(m)} past bij ${m.several} methoden; ${idea}`];
    return idea ? [`Bij ${quoted(m)} ${idea}`] : [];
  });
  if (misses.some((m) => !m.several && !m.ideas.length)) lines.push(SEARCH_HINT);
  return new NotFoundError(message, lines.join('\n'));
}

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);
