#!/usr/bin/env node
// Generates synthetic method catalogues for benchmarks and tests: realistic Dutch text, valid against
// the method schema, deterministic for a given seed. The records are made up; their links point at
// example.org so nobody mistakes them for real methods.
//
//   node scripts/gen-catalogue.mjs --records 10000 --out bench/out/10k [--per-file 800] [--seed 1]
//
// Writes multi-document YAML files (`methods-0001.yaml`, ...) of --per-file records each; with
// --per-file 1, one file per method named by its id (`<id>.yaml`), as `methodewijzer new` writes them.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same catalogue on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Word pools for Dutch prose about citizens' initiatives and the professionals who support them.
// They share the general vocabulary of the real catalogue (bewoners, buurt, dorp, jongeren,
// vrijwilligers, gemeente, ...) but do not copy the phrases that describe the real methods, so a
// synthetic record is a plausible neighbour of a real one, not its twin.
const WHO = [
  ['bewoners', 'wijk'], ['buurtbewoners', 'wijk'], ['jongeren', 'jongeren'], ['ouderen', 'ouderen'],
  ['vrijwilligers', 'vrijwilligers'], ['mantelzorgers', 'mantelzorg'], ['ouders', 'gezin'], ['kinderen', 'jongeren'],
  ['nieuwkomers', 'diversiteit'], ['statushouders', 'diversiteit'], ['huurders', 'wonen'], ['ondernemers', 'werk'],
  ['dorpsbewoners', 'dorp'], ['wijkbewoners', 'wijk'], ['studenten', 'jongeren'], ['leerlingen', 'school'],
  ['werkzoekenden', 'werk'], ['buren', 'netwerk'], ['sportclubs', 'sport'], ['verenigingen', 'netwerk'],
  ['bewonersgroepen', 'wijk'], ['mensen met een beperking', 'zorg'], ['senioren', 'ouderen'], ['tieners', 'jongeren'],
  ['alleenstaande ouders', 'gezin'], ['migrantenvrouwen', 'diversiteit'], ['boeren', 'dorp'], ['kerken', 'netwerk'],
];
const DO = [
  'organiseren', 'bedenken', 'starten', 'onderhouden', 'beheren', 'verbeteren', 'ontwerpen', 'bespreken',
  'versterken', 'onderzoeken', 'plannen', 'ontwikkelen', 'delen', 'opzetten', 'uitvoeren', 'evalueren',
  'runnen', 'financieren', 'vernieuwen', 'openen', 'bouwen', 'verzorgen', 'begeleiden', 'kiezen',
];
const WHAT = [
  'activiteiten', 'ontmoetingen', 'een buurtmoestuin', 'een repaircafé', 'een speeltuin', 'een buurtkrant',
  'een wijkfeest', 'een maaltijdproject', 'een ruilwinkel', 'een klussendienst', 'een taalcafé', 'een huiswerkklas',
  'een beweegprogramma', 'een wandelgroep', 'een buurtkamer', 'een dorpshuis', 'een voedselbank', 'een kledingbank',
  'een burenhulpnetwerk', 'een inloopspreekuur', 'een jongerenraad', 'een zorgcoöperatie', 'een energiecoöperatie',
  'een buurtpreventieteam', 'een kookclub', 'een leesclub', 'een sportdag', 'een straatspeeldag', 'een buurtbudget',
  'een dorpsplan', 'een wijkagenda', 'een ontmoetingsplek', 'een vrijwilligerspool', 'een klankbordgroep',
  'een digitaal platform', 'een vervoersdienst', 'een maatjesproject', 'een cursusaanbod', 'een schoolplein',
  'een groenproject', 'een buurtschouw', 'een bewonersavond', 'een tuin voor iedereen', 'gesprekken aan de keukentafel',
];
const WHERE = [
  'in hun straat', 'in de wijk', 'in het dorp', 'rond het buurthuis', 'op het plein', 'in het park',
  'in de bibliotheek', 'op school', 'bij de sportvereniging', 'in het wijkcentrum', 'in de kerk',
  'in het verzorgingshuis', 'op het platteland', 'in de binnenstad', 'in een aandachtswijk', 'in de kern',
  'in een nieuwbouwwijk', 'in de flat', 'op het sportpark', 'in het buurthuis', 'in de hele gemeente',
];
const WHY = [
  ['om de leefbaarheid te vergroten', 'leefbaarheid'], ['zodat eenzaamheid afneemt', 'eenzaamheid'],
  ['om de sociale samenhang te versterken', 'netwerk'], ['zodat buren elkaar beter leren kennen', 'netwerk'],
  ['om de veiligheid te verbeteren', 'veiligheid'], ['zodat jongeren meer kansen krijgen', 'jongeren'],
  ['om armoede te bestrijden', 'armoede'], ['zodat ouderen langer thuis kunnen wonen', 'ouderen'],
  ['om de gezondheid te bevorderen', 'gezondheid'], ['zodat nieuwkomers hun weg vinden', 'diversiteit'],
  ['om hulp dichter bij huis te organiseren', 'vrijwilligers'], ['zodat mensen elkaar vaker ontmoeten', 'netwerk'],
  ['om voorzieningen in het dorp te behouden', 'dorp'], ['om de buurt groener te maken', 'groen'],
  ['zodat bewoners meer zelf in handen nemen', 'zelfbeheer'], ['om taalachterstand te verkleinen', 'taal'],
  ['zodat bewoners zich veiliger voelen', 'veiligheid'], ['om werkloosheid terug te dringen', 'werk'],
  ['zodat voorzieningen in de kern blijven', 'dorp'], ['om overlast te verminderen', 'veiligheid'],
  ['zodat mantelzorgers worden ontlast', 'mantelzorg'], ['om cultuur dichter bij huis te brengen', 'cultuur'],
];
const PROS = [
  'een opbouwwerker', 'de gemeente', 'een welzijnsorganisatie', 'een buurtcoach', 'de woningcorporatie',
  'een sociaal werker', 'het wijkteam', 'een jongerenwerker', 'de wijkagent', 'een dorpscoördinator',
  'een vrijwilligerscentrale', 'de huisarts', 'een ouderenadviseur', 'de bibliotheek', 'een kunstenaar',
];
const HELP = ['ondersteunt', 'begeleidt', 'adviseert', 'helpt', 'coacht', 'faciliteert', 'traint'];
const HELP_WHAT = [
  'de groep bij de eerste stappen', 'de initiatiefnemers bij het zoeken naar geld', 'bij het vinden van een ruimte',
  'de deelnemers met een korte training', 'bij contacten met de gemeente', 'waar nodig, en trekt zich daarna terug',
  'bij het werven van nieuwe vrijwilligers', 'met kennis over regels en vergunningen', 'bij het maken van afspraken',
];
const EXTRA = [
  'De aanpak is in meerdere gemeenten uitgeprobeerd.', 'Deelnemers bepalen zelf het tempo.',
  'Na een jaar kijken alle partijen samen wat het heeft opgeleverd.', 'Er is een handleiding met werkbladen beschikbaar.',
  'Iedereen kan meedoen, ook zonder ervaring.', 'Kleine successen worden gevierd.',
  'De methode vraagt weinig geld maar wel een lange adem.', 'Bewoners houden de regie, professionals volgen.',
  'Het project loopt meestal twee jaar.', 'Resultaten worden gedeeld in een bijeenkomst voor de hele buurt.',
];

// Compound nouns and place names give the vocabulary the long tail a real catalogue has.
const HEADS = [
  'buurt', 'wijk', 'dorp', 'straat', 'jongeren', 'ouderen', 'vrijwilligers', 'zorg', 'taal', 'sport', 'groen',
  'speel', 'school', 'burger', 'bewoners', 'samen', 'kern', 'stads', 'thuis', 'mantelzorg', 'maatjes', 'leef',
];
const TAILS = [
  'huis', 'tuin', 'team', 'café', 'kamer', 'fonds', 'raad', 'plan', 'netwerk', 'winkel', 'werkplaats', 'krant',
  'feest', 'bank', 'punt', 'coach', 'kracht', 'atelier', 'lab', 'kompas', 'agenda', 'route', 'club', 'spiegel',
  'academie', 'estafette', 'ploeg', 'markt', 'podium', 'dialoog',
];
const ADJ = ['Groene', 'Sterke', 'Samen', 'Nieuwe', 'Open', 'Actieve', 'Vitale', 'Levende', 'Eigen', 'Gezonde', 'Warme', 'Slimme'];
const PLACE_A = [
  'Ooster', 'Wester', 'Noorder', 'Zuider', 'Hooge', 'Lage', 'Nieuw', 'Oud', 'Groot', 'Klein', 'Berg', 'Dijk', 'Broek',
  'Heide', 'Zand', 'Veen', 'Molen', 'Kerk', 'Beek', 'Hof', 'Linde', 'Esch', 'Wolde', 'Haven',
];
const PLACE_B = [
  'veld', 'hoven', 'dijk', 'wijk', 'broek', 'meer', 'horst', 'dam', 'burg', 'hout', 'loo', 'rade', 'zijl',
  'kamp', 'berg', 'haar', 'werf', 'wold', 'stede', 'voort',
];
const SYL = ['ka', 'lo', 'mi', 've', 'ra', 'to', 'sa', 'ni', 'be', 'du', 'po', 'le', 'ki', 'mo', 'ta', 'wi', 'ze', 'ho', 'ju', 'fe'];
const KINDS = [
  ['databank', 'esi'], ['databank', 'wat-werkt-in-de-wijk'], ['databank', 'gemeentelijke-databank'], ['verkenning', undefined],
];
const ELEMENTS = ['animo', 'contact', 'toerusting', 'inbedding', 'empathie'];

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** Ids of the built-in methods, so a synthetic record never replaces a real one. */
export function builtinIds() {
  try {
    return readdirSync(join(ROOT, 'catalogue', 'methods'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''));
  } catch {
    return [];
  }
}

/** Ids are made as `methodewijzer new` makes them: src/core/fold.ts, through the build. */
export function slugify(text) {
  return buildTools().slugify(text);
}

let tools;
function buildTools() {
  try {
    return (tools ??= createRequire(import.meta.url)(join(ROOT, 'node_modules', '.cache', 'methodewijzer', 'build-tools.cjs')));
  } catch (err) {
    throw new Error(`gen-catalogue needs the build's tools (node_modules/.cache/methodewijzer/build-tools.cjs); run 'npm run build' first (${err.message})`);
  }
}

/**
 * `count` synthetic method records (plain objects that satisfy the method schema), the same for the
 * same seed.
 */
export function generateMethods(count, seed = 1) {
  const rnd = prng(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const chance = (p) => rnd() < p;
  const used = new Set(builtinIds());
  const coined = () => {
    const n = 2 + Math.floor(rnd() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYL);
    return cap(w + pick(['', 'n', 'r', 's', 'k']));
  };
  const compound = () => pick(HEADS) + pick(TAILS);
  const place = () => pick(PLACE_A) + pick(PLACE_B);

  const methods = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    let name;
    if (r < 0.25) name = `${cap(compound())} ${place()}`;
    else if (r < 0.4) name = coined();
    else if (r < 0.55) name = `${pick(ADJ)} ${cap(compound())}`;
    else if (r < 0.65) name = `${cap(compound())}methode`;
    else if (r < 0.75) name = `Project ${coined()}`;
    else if (r < 0.85) name = `${cap(compound())} ${coined()}`;
    else name = `${pick(ADJ)} ${pick(['Buurt', 'Wijk', 'Dorp', 'Straat', 'Stad'])} ${place()}`;

    let id = slugify(name);
    for (let n = 2; used.has(id); n++) id = `${slugify(name)}-${n}`;
    used.add(id);

    const tags = new Set();
    const [who, whoTag] = pick(WHO);
    const [why, whyTag] = pick(WHY);
    if (chance(0.7)) tags.add(whoTag);
    if (chance(0.7)) tags.add(whyTag);
    if (chance(0.2)) tags.add(pick(['budget', 'gemeente', 'school', 'sport', 'toekomstplan', 'openbare-ruimte', 'werk']));
    if (tags.size === 0) tags.add(whoTag);

    const sentences = [`${cap(who)} ${pick(DO)} ${pick(WHAT)} ${pick(WHERE)}, ${why}.`];
    if (chance(0.7)) sentences.push(`${cap(pick(PROS))} ${pick(HELP)} ${pick(HELP_WHAT)}.`);
    if (chance(0.4)) sentences.push(pick(EXTRA));
    if (chance(0.15)) sentences.push(`Het idee ontstond in ${place()} en wordt nu ook elders gebruikt.`);

    const elements = [];
    const e = Math.floor(rnd() * ELEMENTS.length);
    elements.push(ELEMENTS[e]);
    if (chance(0.35)) {
      const f = Math.floor(rnd() * ELEMENTS.length);
      if (f !== e) elements.push(ELEMENTS[f]);
    }
    elements.sort((a, b) => ELEMENTS.indexOf(a) - ELEMENTS.indexOf(b));

    const [kind, collection] = pick(KINDS);
    const method = { id, name };
    if (chance(0.15)) method.aliases = [name.split(' ')[0] === name ? `${name} aanpak` : name.split(' ').slice(0, -1).join(' ')];
    method.summary = sentences.join(' ');
    method.elements = elements;
    method.source = collection ? { kind, collection } : { kind };
    method.url = `https://example.org/methoden/${id}`;
    method.tags = [...tags].sort();
    methods.push(method);
  }
  return methods;
}

/** One record as a YAML document. Strings are double-quoted JSON, which YAML reads as is. */
export function toYaml(m) {
  const q = (s) => JSON.stringify(s);
  const lines = [`id: ${m.id}`, `name: ${q(m.name)}`];
  if (m.aliases) lines.push('aliases:', ...m.aliases.map((a) => `  - ${q(a)}`));
  lines.push(`summary: ${q(m.summary)}`, 'elements:', ...m.elements.map((e) => `  - ${e}`));
  lines.push('source:', `  kind: ${m.source.kind}`);
  if (m.source.collection) lines.push(`  collection: ${m.source.collection}`);
  lines.push(`url: ${m.url}`);
  if (m.tags?.length) lines.push('tags:', ...m.tags.map((t) => `  - ${t}`));
  return lines.join('\n') + '\n';
}

/**
 * Writes `count` records to `dir` (emptied first) in files of `perFile` records; with `perFile` 1,
 * one file per method named by its id, as `methodewijzer new` writes them. Returns the file paths.
 */
export function writeCatalogue(dir, count, { seed = 1, perFile = 800 } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const methods = generateMethods(count, seed);
  const files = [];
  if (perFile === 1) {
    for (const m of methods) {
      const file = join(dir, `${m.id}.yaml`);
      writeFileSync(file, toYaml(m));
      files.push(file);
    }
    return files;
  }
  for (let start = 0, n = 1; start < methods.length; start += perFile, n++) {
    const file = join(dir, `methods-${String(n).padStart(4, '0')}.yaml`);
    const docs = methods.slice(start, start + perFile).map(toYaml);
    writeFileSync(file, `# Synthetic methods for benchmarks (scripts/gen-catalogue.mjs); not real.\n${docs.join('---\n')}`);
    files.push(file);
  }
  return files;
}

function parseArgs(argv) {
  const args = { records: 1000, out: undefined, seed: 1, perFile: 800 };
  for (let i = 0; i < argv.length; i++) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (key === '--records') args.records = Number(value);
    else if (key === '--out') args.out = value;
    else if (key === '--seed') args.seed = Number(value);
    else if (key === '--per-file') args.perFile = Number(value);
    else {
      console.error(`gen-catalogue: unknown argument ${key}`);
      process.exit(2);
    }
    i++;
  }
  for (const k of ['records', 'seed', 'perFile']) {
    if (!Number.isInteger(args[k]) || args[k] < 1) {
      console.error(`gen-catalogue: --${k === 'perFile' ? 'per-file' : k} needs a positive whole number`);
      process.exit(2);
    }
  }
  args.out ??= join(ROOT, 'bench', 'out', `${args.records}`);
  return args;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const args = parseArgs(process.argv.slice(2));
  const files = writeCatalogue(args.out, args.records, args);
  console.error(`gen-catalogue: ${args.records} records in ${files.length} files under ${args.out}`);
}
