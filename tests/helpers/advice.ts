// The built-in catalogue as the advice sees it, and answers to give it: for the advice tests in
// tests/unit (rules by example) and tests/deep (every answer combination).
import { openCatalogue } from '../../src/catalogue/open.js';
import type { ActieAnswers, AdviceCatalogue } from '../../src/core/advice.js';
import type { ContextKey, ElementKey } from '../../src/model/schema.js';

const builtin = await openCatalogue();
export const catalogue: AdviceCatalogue = { model: builtin.model, methods: builtin.methods, words: builtin.words };
export const { model } = catalogue;
export const elementKeys = model.elements.map((e) => e.key);

/** The first pole of every element (what Enter through the questionnaire gives), with some answers changed. */
export function answers(changes: Partial<Record<ElementKey | ContextKey, string | null>> = {}): ActieAnswers {
  return { ...Object.fromEntries(model.elements.map((e) => [e.key, e.poles[0].key])), setting: null, doelgroep: null, ...changes } as ActieAnswers;
}
