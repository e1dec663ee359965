import { resolve } from 'node:path';
import { buildIndex, checkedIndex, type SearchIndex } from '../core/search.js';
import { SEARCH_INDEX_CACHE_MIN } from '../model/defaults.js';
import type { Method } from '../model/schema.js';
import { checksum, readSealed, writeSealed, type FolderCache } from './folder-cache.js';
import type { Catalogue, CompiledCatalogue, IndexJson } from '../catalogue/catalogue.js';
import type { Problem } from '../catalogue/problem.js';

// What search needs of a catalogue, kept in the cache folder for catalogues of SEARCH_INDEX_CACHE_MIN
// records or more: the search index, each record as a JSON text (parsed only for the results shown)
// and the catalogue's problems (reported on every run). One sealed JSON file per combination of
// folders (search/<checksum>.json), stored under a key of the folders' files and their stamps
// (FolderCache.stampKey) and used only while no file changed within CACHE_RACY_MS before it was
// saved (as the folder cache trusts a stamp), so that a warm search needs neither the folder caches
// nor the YAML.
// Measured in docs/search.md ("Cache"): at 10,000 records it saves about 300 ms of CPU per search.

/** The catalogue as search sees it. */
export interface SearchSnapshot {
  index: SearchIndex;
  problems: Problem[];
  method(record: number): Method;
  /** Every record, in order (the search picker lists them all; the filters look at them). */
  methods(): Method[];
}

interface SnapshotFile {
  key: string;
  /** When it was saved: its key stands for the files' contents only if none changed shortly before. */
  savedAt: number;
  problems: Problem[];
  index: IndexJson;
  /** Record i as JSON: what the catalogue holds as method i. */
  docs: string[];
}

function fileName(dirs: string[]): string {
  // One file per combination of folders, overwritten when their contents change.
  return `search/${checksum(dirs.join('\0'))}.json`;
}

/** What openSnapshot found, per run (its key is taken once per run): a missing or stale file is read once. */
const opened = new WeakMap<FolderCache, Map<string, SearchSnapshot | undefined>>();

/** The cached snapshot of the current catalogue, when there is one that is still valid: the catalogue itself is not loaded. */
export function openSnapshot(folders: string[], cache: FolderCache): SearchSnapshot | undefined {
  // The built-in catalogue alone comes with its index (dist/catalogue.json); there is nothing to open.
  if (folders.length === 0) return undefined;
  const dirs = folders.map((dir) => resolve(dir));
  let known = opened.get(cache);
  if (!known) opened.set(cache, (known = new Map()));
  const name = fileName(dirs);
  if (!known.has(name)) known.set(name, readSnapshot(dirs, name, cache));
  return known.get(name);
}

function readSnapshot(dirs: string[], name: string, cache: FolderCache): SearchSnapshot | undefined {
  const key = cache.stampKey(dirs);
  // The records' JSON is about as large as their YAML, the index less; a file much larger is not read.
  const limit = 16 * 1024 * 1024 + 4 * cache.yamlBytes(dirs);
  const file = readSealed(cache.files, name, limit) as SnapshotFile | undefined;
  if (!file || file.key !== key || !cache.settled(dirs, file.savedAt) || !Array.isArray(file.docs) || !Array.isArray(file.problems)) return undefined;
  const index = checkedFromJson(file.index, file.docs.length);
  if (!index || !file.problems.every((p) => p && typeof p.file === 'string' && typeof p.message === 'string')) return undefined;
  const parsed: Method[] = [];
  const method = (r: number) => (parsed[r] ??= JSON.parse(file.docs[r]) as Method);
  return { index, problems: file.problems, method, methods: () => file.docs.map((_, r) => method(r)) };
}

/**
 * The snapshot of a loaded catalogue: its index from the build, from the cache when still valid, or
 * built now (and saved, when the catalogue is large enough for that to pay off).
 */
export function snapshotOf(catalogue: Catalogue & Pick<CompiledCatalogue, 'searchIndex'>, folders: string[], cache: FolderCache): SearchSnapshot {
  const { methods, problems } = catalogue;
  const inMemory = (index: SearchIndex): SearchSnapshot => ({ index, problems, method: (r) => methods[r], methods: () => methods });
  if (catalogue.searchIndex) return inMemory(indexFromJson(catalogue.searchIndex));
  const words = catalogue.words?.words;
  if (methods.length < SEARCH_INDEX_CACHE_MIN) return inMemory(buildIndex(methods, words));
  const cached = openSnapshot(folders, cache);
  if (cached && cached.index.size === methods.length) return inMemory(cached.index);
  const index = buildIndex(methods, words);
  const dirs = folders.map((dir) => resolve(dir));
  const file: SnapshotFile = { key: cache.stampKey(dirs), savedAt: cache.now(), problems, index: indexToJson(index), docs: methods.map((m) => JSON.stringify(m)) };
  writeSealed(cache.files, fileName(dirs), JSON.stringify(file));
  return inMemory(index);
}

export function indexToJson(index: SearchIndex): IndexJson {
  const json: IndexJson = { size: index.size, terms: index.terms, offsets: [...index.offsets], postings: [...index.postings], tiebreak: [...index.tiebreak] };
  if (index.links.size) json.links = [...index.links];
  return json;
}

function indexFromJson(json: IndexJson): SearchIndex {
  const [offsets, postings, tiebreak] = [json.offsets, json.postings, json.tiebreak].map((a) => Uint32Array.from(a));
  return { size: json.size, terms: json.terms, offsets, postings, tiebreak, links: linksFromJson(json.links) };
}

/** The word list of an index in JSON; anything not shaped as [word, [as...]] is left out. */
function linksFromJson(links: unknown): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (!Array.isArray(links)) return map;
  for (const entry of links) {
    if (Array.isArray(entry) && typeof entry[0] === 'string' && Array.isArray(entry[1]) && entry[1].every((a: unknown) => typeof a === 'string')) {
      map.set(entry[0], entry[1]);
    }
  }
  return map;
}

/** An index read back from the cache, when it holds together and has `size` records; else undefined (it is built anew). */
function checkedFromJson(json: IndexJson | undefined, size: number): SearchIndex | undefined {
  if (!json || json.size !== size || ![json.terms, json.offsets, json.postings, json.tiebreak].every(Array.isArray)) return undefined;
  const { offsets, postings, tiebreak, links } = indexFromJson(json);
  return checkedIndex(size, json.terms, offsets, postings, tiebreak, links);
}
