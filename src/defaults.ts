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
} as const;

export const SEARCH_LIMIT = 10;

/** The formats of `export`; also picked from the extension of `--output`. */
export const EXPORT_FORMATS = ['json', 'yaml', 'csv', 'md'] as const;

/** The ACTIE shortlist holds at most this many methods. */
export const SHORTLIST_SIZE = 5;

/** An answer with at least this attention (1 little … 3 much, from catalogue/actie.yaml) makes its element steer the shortlist. */
export const ATTENTION_THRESHOLD = 2;

/**
 * A file changed less than this long before it was read is checked against its content hash on the
 * next run, not only its size and times: file systems stamp times in ticks (up to 2 s on FAT), and a
 * second change within the same tick would otherwise go unseen.
 */
export const CACHE_RACY_MS = 2000;

/** Catalogues at least this large keep their search index in the cache folder; smaller ones build it on the fly. */
export const SEARCH_INDEX_CACHE_MIN = 1000;

/** Problems reported per file; the rest are counted ("en nog 199.900 problemen in dit bestand"). */
export const MAX_PROBLEMS_PER_FILE = 100;
