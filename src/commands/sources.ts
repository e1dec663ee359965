import { writeJson, type Context } from '../context.js';
import { sanitize, wrap } from '../terminal.js';

export interface SourcesOptions {
  json?: boolean;
}

/** Where the catalogue comes from: the brochure, its databanks and verkenningen, and the criteria a method had to meet. */
export async function sources(options: SourcesOptions, ctx: Context): Promise<void> {
  const { sources, criteria } = ctx.catalogue();
  if (options.json) {
    return writeJson(ctx, {
      brochure: sources.brochure,
      sources: sources.sources,
      criteria: criteria.criteria,
      excluded: criteria.excluded,
      further_reading: sources.further_reading ?? [],
    });
  }
  const width = ctx.interactive ? ctx.columns : Infinity;
  const { bold, dim } = ctx.style;
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
  ctx.stdout.write(lines.join('\n') + '\n');
}
