import type { ChalkInstance } from 'chalk';
import { NO_PREFERENCE, type ActieAnswers, type Advice, type ElementAdvice, type MethodRef, type Part, type ProfileLine, type ProfilePosition, type RankedMethod } from '../core/advice.js';
import type { ActieModel, ContextKey, Sources } from '../model/schema.js';
import { CONTEXT_KEYS } from '../model/keys.js';
import { noLink, sanitize, truncate, wrap, type Link } from '../text/terminal.js';
import { monthYear } from '../text/dates.js';
import { andList } from '../text/lists.js';
import { plural } from '../text/plural.js';
import { mdLink as markdownLink, mdText as md } from './markdown.js';
import { shellQuote } from '../text/paths.js';

/** What the answer asks of the professional, in words (attention 1..3 in catalogue/actie.yaml; "weet ik niet" is work to do first). */
export function attentionLabel(answer: { key: string; attention: number }): string {
  if (answer.key === 'onbekend') return 'eerst uitzoeken';
  return answer.attention >= 3 ? 'vraagt veel van u' : answer.attention <= 1 ? 'vraagt weinig van u' : 'vraagt iets van u';
}

/** Said once, on the screen and in the report: the points and the stars are this project's, not the brochure's. */
export const OWN_READING =
  'De punten en de ★ zijn de lezing van dit project, niet van de brochure: die noemt per element de methoden en de doe-punten, zonder rangorde. ' +
  'Hoe de punten tellen staat in docs/actie.md; voor één methode: --explain <methode>.';

/** Row labels for the context answers. */
export const CONTEXT_LABELS: Record<ContextKey, string> = { setting: 'Omgeving', doelgroep: 'Doelgroep' };

/** Row label for what the initiative is about. */
export const THEME_LABEL = 'Onderwerp';

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

/** Why a method stands where it does, as a consultant would say it: one sentence per part that gave it points. */
export function whyText(item: RankedMethod): string {
  const sentences: string[] = [];
  const contexts: string[] = [];
  for (const p of item.parts) {
    if (p.part === 'theme' && p.level !== 'none') {
      sentences.push(p.level === 'best' ? 'Sluit het best aan bij waar het initiatief over gaat.' : 'Sluit deels aan bij waar het initiatief over gaat.');
    } else if (p.part === 'element') {
      const also = p.also.length ? ` en ook onder ${andList(p.also.map((a) => a.name))}` : '';
      sentences.push(`Staat onder ${p.name} (uw antwoord: ${p.short})${also}.`);
    } else if (p.part === 'context') contexts.push(p.match);
  }
  if (contexts.length) {
    const text = andList(contexts);
    sentences.push(`${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
  }
  return sentences.join(' ');
}

function contextAnswer(advice: Advice, model: ActieModel, key: ContextKey): string {
  return advice.context[key]?.label ?? model.context[key].none;
}

/** "2" for a place of its own, "2 (gedeeld)" for a place the method shares. */
function placeText(item: RankedMethod, advice: Advice): string {
  return advice.ranking.filter((r) => r.place === item.place).length > 1 ? `${item.place}, gedeeld` : String(item.place);
}

const names = (methods: MethodRef[]) => andList(methods.map((m) => m.name));

/** The notes with the shortlist, each a sentence, above it and below it, as the screen and the report show them. */
export function adviceNotes(advice: Advice): string[] {
  const { above, below } = placedNotes(advice);
  return [...above, ...below];
}

/**
 * What the theme and the context found, above the shortlist; a place too crowded to show comes below
 * it when it follows the places shown ("Daarna …"), above it when nothing could be shown.
 */
function placedNotes(advice: Advice): { above: string[]; below: string[] } {
  const notes: string[] = [];
  const below: string[] = [];
  if (advice.theme && advice.theme.matches === 0) {
    notes.push(`Geen methode in de catalogus sluit aan bij "${advice.theme.text}"; probeer andere woorden, zoals in methodewijzer search.`);
  }
  // A context answer is offered only when some method carries its tag, so there is always one to name.
  for (const fit of advice.contextFit) {
    if (!fit.onShortlist) {
      const first = advice.ranking.filter((r) => fit.methods.some((m) => m.id === r.id)).slice(0, 3);
      notes.push(`${fit.option.label}: geen methode op de kortlijst; in de catalogus wel ${andList(first.map((r) => `${r.name} (plaats ${r.place})`))}.`);
    }
  }
  if (advice.shared) {
    const { place, points, methods } = advice.shared;
    const what = advice.shortlist.length ? `Daarna delen ${methods.length} methoden plaats ${place}` : `${methods.length} methoden delen de eerste plaats`;
    (advice.shortlist.length ? below : notes).push(
      `${what} (${plural(points, 'punt', 'punten')}): ${names(methods)}; wat u tot nu toe gaf, maakt tussen hen geen onderscheid. ` +
        'Zeg waar het initiatief over gaat (--over) of kies een omgeving of doelgroep om verder te kiezen.',
    );
  }
  if (!advice.shortlist.length && !advice.shared) {
    notes.push('Nog geen methode heeft punten: zeg waar het initiatief over gaat (--over), of kies een omgeving of doelgroep.');
  }
  return { above: notes, below };
}

/** The questions still open, as a checklist for the talk with the initiative-takers. */
function openQuestions(advice: Advice): { title: string; intro: string; items: string[] } | undefined {
  if (!advice.open.length) return undefined;
  const items = advice.elements.filter((e) => advice.open.includes(e.key)).map((e) => `${e.name}: ${e.question}`);
  if (advice.mode === 'conversation') {
    return {
      title: 'EERST HET GESPREK',
      intro:
        'U weet bij geen van de vijf vragen nog het antwoord. Juist het beantwoorden ervan is de methodische stap: ' +
        'bespreek ze met de initiatiefnemers. Tot dan zegt dit advies niet welke methode bij uw antwoorden past.',
      items,
    };
  }
  return { title: 'NOG OPEN', intro: 'Deze vragen kunt u nog niet beantwoorden; bespreek ze met de initiatiefnemers. Methoden onder deze elementen krijgen daarvoor geen punten.', items };
}

function listTitle(advice: Advice): [string, string] {
  return advice.mode === 'conversation' ? ['STARTPUNTEN', 'op waar het over gaat en de context, niet op uw antwoorden'] : ['KORTLIJST', 'de methoden met de meeste punten'];
}

/**
 * The advice for a person, short first: the open questions (first of all when nothing is known), the
 * profile and the shortlist fill the first screen; the details per element follow. On a terminal wrapped to `width` and styled; piped, `width` is Infinity.
 * `link` makes the names on the shortlist links to their methods.
 */
export function formatAdvice(advice: Advice, model: ActieModel, style: ChalkInstance, width: number, link: Link = noLink): string {
  const out: string[] = [];
  const para = (text: string, indent = '') => wrap(sanitize(text), width, indent);
  const labelWidth = Math.max(...advice.elements.map((e) => e.name.length), ...Object.values(CONTEXT_LABELS).map((l) => l.length), THEME_LABEL.length) + 2;
  const row = (label: string, value: string, indent = '  ') =>
    wrap(sanitize(value), width, ' '.repeat(indent.length + labelWidth)).replace(/^ +/, indent + style.bold(label.padEnd(labelWidth)));
  const bullet = (mark: string, text: string) => para(text, '      ').replace(/^ {6}/, `    ${mark} `);
  const checklist = () => {
    const open = openQuestions(advice);
    if (!open) return;
    out.push(style.bold.cyan(open.title), para(open.intro, '  '), ...open.items.map((i) => para(i, '      ').replace(/^ {6}/, '  [ ] ')), '');
  };

  out.push(style.bold.cyan('ACTIE-ADVIES'), '');
  // Nothing known: the advice opens with the conversation to have.
  if (advice.mode === 'conversation') checklist();
  out.push(style.bold('Uw profiel'));
  // \u25cf is the dot of the profile; escaped, so the bundle stays ASCII (src/boot/boot.ts).
  out.push(...formatProfile(advice.profile, width).map((l) => l.replace(/[\u25cf?]/, (m) => style.cyan.bold(m))));
  for (const key of CONTEXT_KEYS) out.push(row(CONTEXT_LABELS[key], contextAnswer(advice, model, key)));
  out.push(row(THEME_LABEL, advice.theme ? advice.theme.text : 'niet gegeven'));
  out.push(style.dim(para(PROFILE_LEGEND, '  ')), '');
  if (advice.mode === 'advice') checklist();

  const [title, subtitle] = listTitle(advice);
  out.push(style.bold.cyan(title) + style.dim(`  ${subtitle}`));
  const notes = placedNotes(advice);
  for (const note of notes.above) out.push(style.dim(para(note, '  ')));
  for (const m of advice.shortlist) {
    const n = `${m.place}. `;
    const pad = ' '.repeat(2 + n.length);
    const name = sanitize(m.name);
    const shared = placeText(m, advice).includes(',') ? ', gedeelde plaats' : '';
    out.push(para(`${name} (${m.kind}${shared})`, pad).replace(/^ +/, `  ${n}`).replace(name, () => link(style.bold(name), m.url)));
    // One line of summary on a terminal; the whole of it in a pipe.
    out.push(pad + style.dim(Number.isFinite(width) ? truncate(sanitize(m.summary), Math.max(20, width - pad.length)) : sanitize(m.summary)));
    const why = whyText(m);
    if (why) out.push(para(why, pad));
    out.push(urlLine(sanitize(m.url), pad, width, (u) => link(style.underline(u), m.url)));
  }
  for (const note of notes.below) out.push(style.dim(para(note, '  ')));
  out.push('', style.dim(para(OWN_READING, '  ')));

  out.push('', style.bold.cyan('PER ELEMENT') + style.dim('  wat het meeste van u vraagt eerst'), '');
  for (const e of advice.elements) {
    out.push(`${style.bold.cyan(e.name.toUpperCase())}  ${style.dim(attentionLabel(e.answer))}`);
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

/**
 * A link on a line of its own: indented where it fits, else from the first column, so that nothing but the
 * terminal's own wrapping ever comes between its characters and it can still be clicked and copied whole.
 */
function urlLine(url: string, indent: string, width: number, paint: (url: string) => string = (u) => u): string {
  return (indent.length + url.length <= width ? indent : '') + paint(url);
}

/** Said once above each list of do's: the brochure gives them per element, not per answer. */
const DOS_NOTE = 'gelden bij elk antwoord; ★ weegt bij uw antwoord het zwaarst';

/** The methods under an element, in the order of the ranking. */
function methodNames(e: ElementAdvice): string {
  return e.methods.length ? e.methods.map((m) => m.name).join(', ') : 'geen methode in de catalogus';
}

/** The command line that gives the same advice again; own catalogue folders included. */
export function reproduceCommand(answers: ActieAnswers, model: ActieModel, folders: string[] = []): string {
  const args = [
    ...folders.flatMap((f) => ['--catalogue', f]),
    'actie',
    ...model.elements.flatMap((e) => [`--${e.key}`, answers[e.key]]),
    ...CONTEXT_KEYS.flatMap((key) => [`--${key}`, answers[key] ?? NO_PREFERENCE]),
    ...(answers.over ? ['--over', answers.over] : []),
  ];
  return ['methodewijzer', ...args.map(shellQuote)].join(' ');
}

/** The advice as data for `--json`: everything the screen shows, reasons as text and as data. */
export function adviceJson(answers: ActieAnswers, advice: Advice, command: string) {
  const { ranking: _ranking, ...shown } = advice;
  const open = openQuestions(advice);
  return {
    answers: { ...answers, over: answers.over ?? null },
    command,
    advice: {
      ...shown,
      ...(open ? { conversation: open } : {}),
      notes: adviceNotes(advice),
      shortlist: advice.shortlist.map((m) => ({ ...m, shared: placeText(m, advice).includes(','), why: whyText(m) })),
      reading: OWN_READING,
    },
  };
}

/** One sentence per part of a method's place in the advice: `--explain`. */
export interface Explanation {
  method: MethodRef;
  place: number;
  of: number;
  points: RankedMethod['points'];
  inShortlist: boolean;
  parts: { part: 'place' | 'theme' | 'setting' | 'doelgroep' | 'element' | 'answer' | 'order' | 'shortlist'; text: string }[];
}

const pts = (n: number) => plural(n, 'punt', 'punten');

/** Where a method stands in this advice and why: theme, context, element, answer, and how it compares with the shortlist. */
export function explainMethod(advice: Advice, model: ActieModel, id: string): Explanation {
  const item = advice.ranking.find((r) => r.id === id)!;
  const parts: Explanation['parts'] = [];
  const shared = advice.ranking.filter((r) => r.place === item.place).length;
  parts.push({
    part: 'place',
    text: `${item.name} staat op plaats ${item.place} van ${advice.ranking.length}${shared > 1 ? `, gedeeld met ${shared - 1} andere` : ''}, met ${pts(item.points.total)}.`,
  });
  const theme = item.parts.find((p) => p.part === 'theme');
  if (!advice.theme) parts.push({ part: 'theme', text: 'Waar het initiatief over gaat, is niet gegeven: daarvoor telt niets (--over).' });
  else if (!theme || theme.level === 'none') parts.push({ part: 'theme', text: `Bij "${advice.theme.text}" vindt de zoekfunctie deze methode niet: 0 punten.` });
  else if (theme.level === 'best') parts.push({ part: 'theme', text: `Bij "${advice.theme.text}" is dit een van de beste treffers van de zoekfunctie: ${pts(theme.points)}.` });
  else parts.push({ part: 'theme', text: `Bij "${advice.theme.text}" vindt de zoekfunctie deze methode wel, maar minder goed dan de beste treffer: ${pts(theme.points)}.` });
  for (const key of CONTEXT_KEYS) {
    const option = advice.context[key];
    const hit = item.parts.find((p): p is Extract<Part, { part: 'context' }> => p.part === 'context' && p.question === key);
    const label = CONTEXT_LABELS[key];
    if (!option) parts.push({ part: key, text: `${label}: geen voorkeur gegeven, dus daarvoor telt niets.` });
    else if (hit) parts.push({ part: key, text: `${label}: de methode ${hit.match.startsWith('noemt') ? hit.match : `is ${hit.match}`}, volgens de brochure: 1 punt.` });
    else parts.push({ part: key, text: `${label}: de brochure zegt bij deze methode niets over "${option.label.toLowerCase()}": 0 punten, maar de methode blijft in de lijst.` });
  }
  const names = item.elements.map((k) => model.elements.find((e) => e.key === k)!.name);
  parts.push({ part: 'element', text: `De brochure noemt de methode onder ${andList(names)}.` });
  const counted = item.parts.find((p): p is Extract<Part, { part: 'element' }> => p.part === 'element');
  const answered = item.elements.map((k) => {
    const e = advice.elements.find((x) => x.key === k)!;
    return `bij ${e.name} koos u "${e.answer.short}"`;
  });
  if (counted) {
    const two = item.elements.length > 1 ? ` Het zwaarste antwoord telt, één keer: onder twee elementen staan geeft geen voorsprong.` : '';
    parts.push({ part: 'answer', text: `${capital(andList(answered))}: ${pts(counted.points)}.${two}` });
  } else {
    parts.push({ part: 'answer', text: `${capital(andList(answered))}: dat zegt nog niet welke methode past, dus 0 punten.` });
  }
  parts.push({
    part: 'order',
    text: `Bij gelijke punten gaat een methode uit een databank (beproefd, met een uitgebreide beschrijving) voor een verkenning; deze komt uit een ${item.kind}.`,
  });
  const inShortlist = advice.shortlist.some((m) => m.id === id);
  const last = advice.shortlist.at(-1);
  if (inShortlist) parts.push({ part: 'shortlist', text: 'De methode staat op de kortlijst.' });
  else if (advice.shared?.methods.some((m) => m.id === id)) {
    parts.push({ part: 'shortlist', text: `Niet op de kortlijst: ${advice.shared.methods.length} methoden delen deze plaats, te veel om te tonen; ze staan boven de kortlijst genoemd.` });
  }
  else if (!last) parts.push({ part: 'shortlist', text: 'De kortlijst is leeg: nog geen methode onderscheidt zich (zie de regels erboven).' });
  else {
    const diffs = (['theme', 'element', 'context'] as const)
      .filter((k) => last.points[k] !== item.points[k])
      .map((k) => `${{ theme: 'waar het over gaat', element: 'uw antwoorden', context: 'de context' }[k]} (${last.points[k]} tegen ${item.points[k]})`);
    const why =
      last.points.total === item.points.total
        ? 'evenveel punten, en dan gaat een databank voor'
        : `het verschil zit in ${andList(diffs)}`;
    parts.push({ part: 'shortlist', text: `Niet op de kortlijst: de laatste daar, ${last.name}, heeft ${pts(last.points.total)}; ${why}.` });
  }
  return { method: refOf(item), place: item.place, of: advice.ranking.length, points: item.points, inShortlist, parts };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function refOf(m: MethodRef): MethodRef {
  return { id: m.id, name: m.name, url: m.url, kind: m.kind, elements: [...m.elements] };
}

/** The explanation for a person: a heading, then each part as a sentence of its own. */
export function formatExplanation(explanation: Explanation, style: ChalkInstance, width: number): string {
  const out = [style.bold.cyan(`${sanitize(explanation.method.name).toUpperCase()} IN DIT ADVIES`)];
  for (const p of explanation.parts) out.push(wrap(sanitize(p.text), width, '  ').replace(/^ {2}/, '- '));
  out.push('', style.dim(wrap(OWN_READING, width)));
  return out.join('\n') + '\n';
}

export interface ReportMeta {
  /** The date the report was made, as YYYY-MM-DD. */
  date: string;
  sources?: Sources;
  command: string;
}

const mdLink = (m: MethodRef) => markdownLink(m.name, m.url);

/** The Markdown report, in the order of the screen: profile, open questions, shortlist, then the details per element. */
export function formatAdviceMarkdown(answers: ActieAnswers, advice: Advice, model: ActieModel, meta: ReportMeta): string {
  const out: string[] = ['# ACTIE-advies', '', `Datum: ${meta.date}`, ''];
  const open = openQuestions(advice);
  const checklist = () => {
    if (open) out.push(`## ${capital(open.title.toLowerCase())}`, '', md(open.intro), '', ...open.items.map((i) => `- [ ] ${md(i)}`), '');
  };
  if (advice.mode === 'conversation') checklist();
  out.push('## Profiel', '', '```text', ...formatProfile(advice.profile, Infinity, ''));
  for (const key of CONTEXT_KEYS) out.push(`${CONTEXT_LABELS[key]}: ${sanitize(contextAnswer(advice, model, key))}`);
  out.push(`${THEME_LABEL}: ${sanitize(advice.theme ? advice.theme.text : 'niet gegeven')}`);
  out.push('```', '', `_${md(PROFILE_LEGEND)}_`, '');
  if (advice.mode === 'advice') checklist();

  const [title, subtitle] = listTitle(advice);
  out.push(`## ${capital(title.toLowerCase())}`, '', `_${md(capital(subtitle))}._`, '');
  const notes = placedNotes(advice);
  for (const note of notes.above) out.push(md(note), '');
  for (const m of advice.shortlist) {
    const shared = placeText(m, advice).includes(',') ? ', gedeelde plaats' : '';
    // A bullet with the place written out: a Markdown list of numbers would be renumbered, and shared places lost.
    out.push(`- Plaats ${m.place}: **${mdLink(m)}** (${m.kind}${shared})  `, `  ${md(m.summary)}  `, `  ${md(whyText(m))}`);
  }
  for (const note of notes.below) out.push('', md(note));
  out.push('', `_${md(OWN_READING)}_`);

  out.push('', '## Per element', '', 'Wat het meeste van de professional vraagt, staat bovenaan.', '');
  advice.elements.forEach((e, i) => {
    out.push(`### ${i + 1}. ${md(e.name)}: ${attentionLabel(e.answer)}`, '');
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
    // The brochure uses the ACTIE model and, under "Meer informatie", points to Platform31 for the model itself.
    const model = meta.sources.furtherReading?.find((r) => r.name === 'Het ACTIE-model');
    out.push('', '---', '', `Gemaakt met methodewijzer, met het ACTIE-model zoals "${md(b.title)}" (${md(b.publisher)}, ${monthYear(b.published)}) het gebruikt: ${sanitize(b.url)}`);
    if (model) out.push('', `Voor het model zelf verwijst de brochure naar Platform31: ${sanitize(model.url)}`);
  }
  return out.join('\n') + '\n';
}
