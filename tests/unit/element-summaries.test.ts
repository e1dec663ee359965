// A method the brochure describes differently under two elements (De Smederijen: the buurt under
// Toerusting, buurt and wijk under Inbedding) keeps each description, and shows each where it belongs.
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { elementNames } from '../../src/core/methods.js';
import { formatMethodsMarkdown } from '../../src/format/markdown.js';
import { formatMethodDetail } from '../../src/format/methods.js';
import { methodSchema } from '../../src/model/schema.js';
import { makeStyle } from '../../src/text/terminal.js';
import { method } from '../helpers/catalogue.js';

const { model, sources } = await openCatalogue();
const two = method({ id: 'twee', elements: ['toerusting', 'inbedding'], elementSummaries: { toerusting: 'Tekst onder T.', inbedding: 'Tekst onder I.' } });

describe('elementSummaries', () => {
  it('is valid only for elements the method is listed under', () => {
    expect(methodSchema.safeParse(two).success).toBe(true);
    const wrong = methodSchema.safeParse({ ...two, elementSummaries: { animo: 'Tekst.' } });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((i) => i.path.join('.'))).toEqual(['elementSummaries.animo']);
  });

  it('show gives each description with the name of its element', () => {
    const text = formatMethodDetail(two, undefined, { style: makeStyle(false), width: 80, names: elementNames(model) });
    expect(text).toContain('Onder Toerusting: Tekst onder T.');
    expect(text).toContain('Onder Inbedding: Tekst onder I.');
    expect(formatMethodDetail(method({ id: 'een' }), undefined, { style: makeStyle(false), width: 80, names: elementNames(model) })).not.toContain('Onder ');
  });

  it('the Markdown export gives, in each element\'s table, the description under that element', () => {
    const text = formatMethodsMarkdown([two], { model, sources });
    const section = (name: string) => text.split(`## ${name}`)[1].split('\n## ')[0];
    expect(section('Toerusting')).toContain('Tekst onder T.');
    expect(section('Toerusting')).not.toContain('Tekst onder I.');
    expect(section('Inbedding')).toContain('Tekst onder I.');
  });
});
