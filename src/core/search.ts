import Fuse from 'fuse.js';
import { newStemmer } from 'snowball-stemmers';
import { fold, wordsOf } from './fold.js';
import type { Method, Words } from '../model/schema.js';
import { closestWord, editDistance } from './distance.js';
import { compareNames } from './methods.js';

// Search over an inverted index rather than over the records themselves.
//
// Every field is cut into words, accents and case folded away ("Kan wél" -> kan, wel). Names,
// aliases, ids and tags are also kept whole without spaces ("kanwel", "tijdvoorelkaar"), and so is
// every hyphenated word ("co-creatie" -> "cocreatie"). The distinct words form the vocabulary; each
// word points at the records (and the fields in them) where it occurs.
//
// A query is cut the same way. Each query word, and each run of neighbouring query words glued
// together ("tijd voor elkaar" -> "tijdvoorelkaar"), is looked up in the vocabulary: exactly, as the
// start of a longer word (smederij -> smederijen), as an inflected form (dorpen -> dorp), inside a
// word, or with typos through fuse.js. So the cost of a query grows with the size of the vocabulary,
// which levels off as a catalogue grows, not with the number of records times the length of their
// text. Records are then scored from the postings of the matched words alone, BM25-style: per query
// word, the field-weighted evidence saturates, and is weighed by how rare the word is.

const SEARCH_FIELDS = ['id', 'name', 'aliases', 'tags', 'elements', 'summary'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

const BIT: Record<SearchField, number> = { id: 1, name: 2, aliases: 4, tags: 8, elements: 16, summary: 32 };
const FIELD_BITS = 6;
const FIELD_MASK = (1 << FIELD_BITS) - 1;

/**
 * How much a match in each group of fields counts. A word's evidence in a record is the sum over the
 * groups it is found in (times how well it matched), saturated as in BM25: tf·(k1 + 1) / (tf + k1).
 * So a second and third field add less than the first, and a rare word found in the summary alone
 * can outweigh a common word found everywhere.
 */
const GROUPS = [
  { mask: BIT.id | BIT.name | BIT.aliases, weight: 0.9 },
  { mask: BIT.tags | BIT.elements, weight: 0.6 },
  { mask: BIT.summary, weight: 0.4 },
];

/** BM25's k1: how soon evidence saturates. */
const K1 = 0.5;
const saturate = (tf: number) => (tf * (K1 + 1)) / (tf + K1);
const MAX_EVIDENCE = saturate(GROUPS.reduce((sum, g) => sum + g.weight, 0));
/** BM25's inverse document frequency: rarer words weigh more. */
const rarity = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
/** Words like "de" and "voor" weigh this much of their rarity. */
const STOPWORD_WEIGHT = 0.2;

/** Words too common to require; they still help when glued to their neighbours. */
const STOPWORDS = new Set(
  (
    'de het een en of van voor in op met aan te om bij naar tot uit door over die dat der den des er als ook ' +
    'zich hun ze zij je we wij ik is zijn wordt worden t s ' +
    // Words of wanting and owning that a description of an initiative is full of ("bewoners willen een
    // eigen keet"): on their own they say nothing about which method fits.
    'eigen willen wil wilt graag ons onze mijn'
  ).split(' '),
);

/**
 * Endings of a diminutive: dorpje -> dorp. Other inflected forms (buurten, regelingen, vouchers) are
 * found through the Snowball Dutch stemmer, which leaves diminutives alone.
 */
const DIMINUTIVES = ['je', 'jes', 'tje', 'tjes', 'etje', 'etjes', 'pje', 'pjes'];

/** How much a match through the word list (catalogue/words.yaml) counts of a direct one. */
const LINK_WEIGHT = 0.85;
/** How much the first part of a compound counts of its head (the last part): sportkeet is a keet. */
const MODIFIER_WEIGHT = 0.7;
/** What the parts of a compound the catalogue has count for a record that lacks the compound itself. */
const PART_WEIGHT = { modifier: 0.3, head: 0.4 };

/** A result needs at least this score, and at least this share of the best result's score. */
export const RELEVANCE = { minimum: 0.2, relative: 0.4 } as const;

/** Made when an index is built, not on every run (see wordsOf in fold.ts). */
let chunkPattern: RegExp | undefined;


export interface SearchIndex {
  /** Number of records; record i is the i-th method the index was built from. */
  size: number;
  /** The vocabulary, sorted. */
  terms: string[];
  /** Postings of term t are postings[offsets[t] .. offsets[t + 1]). */
  offsets: Uint32Array;
  /** Each posting is record << 6 | field bits, in record order. */
  postings: Uint32Array;
  /** Per record, its place among equal scores: databank before verkenning, then by name. */
  tiebreak: Uint32Array;
  /** The word list: a folded everyday word -> the brochure's words it stands for, as written. */
  links: Map<string, string[]>;
}

/** The word list as the index holds it: each word folded (and written together), with what it stands for. */
export function linksOf(words: Words['words'] = []): Map<string, string[]> {
  const links = new Map<string, string[]>();
  for (const entry of words) {
    for (const word of entry.words) {
      const key = wordsOf(fold(word)).join('');
      if (!key) continue;
      const known = links.get(key) ?? [];
      links.set(key, [...known, ...entry.as.filter((a) => !known.includes(a))]);
    }
  }
  return links;
}

export function buildIndex(methods: Method[], words: Words['words'] = []): SearchIndex {
  const ids = new Map<string, number>();
  const lists: number[][] = [];
  const last: number[] = [];
  let record = 0;

  const add = (word: string, bit: number) => {
    if (word.length < 2 && !/\d/.test(word)) return;
    let t = ids.get(word);
    if (t === undefined) {
      t = lists.length;
      ids.set(word, t);
      lists.push([]);
      last.push(-1);
    }
    const list = lists[t];
    if (last[t] === record) list[list.length - 1] |= bit;
    else {
      list.push((record << FIELD_BITS) | bit);
      last[t] = record;
    }
  };
  const addText = (text: string, bit: number, whole: boolean) => {
    const all: string[] = [];
    // Runs of letters and digits joined by punctuation but not by spaces: "co-creatie", "1.000".
    for (const chunk of fold(text).match((chunkPattern ??= /[\p{L}\p{N}]+(?:[^\s\p{L}\p{N}]+[\p{L}\p{N}]+)*/gu)) ?? []) {
      const parts = wordsOf(chunk);
      for (const p of parts) add(p, bit);
      if (parts.length > 1) add(parts.join(''), bit);
      if (whole) all.push(...parts);
    }
    if (whole && all.length > 1) add(all.join(''), bit);
  };

  for (; record < methods.length; record++) {
    const m = methods[record];
    addText(m.id, BIT.id, true);
    addText(m.name, BIT.name, true);
    for (const a of m.aliases ?? []) addText(a, BIT.aliases, true);
    for (const t of m.tags ?? []) addText(t, BIT.tags, true);
    for (const e of m.elements) addText(e, BIT.elements, false);
    addText(m.summary, BIT.summary, false);
  }

  const terms = [...ids.keys()].sort();
  const offsets = new Uint32Array(terms.length + 1);
  let total = 0;
  for (const list of lists) total += list.length;
  const postings = new Uint32Array(total);
  let at = 0;
  terms.forEach((term, i) => {
    const list = lists[ids.get(term)!];
    offsets[i] = at;
    postings.set(list, at);
    at += list.length;
  });
  offsets[terms.length] = at;
  return { size: methods.length, terms, offsets, postings, tiebreak: tiebreakOf(methods), links: linksOf(words) };
}

/** Each record's place in the order databank before verkenning, then by name (compareNames). */
export function tiebreakOf(methods: Pick<Method, 'id' | 'name' | 'source'>[]): Uint32Array {
  const keys = methods.map((m, r) => ({ r, kind: m.source.kind === 'databank' ? 0 : 1, name: m.name, id: m.id }));
  keys.sort((a, b) => a.kind - b.kind || compareNames(a, b));
  const tiebreak = new Uint32Array(methods.length);
  keys.forEach((k, place) => (tiebreak[k.r] = place));
  return tiebreak;
}

export interface SearchOptions {
  /** At most this many results (after the relevance floor). */
  limit?: number;
  /** Only records for which this holds (by position in the index), e.g. those that pass --tag. */
  include?: (record: number) => boolean;
  /** Keep every result that matches a word other than "de", "voor" and the like, below the relevance floor too. */
  everyMatch?: boolean;
}

export interface SearchResult {
  /** Position of the record in the methods the index was built from. */
  record: number;
  /** Relevance from 0 to 1. */
  score: number;
  /** How many of the query's words (leaving out words like "de" and "voor") the record matches. */
  coverage: number;
  /** Per field, the catalogue words that matched. */
  matched: Partial<Record<SearchField, string[]>>;
  /** Query words that matched through the word list, and the brochure's words they stood for. */
  via?: { word: string; as: string }[];
}

export interface SearchOutcome {
  results: SearchResult[];
  /** Results above the relevance floor, before the limit. */
  total: number;
  /** The query's words, folded. */
  words: string[];
  /** Query words that occur nowhere in the catalogue, not even nearly; they were left out. */
  unknown: string[];
  /** How many of the words count for coverage (all but words like "de" and "voor"). */
  required: number;
}

interface QueryWords {
  words: string[];
  /** Per word, whether it is the first part of a compound the query wrote as one word (it weighs less). */
  modifier: boolean[];
}

interface Unit {
  text: string;
  /** The query words this unit stands for (a single word, or neighbours glued together). */
  from: number;
  to: number;
}

interface TermMatch {
  term: number;
  sim: number;
  /**
   * Only a guess at what the word means: a typo of a short word (groen for grond) or a known word at
   * the start or end of an unknown one (onder in onderhouden). It adds to the score, but a record
   * that matches more words surely ranks first.
   */
  guess?: boolean;
}

/** Ranks the indexed records against a query. */
export function searchIndex(index: SearchIndex, query: string, options: SearchOptions = {}): SearchOutcome {
  const { words, modifier } = queryWords(index, query);
  const required = words.map((w) => !STOPWORDS.has(w));
  if (!required.some(Boolean)) required.fill(true);
  const none: SearchOutcome = { results: [], total: 0, words, unknown: [], required: required.filter(Boolean).length };
  if (words.length === 0 || index.size === 0) return none;

  const n = index.size;
  const evidence = words.map(() => new Float32Array(n));
  /** Per word, the records it matches surely (not only through a guess: see TermMatch). */
  const sure = words.map(() => new Uint8Array(n));
  const groupBest = new Float32Array(n * GROUPS.length);
  const fields = new Uint8Array(n);
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  const inUnit = new Uint8Array(n);
  const unitRecords: number[] = [];
  const unitMatches: { unit: Unit; matches: TermMatch[] }[] = [];

  /** Each record the matches occur in, with its evidence for them (best per group of fields, saturated). */
  const collect = (matches: TermMatch[], countFields: boolean, take: (record: number, e: number, sure: boolean) => void) => {
    for (const { term, sim, guess } of matches) {
      for (let p = index.offsets[term], end = index.offsets[term + 1]; p < end; p++) {
        const posting = index.postings[p];
        const r = posting >>> FIELD_BITS;
        // 1: reached by this unit; 2: reached by a match that is no guess.
        if (!inUnit[r]) {
          inUnit[r] = 1;
          unitRecords.push(r);
        }
        if (!guess) inUnit[r] = 2;
        if (countFields) fields[r] |= posting & FIELD_MASK;
        for (let g = 0; g < GROUPS.length; g++) {
          if (posting & GROUPS[g].mask && groupBest[r * GROUPS.length + g] < sim) groupBest[r * GROUPS.length + g] = sim;
        }
      }
    }
    for (const r of unitRecords) {
      let tf = 0;
      for (let g = 0; g < GROUPS.length; g++) {
        tf += GROUPS[g].weight * groupBest[r * GROUPS.length + g];
        groupBest[r * GROUPS.length + g] = 0;
      }
      take(r, saturate(tf) / MAX_EVIDENCE, inUnit[r] === 2);
      inUnit[r] = 0;
      if (!seen[r]) {
        seen[r] = 1;
        touched.push(r);
      }
    }
    unitRecords.length = 0;
  };

  for (const unit of unitsOf(words)) {
    const mode = unit.from !== unit.to ? 'glued' : required[unit.from] ? 'word' : 'stopword';
    const matches = matchTerm(index, unit.text, mode);
    if (matches.length === 0) continue;
    unitMatches.push({ unit, matches });
    collect(matches, mode !== 'stopword', (r, e, certain) => {
      for (let i = unit.from; i <= unit.to; i++) {
        if (evidence[i][r] < e) evidence[i][r] = e;
        if (certain) sure[i][r] = 1;
      }
    });
  }

  // A word of the word list also counts as the brochure's words it stands for: each phrase as the
  // mean of its words' evidence, a little below a direct match.
  const via = new Map<number, { word: string; as: string }[]>();
  words.forEach((word, i) => {
    if (!required[i]) return;
    for (const phrase of linkOf(index, word) ?? []) {
      const parts = wordsOf(fold(phrase)).filter((p) => !STOPWORDS.has(p));
      const sums = new Map<number, number>();
      for (const part of parts) {
        const matches = matchTerm(index, part, 'word');
        if (matches.length === 0) continue;
        unitMatches.push({ unit: { text: part, from: i, to: i }, matches });
        collect(matches, true, (r, e) => sums.set(r, (sums.get(r) ?? 0) + e));
      }
      for (const [r, sum] of sums) {
        const e = (LINK_WEIGHT * sum) / parts.length;
        sure[i][r] = 1;
        if (e <= evidence[i][r]) continue;
        evidence[i][r] = e;
        const list = via.get(r) ?? [];
        via.set(r, [...list.filter((v) => v.word !== word), { word, as: phrase }]);
      }
    }
  });

  // A compound the catalogue has (vrijwilligerswerk) also counts, weakly, as its parts where it does
  // not occur itself (a method tagged vrijwilligers), the head more than the first part.
  words.forEach((word, i) => {
    if (!required[i] || word.length < 9 || findTerm(index, word) < 0) return;
    const split = splitWord(index, word, false);
    if (!split) return;
    const parts = new Map<number, number>();
    split.forEach((part, p) => {
      const matches = matchTerm(index, part, 'word');
      if (matches.length === 0) return;
      unitMatches.push({ unit: { text: part, from: i, to: i }, matches });
      collect(matches, true, (r, e) => parts.set(r, (parts.get(r) ?? 0) + e * (p === 0 ? PART_WEIGHT.modifier : PART_WEIGHT.head)));
    });
    for (const [r, e] of parts) {
      sure[i][r] = 1;
      if (evidence[i][r] < e) evidence[i][r] = e;
    }
  });

  // Rarer words weigh more; words found nowhere are left out; the first part of a compound weighs less than its head.
  const df = words.map((_, i) => touched.reduce((c, r) => c + (evidence[i][r] > 0 ? 1 : 0), 0));
  const weight = words.map((_, i) =>
    df[i] === 0 ? 0 : rarity(n, df[i]) * (required[i] ? 1 : STOPWORD_WEIGHT) * (modifier[i] ? MODIFIER_WEIGHT : 1),
  );
  const totalWeight = weight.reduce((a, b) => a + b, 0);
  const unknown = words.filter((_, i) => df[i] === 0 && required[i]);
  if (totalWeight === 0) return { ...none, unknown };

  const scored: { record: number; score: number; coverage: number; certain: number; fields: number }[] = [];
  for (const r of touched) {
    if (options.include && !options.include(r)) continue;
    let sum = 0;
    let coverage = 0;
    let certain = 0;
    for (let i = 0; i < words.length; i++) {
      const e = evidence[i][r];
      sum += weight[i] * e;
      if (e > 0 && required[i]) coverage++;
      if (e > 0 && required[i] && sure[i][r]) certain++;
    }
    // Rounded as shown, so that results that look equal are ordered by the tie-breaks.
    scored.push({ record: r, score: Math.round((sum / totalWeight) * 1000) / 1000, coverage, certain, fields: bitCount(fields[r]) });
  }
  const best = scored.reduce((m, s) => Math.max(m, s.score), 0);
  const floor = Math.max(RELEVANCE.minimum, RELEVANCE.relative * best);
  const { tiebreak } = index;
  const kept = scored
    .filter((s) => (options.everyMatch ? s.coverage > 0 : s.score >= floor))
    .sort((a, b) => b.certain - a.certain || b.coverage - a.coverage || b.score - a.score || b.fields - a.fields || tiebreak[a.record] - tiebreak[b.record]);
  const shown = options.limit === undefined ? kept : kept.slice(0, Math.max(0, options.limit));
  return {
    results: shown.map(({ record, score, coverage }) => {
      const result: SearchResult = { record, score, coverage, matched: matchedFields(index, record, unitMatches) };
      if (via.has(record)) result.via = via.get(record);
      return result;
    }),
    total: kept.length,
    words,
    unknown,
    required: none.required,
  };
}

function bitCount(bits: number): number {
  let count = 0;
  for (; bits; bits &= bits - 1) count++;
  return count;
}

/** Builds an index and searches it: for one-off searches over a few records. */
export function searchMethods(
  methods: Method[],
  query: string,
  options: SearchOptions & { words?: Words['words'] } = {},
): (SearchResult & { method: Method })[] {
  return searchIndex(buildIndex(methods, options.words), query, options).results.map((r) => ({ ...r, method: methods[r.record] }));
}

/** Words of a query beyond this many are ignored (a pasted paragraph is not a query). */
const MAX_QUERY_WORDS = 20;

/**
 * The query's words. A word that is not in the vocabulary (nor in the word list) but is a compound of
 * words that are ("jongerenkeet", "dorpsplan" with its linking s) counts as its parts, the first of
 * which (the modifier) weighs less than the last (the head).
 */
function queryWords(index: SearchIndex, query: string): QueryWords {
  const words: string[] = [];
  const modifier: boolean[] = [];
  for (const word of wordsOf(fold(query))) {
    if (word.length >= 6 && findTerm(index, word) < 0 && !hasPrefix(index, word) && !linkOf(index, word)) {
      const split = splitWord(index, word);
      if (split) {
        words.push(...split);
        modifier.push(true, false);
        continue;
      }
    }
    words.push(word);
    modifier.push(false);
  }
  return { words: words.slice(0, MAX_QUERY_WORDS), modifier: modifier.slice(0, MAX_QUERY_WORDS) };
}

/** A word split into a known word (or one with a linking s or e: dorps-, jongere-) and a known word, start or inflected form. */
function splitWord(index: SearchIndex, word: string, stems = true): [string, string] | undefined {
  const known = (part: string) => findTerm(index, part) >= 0 || hasPrefix(index, part) || (stems && stemMatches(index, part).length > 0);
  for (let at = word.length - 3; at >= 3; at--) {
    const [left, right] = [word.slice(0, at), word.slice(at)];
    if (!known(right)) continue;
    if (findTerm(index, left) >= 0) return [left, right];
    if (/[se]$/.test(left) && left.length > 3 && findTerm(index, left.slice(0, -1)) >= 0) return [left.slice(0, -1), right];
  }
  return undefined;
}

/** What the word list says a query word stands for: by the word as typed, or by its stem (statushouder, statushouders). */
function linkOf(index: SearchIndex, word: string): string[] | undefined {
  if (index.links.size === 0) return undefined;
  const direct = index.links.get(word);
  if (direct) return direct;
  // A word the catalogue has as typed, or the start of one, is taken as typed (and the stemmer is not loaded for it).
  if (word.length < 4 || findTerm(index, word) >= 0 || hasPrefix(index, word)) return undefined;
  let byStem = linkStems.get(index.links);
  if (!byStem) {
    byStem = new Map();
    for (const [key, as] of index.links) if (!byStem.has(stem(key))) byStem.set(stem(key), as);
    linkStems.set(index.links, byStem);
  }
  return byStem.get(stem(word));
}
const linkStems = new WeakMap<Map<string, string[]>, Map<string, string[]>>();

let dutch: { stem(word: string): string } | undefined;
/** The Snowball Dutch stem of a folded word: regelingen -> regel, vouchers -> voucher. */
function stem(word: string): string {
  return (dutch ??= newStemmer('dutch')).stem(word);
}

/** Per index, the stems of its words as far as they were needed (the picker searches on every key). */
const termStems = new WeakMap<string[], (string | undefined)[]>();

/**
 * The vocabulary words with the same stem as `text`, other than `text` itself. Only words that start
 * like it are tried (the first two letters, or three where the stem keeps them), so the stemmer runs
 * on a small part of the vocabulary.
 */
function stemMatches(index: SearchIndex, text: string): number[] {
  if (text.length < 4) return [];
  const { terms } = index;
  const target = stem(text);
  let common = 0;
  while (common < 3 && text[common] === target[common]) common++;
  const start = text.slice(0, Math.max(2, common));
  let stems = termStems.get(terms);
  if (!stems) termStems.set(terms, (stems = []));
  const found: number[] = [];
  for (let t = lowerBound(terms, start); t < terms.length && terms[t].startsWith(start); t++) {
    if (terms[t] === text || terms[t].length < 3) continue;
    if ((stems[t] ??= stem(terms[t])) === target) found.push(t);
  }
  return found;
}

/** Each word, and each run of up to four neighbouring words glued together. */
function unitsOf(words: string[]): Unit[] {
  const units: Unit[] = words.map((text, i) => ({ text, from: i, to: i }));
  for (let from = 0; from < words.length; from++) {
    for (let to = from + 1; to < Math.min(words.length, from + 4); to++) {
      const text = words.slice(from, to + 1).join('');
      if (text.length >= 5) units.push({ text, from, to });
    }
  }
  return units;
}

/** A typo in a word this short may as well be another word (groen, grond): its match is a guess. */
const SHORT_WORD = 7;

/** Up to this many typos, by word length: none in short words, where they would match anything. */
function maxErrors(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : length < 12 ? 2 : 3;
}

const prefixSim = (length: number, termLength: number) => 0.6 + (0.3 * length) / termLength;
const infixSim = (length: number, termLength: number) => 0.35 + (0.3 * length) / termLength;
/** Each typo costs the same, however long the word: a long word with three typos may be another word. */
const typoPenalty = (errors: number) => 0.15 * errors;

/**
 * How a unit of the query may match: a word in every way; a run of glued words with at most one
 * typo; a word like "de" or "voor" only exactly, since it occurs everywhere.
 */
type MatchMode = 'word' | 'glued' | 'stopword';

/** The vocabulary words a query word (or glued run) matches, each with a similarity from 0 to 1. */
function matchTerm(index: SearchIndex, text: string, mode: MatchMode = 'word'): TermMatch[] {
  const { terms } = index;
  const len = text.length;
  const found = new Map<number, { sim: number; guess: boolean }>();
  const put = (term: number, sim: number, guess = false) => {
    const was = found.get(term);
    found.set(term, { sim: Math.max(was?.sim ?? 0, sim), guess: guess && (was?.guess ?? true) });
  };
  const result = () => [...found].map(([term, { sim, guess }]): TermMatch => (guess ? { term, sim, guess } : { term, sim }));

  const exact = findTerm(index, text);
  if (exact >= 0) put(exact, 1);
  if (mode === 'stopword') return result();
  if (len >= 3) {
    for (let t = lowerBound(terms, text); t < terms.length && terms[t].startsWith(text); t++) {
      if (t !== exact) put(t, prefixSim(len, terms[t].length));
    }
  }
  // Other forms of a word the catalogue has neither as typed nor as the start of a word (regelingen,
  // dorpen). A word it has is taken as typed: "straten" should not rank every record named after a
  // "straat" above the one that says "straten". Glued runs of query words are not stemmed.
  if (exact < 0 && mode === 'word' && !(len >= 3 && hasPrefix(index, text))) for (const t of stemMatches(index, text)) put(t, 0.85);
  // A word it has may still be an inflected form of a shorter one it has (dorpen, buurten): those
  // count too, where the stemmer agrees; it is loaded only when such a shorter word exists.
  if (mode === 'word' && len >= 5 && (exact >= 0 || hasPrefix(index, text))) {
    for (let l = len - 1; l >= Math.max(3, len - 5); l--) {
      const t = findTerm(index, text.slice(0, l));
      if (t >= 0 && stem(terms[t]) === stem(text)) put(t, 0.85);
    }
  }
  for (const ending of DIMINUTIVES) {
    if (len - ending.length >= 3 && text.endsWith(ending)) {
      const t = findTerm(index, text.slice(0, len - ending.length));
      if (t >= 0) put(t, 0.85);
    }
  }
  if (len < 4 || len > 32) return result();

  // Inside a longer word; and candidates for typos: a word of about the query's length, or (for
  // longer queries) a longer word that starts like it. Within k typos the query shares at least
  // (len - 1) - 2k of its letter pairs with that stretch, so words sharing fewer are not tried.
  const k = Math.min(maxErrors(len), mode === 'glued' ? 1 : Infinity);
  const typoPrefixes = len >= 6;
  const pairs = new LetterPairs(text);
  const need = len - 1 - 2 * k - pairs.repeats;
  const first = text.charCodeAt(0);
  const second = text.charCodeAt(1);
  const candidates: number[] = [];
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t];
    const tlen = term.length;
    if (tlen < len - k) continue;
    const at = term.indexOf(text);
    if (at > 0) put(t, infixSim(len, tlen));
    if (at >= 0 || k === 0) continue;
    if (tlen <= len + k) {
      if (pairs.sharesAtLeast(term, tlen, need)) candidates.push(t);
    } else if (typoPrefixes && (term.charCodeAt(0) === first || term.charCodeAt(1) === second) && pairs.sharesAtLeast(term, len + k, need)) {
      candidates.push(t);
    }
  }
  // fuse.js decides which candidates count, and how well. Its score is the typos with which the query
  // word occurs in the candidate, plus the letters it skips at the candidate's start (location 0, a
  // distance of the query's length), per letter of the query; the threshold lets through k of them
  // for a word of about the query's length, fewer (kStart) for the start of a longer word, since there
  // are many more starts than words. Each typo costs the same (typoPenalty). A word the catalogue has
  // as typed, or the start of one (as every word is while it is typed into the picker), is taken as
  // meant, not as a typo of another; so fuse.js, loaded on first use, is not loaded for it.
  if (exact < 0 && !(len >= 3 && hasPrefix(index, text)) && candidates.length > 0) {
    const kStart = Math.min(k, len < 10 ? 1 : 2);
    const whole = candidates.filter((t) => terms[t].length <= len + k);
    const starts = candidates.filter((t) => terms[t].length > len + k);
    for (const [group, most] of [[whole, k], [starts, kStart]] as const) {
      if (group.length === 0) continue;
      const options = { includeScore: true, location: 0, distance: len, isCaseSensitive: true, shouldSort: false, threshold: (most + 0.5) / len };
      for (const hit of new Fuse(group.map((t) => terms[t]), options).search(text)) {
        const t = group[hit.refIndex];
        const typos = Math.round(hit.score! * len);
        put(t, (group === whole ? 0.85 : prefixSim(len, terms[t].length)) - typoPenalty(typos), len <= SHORT_WORD);
      }
    }
  }
  if (found.size === 0 && mode === 'word') compoundParts(index, text, (term, sim) => put(term, sim, true));
  return result();
}

/** A known word of this many letters or more counts as the start or end of a compound. */
const MIN_PART = 4;
const partSim = (length: number, wordLength: number) => 0.3 + (0.3 * length) / wordLength;
/** The head of a compound (its last part) says what the thing is: a zuipkeet is a keet. */
const headSim = (length: number, wordLength: number) => 0.45 + (0.3 * length) / wordLength;

/**
 * A word found nowhere may be a compound the catalogue does not have, made of one it has and an
 * unknown part ("voetbalvereniging" when it only says "voetbal", "zuipkeet" when it says "keet"): it
 * counts as the longest known word it starts with and the longest it ends with (the head, which
 * weighs more), at reduced weight.
 */
function compoundParts(index: SearchIndex, text: string, put: (term: number, sim: number) => void): void {
  for (let l = text.length - 1; l >= MIN_PART; l--) {
    const part = text.slice(0, l);
    const t = findTerm(index, part);
    if (t >= 0) {
      put(t, partSim(l, text.length));
      break;
    }
    // Or the start of a word the catalogue has: keetcultuur and KeetKeur.
    if (hasPrefix(index, part)) {
      for (let u = lowerBound(index.terms, part); u < index.terms.length && index.terms[u].startsWith(part); u++) put(u, partSim(l, text.length) - 0.1);
      break;
    }
  }
  for (let l = text.length - 1; l >= MIN_PART; l--) {
    const tail = text.slice(text.length - l);
    const t = findTerm(index, tail);
    const ts = t >= 0 ? [t] : stemMatches(index, tail);
    if (ts.length > 0) {
      for (const u of ts) put(u, headSim(l, text.length));
      break;
    }
  }
}

/** The distinct pairs of neighbouring letters in a word, for a quick count of how many another word shares. */
class LetterPairs {
  private static readonly ascii = new Uint8Array(128 * 128);
  private static readonly seen = new Uint32Array(128 * 128);
  private static round = 0;
  private readonly other: number[] = [];
  /** How many pairs occur more than once in the word (they count once). */
  readonly repeats: number;

  constructor(text: string) {
    LetterPairs.ascii.fill(0);
    let distinct = 0;
    for (let i = 0; i + 1 < text.length; i++) {
      const a = text.charCodeAt(i);
      const b = text.charCodeAt(i + 1);
      if (a < 128 && b < 128) {
        if (!LetterPairs.ascii[a * 128 + b]) distinct++;
        LetterPairs.ascii[a * 128 + b] = 1;
      } else if (!this.other.includes(a * 65536 + b)) {
        distinct++;
        this.other.push(a * 65536 + b);
      }
    }
    this.repeats = Math.max(0, text.length - 1 - distinct);
  }

  /**
   * Whether the first `length` letters of `term` share at least `need` distinct pairs with the word.
   * Stops as soon as the answer is known: this runs for most of the vocabulary on every query word.
   */
  sharesAtLeast(term: string, length: number, need: number): boolean {
    if (need <= 0) return true;
    const { ascii, seen } = LetterPairs;
    const round = ++LetterPairs.round;
    let count = 0;
    let others: number[] | undefined;
    const end = Math.min(term.length, length);
    for (let i = 0; i + 1 < end; i++) {
      // Even if every pair left were shared, too few.
      if (count + (end - 1 - i) < need) return false;
      const a = term.charCodeAt(i);
      const b = term.charCodeAt(i + 1);
      if (a < 128 && b < 128) {
        const p = a * 128 + b;
        if (ascii[p] === 1 && seen[p] !== round) {
          seen[p] = round;
          if (++count >= need) return true;
        }
      } else if (this.other.includes(a * 65536 + b) && !others?.includes(a * 65536 + b)) {
        (others ??= []).push(a * 65536 + b);
        if (++count >= need) return true;
      }
    }
    return false;
  }
}

/** Per field, the matched vocabulary words of one record. */
function matchedFields(index: SearchIndex, record: number, unitMatches: { matches: TermMatch[] }[]): Partial<Record<SearchField, string[]>> {
  const byField = new Map<SearchField, Set<string>>();
  for (const { matches } of unitMatches) {
    for (const { term } of matches) {
      const bits = postingOf(index, term, record);
      if (!bits) continue;
      for (const field of SEARCH_FIELDS) {
        if (bits & BIT[field]) {
          let set = byField.get(field);
          if (!set) byField.set(field, (set = new Set()));
          set.add(index.terms[term]);
        }
      }
    }
  }
  const out: Partial<Record<SearchField, string[]>> = {};
  for (const field of SEARCH_FIELDS) {
    const set = byField.get(field);
    if (set) out[field] = [...set].sort();
  }
  return out;
}

/** The field bits of a term in a record (0 when absent), by binary search in its postings. */
function postingOf(index: SearchIndex, term: number, record: number): number {
  let lo = index.offsets[term];
  let hi = index.offsets[term + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const r = index.postings[mid] >>> FIELD_BITS;
    if (r === record) return index.postings[mid] & FIELD_MASK;
    if (r < record) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

function lowerBound(terms: string[], text: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid] < text) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function findTerm(index: SearchIndex, text: string): number {
  const t = lowerBound(index.terms, text);
  return index.terms[t] === text ? t : -1;
}

function hasPrefix(index: SearchIndex, text: string): boolean {
  const t = lowerBound(index.terms, text);
  return t < index.terms.length && index.terms[t].startsWith(text);
}

/**
 * Where a displayed text matches, for highlighting. `matched` holds the folded vocabulary words that
 * matched, `query` the folded query words. A displayed word is marked when it, one of its parts, or
 * its parts glued together matched; the whole text only when the query, glued together, spells most
 * of it ("tijd voor elkaar" for TijdvoorElkaar; not "buurt" for "Buurt bestuurt").
 */
export function highlightRanges(text: string, matched: Set<string>, query: string[] = []): [number, number][] {
  const ranges: [number, number][] = [];
  if (matched.size === 0) return ranges;
  const whole = wordsOf(fold(text)).join('');
  const glued = query.join('');
  if (matched.has(whole) && (glued.includes(whole) || (whole.startsWith(glued) && glued.length >= 0.6 * whole.length))) {
    return [[0, text.length]];
  }
  // \u2019 is the curly apostrophe; escaped, so the bundle stays ASCII (src/boot/boot.ts).
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+(?:[-'\u2019.][\p{L}\p{N}\p{M}]+)*/gu)) {
    const parts = wordsOf(fold(m[0]));
    if (parts.some((p) => matched.has(p)) || matched.has(parts.join(''))) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/**
 * Checks an index read back from the cache: lengths that fit together, postings in range. Returns
 * undefined when anything is off, so a damaged cache file is rebuilt rather than trusted.
 */
export function checkedIndex(
  size: number,
  terms: string[],
  offsets: Uint32Array,
  postings: Uint32Array,
  tiebreak: Uint32Array,
  links: Map<string, string[]> = new Map(),
): SearchIndex | undefined {
  if (offsets.length !== terms.length + 1 || offsets[0] !== 0 || offsets[terms.length] !== postings.length) return undefined;
  for (let t = 0; t < terms.length; t++) if (offsets[t] > offsets[t + 1]) return undefined;
  for (let p = 0; p < postings.length; p++) if (postings[p] >>> FIELD_BITS >= size) return undefined;
  if (tiebreak.length !== size) return undefined;
  return { size, terms, offsets, postings, tiebreak, links };
}

/**
 * The catalogue word spelled most like `word` (the most common one on a tie), for a "did you mean"
 * when a query finds nothing. Looser than the matching itself, and only run when that failed.
 */
export function nearestWord(index: SearchIndex, word: string): string | undefined {
  if (word.length < 4) return undefined;
  const count = (t: number) => index.offsets[t + 1] - index.offsets[t];
  const common = index.terms.map((_, t) => t).sort((a, b) => count(b) - count(a)).map((t) => index.terms[t]);
  return closestWord(word, common, Math.max(1, Math.min(3, Math.floor(word.length / 3))));
}

/**
 * For a query word that matched nothing: the catalogue words and the tags spelled most like it (by
 * edits, a shared start counting in their favour), so the hint can offer words that do match. Words
 * only within about a third of the word's length in edits; the nearest tags always (there are few).
 */
export function nearby(index: SearchIndex, word: string, tags: string[], most = 3): { words: string[]; tags: string[] } {
  const cost = (candidate: string) => {
    let start = 0;
    while (start < Math.min(word.length, candidate.length) && word[start] === candidate[start]) start++;
    return editDistance(word, candidate) - start / 2;
  };
  const rank = (candidates: string[]) =>
    candidates.map((c) => ({ c, cost: cost(wordsOf(fold(c)).join('')) })).sort((a, b) => a.cost - b.cost || (a.c < b.c ? -1 : 1));
  const words = index.terms.filter((t) => t.length >= 3 && !STOPWORDS.has(t) && !/\d/.test(t));
  const close = Math.max(1.5, word.length / 3);
  return {
    words: rank(words).filter((r) => r.cost <= close).slice(0, most).map((r) => r.c),
    tags: rank([...new Set(tags)]).slice(0, most).map((r) => r.c),
  };
}
