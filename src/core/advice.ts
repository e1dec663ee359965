import { ATTENTION_THRESHOLD, SHORTLIST_SIZE } from '../defaults.js';
import { CONTEXT_KEYS, EXTRA_ANSWER_KEYS, type ContextKey, type ElementKey, type SourceKind } from '../keys.js';
import type { ActieElement, ActieModel, ContextQuestion, Method } from '../schema.js';
import { normalize } from './methods.js';

/** The answer to one element: one of its two pole keys, `beide` or `onbekend`. */
export type AnswerKey = string;

/** What a professional answered: one key per element, and a tag (or null: no preference) per context question. */
export type ActieAnswers = Record<ElementKey, AnswerKey> & Record<ContextKey, string | null>;

/** One answer an element offers, with what it means and how much it asks of the professional. */
export interface AnswerOption {
  key: AnswerKey;
  label: string;
  role: string;
  attention: number;
}

export interface ContextOption {
  tag: string;
  label: string;
}

export interface MethodRef {
  id: string;
  name: string;
  url: string;
  kind: SourceKind;
  elements: ElementKey[];
}

export type Reason =
  | { kind: 'element'; element: ElementKey; name: string; answer: AnswerKey; label: string; attention: number }
  | { kind: 'context'; question: ContextKey; tag: string; label: string };

export interface ElementAdvice {
  key: ElementKey;
  name: string;
  question: string;
  answer: AnswerOption;
  /** The answer asks enough of the professional for this element to steer the shortlist. */
  focus: boolean;
  dos: string[];
  donts: string[];
  /** The methods listed under this element that fit the context, best fit first. */
  methods: MethodRef[];
}

export interface ShortlistItem extends MethodRef {
  /** Sum of the attention of the focus elements it is listed under (first sort key). */
  attentionScore: number;
  /** Answers to non-filtering context questions (doelgroep) whose tag it has (second sort key). */
  boosts: number;
  /** The focus elements it is listed under, then every context answer whose tag it has. */
  reasons: Reason[];
}

export interface Advice {
  /** Elements by attention, most first; equal attention keeps the model's order. */
  elements: ElementAdvice[];
  /** Elements whose answers steer the shortlist. */
  focus: ElementKey[];
  context: Record<ContextKey, ContextOption | null>;
  /** How many methods the context answers left out. */
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
    ...element.poles.map(({ key, label, role, attention }) => ({ key, label, role, attention })),
    ...EXTRA_ANSWER_KEYS.map((key) => ({ key, ...model.answers[key] })),
  ];
}

/** The options of a context question that some method in the catalogue carries a tag for. */
export function contextOptions(question: ContextQuestion, methods: Method[]): ContextOption[] {
  const tags = new Set(methods.flatMap((m) => m.tags ?? []));
  return question.options.filter((o) => tags.has(o.tag)).map(({ tag, label }) => ({ tag, label }));
}

/** The value that means "no preference" for a context question, on the command line. */
export const NO_PREFERENCE = 'geen';

/** Matches what a user typed against allowed keys, ignoring case, accents and hyphens. */
export function matchKey(input: string, keys: readonly string[]): string | undefined {
  const wanted = normalize(input);
  if (!wanted) return undefined;
  return keys.find((k) => k === input) ?? keys.find((k) => normalize(k) === wanted);
}

/** Every answer as a command-line option: its name (the element or context key) and the values it takes. */
export function answerFlags(catalogue: AdviceCatalogue): { key: ElementKey | ContextKey; values: string[] }[] {
  const { model, methods } = catalogue;
  return [
    ...model.elements.map((e) => ({ key: e.key, values: answerOptions(e, model).map((o) => o.key) })),
    ...CONTEXT_KEYS.map((key) => ({ key, values: [...contextOptions(model.context[key], methods).map((o) => o.tag), NO_PREFERENCE] })),
  ];
}

/** Builds the advice for a set of answers. Pure and deterministic: the order of `methods` does not matter. */
export function adviseActie(answers: ActieAnswers, catalogue: AdviceCatalogue): Advice {
  const { model } = catalogue;
  const chosen = new Map<ElementKey, AnswerOption>();
  for (const element of model.elements) {
    const option = answerOptions(element, model).find((o) => o.key === answers[element.key]);
    if (!option) throw new RangeError(`unknown answer "${answers[element.key]}" for element ${element.key}`);
    chosen.set(element.key, option);
  }

  // Elements that need attention steer the shortlist. When every answer asks little, all elements count alike.
  const needing = model.elements.filter((e) => chosen.get(e.key)!.attention >= ATTENTION_THRESHOLD).map((e) => e.key);
  const focus = needing.length ? needing : model.elements.map((e) => e.key);

  const context = resolveContext(answers, model, catalogue.methods);
  const fitting = catalogue.methods.filter((m) => fitsContext(m, context, model));

  const score = (m: Method): ShortlistItem => {
    const reasons: Reason[] = [];
    let attentionScore = 0;
    for (const element of model.elements) {
      if (!focus.includes(element.key) || !m.elements.includes(element.key)) continue;
      const answer = chosen.get(element.key)!;
      attentionScore += answer.attention;
      reasons.push({ kind: 'element', element: element.key, name: element.name, answer: answer.key, label: answer.label, attention: answer.attention });
    }
    // A filtering question (setting) has done its work by now; only the others (doelgroep) boost.
    let boosts = 0;
    for (const key of CONTEXT_KEYS) {
      const option = context[key];
      if (option && (m.tags ?? []).includes(option.tag)) {
        if (!model.context[key].filter) boosts++;
        reasons.push({ kind: 'context', question: key, tag: option.tag, label: option.label });
      }
    }
    return { ...methodRef(m), attentionScore, boosts, reasons };
  };

  const ranked = fitting.map(score).sort(byFit);
  const elements: ElementAdvice[] = model.elements
    .map((e, index) => ({ e, index, answer: chosen.get(e.key)! }))
    .sort((a, b) => b.answer.attention - a.answer.attention || a.index - b.index)
    .map(({ e, answer }) => ({
      key: e.key,
      name: e.name,
      question: e.question,
      answer,
      focus: focus.includes(e.key),
      dos: [...e.dos],
      donts: [...e.donts],
      methods: ranked.filter((m) => m.elements.includes(e.key)).map(methodRefOf),
    }));

  return {
    elements,
    focus,
    context,
    excluded: catalogue.methods.length - fitting.length,
    shortlist: ranked.filter((m) => m.attentionScore > 0).slice(0, SHORTLIST_SIZE),
  };
}

/**
 * Best fit first: attention score, then boosts (a target group only decides between equal scores, so it
 * never lifts a method under one focus element above one under several), then databank before
 * verkenning, then id.
 */
export function byFit(a: ShortlistItem, b: ShortlistItem): number {
  return (
    b.attentionScore - a.attentionScore ||
    b.boosts - a.boosts ||
    kindRank(a.kind) - kindRank(b.kind) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
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

/** A filtering question drops methods that carry only the tags of its other options. */
function fitsContext(m: Method, context: Record<ContextKey, ContextOption | null>, model: ActieModel): boolean {
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

function methodRefOf(item: ShortlistItem): MethodRef {
  const { id, name, url, kind, elements } = item;
  return { id, name, url, kind, elements };
}
