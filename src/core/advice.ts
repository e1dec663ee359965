import { SHORTLIST_SHARED_MAX, SHORTLIST_SIZE, THEME_POINTS } from '../model/defaults.js';
import { CONTEXT_KEYS, EXTRA_ANSWER_KEYS, type ContextKey, type ElementKey, type SourceKind } from '../model/keys.js';
import type { ActieElement, ActieModel, ContextQuestion, Method, Words } from '../model/schema.js';
import { matchChoice } from './choice.js';
import { compact } from './fold.js';
import { compareNames } from './methods.js';
import { searchMethods } from './search.js';

/** The answer to one element: one of its two pole keys, `beide` or `onbekend`. */
export type AnswerKey = string;

/**
 * What a professional answered: one key per element, a tag (or null: no preference) per context question,
 * and what the initiative is about in their own words (null or absent: not said).
 */
export type ActieAnswers = Record<ElementKey, AnswerKey> & Record<ContextKey, string | null> & { over?: string | null };

/** One answer an element offers, with what it means and how much it asks of the professional. */
export interface AnswerOption {
  key: AnswerKey;
  label: string;
  /** A word or two for the profile and for reasons ("bijsturen", "allebei"). */
  short: string;
  role: string;
  attention: number;
}

export interface ContextOption {
  tag: string;
  label: string;
  /** What the tag says of a method, as part of a sentence ("bedoeld voor een dorp of het platteland"). */
  match: string;
}

export interface MethodRef {
  id: string;
  name: string;
  url: string;
  kind: SourceKind;
  elements: ElementKey[];
}

/** Where an answer lies on the line between the element's two poles. */
export type ProfilePosition = 'left' | 'middle' | 'right' | 'unknown';

/** One line of the profile: the element, its two poles and where the answer lies between them. */
export interface ProfileLine {
  key: ElementKey;
  name: string;
  left: string;
  right: string;
  answer: AnswerKey;
  position: ProfilePosition;
}

/** A do of the brochure; `emphasis` marks the ones that weigh most for the given answer. */
export interface DoAdvice {
  key: string;
  text: string;
  emphasis: boolean;
}

/** One part of a method's points, as data; the formatter makes each a sentence. */
export type Part =
  /** How the method ranks in `search` for what the initiative is about: among the best matches, another result, or none. */
  | { part: 'theme'; text: string; level: 'best' | 'match' | 'none'; points: number }
  /** The element of the method that counts (the one whose answer weighs most), with the answer given. */
  | { part: 'element'; element: ElementKey; name: string; answer: AnswerKey; short: string; points: number; also: { element: ElementKey; name: string; answer: AnswerKey; short: string }[] }
  /** The method carries the tag of a context answer. */
  | { part: 'context'; question: ContextKey; tag: string; label: string; match: string; points: number };

export interface Points {
  theme: number;
  element: number;
  context: number;
  total: number;
}

export interface RankedMethod extends MethodRef {
  summary: string;
  /** 1 for the first; methods with the same points and the same kind of source share a place. */
  place: number;
  points: Points;
  /** What gave it points, each part with its points; parts with no points are left out. */
  parts: Part[];
}

/** A place the shortlist could not show in full: the methods that share it. */
export interface SharedPlace {
  place: number;
  points: number;
  methods: MethodRef[];
}

export interface ElementAdvice {
  key: ElementKey;
  name: string;
  question: string;
  /** Who the do's and don'ts address, where the brochure aims them at the organisation. */
  note?: string;
  answer: AnswerOption;
  /** The brochure's do's for this element: they hold for every answer; the weightiest for this answer first. */
  dos: DoAdvice[];
  donts: string[];
  /** The methods listed under this element, in the order of the ranking. */
  methods: MethodRef[];
}

/** What a context answer finds in the catalogue and on the shortlist. */
export interface ContextFit {
  question: ContextKey;
  option: ContextOption;
  /** Methods in the catalogue with the tag, in the order of the ranking. */
  methods: MethodRef[];
  /** Whether one of them is on the shortlist. */
  onShortlist: boolean;
}

export interface Advice {
  profile: ProfileLine[];
  /**
   * `advice` when at least one answer is known; `conversation` when every answer is "weet ik (nog) niet": then
   * no method is said to fit an answer, the advice opens with the questions to talk through, and the
   * methods shown are only starting points by theme and context.
   */
  mode: 'advice' | 'conversation';
  /** Elements answered "weet ik (nog) niet": the questions still to talk through with the initiative-takers. */
  open: ElementKey[];
  /** Elements by attention, most first; equal attention keeps the model's order. */
  elements: ElementAdvice[];
  context: Record<ContextKey, ContextOption | null>;
  /** Per chosen context answer, the methods that carry its tag. */
  contextFit: ContextFit[];
  /** What the initiative is about, as given, and the methods `search` finds best for it. */
  theme: { text: string; best: MethodRef[]; matches: number } | null;
  /** The first places, whole: at least five methods where they have points, a shared last place shown in full. */
  shortlist: RankedMethod[];
  /** The next place, when it was too crowded to show (more than SHORTLIST_SHARED_MAX in all). */
  shared: SharedPlace | null;
  /** Every method, ranked: the shortlist is its head. */
  ranking: RankedMethod[];
}

export interface AdviceCatalogue {
  model: ActieModel;
  methods: Method[];
  /** The word list search uses too (catalogue/words.yaml): what the initiative is about, in everyday words. */
  words?: Words;
}

/** The four answers of an element in the order the questionnaire shows them: the poles, then beide and onbekend. */
export function answerOptions(element: ActieElement, model: ActieModel): AnswerOption[] {
  return [
    ...element.poles.map(({ key, label, short, role, attention }) => ({ key, label, short, role, attention })),
    ...EXTRA_ANSWER_KEYS.map((key) => ({ key, ...model.answers[key] })),
  ];
}

/** The options of a context question that some method in the catalogue carries a tag for. */
export function contextOptions(question: ContextQuestion, methods: Method[]): ContextOption[] {
  const tags = new Set(methods.flatMap((m) => m.tags ?? []));
  return question.options.filter((o) => tags.has(o.tag)).map(({ tag, label, match }) => ({ tag, label, match }));
}

/** The value that means "no preference" for a context question, on the command line. */
export const NO_PREFERENCE = 'geen';

/** The keys that what a user typed is the start of: more than one means it is ambiguous. */
export function startsOf(input: string, keys: readonly string[]): string[] {
  const wanted = compact(input);
  return wanted ? keys.filter((k) => compact(k).startsWith(wanted)) : [];
}

/** Matches what a user typed against allowed keys, ignoring case, accents and hyphens. */
export function matchKey(input: string, keys: readonly string[]): string | undefined {
  return matchChoice(input, keys);
}

/** Every answer as a command-line option: its name (the element or context key) and the values it takes. */
export function answerFlags(catalogue: AdviceCatalogue): { key: ElementKey | ContextKey; values: string[] }[] {
  const { model, methods } = catalogue;
  return [
    ...model.elements.map((e) => ({ key: e.key, values: answerOptions(e, model).map((o) => o.key) })),
    ...CONTEXT_KEYS.map((key) => ({ key, values: [...contextOptions(model.context[key], methods).map((o) => o.tag), NO_PREFERENCE] })),
  ];
}

/** Where an answer lies between the poles: the first pole left, the second right, beide in the middle. */
export function profilePosition(element: ActieElement, answer: AnswerKey): ProfilePosition {
  if (answer === element.poles[0].key) return 'left';
  if (answer === element.poles[1].key) return 'right';
  return answer === 'beide' ? 'middle' : 'unknown';
}

/** The points an answer gives the methods of its element: its attention, and none for "weet ik (nog) niet". */
function answerPoints(answer: AnswerOption): number {
  return answer.key === 'onbekend' ? 0 : answer.attention;
}

/**
 * Builds the advice for a set of answers. Pure and deterministic: the order of `methods` does not matter.
 * The rules, as a table a consultant can check by hand, are in docs/actie.md: each method gets points for
 * what the initiative is about (as `search` ranks it), for the one element of it whose answer weighs most,
 * and for each context answer whose tag it carries. Context only adds: no method is ever left out.
 */
export function adviseActie(answers: ActieAnswers, catalogue: AdviceCatalogue): Advice {
  const { model, methods } = catalogue;
  const chosen = new Map<ElementKey, AnswerOption>();
  for (const element of model.elements) {
    const option = answerOptions(element, model).find((o) => o.key === answers[element.key]);
    if (!option) throw new RangeError(`unknown answer "${answers[element.key]}" for element ${element.key}`);
    chosen.set(element.key, option);
  }
  const open = model.elements.filter((e) => chosen.get(e.key)!.key === 'onbekend').map((e) => e.key);
  const mode = open.length === model.elements.length ? 'conversation' : 'advice';

  const context = resolveContext(answers, model, methods);
  const over = answers.over?.trim() || null;
  const theme = over ? themeMatches(methods, over, catalogue.words) : undefined;

  const scored = methods.map((m, index) => {
    const parts: Part[] = [];
    if (over) {
      const found = theme!.get(index);
      parts.push({ part: 'theme', text: over, level: found?.level ?? 'none', points: found?.points ?? 0 });
    }
    const under = model.elements
      .filter((e) => m.elements.includes(e.key))
      .map((e) => ({ element: e.key, name: e.name, answer: chosen.get(e.key)!, index: model.elements.indexOf(e) }));
    // Being listed under two elements is no advantage: the element whose answer weighs most counts, once.
    const counting = [...under].sort((a, b) => answerPoints(b.answer) - answerPoints(a.answer) || a.index - b.index)[0];
    if (counting && answerPoints(counting.answer) > 0) {
      const also = under.filter((u) => u !== counting && answerPoints(u.answer) > 0).map((u) => ({ element: u.element, name: u.name, answer: u.answer.key, short: u.answer.short }));
      parts.push({ part: 'element', element: counting.element, name: counting.name, answer: counting.answer.key, short: counting.answer.short, points: answerPoints(counting.answer), also });
    }
    for (const key of CONTEXT_KEYS) {
      const option = context[key];
      if (option && (m.tags ?? []).includes(option.tag)) parts.push({ part: 'context', question: key, ...option, points: 1 });
    }
    const sum = (kind: Part['part']) => parts.filter((p) => p.part === kind).reduce((n, p) => n + p.points, 0);
    const points = { theme: sum('theme'), element: sum('element'), context: sum('context'), total: 0 };
    points.total = points.theme + points.element + points.context;
    return { method: m, points, parts: parts.filter((p) => p.points > 0 || p.part === 'theme') };
  });

  // Most points first; equal points: a databank method (tried, described in full) before a verkenning. What is
  // then still equal shares a place, listed by name only so that the list reads the same every time.
  const sameRank = (a: (typeof scored)[number], b: (typeof scored)[number]) => b.points.total - a.points.total || kindRank(a.method.source.kind) - kindRank(b.method.source.kind);
  scored.sort(
    (a, b) =>
      sameRank(a, b) || compareNames(a.method, b.method),
  );
  const ranking: RankedMethod[] = [];
  scored.forEach((s, i) => {
    const place = i > 0 && sameRank(scored[i - 1], s) === 0 ? ranking[i - 1].place : i + 1;
    ranking.push({ ...methodRef(s.method), summary: s.method.summary, place, points: s.points, parts: s.parts });
  });

  // Whole places, until there are five; a last place shared by so many that the list would pass
  // SHORTLIST_SHARED_MAX is named instead. A method without points has nothing to recommend it.
  const shortlist: RankedMethod[] = [];
  let shared: SharedPlace | null = null;
  for (let i = 0; i < ranking.length && shortlist.length < SHORTLIST_SIZE; ) {
    const place = ranking.filter((r) => r.place === ranking[i].place);
    if (place[0].points.total === 0) break;
    if (shortlist.length + place.length > SHORTLIST_SHARED_MAX) {
      shared = { place: place[0].place, points: place[0].points.total, methods: place.map(refOf) };
      break;
    }
    shortlist.push(...place);
    i += place.length;
  }

  const elements: ElementAdvice[] = model.elements
    .map((e, index) => ({ e, index, answer: chosen.get(e.key)! }))
    .sort((a, b) => b.answer.attention - a.answer.attention || a.index - b.index)
    .map(({ e, answer }) => {
      const weighty = new Set(e.emphasis[answer.key] ?? []);
      return {
        key: e.key,
        name: e.name,
        question: e.question,
        ...(e.note ? { note: e.note } : {}),
        answer,
        dos: [...e.dos.filter((d) => weighty.has(d.key)), ...e.dos.filter((d) => !weighty.has(d.key))].map((d) => ({ ...d, emphasis: weighty.has(d.key) })),
        donts: [...e.donts],
        methods: ranking.filter((r) => r.elements.includes(e.key)).map(refOf),
      };
    });

  const profile: ProfileLine[] = model.elements.map((e) => ({
    key: e.key,
    name: e.name,
    left: e.poles[0].short,
    right: e.poles[1].short,
    answer: chosen.get(e.key)!.key,
    position: profilePosition(e, chosen.get(e.key)!.key),
  }));

  const contextFit: ContextFit[] = CONTEXT_KEYS.flatMap((key) => {
    const option = context[key];
    if (!option) return [];
    const tagged = ranking.filter((r) => r.parts.some((p) => p.part === 'context' && p.question === key));
    return [{ question: key, option, methods: tagged.map(refOf), onShortlist: tagged.some((r) => shortlist.includes(r)) }];
  });
  const themeInfo = over
    ? { text: over, best: ranking.filter((r) => r.parts.some((p) => p.part === 'theme' && p.level === 'best')).map(refOf), matches: theme!.size }
    : null;

  return { profile, mode, open, elements, context, contextFit, theme: themeInfo, shortlist, shared, ranking };
}

/**
 * For each method (by index) that `search` finds for `text`: its level and points. The best matches (the
 * first result and any with the same words and score) get THEME_POINTS.best; every other result up to
 * THEME_POINTS.match, in proportion to its score against the best one's, rounded.
 */
function themeMatches(methods: Method[], text: string, words?: Words): Map<number, { level: 'best' | 'match'; points: number }> {
  const results = searchMethods(methods, text, { everyMatch: true, words: words?.words });
  const out = new Map<number, { level: 'best' | 'match'; points: number }>();
  const first = results[0];
  for (const r of results) {
    const best = r.coverage === first.coverage && r.score === first.score;
    out.set(r.record, best ? { level: 'best', points: THEME_POINTS.best } : { level: 'match', points: Math.round((THEME_POINTS.match * r.score) / first.score) });
  }
  return out;
}

function refOf(r: MethodRef): MethodRef {
  return { id: r.id, name: r.name, url: r.url, kind: r.kind, elements: [...r.elements] };
}

function kindRank(kind: SourceKind): number {
  return kind === 'databank' ? 0 : 1;
}

function resolveContext(answers: ActieAnswers, model: ActieModel, methods: Method[]): Record<ContextKey, ContextOption | null> {
  const out = {} as Record<ContextKey, ContextOption | null>;
  for (const key of CONTEXT_KEYS) {
    const tag = answers[key];
    if (tag === null || tag === undefined) {
      out[key] = null;
      continue;
    }
    const option = contextOptions(model.context[key], methods).find((o) => o.tag === tag);
    if (!option) throw new RangeError(`unknown ${key} "${tag}"`);
    out[key] = option;
  }
  return out;
}

function methodRef(m: Method): MethodRef {
  return { id: m.id, name: m.name, url: m.url, kind: m.source.kind, elements: [...m.elements] };
}

/** Answers so far: an element without a key is still to be asked; a context key without a value too. */
export type PartialAnswers = Partial<ActieAnswers>;

/** All five elements answered: the context questions not answered mean "no preference". */
export function completeAnswers(given: PartialAnswers): ActieAnswers {
  return { setting: null, doelgroep: null, over: null, ...given } as ActieAnswers;
}
