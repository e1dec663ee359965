import { ATTENTION_THRESHOLD, SHORTLIST_SIZE } from '../defaults.js';
import { CONTEXT_KEYS, EXTRA_ANSWER_KEYS, type ContextKey, type ElementKey, type SourceKind } from '../keys.js';
import type { ActieElement, ActieModel, ContextQuestion, Method } from '../schema.js';
import { matchChoice } from './choice.js';

/** The answer to one element: one of its two pole keys, `beide` or `onbekend`. */
export type AnswerKey = string;

/** What a professional answered: one key per element, and a tag (or null: no preference) per context question. */
export type ActieAnswers = Record<ElementKey, AnswerKey> & Record<ContextKey, string | null>;

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

export type Reason =
  /** The method is listed under this element; `focus` tells whether the element steers the shortlist. */
  | { kind: 'element'; element: ElementKey; name: string; answer: AnswerKey; label: string; short: string; attention: number; focus: boolean }
  /** The method carries the tag of a context answer. */
  | { kind: 'context'; question: ContextKey; tag: string; label: string; match: string }
  /** The focus elements could not fill the shortlist; `uncovered` are those without any method that fits. */
  | { kind: 'fill'; uncovered: { element: ElementKey; name: string }[] };

export interface ElementAdvice {
  key: ElementKey;
  name: string;
  question: string;
  /** Who the do's and don'ts address, where the brochure aims them at the organisation. */
  note?: string;
  answer: AnswerOption;
  /** The answer asks enough of the professional for this element to steer the shortlist. */
  focus: boolean;
  /** The brochure's do's for this element: they hold for every answer; the weightiest for this answer first. */
  dos: DoAdvice[];
  donts: string[];
  /** The methods listed under this element that fit the context, best fit first. */
  methods: MethodRef[];
}

/** How a method got onto the shortlist: first one per focus element, then by fit, then the nearest to fill it. */
export type Pick = 'cover' | 'fit' | 'fill';

export interface ShortlistItem extends MethodRef {
  summary: string;
  pick: Pick;
  /** Sum of the attention of the focus elements it is listed under (first sort key). */
  fit: number;
  /** How many context answers (setting, target group) it carries the tag of (second sort key). */
  contextMatches: number;
  /** Its elements with the answers given, every context answer whose tag it has, and why it fills a gap. */
  reasons: Reason[];
}

export interface Advice {
  profile: ProfileLine[];
  /** Elements by attention, most first; equal attention keeps the model's order. */
  elements: ElementAdvice[];
  /** Elements whose answers steer the shortlist, most attention first. */
  focus: ElementKey[];
  /** Focus elements without any method that fits the context. */
  uncovered: ElementKey[];
  context: Record<ContextKey, ContextOption | null>;
  /** How many methods the setting left out because they belong only to another setting. */
  excluded: number;
  shortlist: ShortlistItem[];
}

export interface AdviceCatalogue {
  model: ActieModel;
  methods: Method[];
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

// Made on first use: the first Intl.Collator of a process costs milliseconds, which every command would pay at start-up.
let collator: Intl.Collator | undefined;

/**
 * Builds the advice for a set of answers. Pure and deterministic: the order of `methods` does not matter.
 * The rules, as a table a consultant can check by hand, are in docs/actie.md.
 */
export function adviseActie(answers: ActieAnswers, catalogue: AdviceCatalogue): Advice {
  const { model } = catalogue;
  const chosen = new Map<ElementKey, AnswerOption>();
  for (const element of model.elements) {
    const option = answerOptions(element, model).find((o) => o.key === answers[element.key]);
    if (!option) throw new RangeError(`unknown answer "${answers[element.key]}" for element ${element.key}`);
    chosen.set(element.key, option);
  }

  // Most attention first; equal attention keeps the model's order (A, C, T, I, E).
  const byAttention = model.elements
    .map((e, index) => ({ e, index, answer: chosen.get(e.key)! }))
    .sort((a, b) => b.answer.attention - a.answer.attention || a.index - b.index);

  // Elements that need attention steer the shortlist. When every answer asks little, all elements count alike.
  const needing = byAttention.filter(({ answer }) => answer.attention >= ATTENTION_THRESHOLD).map(({ e }) => e.key);
  const focus = needing.length ? needing : byAttention.map(({ e }) => e.key);

  const context = resolveContext(answers, model, catalogue.methods);
  const fitting = catalogue.methods.filter((m) => fitsSetting(m, context, model));

  const elementReasons = (m: Method): Extract<Reason, { kind: 'element' }>[] =>
    model.elements
      .filter((e) => m.elements.includes(e.key))
      .map((e) => {
        const answer = chosen.get(e.key)!;
        return { kind: 'element', element: e.key, name: e.name, answer: answer.key, label: answer.label, short: answer.short, attention: answer.attention, focus: focus.includes(e.key) };
      });
  const contextReasons = (m: Method): Extract<Reason, { kind: 'context' }>[] =>
    CONTEXT_KEYS.flatMap((key) => {
      const option = context[key];
      return option && (m.tags ?? []).includes(option.tag) ? [{ kind: 'context' as const, question: key, ...option }] : [];
    });

  const candidates = fitting.map((m) => {
    const elements = elementReasons(m);
    const contexts = contextReasons(m);
    return {
      method: m,
      fit: elements.filter((r) => r.focus).reduce((n, r) => n + r.attention, 0),
      // A method further from the focus still fills a gap better the more the answers ask of its elements.
      nearness: elements.reduce((n, r) => n + r.attention, 0),
      contextMatches: contexts.length,
      reasons: [...elements, ...contexts] as Reason[],
    };
  });
  type Candidate = (typeof candidates)[number];
  const tieBreak = (a: Candidate, b: Candidate) =>
    b.contextMatches - a.contextMatches ||
    kindRank(a.method.source.kind) - kindRank(b.method.source.kind) ||
    (collator ??= new Intl.Collator('nl')).compare(a.method.name, b.method.name) ||
    (a.method.id < b.method.id ? -1 : a.method.id > b.method.id ? 1 : 0);
  const ranked = candidates.filter((c) => c.fit > 0).sort((a, b) => b.fit - a.fit || tieBreak(a, b));
  const nearest = candidates.filter((c) => c.fit === 0).sort((a, b) => b.nearness - a.nearness || tieBreak(a, b));

  const uncovered = focus.filter((key) => !ranked.some((c) => c.method.elements.includes(key)));
  const picked: { c: Candidate; pick: Pick }[] = [];
  const taken = new Set<Candidate>();
  const take = (c: Candidate, pick: Pick) => {
    picked.push({ c, pick });
    taken.add(c);
  };
  // One method for each focus element before a second of any, most attention first.
  for (const key of focus) {
    if (picked.length >= SHORTLIST_SIZE) break;
    if (picked.some(({ c }) => c.method.elements.includes(key))) continue;
    const best = ranked.find((c) => !taken.has(c) && c.method.elements.includes(key));
    if (best) take(best, 'cover');
  }
  for (const c of ranked) if (picked.length < SHORTLIST_SIZE && !taken.has(c)) take(c, 'fit');
  for (const c of nearest) if (picked.length < SHORTLIST_SIZE) take(c, 'fill');

  const nameOf = (key: ElementKey) => model.elements.find((e) => e.key === key)!.name;
  const shortlist: ShortlistItem[] = picked.map(({ c, pick }) => ({
    ...methodRef(c.method),
    summary: c.method.summary,
    pick,
    fit: c.fit,
    contextMatches: c.contextMatches,
    reasons: pick === 'fill' ? [{ kind: 'fill', uncovered: uncovered.map((element) => ({ element, name: nameOf(element) })) }, ...c.reasons] : c.reasons,
  }));

  const order = [...ranked, ...nearest];
  const elements: ElementAdvice[] = byAttention.map(({ e, answer }) => {
    const weighty = new Set(e.emphasis[answer.key] ?? []);
    return {
      key: e.key,
      name: e.name,
      question: e.question,
      ...(e.note ? { note: e.note } : {}),
      answer,
      focus: focus.includes(e.key),
      dos: [...e.dos.filter((d) => weighty.has(d.key)), ...e.dos.filter((d) => !weighty.has(d.key))].map((d) => ({ ...d, emphasis: weighty.has(d.key) })),
      donts: [...e.donts],
      methods: order.filter((c) => c.method.elements.includes(e.key)).map((c) => methodRef(c.method)),
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

  return { profile, elements, focus, uncovered, context, excluded: catalogue.methods.length - fitting.length, shortlist };
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

/** A filtering question (the setting) drops the methods that carry only the tags of its other options. */
function fitsSetting(m: Method, context: Record<ContextKey, ContextOption | null>, model: ActieModel): boolean {
  const tags = m.tags ?? [];
  return CONTEXT_KEYS.every((key) => {
    const option = context[key];
    const question = model.context[key];
    if (!option || !question.filter || tags.includes(option.tag)) return true;
    return !question.options.some((o) => o.tag !== option.tag && tags.includes(o.tag));
  });
}

function methodRef(m: Method): MethodRef {
  return { id: m.id, name: m.name, url: m.url, kind: m.source.kind, elements: [...m.elements] };
}

/** Answers so far: an element without a key is still to be asked; a context key without a value too. */
export type PartialAnswers = Partial<ActieAnswers>;

/** All five elements answered: the context questions not answered mean "no preference". */
export function completeAnswers(given: PartialAnswers): ActieAnswers {
  return { setting: null, doelgroep: null, ...given } as ActieAnswers;
}
