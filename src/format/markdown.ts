import type { ActieModel, ElementKey, Method, Sources } from '../model/schema.js';
import { sanitize } from '../text/terminal.js';
import { elementNames } from '../core/methods.js';
import { monthYear } from '../text/dates.js';
import { plural } from '../text/plural.js';

export interface MarkdownOptions {
  model: ActieModel;
  sources: Sources;
  /** Only these elements get a section (the `--element` filter); all five by default. */
  elements?: ElementKey[];
}

/**
 * A document for people: an introduction, then per ACTIE element its question and a table of its
 * methods with links. A method listed under several elements appears in each of their sections.
 */
export function formatMethodsMarkdown(methods: Method[], options: MarkdownOptions): string {
  const { model, sources } = options;
  const names = elementNames(model);
  const shown = model.elements.filter((e) => !options.elements?.length || options.elements.includes(e.key));
  const out: string[] = [
    '# Methodewijzer: methoden voor actief burgerschap',
    '',
    mdText(model.intro),
    '',
    `${plural(methods.length, 'methode', 'methoden')}, geordend naar de elementen van het ACTIE-model. ` +
      `Bron: ${mdText(sources.brochure.title)} (${mdText(sources.brochure.publisher)}, ${monthYear(sources.brochure.published)}).`,
  ];
  for (const element of shown) {
    const members = methods.filter((m) => m.elements.includes(element.key));
    out.push('', `## ${mdText(element.name)}`, '', `*${mdText(element.question)}*`, '');
    if (members.length === 0) {
      out.push('Geen methoden onder dit element met de gekozen filters.');
      continue;
    }
    out.push('| Methode | Wat het is | ACTIE | Bron |', '| --- | --- | --- | --- |');
    for (const m of members) {
      const source = m.source.kind + (m.source.collection ? ` (${m.source.collection})` : '');
      const actie = m.elements.map((e) => names[e]).join(', ');
      // Where the source describes the method under this element in words of its own, those words.
      const summary = m.elementSummaries?.[element.key] ?? m.summary;
      out.push(`| ${mdLink(m.name, m.url)} | ${mdText(summary)} | ${actie} | ${mdText(source)} |`);
    }
  }
  return out.join('\n') + '\n';
}

/**
 * Text for a Markdown table cell or paragraph: control characters made visible, Markdown's own
 * characters escaped (a `|` would end the cell), and line breaks kept as `<br>` so a row stays one line.
 */
export function mdText(value: string): string {
  return sanitize(value, true)
    .replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`)
    .replace(/\r?\n/g, '<br>');
}

/** `[name](url)`, with the characters that would end the address or the table cell percent-encoded. */
export function mdLink(name: string, url: string): string {
  const target = sanitize(url).replace(/[\s()<>|]/g, (ch) => (ch === '(' ? '%28' : ch === ')' ? '%29' : encodeURIComponent(ch)));
  return `[${mdText(name)}](${target})`;
}
