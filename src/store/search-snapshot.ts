import { resolve } from 'node:path';
import type { Filterable } from '../core/methods.js';
import { buildIndex, checkedIndex, type SearchIndex } from '../core/search.js';
import { SEARCH_INDEX_CACHE_MIN } from '../model/defaults.js';
import type { Method } from '../model/schema.js';
import { checksum, openCacheFile, removeCacheFile, removeEarlierFormats, writeCacheFile, type FolderCache } from './folder-cache.js';
import type { Catalogue, CompiledCatalogue, IndexJson } from '../catalogue/catalogue.js';
import { bytesOf, littleEndian, pack, uint32s, unpack } from './pack.js';
import type { Problem } from '../catalogue/problem.js';

// What search needs of a catalogue, kept in the cache folder for catalogues of SEARCH_INDEX_CACHE_MIN
// records or more: the search index, each record as JSON (read only for the results shown), what
// the filters look at, and the catalogue's problems (reported on every run). It is stored under a
// key that changes with any file of any user folder, a new build and the working folder (problem
// messages name files relative to it), so it can be used without loading the catalogue at all.

/** The catalogue as search sees it. */
export interface SearchSnapshot {
  index: SearchIndex;
  /** Number of records; record i is the i-th method of the catalogue (sorted by id). */
  size: number;
  problems: Problem[];
  method(record: number): Method;
  /** Every record, in order: read in one go (the search picker lists them all). */
  methods(): Method[];
  /** Elements, source and tags of every record, for the filters. */
  filterable(): Filterable[];
  close(): void;
}

const SECTIONS = { terms: 0, offsets: 1, postings: 2, docOffsets: 3, docs: 4, filterable: 5, tiebreak: 6 } as const;

function fileName(dirs: string[]): string {
  // One file per combination of folders, overwritten when their contents change.
  return `search/${checksum(dirs.join('\0'))}.bin`;
}

/**
 * The cached snapshot of the current catalogue, when there is one that is still valid. Needs only
 * the cache's manifests; the catalogue itself is not loaded.
 */
export function openSnapshot(folders: string[], cache: FolderCache): SearchSnapshot | undefined {
  // The built-in catalogue alone comes with its index (dist/catalogue.json); there is nothing to open.
  if (folders.length === 0) return undefined;
  const dirs = folders.map((dir) => resolve(dir));
  const key = cache.catalogueKey(dirs);
  if (!key) return undefined;
  const file = openCacheFile(cache.files, fileName(dirs));
  if (!file) return undefined;
  const snapshot = readSnapshot(file, key, () => removeCacheFile(cache.files, fileName(dirs)));
  if (!snapshot) file.close();
  return snapshot;
}

/** A part of the snapshot failed its checksum when it was read: the file is removed; load the catalogue instead. */
export class DamagedSnapshot extends Error {
  constructor() {
    super('the search cache file is damaged');
  }
}

function readSnapshot(file: NonNullable<ReturnType<typeof openCacheFile>>, key: string, discard: () => void): SearchSnapshot | undefined {
  const damaged = () => {
    discard();
    return new DamagedSnapshot();
  };
  const packed = unpack(file);
  if (!packed) return undefined;
  const { header } = packed;
  const size = header.size;
  if (header.key !== key || header.le !== littleEndian() || !Number.isSafeInteger(size) || !Array.isArray(header.problems)) return undefined;
  const n = size as number;
  const termBytes = packed.section(SECTIONS.terms);
  const offsetBytes = packed.section(SECTIONS.offsets);
  const postingBytes = packed.section(SECTIONS.postings);
  const docOffsetBytes = packed.section(SECTIONS.docOffsets);
  const tiebreakBytes = packed.section(SECTIONS.tiebreak);
  if (!termBytes || !offsetBytes || !postingBytes || !docOffsetBytes || !tiebreakBytes) return undefined;
  const terms = termBytes.length ? new TextDecoder().decode(termBytes).split('\n') : [];
  const [offsets, postings, docOffsets, tiebreak] = [offsetBytes, postingBytes, docOffsetBytes, tiebreakBytes].map(uint32s);
  if (!offsets || !postings || !docOffsets || !tiebreak || docOffsets.length !== n + 1) return undefined;
  for (let r = 0; r < n; r++) if (docOffsets[r] > docOffsets[r + 1]) return undefined;
  const index = checkedIndex(n, terms, offsets, postings, tiebreak);
  if (!index) return undefined;
  const problems = header.problems as Problem[];
  if (!problems.every((p) => p && typeof p.file === 'string' && typeof p.message === 'string')) return undefined;

  return {
    index,
    size: n,
    problems,
    method(record) {
      const bytes = packed.slice(SECTIONS.docs, docOffsets[record], docOffsets[record + 1] - docOffsets[record]);
      if (!bytes) throw damaged();
      return JSON.parse(new TextDecoder().decode(bytes)) as Method;
    },
    methods() {
      // One read and one check of the whole section, not one of a 64 KiB block per record.
      const bytes = packed.section(SECTIONS.docs);
      if (!bytes) throw damaged();
      const decoder = new TextDecoder();
      const out: Method[] = [];
      for (let r = 0; r < n; r++) out.push(JSON.parse(decoder.decode(bytes.subarray(docOffsets[r], docOffsets[r + 1]))) as Method);
      return out;
    },
    filterable() {
      const bytes = packed.section(SECTIONS.filterable);
      const rows = bytes && (JSON.parse(new TextDecoder().decode(bytes)) as [Method['elements'], Method['source']['kind'], string[]][]);
      if (!rows || rows.length !== n) throw damaged();
      return rows.map(([elements, kind, tags]) => ({ elements, source: { kind }, tags }));
    },
    close: () => file.close(),
  };
}

/**
 * The snapshot of a loaded catalogue: from the cache when still valid, else built now (and saved,
 * when the catalogue is large enough for that to pay off).
 */
export function snapshotOf(catalogue: Catalogue & Pick<CompiledCatalogue, 'searchIndex'>, folders: string[], cache: FolderCache): SearchSnapshot {
  const { methods, problems } = catalogue;
  if (catalogue.searchIndex) return inMemory(indexFromJson(catalogue.searchIndex), catalogue);
  const cached = methods.length >= SEARCH_INDEX_CACHE_MIN ? openSnapshot(folders, cache) : undefined;
  if (cached && cached.size === methods.length) {
    cached.close();
    return { ...inMemory(cached.index, catalogue), index: cached.index };
  }
  cached?.close();
  const index = buildIndex(methods);
  if (methods.length >= SEARCH_INDEX_CACHE_MIN) save(folders, cache, index, methods, problems);
  return inMemory(index, catalogue);
}

export function indexToJson(index: SearchIndex): IndexJson {
  return { size: index.size, terms: index.terms, offsets: [...index.offsets], postings: [...index.postings], tiebreak: [...index.tiebreak] };
}

function indexFromJson(json: IndexJson): SearchIndex {
  const [offsets, postings, tiebreak] = [json.offsets, json.postings, json.tiebreak].map((a) => Uint32Array.from(a));
  return { size: json.size, terms: json.terms, offsets, postings, tiebreak };
}

function inMemory(index: SearchIndex, { methods, problems }: Catalogue): SearchSnapshot {
  return { index, size: methods.length, problems, method: (r) => methods[r], methods: () => methods, filterable: () => methods, close() {} };
}

function save(folders: string[], cache: FolderCache, index: SearchIndex, methods: Method[], problems: Problem[]): void {
  const dirs = folders.map((dir) => resolve(dir));
  const key = cache.catalogueKey(dirs);
  if (!key || !cache.files) return;
  const encoder = new TextEncoder();
  const docs = methods.map((m) => encoder.encode(JSON.stringify(m)));
  const docOffsets = new Uint32Array(methods.length + 1);
  docs.forEach((d, i) => (docOffsets[i + 1] = docOffsets[i] + d.length));
  const docBytes = new Uint8Array(docOffsets[methods.length]);
  docs.forEach((d, i) => docBytes.set(d, docOffsets[i]));
  const filterable = methods.map((m) => [m.elements, m.source.kind, m.tags ?? []]);
  const sections = [
    encoder.encode(index.terms.join('\n')),
    bytesOf(index.offsets),
    bytesOf(index.postings),
    bytesOf(docOffsets),
    docBytes,
    encoder.encode(JSON.stringify(filterable)),
    bytesOf(index.tiebreak),
  ];
  if (writeCacheFile(cache.files, fileName(dirs), pack({ key, size: methods.length, le: littleEndian(), problems }, sections))) removeEarlierFormats(cache.files, 'search');
}
