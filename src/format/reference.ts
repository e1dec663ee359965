import type { ChalkInstance } from 'chalk';
import type { Criteria, Glossary, Sources } from '../model/schema.js';
import { hang, sanitize, wrap } from '../text/terminal.js';
import { monthYear } from '../text/dates.js';
import { andList } from '../text/lists.js';

// The brochure's reference parts: the glossary (`glossary`) and the sources with the selection criteria (`sources`).

export function formatGlossary(glossary: Glossary, style: ChalkInstance, width: number): string {
  return glossary.terms.map((t) => `${style.bold(sanitize(t.term))}\n${wrap(sanitize(t.definition), width, '  ')}\n`).join('\n');
}

/** Where the catalogue comes from: the brochure, its databanks and verkenningen, and the criteria a method had to meet. */
export function formatSources(sources: Sources, criteria: Criteria, style: ChalkInstance, width: number): string {
  const { bold, dim } = style;
  const b = sources.brochure;
  // A URL is never broken: it stands on a line of its own, indented when there is room.
  const url = (link: string, indent: string) => (indent.length + link.length <= width ? indent : '') + sanitize(link);
  const lines = [
    bold('BRON'),
    wrap(`${sanitize(b.title)}, ${sanitize(b.publisher)}, ${monthYear(b.published)} (${sanitize(b.author)})`, width, '  '),
    url(b.url, '  '),
  ];
  if (b.essay) {
    const authors = b.essay.authors.map((a) => `${sanitize(a.name)} (${sanitize(a.organisation)})`);
    lines.push(wrap(`Gebaseerd op het essay "${sanitize(b.essay.title)}", van ${andList(authors)}:`, width, '  '), url(b.essay.url, '    '));
  }
  if (b.article) lines.push(wrap(`Een verkorte versie van het essay verscheen als artikel op ${sanitize(b.article.site)}:`, width, '  '), url(b.article.url, '    '));
  if (b.funder) lines.push(wrap(`Gefinancierd door ${sanitize(b.funder)}.`, width, '  '));
  lines.push('', bold('DATABANKEN EN VERKENNINGEN'));
  for (const s of sources.sources) {
    // The kind wraps with the name as one text, and is styled after wrapping, so widths stay true.
    const heading = wrap(`${sanitize(s.name)} (${s.kind})`, width, '  ');
    const at = heading.search(/\s+\(\w+\)$/);
    lines.push(bold(heading.slice(0, at)) + dim(heading.slice(at)), wrap(sanitize(s.description), width, '    '), url(s.url, '    '));
  }
  lines.push('', bold('SELECTIECRITERIA'), wrap('Een methode staat in deze wijzer als zij aan alle vijf voldoet:', width, '  '));
  criteria.criteria.forEach((c, i) => lines.push(hang(`  ${i + 1}. `, sanitize(c.text), width)));
  if (criteria.excluded) lines.push(wrap(sanitize(criteria.excluded), width, '  '));
  if (sources.furtherReading?.length) {
    lines.push('', bold('MEER INFORMATIE'));
    for (const r of sources.furtherReading) lines.push(wrap(`${sanitize(r.name)}:`, width, '  '), url(r.url, '    '));
  }
  return lines.join('\n') + '\n';
}

/** `sources --json`: the sources and the criteria in one object. */
export function sourcesJson(sources: Sources, criteria: Criteria) {
  return {
    brochure: sources.brochure,
    sources: sources.sources,
    criteria: criteria.criteria,
    excluded: criteria.excluded,
    furtherReading: sources.furtherReading ?? [],
  };
}
