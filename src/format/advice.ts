import type { ChalkInstance } from 'chalk';
import type { ActieAnswers, Advice, ElementAdvice, MethodRef, Reason } from '../core/advice.js';
import type { ActieModel, ContextKey, Sources } from '../schema.js';
import { CONTEXT_KEYS } from '../keys.js';
import { sanitize, wrap } from '../terminal.js';
import { plural } from './plural.js';

/** How the attention (1..3 in catalogue/actie.yaml) reads to a person. */
export function attentionLabel(attention: number): string {
  return attention >= 3 ? 'veel aandacht' : attention <= 1 ? 'weinig aandacht' : 'gemiddelde aandacht';
}

/** Row labels for the context answers. */
export const CONTEXT_LABELS: Record<ContextKey, string> = { setting: 'Omgeving', doelgroep: 'Doelgroep' };

/** "Animo: Bijsturen (veel aandacht)" or "Doelgroep: Jongeren". */
export function reasonText(reason: Reason): string {
  if (reason.kind === 'element') return `${reason.name}: ${reason.label} (${attentionLabel(reason.attention)})`;
  return `${CONTEXT_LABELS[reason.question]}: ${reason.label}`;
}

function contextAnswer(advice: Advice, model: ActieModel, key: ContextKey): string {
  return advice.context[key]?.label ?? model.context[key].none;
}

function excludedNote(advice: Advice, model: ActieModel): string | undefined {
  if (!advice.excluded) return undefined;
  const filters = CONTEXT_KEYS.filter((k) => advice.context[k] && model.context[k].filter).map((k) => advice.context[k]!.label.toLowerCase());
  const n = advice.excluded;
  return `${plural(n, 'methode valt af omdat die bij een andere omgeving hoort', 'methoden vallen af omdat ze bij een andere omgeving horen')} (gekozen: ${filters.join(', ')}).`;
}

/** The advice for a person: on a terminal wrapped to `width` and styled; piped, plain lines (`width` Infinity). */
export function formatAdvice(advice: Advice, model: ActieModel, style: ChalkInstance, width: number): string {
  const out: string[] = [];
  const para = (text: string, indent = '') => wrap(sanitize(text), width, indent);
  const labelWidth = Math.max(...advice.elements.map((e) => e.name.length), ...Object.values(CONTEXT_LABELS).map((l) => l.length)) + 2;
  const row = (label: string, value: string, indent = '  ') =>
    wrap(sanitize(value), width, ' '.repeat(indent.length + labelWidth)).replace(/^ +/, indent + style.bold(label.padEnd(labelWidth)));

  out.push(style.bold.cyan('ACTIE-ADVIES'), '', style.bold('Uw antwoorden'));
  for (const e of model.elements) {
    const given = advice.elements.find((x) => x.key === e.key)!;
    out.push(row(e.name, given.answer.label));
  }
  for (const key of CONTEXT_KEYS) out.push(row(CONTEXT_LABELS[key], contextAnswer(advice, model, key)));
  out.push('', style.bold('Advies per element') + style.dim(', meeste aandacht eerst'), '');

  const bullet = (mark: string, text: string) => para(text, '      ').replace(/^ {6}/, `    ${mark} `);
  for (const e of advice.elements) {
    out.push(`${style.bold.cyan(e.name.toUpperCase())}  ${style.dim(attentionLabel(e.answer.attention))}`);
    out.push(row('Antwoord', e.answer.label, '  '));
    out.push(row('Uw rol', e.answer.role, '  '));
    out.push(style.bold('  Doen'), ...e.dos.map((d) => bullet(style.green('+'), d)));
    if (e.donts.length) out.push(style.bold('  Laten'), ...e.donts.map((d) => bullet(style.red('-'), d)));
    out.push(row('Methoden', methodNames(e), '  '), '');
  }

  out.push(style.bold.cyan('KORTLIJST') + style.dim('  de methoden die het best passen'));
  const note = excludedNote(advice, model);
  if (note) out.push(style.dim(para(note, '  ')));
  if (!advice.shortlist.length) {
    out.push(para('Geen methode in de catalogus past bij deze antwoorden. Kies bij de omgeving "geen voorkeur" om alle methoden mee te nemen.', '  '));
  }
  advice.shortlist.forEach((m, i) => {
    const n = `${i + 1}. `;
    out.push(`  ${n}${style.bold(sanitize(m.name))} ${style.dim(`(${m.kind})`)}`);
    const pad = ' '.repeat(2 + n.length);
    out.push(para(`Waarom: ${m.reasons.map(reasonText).join('; ')}`, pad));
    out.push(pad + style.underline(sanitize(m.url)));
  });
  return out.join('\n') + '\n';
}

function methodNames(e: ElementAdvice): string {
  if (!e.methods.length) return 'geen methode in de catalogus die bij de gekozen omgeving past';
  return `${e.methods.map((m) => m.name).join(', ')} (${e.methods.length})`;
}

export interface ReportMeta {
  /** The date the report was made, as YYYY-MM-DD. */
  date: string;
  sources?: Sources;
}

/** Escapes text for Markdown: control characters made visible, markup characters made literal. */
export function md(text: string): string {
  return sanitize(text).replace(/([\\`*_[\]|<>#])/g, '\\$1');
}

const URL_ESCAPES: Record<string, string> = { ' ': '%20', '(': '%28', ')': '%29', '<': '%3C', '>': '%3E' };

function mdLink(m: MethodRef): string {
  return `[${md(m.name)}](${sanitize(m.url).replace(/[ ()<>]/g, (c) => URL_ESCAPES[c])})`;
}

/** The Markdown report: answers, advice per element with its do's and don'ts, the shortlist with links. */
export function formatAdviceMarkdown(answers: ActieAnswers, advice: Advice, model: ActieModel, meta: ReportMeta): string {
  const out: string[] = ['# ACTIE-advies', '', `Datum: ${meta.date}`, ''];
  out.push('## Antwoorden', '', '| Element | Vraag | Antwoord |', '| --- | --- | --- |');
  for (const e of model.elements) {
    const given = advice.elements.find((x) => x.key === e.key)!;
    out.push(`| ${md(e.name)} | ${md(e.question)} | ${md(given.answer.label)} (\`${answers[e.key]}\`) |`);
  }
  for (const key of CONTEXT_KEYS) {
    out.push(`| ${CONTEXT_LABELS[key]} | ${md(model.context[key].question)} | ${md(contextAnswer(advice, model, key))} |`);
  }

  out.push('', '## Advies per element', '', 'Het element dat de meeste aandacht van de professional vraagt, staat bovenaan.', '');
  advice.elements.forEach((e, i) => {
    out.push(`### ${i + 1}. ${md(e.name)}: ${attentionLabel(e.answer.attention)}`, '');
    out.push(`**Vraag:** ${md(e.question)}`, '', `**Antwoord:** ${md(e.answer.label)}`, '', `**Uw rol:** ${md(e.answer.role)}`, '');
    out.push('**Doen**', '', ...e.dos.map((d) => `- ${md(d)}`), '');
    if (e.donts.length) out.push('**Laten**', '', ...e.donts.map((d) => `- ${md(d)}`), '');
    out.push(`**Methoden:** ${e.methods.length ? e.methods.map(mdLink).join(', ') : md(methodNames(e))}`, '');
  });

  out.push('## Kortlijst', '', 'De methoden die het best passen bij de antwoorden, met de reden.', '');
  const note = excludedNote(advice, model);
  if (note) out.push(md(note), '');
  if (!advice.shortlist.length) out.push('Geen methode in de catalogus past bij deze antwoorden.', '');
  advice.shortlist.forEach((m, i) => {
    out.push(`${i + 1}. **${mdLink(m)}** (${m.kind})  `, `   Waarom: ${m.reasons.map((r) => md(reasonText(r))).join('; ')}`);
  });
  if (meta.sources) {
    const b = meta.sources.brochure;
    out.push('', '---', '', `Gemaakt met methodewijzer. Het ACTIE-model komt uit "${md(b.title)}" (${md(b.publisher)}, ${md(b.published)}): ${sanitize(b.url)}`);
  }
  return out.join('\n') + '\n';
}
