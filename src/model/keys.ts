/**
 * The ACTIE element keys, the source kinds and the questionnaire's fixed keys. Kept apart from src/model/schema.ts so that the CLI and the
 * commands that read the catalogue from cache can start without loading zod.
 */
export const ELEMENT_KEYS = ['animo', 'contact', 'toerusting', 'inbedding', 'empathie'] as const;
export type ElementKey = (typeof ELEMENT_KEYS)[number];

/** Each element's letter, which users may type for it: a -> animo. */
export const ELEMENT_LETTERS = Object.fromEntries(ELEMENT_KEYS.map((e) => [e[0], e])) as Record<string, ElementKey>;

export const SOURCE_KINDS = ['databank', 'verkenning'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The two answers every element offers besides its poles; a pole may not use these keys. */
export const EXTRA_ANSWER_KEYS = ['beide', 'onbekend'] as const;
export type ExtraAnswerKey = (typeof EXTRA_ANSWER_KEYS)[number];

/** The context questions asked after the five elements. */
export const CONTEXT_KEYS = ['setting', 'doelgroep'] as const;
export type ContextKey = (typeof CONTEXT_KEYS)[number];

/** Local date and time, ISO 8601 without zone, as a consultant reads it: 2026-03-02T14:05 (a dossier's sessions). */
export const LOCAL_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
