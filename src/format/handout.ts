import { profilePosition, type ProfilePosition } from '../core/advice.js';
import { sessionChanges, sessionsInOrder } from '../core/dossier.js';
import type { Dossier, DossierSession } from '../model/dossier.js';
import type { ElementKey } from '../model/keys.js';
import type { ActieModel } from '../model/schema.js';
import { dateTimeText } from '../text/dates.js';
import { CHANGE_LABELS } from './dossier.js';

// The handout: one page for the initiative-takers, to leave on the kitchen table or print (A4). One
// self-contained HTML file: inline CSS and SVG, no fonts, scripts or images from elsewhere. Plain Dutch
// at B1 level, in "ik" words for the professional and "jullie" for the initiative-takers, and none of
// the professional's terms (kortlijst, focus, aandacht, element): the words below are the brochure's
// role texts and do's (catalogue/actie.yaml) said plainly. A model with other answer keys (an own
// catalogue) falls back to its own short words and says less.

interface PlainElement {
  /** What the line is about, as a heading the initiative-takers understand. */
  title: string;
  /** The two ends of the line. */
  left: string;
  right: string;
  /** Per answer: what I will do, and what I will not do. */
  will: Record<string, string[]>;
  wont: Record<string, string[]>;
  /** What I do whatever the answer (from the do's that hold for every answer). */
  always: string[];
}

const PLAIN: Record<ElementKey, PlainElement> = {
  animo: {
    title: 'Wat jullie drijft',
    left: 'jullie eigen plan',
    right: 'ik stuur wat bij',
    will: {
      aansluiten: ['Ik ga uit van wat jullie zelf willen. Jullie bepalen de koers.'],
      bijsturen: ['Ik zeg vooraf eerlijk wat de gemeente of mijn organisatie belangrijk vindt. Binnen die grenzen denk ik mee en stuur ik soms een beetje bij.'],
      beide: ['Ik ga uit van wat jullie zelf willen. Past iets niet binnen de regels, dan zeg ik dat eerlijk.'],
      onbekend: ['Ik wil eerst goed begrijpen waarom jullie dit doen. Daar praten we samen over.'],
    },
    wont: {
      aansluiten: ['Ik bedenk geen eigen doelen voor jullie.'],
      bijsturen: ['Ik neem jullie plan niet over. Het blijft van jullie.'],
      beide: ['Ik neem jullie plan niet over.'],
    },
    always: ['Ik houd het verantwoorden simpel: geen ingewikkelde formulieren.', 'Als ik hulp beloof, dan blijf ik die ook geven.'],
  },
  contact: {
    title: 'Wie jullie kennen',
    left: 'mensen die jullie al kennen',
    right: 'nieuwe contacten',
    will: {
      benutten: ['Ik help jullie om de mensen en groepen in te zetten die jullie al kennen.'],
      versterken: ['Ik breng jullie in contact met andere bewoners, met organisaties in de buurt en met de gemeente.'],
      beide: ['Ik help jullie met de mensen die jullie al kennen, en ik breng jullie in contact met nieuwe mensen en organisaties.'],
      onbekend: ['We kijken samen wie jullie al kennen en wie jullie nog nodig hebben.'],
    },
    wont: {},
    always: ['Jullie weten bij wie je terecht kunt: er is een vast persoon om mee te praten.'],
  },
  toerusting: {
    title: 'Wat jullie nodig hebben',
    left: 'zelf doen',
    right: 'hulp van buiten',
    will: {
      'eigen-kracht': ['Ik ga uit van wat jullie zelf kunnen. Mist er iets, dan zorg ik dat het er komt.'],
      aanreiken: ['Ik help jullie aan wat jullie missen: geld, spullen, mensen, een cursus of advies.'],
      beide: ['Wat jullie zelf kunnen, doen jullie zelf. Bij wat jullie missen, help ik.'],
      onbekend: ['We zoeken samen uit wat jullie zelf kunnen en wat jullie nog nodig hebben.'],
    },
    wont: {
      'eigen-kracht': ['Ik neem het werk niet van jullie over.'],
      aanreiken: ['Ik maak de keuzes niet voor jullie. Het initiatief blijft van jullie.'],
      beide: ['Ik neem het werk niet van jullie over.'],
    },
    always: ['Ik maak afspraken op tijden dat jullie kunnen.'],
  },
  inbedding: {
    title: 'Hoe het geregeld wordt',
    left: 'op jullie manier',
    right: 'zoals organisaties werken',
    will: {
      burgers: ['Jullie regelen het op jullie eigen manier. Ik vraag mijn organisatie om zich daaraan aan te passen.'],
      organisaties: ['Ik leg uit hoe de gemeente en organisaties werken: welke regels er zijn en wie wat doet.'],
      beide: ['Jullie regelen het op jullie eigen manier, en ik leg uit hoe de gemeente en organisaties werken.'],
      onbekend: ['We praten samen over hoe jullie het willen regelen, en wat de gemeente en organisaties daarbij vragen.'],
    },
    wont: {
      organisaties: ['Ik neem het initiatief niet over.'],
    },
    always: ['Ik ben eerlijk over regels die jullie in de weg kunnen zitten.', 'Loopt er iets vast, dan zoek ik snel een oplossing die werkt.'],
  },
  empathie: {
    title: 'Hoe ik met jullie omga',
    left: 'ik leef mee',
    right: 'ik help waar jullie om vragen',
    will: {
      betrokkenheid: ['Ik leef met jullie mee. Ik kom ook gewoon eens langs.'],
      dienstbaarheid: ['Ik help waar jullie om vragen, en zo snel als ik kan.'],
      beide: ['Ik leef met jullie mee, en ik help waar jullie om vragen.'],
      onbekend: ['We spreken samen af hoe jullie mij het liefst zien: als iemand die meeleeft, of als iemand die helpt waar jullie om vragen.'],
    },
    wont: {
      betrokkenheid: ['Ik ga niet aan het roer staan. Dat blijven jullie.'],
      dienstbaarheid: ['Ik ga niet op de voorgrond staan.'],
      beide: ['Ik ga niet aan het roer staan.'],
    },
    always: [],
  },
};

export interface HandoutMethod {
  id: string;
  name: string;
  url: string | null;
  summary?: string;
}

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The element's plain words, or the model's own where it is not the built-in one. */
function plainOf(model: ActieModel, key: ElementKey): PlainElement {
  const e = model.elements.find((x) => x.key === key)!;
  const plain = PLAIN[key];
  const known = e.poles.every((p) => p.key in plain.will);
  return known ? plain : { title: e.name, left: e.poles[0].short, right: e.poles[1].short, will: {}, wont: {}, always: [] };
}

const X = { left: 40, middle: 340, right: 640 } as const;

/** The profile as SVG: per line its two ends and a dot where the answer lies, an open circle where it lay the time before. */
export function profileSvg(model: ActieModel, now: DossierSession, before?: DossierSession): string {
  const rowHeight = 74;
  const rows = model.elements.map((e, i) => {
    const plain = plainOf(model, e.key);
    const y = 36 + i * rowHeight;
    const pos = profilePosition(e, now.answers[e.key]);
    const was = before ? profilePosition(e, before.answers[e.key]) : undefined;
    const mark = (p: ProfilePosition, filled: boolean) => {
      const x = X[p === 'unknown' ? 'middle' : p];
      if (p === 'unknown') return filled ? `<circle cx="${x}" cy="${y}" r="11" class="unknown"/><text x="${x}" y="${y + 5}" class="q">?</text>` : '';
      return filled ? `<circle cx="${x}" cy="${y}" r="10" class="now"/>` : `<circle cx="${x}" cy="${y}" r="13" class="was"/>`;
    };
    return [
      `<g class="row" data-line="${esc(e.key)}" data-answer="${esc(now.answers[e.key])}" data-position="${pos}">`,
      `<text x="${X.left}" y="${y - 16}" class="title">${esc(plain.title)}</text>`,
      `<line x1="${X.left}" y1="${y}" x2="${X.right}" y2="${y}" class="track"/>`,
      `<line x1="${X.middle}" y1="${y - 5}" x2="${X.middle}" y2="${y + 5}" class="tick"/>`,
      `<text x="${X.left}" y="${y + 26}" class="pole">${esc(plain.left)}</text>`,
      `<text x="${X.right}" y="${y + 26}" class="pole end">${esc(plain.right)}</text>`,
      was && was !== pos ? mark(was, false) : '',
      mark(pos, true),
      '</g>',
    ].join('');
  });
  const height = 36 + model.elements.length * rowHeight - 20;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 680 ${height}" role="img" aria-label="Waar jullie initiatief nu staat">${rows.join('')}</svg>`;
}

/** What I will and will not do, for the answers of a session, in "ik" words. */
export function promises(model: ActieModel, session: DossierSession): { will: string[]; wont: string[] } {
  const will: string[] = [];
  const wont: string[] = [];
  for (const e of model.elements) {
    const plain = plainOf(model, e.key);
    const answer = session.answers[e.key];
    will.push(...(plain.will[answer] ?? []));
    wont.push(...(plain.wont[answer] ?? []));
    if (answer !== 'onbekend') will.push(...plain.always);
  }
  wont.push('Ik neem het initiatief niet van jullie over: het blijft van jullie.');
  return { will: [...new Set(will)], wont: [...new Set(wont)] };
}

/** How a line moved from one session to the next, in plain words. */
function movesText(model: ActieModel, before: DossierSession, after: DossierSession): string[] {
  const where = (key: ElementKey, answer: string) => {
    const plain = plainOf(model, key);
    const e = model.elements.find((x) => x.key === key)!;
    const pos = profilePosition(e, answer);
    return pos === 'left' ? plain.left : pos === 'right' ? plain.right : pos === 'middle' ? 'allebei' : 'nog niet bekend';
  };
  const out = sessionChanges(before, after, model, CHANGE_LABELS)
    .answers.filter((c) => c.key in PLAIN)
    .map((c) => `${plainOf(model, c.key as ElementKey).title}: van "${where(c.key as ElementKey, c.was!)}" naar "${where(c.key as ElementKey, c.now!)}".`);
  if (!out.length) out.push('Hierin is niets veranderd.');
  return out;
}

const CSS = `
*{box-sizing:border-box}
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;font-size:17px;line-height:1.5;color:#1b1b1b;background:#fff;margin:0}
main{max-width:46rem;margin:0 auto;padding:2rem 1.5rem}
h1{font-size:1.9rem;margin:0 0 .2rem;color:#0b4f6c}
h2{font-size:1.25rem;margin:1.6rem 0 .4rem;color:#0b4f6c;border-bottom:2px solid #d7e6ee;padding-bottom:.15rem}
.date{color:#555;margin:0 0 1rem}
ul{padding-left:1.3rem;margin:.3rem 0}
li{margin:.25rem 0}
svg{width:100%;height:auto;max-width:680px;display:block}
svg .title{font:600 17px system-ui,Arial,sans-serif;fill:#1b1b1b}
svg .pole{font:15px system-ui,Arial,sans-serif;fill:#444}
svg .end{text-anchor:end}
svg .track{stroke:#8aa9b8;stroke-width:3;stroke-linecap:round}
svg .tick{stroke:#8aa9b8;stroke-width:2}
svg .now{fill:#0b4f6c}
svg .was{fill:none;stroke:#0b4f6c;stroke-width:2;stroke-dasharray:4 3}
svg .unknown{fill:#fff;stroke:#0b4f6c;stroke-width:2}
svg .q{font:700 15px system-ui,Arial,sans-serif;fill:#0b4f6c;text-anchor:middle}
.legend{font-size:.95rem;color:#444}
.note{white-space:pre-wrap;background:#f4f8fa;border-left:4px solid #0b4f6c;padding:.5rem .8rem;margin:.4rem 0}
.method a{color:#0b4f6c;font-weight:600}
.url{display:block;font-size:.85rem;color:#555;word-break:break-all}
footer{margin-top:2rem;font-size:.85rem;color:#666}
@page{size:A4;margin:16mm 15mm}
@media print{
  body{font-size:11.5pt}
  main{max-width:none;padding:0}
  h2{break-after:avoid}
  li,.note,svg{break-inside:avoid}
  a{color:#000;text-decoration:none}
}
`;

/**
 * The handout as one HTML page. `methods` gives each method on the last session's list its name, link
 * and one line; the profile is the last session's, the one before it shown as an open circle.
 */
export function formatHandout(dossier: Dossier, model: ActieModel, methodOf: (id: string) => HandoutMethod): string {
  const sessions = sessionsInOrder(dossier);
  const now = sessions.at(-1)!;
  const before = sessions.at(-2);
  const { will, wont } = promises(model, now);
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
  const body: string[] = [];
  body.push(`<h1>${esc(dossier.name)}</h1>`);
  body.push(`<p class="date">Gesprek van ${esc(dateTimeText(now.date, false))}</p>`);
  body.push('<p>Dit blad is voor jullie, de mensen achter het initiatief. Hierop staat wat we besproken hebben, wat ik wel doe en wat ik niet doe.</p>');
  if (now.over) body.push('<h2>Waar het over gaat</h2>', `<p>${esc(now.over)}</p>`);
  body.push('<h2>Zo kijk ik nu naar jullie initiatief</h2>', profileSvg(model, now, before));
  body.push(
    `<p class="legend">De stip laat zien waar jullie initiatief nu staat. Een stip in het midden: allebei. Een vraagteken: dat weten we nog niet.${before ? ' Een open rondje: waar het de vorige keer stond.' : ''}</p>`,
  );
  body.push('<h2>Wat ik wel doe</h2>', list(will));
  body.push('<h2>Wat ik niet doe</h2>', list(wont));
  const notes = sessions.filter((s) => s.note);
  if (notes.length) {
    body.push('<h2>Wat we hebben afgesproken</h2>');
    for (const s of [...notes].reverse()) body.push(`<p class="date">${esc(dateTimeText(s.date, false))}</p><div class="note">${esc(s.note!)}</div>`);
  }
  if (now.shortlist.length) {
    body.push('<h2>Ideeën die jullie kunnen helpen</h2>', '<p>Zo hebben andere groepen het al aangepakt. Kijk gerust wat bij jullie past.</p><ul>');
    for (const id of now.shortlist) {
      const m = methodOf(id);
      const name = m.url ? `<a href="${esc(m.url)}">${esc(m.name)}</a>` : esc(m.name);
      body.push(`<li class="method">${name}${m.summary ? `: ${esc(firstSentence(m.summary))}` : ''}${m.url ? `<span class="url">${esc(m.url)}</span>` : ''}</li>`);
    }
    body.push('</ul>');
  }
  if (sessions.length > 1) {
    body.push('<h2>Hoe het veranderde</h2>');
    for (let i = 1; i < sessions.length; i++) {
      body.push(`<p><strong>${esc(dateTimeText(sessions[i - 1].date, false))} tot ${esc(dateTimeText(sessions[i].date, false))}</strong></p>`, list(movesText(model, sessions[i - 1], sessions[i])));
    }
  }
  body.push('<footer>Gemaakt met methodewijzer, met het ACTIE-model zoals de brochure "Methodisch werken aan actief burgerschap" van Movisie (2015) het gebruikt; voor het model zelf verwijst de brochure naar Platform31.</footer>');
  return [
    '<!doctype html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(dossier.name)}: gesprek van ${esc(dateTimeText(now.date, false))}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body><main>',
    ...body,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}

function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/s.exec(text.trim());
  return (m ? m[0] : text).replace(/\s+/g, ' ');
}
