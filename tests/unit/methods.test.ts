import { describe, expect, it } from 'vitest';
import { compact } from '../../src/core/fold.js';
import { openCatalogue } from '../../src/catalogue/open.js';
import { countByElement, filterMethods, findMethod, parseElement, sortByName } from '../../src/core/methods.js';
import { sanitize } from '../../src/text/terminal.js';

const { methods } = await openCatalogue();

describe('compact', () => {
  it.each([
    ['Kan wél', 'kanwel'],
    ['TijdvoorElkaar', 'tijdvoorelkaar'],
    ['Eigen Kracht-conferentie', 'eigenkrachtconferentie'],
    ['  PALED-methode (Plan) ', 'paledmethodeplan'],
  ])('%s -> %s', (input, expected) => expect(compact(input)).toBe(expected));
});

describe('findMethod', () => {
  it.each([
    ['abcd', 'abcd'],
    ['kan wel', 'kan-wel'],
    ['KAN WÉL', 'kan-wel'],
    ['Kan wél', 'kan-wel'],
    ['tijd voor elkaar', 'tijdvoorelkaar'],
    ['MAC', 'maatschappelijke-activeringscentra'],
    ['idop', 'integraal-dorpsontwikkelingsplan'],
    ['EOP', 'erkende-overleg-partners'],
    ['eigen kracht conferentie', 'eigen-kracht-conferentie'],
    // The start of exactly one method's id or name.
    ['dorpsagenda', 'dorpsagenda-met-dorpswaardering'],
    ['Kan', 'kan-wel'],
  ])('%s finds %s', (query, id) => expect(findMethod(methods, query)?.id).toBe(id));

  // "dorps" starts three methods, "de" two: nothing, rather than a guess.
  it.each(['', '   ', 'geen-methode', 'dorps', 'de'])('%j finds nothing', (query) => expect(findMethod(methods, query)).toBeUndefined());
});

describe('filterMethods', () => {
  it('keeps methods under any of the given elements', () => {
    const found = filterMethods(methods, { elements: ['empathie', 'contact'] });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.elements.includes('empathie') || m.elements.includes('contact'))).toBe(true);
    const counts = countByElement(methods);
    const overlap = methods.filter((m) => m.elements.includes('empathie') && m.elements.includes('contact')).length;
    expect(found).toHaveLength(counts.empathie + counts.contact - overlap);
  });

  it('combines kind and tags (every tag must match)', () => {
    const found = filterMethods(methods, { kind: 'verkenning', tags: ['dorp'] });
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) {
      expect(m.source.kind).toBe('verkenning');
      expect(m.tags).toContain('dorp');
    }
    expect(filterMethods(methods, { tags: ['dorp', 'wijk'] }).every((m) => m.tags?.includes('wijk') && m.tags.includes('dorp'))).toBe(true);
  });

  it('without filters returns everything', () => expect(filterMethods(methods, {})).toEqual(methods));
});

describe('parseElement', () => {
  it.each([
    ['animo', 'animo'],
    ['Inbedding', 'inbedding'],
    ['T', 'toerusting'],
    ['e', 'empathie'],
    ['x', undefined],
    ['anim', 'animo'],
    ['emp', 'empathie'],
  ])('%s -> %s', (input, expected) => expect(parseElement(input)).toBe(expected));
});

describe('sanitize', () => {
  it.each([
    ['plain', 'plain'],
    ['rood\u001b[31m!', 'rood\\u001b[31m!'],
    ['bel\u0007', 'bel\\u0007'],
    ['a\tb\nc', 'a b c'],
    ['c1\u009b2J', 'c1\\u009b2J'],
    ['bidi\u202eevil', 'bidi\\u202eevil'],
  ])('%j -> %j', (input, expected) => expect(sanitize(input)).toBe(expected));

  it('keeps newlines when asked', () => expect(sanitize('a\nb\u001b', true)).toBe('a\nb\\u001b'));
});

describe('sortByName', () => {
  it('orders as a Dutch dictionary, numbers by value, then by id', () => {
    const m = (id: string, name: string) => ({ id, name });
    const sorted = sortByName([m('b', 'Zon'), m('a', 'één'), m('d', 'Plan 10'), m('c', 'plan 2'), m('e', 'Eén')]);
    expect(sorted.map((x) => x.id)).toEqual(['a', 'e', 'c', 'd', 'b']);
  });

  it("the build's order of the built-in catalogue is the collator's order", async () => {
    const { methods, nameOrder } = await openCatalogue();
    expect(nameOrder).toBeDefined();
    expect(sortByName(methods, nameOrder)).toEqual(sortByName(methods));
    // A subset (a filtered list) keeps that order; a method the build did not know falls back to the collator.
    const some = methods.filter((x) => x.elements.includes('animo'));
    expect(sortByName(some, nameOrder)).toEqual(sortByName(some));
    const own = { ...methods[0], id: 'eigen', name: 'Aaa eigen' };
    expect(sortByName([...some, own], nameOrder)[0]).toBe(own);
  });
});
