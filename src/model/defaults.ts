/** Defaults and limits, kept in one place. */
export const ENV_CATALOGUE = 'METHODEWIJZER_CATALOGUE';

/** A single YAML file larger than this is refused before it is parsed. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** yaml's guard against alias ("billion laughs") expansion. */
export const MAX_ALIAS_COUNT = 100;

/** Files in a catalogue folder that hold the model rather than methods. */
export const MODEL_FILES = {
  actie: 'actie.yaml',
  glossary: 'glossary.yaml',
  sources: 'sources.yaml',
  criteria: 'criteria.yaml',
  words: 'words.yaml',
} as const;

export const SEARCH_LIMIT = 10;

/** The formats of `export`; also picked from the extension of `--output`. */
export const EXPORT_FORMATS = ['json', 'yaml', 'csv', 'md'] as const;

/** The ACTIE shortlist holds at most this many methods. */
export const SHORTLIST_SIZE = 5;

/** The ACTIE shortlist shows a place shared at its end in full, unless that makes it longer than this. */
export const SHORTLIST_SHARED_MAX = 8;

/**
 * Points for what the initiative is about (`actie --over`), as `search` ranks the methods for those words:
 * the best matches get `best`; every other result up to `match`, in proportion to its score. `best` is more
 * than `match` and every other part together (4 + 3 + 1 + 1), so a best match always comes first.
 */
export const THEME_POINTS = { best: 10, match: 4 } as const;

/**
 * A file changed less than this long before it was read is checked against its content hash on the
 * next run, not only its size and times: file systems stamp times in ticks (up to 2 s on FAT), and a
 * second change within the same tick would otherwise go unseen.
 */
export const CACHE_RACY_MS = 2000;

/**
 * What folders/ and search/ of the cache each keep at most: the files of the folders used most
 * recently. A folder whose cache went is read again, once; 64 is more folders than anyone uses.
 */
export const CACHE_MAX_FILES = 64;
export const CACHE_MAX_BYTES = 64 * 1024 * 1024;
/** A cache file that is only read gets its time set to now this long after it was last set (see OwnCache.read). */
export const CACHE_FRESHEN_MS = 24 * 60 * 60 * 1000;

/** Catalogues at least this large keep their search index in the cache folder; smaller ones build it on the fly. */
export const SEARCH_INDEX_CACHE_MIN = 1000;

/** Problems reported per file; the rest are counted ("en nog 199.900 problemen in dit bestand"). */
export const MAX_PROBLEMS_PER_FILE = 100;
