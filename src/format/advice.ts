import type { ChalkInstance } from 'chalk';
import { NO_PREFERENCE, type ActieAnswers, type Advice, type ElementAdvice, type MethodRef, type ProfileLine, type ProfilePosition, type Reason, type ShortlistItem } from '../core/advice.js';
import type { ActieModel, ContextKey, Sources } from '../schema.js';
import { CONTEXT_KEYS } from '../keys.js';
import { noLink, sanitize, truncate, wrap, type Link } from '../terminal.js';
import { monthYear } from './dates.js';
import { plural } from './plural.js';
import { mdLink as markdownLink, mdText as md } from './markdown.js';
import { shellQuote } from '../paths.js';

/** How the attention (1..3 in catalogue/actie.yaml) reads to a person. */
export function attentionLabel(attention: number): string {
  return attention >= 3 ? 'veel aandacht' : attention <= 1 ? 'weinig aandacht' : 'gemiddelde aandacht';
}

/** Row labels for the context answers. */
export const CONTEXT_LABELS: Record<ContextKey, string> = { setting: 'Omgeving', doelgroep: 'Doelgroep' };

const TRACKS: Record<ProfilePosition, string> = {
  left: '●────────',
  middle: '────●────',
  right: '────────●',
  unknown: '────?────',
};

export const PROFILE_LEGEND = '● uw antwoord, in het midden bij allebei; ? weet ik (nog) niet';

/** The profile as lines: each element with its two poles and a marker where the answer lies. */
export function formatProfile(profile: ProfileLine[], width: number, indent = '  '): string[] {
  const nameWidth = Math.max(...profile.map((p) => p.name.length)) + 2;
  const leftWidth = Math.max(...profile.map((p) => p.left.length));
  const rightWidth = Math.max(...profile.map((p) => p.right.length));
  const fits = indent.length + nameWidth + leftWidth + TRACKS.left.length + rightWidth + 2 <= width;
  return profile.flatMap((p) => {
    const line = `${sanitize(p.left)} ${TRACKS[p.position]} ${sanitize(p.right)}`;
    if (fits) return [`${indent}${p.name.padEnd(nameWidth)}${sanitize(p.left).padStart(leftWidth)} ${TRACKS[p.position]} ${sanitize(p.right)}`];
    return [`${indent}${p.name}`, wrap(line, width, indent + '  ')];
  });
}

function listText(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}`;
}

/** The setting as part of a sentence: "in een dorp of op het platteland", or '' without one. */
function settingWords(advice: Advice): string {
  const setting = advice.context.setting;
  return setting ? ` ${setting.label.charAt(0).toLowerCase()}${setting.label.slice(1)}` : '';
}

/** Why a method is on the shortlist, as a consultant would say it: the answers and the context that put it there. */
export function whyText(item: ShortlistItem, advice: Advice): string {
  const elements = item.reasons.filter((r): r is Extract<Reason, { kind: 'element' }> => r.kind === 'element');
  const contexts = item.reasons.filter((r): r is Extract<Reason, { kind: 'context' }> => r.kind === 'context');
  const fill = item.reasons.find((r): r is Extract<Reason, { kind: 'fill' }> => r.kind === 'fill');
  const under = (rs: typeof elements) => listText(rs.map((r) => `${r.name} (uw antwoord: ${r.short})`));
  const sentences: string[] = [];
  if (fill) {
    const gap = fill.uncovered.length
      ? `geen methode onder ${listText(fill.uncovered.map((u) => u.name))} past${advice.context.setting ? settingWords(advice) : ' in de catalogus'}`
      : 'de methoden onder uw focus staan al op de lijst';
    sentences.push(`Aanvulling: ${gap}; deze methode helpt bij ${under(elements)}.`);
  } else {
    sentences.push(`Past bij ${under(elements.filter((r) => r.focus))}.`);
  }
  if (contexts.length) {
    const text = listText(contexts.map((c) => c.match));
    sentences.push(`${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
  }
  return sentences.join(' ');
}

function contextAnswer(advice: Advice, model: ActieModel, key: ContextKey): string {
  return advice.context[key]?.label ?? model.context[key].none;
}

/** "Animo (veel aandacht); Inbedding en Empathie (gemiddelde aandacht)". */
export function focusText(advice: Advice): string {
  const all = advice.elements.filter((e) => e.focus);
  if (all.length === advice.elements.length && all.every((e) => e.answer.attention < 2)) {
    return 'geen antwoord vraagt veel aandacht, dus alle vijf elementen tellen even zwaar';
  }
  const groups = new Map<number, string[]>();
  for (const e of all) groups.set(e.answer.attention, [...(groups.get(e.answer.attention) ?? []), e.name]);
  return [...groups].map(([attention, names]) => `${listText(names)} (${attentionLabel(attention)})`).join('; ');
}

function excludedNote(advice: Advice): string | undefined {
  if (!advice.excluded) return undefined;
  const n = advice.excluded;
  return `${plural(n, 'methode valt af omdat die alleen bij een andere omgeving hoort', 'methoden vallen af omdat ze alleen bij een andere omgeving horen')}.`;
}

/** Focus elements without a method that fits: said once above the shortlist, not only in a filler's reason. */
function uncoveredNote(advice: Advice): string | undefined {
  if (!advice.uncovered.length) return undefined;
  const names = listText(advice.uncovered.map((k) => advice.elements.find((e) => e.key === k)!.name));
  return `Onder ${names} staat geen methode die${advice.context.setting ? ` past${settingWords(advice)}` : ' in de catalogus staat'}; de doe-punten hieronder gelden daar wel.`;
}

function emptyNote(advice: Advice): string | undefined {
  if (advice.shortlist.length) return undefined;
  return 'Geen methode in de catalogus past bij deze omgeving. Kies bij de omgeving "geen voorkeur" om alle methoden mee te nemen.';
}

/**
 * The advice for a person, short first: the profile, the focus and the shortlist fill the first screen;
 * the details per element follow. On a terminal wrapped to `width` and styled; piped, `width` is Infinity.
 * `link` makes the names on the shortlist links to their methods.
 */
export function formatAdvice(advice: Advice, model: ActieModel, style: ChalkInstance, width: number, link: Link = noLink): string {
  const out: string[] = [];
  const para = (text: string, indent = '') => wrap(sanitize(text), width, indent);
  const labelWidth = Math.max(...advice.elements.map((e) => e.name.length), ...Object.values(CONTEXT_LABELS).map((l) => l.length)) + 2;
  const row = (label: string, value: string, indent = '  ') =>
    wrap(sanitize(value), width, ' '.repeat(indent.length + labelWidth)).replace(/^ +/, indent + style.bold(label.padEnd(labelWidth)));

  out.push(style.bold.cyan('ACTIE-ADVIES'), '', style.bold('Uw profiel'));
  // \u25cf is the dot of the profile; escaped, so the bundle stays ASCII (src/boot.ts).
  out.push(...formatProfile(advice.profile, width).map((l) => l.replace(/[\u25cf?]/, (m) => style.cyan.bold(m))));
  for (const key of CONTEXT_KEYS) out.push(row(CONTEXT_LABELS[key], contextAnswer(advice, model, key)));
  out.push(style.dim(para(PROFILE_LEGEND, '  ')), '');
  out.push(para(`Focus: ${focusText(advice)}.`).replace(/^Focus:/, style.bold('Focus:')));
  out.push('', style.bold.cyan('KORTLIJST') + style.dim('  de methoden die het best passen'));
  for (const note of [excludedNote(advice), uncoveredNote(advice), emptyNote(advice)]) if (note) out.push(style.dim(para(note, '  ')));
  advice.shortlist.forEach((m, i) => {
    const n = `${i + 1}. `;
    const pad = ' '.repeat(2 + n.length);
    const name = sanitize(m.name);
    out.push(para(`${name} (${m.kind})`, pad).replace(/^ +/, `  ${n}`).replace(name, () => link(style.bold(name), m.url)));
    // One line of summary on a terminal; the whole of it in a pipe.
    out.push(pad + style.dim(Number.isFinite(width) ? truncate(sanitize(m.summary), Math.max(20, width - pad.length)) : sanitize(m.summary)));
    out.push(para(whyText(m, advice), pad));
    out.push(pad + style.underline(sanitize(m.url)));
  });

  out.push('', style.bold.cyan('PER ELEMENT') + style.dim('  meeste aandacht eerst'), '');
  const bullet = (mark: string, text: string) => para(text, '      ').replace(/^ {6}/, `    ${mark} `);
  for (const e of advice.elements) {
    const steer = e.focus ? ' · stuurt de kortlijst' : '';
    out.push(`${style.bold.cyan(e.name.toUpperCase())}  ${style.dim(attentionLabel(e.answer.attention) + steer)}`);
    out.push(row('Antwoord', e.answer.label));
    out.push(row('Uw rol', e.answer.role));
    out.push(para(`Doen (${DOS_NOTE})`, '      ').replace(/^ +Doen/, `  ${style.bold('Doen')}`));
    if (e.note) out.push(style.dim(para(e.note, '    ')));
    out.push(...e.dos.map((d) => bullet(d.emphasis ? style.yellow('★') : style.green('+'), d.text)));
    if (e.donts.length) out.push(style.bold('  Laten'), ...e.donts.map((d) => bullet(style.red('-'), d)));
    out.push(row('Methoden', methodNames(e)), '');
  }
  return out.join('\n') + '\n';
}

/** Said once above each list of do's: the brochure gives them per element, not per answer. */
export const DOS_NOTE = 'gelden bij elk antwoord; ★ weegt bij uw antwoord het zwaarst';

function methodNames(e: ElementAdvice): string {
  if (!e.methods.length) return 'geen methode in de catalogus die bij de gekozen omgeving past';
  return `${e.methods.map((m) => m.name).join(', ')} (${e.methods.length})`;
}

/** The command line that gives the same advice again; own catalogue folders included. */
export function reproduceCommand(answers: ActieAnswers, model: ActieModel, folders: string[] = []): string {
  const args = [
    ...folders.flatMap((f) => ['--catalogue', f]),
    'actie',
    ...model.elements.flatMap((e) => [`--${e.key}`, answers[e.key]]),
    ...CONTEXT_KEYS.flatMap((key) => [`--${key}`, answers[key] ?? NO_PREFERENCE]),
  ];
  return ['methodewijzer', ...args.map(shellQuote)].join(' ');
}


/** The advice as data for `--json`: everything the screen shows, reasons as text and as data. */
export function adviceJson(answers: ActieAnswers, advice: Advice, command: string) {
  return {
    answers,
    command,
    advice: {
      ...advice,
      focusText: focusText(advice),
      shortlist: advice.shortlist.map((m) => ({ ...m, why: whyText(m, advice) })),
    },
  };
}

export interface ReportMeta {
  /** The date the report was made, as YYYY-MM-DD. */
  date: string;
  sources?: Sources;
  command: string;
}

const mdLink = (m: MethodRef) => markdownLink(m.name, m.url);

/** The Markdown report, in the order of the screen: profile, focus, shortlist, then the details per element. */
export function formatAdviceMarkdown(answers: ActieAnswers, advice: Advice, model: ActieModel, meta: ReportMeta): string {
  const out: string[] = ['# ACTIE-advies', '', `Datum: ${meta.date}`, ''];
  out.push('## Profiel', '', '```text', ...formatProfile(advice.profile, Infinity, ''));
  for (const key of CONTEXT_KEYS) out.push(`${CONTEXT_LABELS[key]}: ${sanitize(contextAnswer(advice, model, key))}`);
  out.push('```', '', `_${md(PROFILE_LEGEND)}_`, '', `**Focus:** ${md(focusText(advice))}.`, '');

  out.push('## Kortlijst', '');
  for (const note of [excludedNote(advice), uncoveredNote(advice), emptyNote(advice)]) if (note) out.push(md(note), '');
  advice.shortlist.forEach((m, i) => {
    out.push(`${i + 1}. **${mdLink(m)}** (${m.kind})  `, `   ${md(m.summary)}  `, `   ${md(whyText(m, advice))}`);
  });

  out.push('', '## Per element', '', 'Het element dat de meeste aandacht van de professional vraagt, staat bovenaan.', '');
  advice.elements.forEach((e, i) => {
    out.push(`### ${i + 1}. ${md(e.name)}: ${attentionLabel(e.answer.attention)}${e.focus ? ', stuurt de kortlijst' : ''}`, '');
    out.push(`**Vraag:** ${md(e.question)}`, '', `**Antwoord:** ${md(e.answer.label)} (\`${answers[e.key]}\`)`, '', `**Uw rol:** ${md(e.answer.role)}`, '');
    out.push(`**Doen** (${md(DOS_NOTE)})`, '');
    if (e.note) out.push(`_${md(e.note)}_`, '');
    out.push(...e.dos.map((d) => `- ${d.emphasis ? '★ ' : ''}${md(d.text)}`), '');
    if (e.donts.length) out.push('**Laten**', '', ...e.donts.map((d) => `- ${md(d)}`), '');
    out.push(`**Methoden:** ${e.methods.length ? e.methods.map(mdLink).join(', ') : md(methodNames(e))}`, '');
  });

  out.push('## Opnieuw maken', '', 'Met deze opdracht krijgt u hetzelfde advies:', '', '```sh', sanitize(meta.command), '```');
  if (meta.sources) {
    const b = meta.sources.brochure;
    out.push('', '---', '', `Gemaakt met methodewijzer. Het ACTIE-model komt uit "${md(b.title)}" (${md(b.publisher)}, ${monthYear(b.published)}): ${sanitize(b.url)}`);
  }
  return out.join('\n') + '\n';
}
