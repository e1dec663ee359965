// Method names as links a terminal can open (OSC 8): one function wraps them, the context decides
// whether to, and the formatters' visible text and widths do not change.
import { describe, expect, it } from 'vitest';
import { openCatalogue } from '../../src/catalogue/open.js';
import { adviseActie, type ActieAnswers } from '../../src/core/advice.js';
import { elementNames } from '../../src/core/methods.js';
import { searchMethods } from '../../src/core/search.js';
import { formatAdvice } from '../../src/format/advice.js';
import { formatMethodDetail, formatMethodTable } from '../../src/format/methods.js';
import { formatSearchResults } from '../../src/format/search.js';
import { hyperlink, makeLink, makeStyle, wantsLinks } from '../../src/text/terminal.js';

const catalogue = await openCatalogue();
const { methods, model } = catalogue;
const names = elementNames(model);
const OSC8 = /\u001b\]8;;[^\u0007]*\u0007/g;
const stripLinks = (text: string) => text.replace(OSC8, '');
const linkedUrls = (text: string) => [...text.matchAll(/\u001b\]8;;([^\u0007]+)\u0007/g)].map((m) => m[1]);

describe('hyperlink', () => {
  it.each([
    ['ABCD', 'https://www.movisie.nl/esi/abcd', '\u001b]8;;https://www.movisie.nl/esi/abcd\u0007ABCD\u001b]8;;\u0007'],
    // Only printable ASCII inside the escape: other characters are percent-encoded (UTF-8), control characters too.
    ['Kan wél', 'https://example.org/kan-wél', '\u001b]8;;https://example.org/kan-w%C3%A9l\u0007Kan wél\u001b]8;;\u0007'],
    ['x', 'https://example.org/a\u0007b\u001bc', '\u001b]8;;https://example.org/a%07b%1Bc\u0007x\u001b]8;;\u0007'],
  ])('%j -> %j', (text, url, expected) => expect(hyperlink(text, url)).toBe(expected));
});

describe('wantsLinks', () => {
  const tty = { write: () => true, isTTY: true };
  const pipe = { write: () => true, isTTY: false };
  it.each([
    ['FORCE_HYPERLINK=1 on a pipe', pipe, { FORCE_HYPERLINK: '1' }, true, true],
    ['FORCE_HYPERLINK=1 with --no-color', tty, { FORCE_HYPERLINK: '1' }, false, true],
    ['FORCE_HYPERLINK=0 on a terminal', tty, { FORCE_HYPERLINK: '0', TERM_PROGRAM: 'ghostty' }, true, false],
    ['a pipe', pipe, {}, true, false],
    ['--no-color', tty, {}, false, false],
    ['TERM=dumb', tty, { TERM: 'dumb' }, true, false],
  ])('%s -> %s', (_, stream, env, colorFlag, expected) => expect(wantsLinks(stream, env, colorFlag)).toBe(expected));

  it('makeLink asks once, on first use, and leaves the text alone when links are off', () => {
    let asked = 0;
    const off = makeLink(() => (asked++, false));
    expect(asked).toBe(0);
    expect(off('ABCD', 'https://x.org')).toBe('ABCD');
    expect(off('Kan wél', 'https://y.org')).toBe('Kan wél');
    expect(asked).toBe(1);
    expect(makeLink(() => true)('ABCD', 'https://x.org')).toBe(hyperlink('ABCD', 'https://x.org'));
    expect(makeLink(() => true)('', 'https://x.org')).toBe('');
  });
});

describe('formatters with links', () => {
  const link = makeLink(() => true);
  const styles = [makeStyle(false), makeStyle(true)];

  it.each([40, 80, 200])('list table at %d columns: the same text and padding, each name linked to its method', (width) => {
    for (const style of styles) {
      const linked = formatMethodTable(methods, style, width, link);
      expect(stripLinks(linked)).toBe(formatMethodTable(methods, style, width));
      // A name wrapped over lines is a link on each of its lines.
      expect(linkedUrls(linked).filter((url, i, all) => url !== all[i - 1])).toEqual(methods.map((m) => m.url));
    }
  });

  it.each([
    ['maatschapelijke', 50],
    ['maatschapelijke', 200],
    ['dorp', 80],
  ])('search results for %j at %d columns (one-line and stacked layouts)', (query, width) => {
    const hits = searchMethods(methods, query).map((r) => ({ method: r.method, score: r.score, matched: r.matched }));
    for (const style of styles) {
      const linked = formatSearchResults(hits, style, width, query.split(' '), link);
      expect(stripLinks(linked)).toBe(formatSearchResults(hits, style, width, query.split(' ')));
      expect(new Set(linkedUrls(linked))).toEqual(new Set(hits.map((h) => h.method.url)));
    }
  });

  it.each([30, 80, Infinity])('show at %d columns: the name linked, on every line it takes', (width) => {
    const mac = methods.find((m) => m.id === 'maatschappelijke-activeringscentra')!;
    for (const style of styles) {
      const linked = formatMethodDetail(mac, catalogue.origins[mac.id], { style, width, names, link });
      expect(stripLinks(linked)).toBe(formatMethodDetail(mac, catalogue.origins[mac.id], { style, width, names }));
      expect(linkedUrls(linked).length).toBeGreaterThan(0);
      expect(new Set(linkedUrls(linked))).toEqual(new Set([mac.url]));
    }
  });

  it('the actie advice: each name on the shortlist linked, the rest unchanged', () => {
    const answers = { ...Object.fromEntries(model.elements.map((e) => [e.key, e.poles[0].key])), setting: null, doelgroep: null } as ActieAnswers;
    const advice = adviseActie(answers, { model, methods });
    for (const style of styles) {
      const linked = formatAdvice(advice, model, style, 100, link);
      expect(stripLinks(linked)).toBe(formatAdvice(advice, model, style, 100));
      expect(linkedUrls(linked)).toEqual(advice.shortlist.map((m) => m.url));
    }
  });
});
