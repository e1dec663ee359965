import type { ChalkInstance } from 'chalk';
import type { Criteria, Glossary, Sources } from '../schema.js';
import { sanitize, wrap } from '../terminal.js';

// The brochure's reference parts: the glossary (`glossary`) and the sources with the selection criteria (`sources`).

export function formatGlossary(glossary: Glossary, style: ChalkInstance, width: number): string {
  return glossary.terms.map((t) => `${style.bold(sanitize(t.term))}\n${wrap(sanitize(t.definition), width, '  ')}\n`).join('\n');
}

/** Where the catalogue comes from: the brochure, its databanks and verkenningen, and the criteria a method had to meet. */
export function formatSources(sources: Sources, criteria: Criteria, style: ChalkInstance, width: number): string {
  const { bold, dim } = style;
  const b = sources.brochure;
  const lines = [
    bold('BRON'),
    `  ${sanitize(b.title)}, ${sanitize(b.publisher)}, ${sanitize(b.published)} (${sanitize(b.author)})`,
    `  ${sanitize(b.url)}`,
    '',
    bold('DATABANKEN EN VERKENNINGEN'),
  ];
  for (const s of sources.sources) {
    lines.push(`  ${bold(sanitize(s.name))} ${dim(`(${s.kind})`)}`, wrap(sanitize(s.description), width, '    '), `    ${sanitize(s.url)}`);
  }
  lines.push('', bold('SELECTIECRITERIA'), '  Een methode staat in deze wijzer als zij aan alle vijf voldoet:');
  criteria.criteria.forEach((c, i) => lines.push(wrap(sanitize(c.text), width, '     ').replace(/^ {5}/, `  ${i + 1}. `)));
  if (criteria.excluded) lines.push(wrap(sanitize(criteria.excluded), width, '  '));
  if (sources.further_reading?.length) {
    lines.push('', bold('MEER INFORMATIE'));
    for (const r of sources.further_reading) lines.push(`  ${sanitize(r.name)}: ${sanitize(r.url)}`);
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
    further_reading: sources.further_reading ?? [],
  };
}
