// How closely a text follows the brochure: the longest run of consecutive words the two share.
import type { CompiledCatalogue } from '../../src/catalogue/catalogue.js';

/** Lower-case words; a word broken over a line with a hyphen ("ken-\nmerk") is joined again. */
export function words(text: string): string[] {
  return text
    .replace(/(\p{L})-[ \t]*\n\s*(\p{Ll})/gu, '$1$2')
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The longest run of words of `text` that also stands, in that order, in `source`. */
export function longestSharedRun(text: string, source: string): { length: number; words: string } {
  const grams = runsOf(source);
  const own = words(text);
  let best: string[] = [];
  for (let i = 0; i < own.length; i++) {
    for (let j = i + best.length + 1; j <= own.length && grams.has(own.slice(i, j).join(' ')); j++) best = own.slice(i, j);
  }
  return { length: best.length, words: best.join(' ') };
}

const MAX_RUN = 40;
let cached: { source: string; grams: Set<string> } | undefined;

/** Every run of up to MAX_RUN words in `source`, made once per source. */
function runsOf(source: string): Set<string> {
  if (cached?.source === source) return cached.grams;
  const src = words(source);
  const grams = new Set<string>();
  for (let i = 0; i < src.length; i++) {
    let run = '';
    for (let n = 0; n < MAX_RUN && i + n < src.length; n++) grams.add((run = n ? `${run} ${src[i + n]}` : src[i]));
  }
  cached = { source, grams };
  return grams;
}

/** Every field of the catalogue written in the project's words, named by where it stands. */
export function proseFields(catalogue: CompiledCatalogue): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [];
  const add = (field: string, text: string | undefined) => text && out.push({ field, text });
  for (const m of catalogue.methods) {
    add(`methods/${m.id}.summary`, m.summary);
    for (const [key, text] of Object.entries(m.elementSummaries ?? {})) add(`methods/${m.id}.elementSummaries.${key}`, text);
  }
  for (const s of catalogue.sources.sources) add(`sources/${s.key}.description`, s.description);
  for (const t of catalogue.glossary.terms) add(`glossary/${t.term}.definition`, t.definition);
  for (const c of catalogue.criteria.criteria) add(`criteria/${c.key}.text`, c.text);
  add('criteria/excluded', catalogue.criteria.excluded);
  const model = catalogue.model;
  add('actie/intro', model.intro);
  for (const e of model.elements) {
    add(`actie/${e.key}.help`, e.help);
    add(`actie/${e.key}.note`, e.note);
    for (const p of e.poles) add(`actie/${e.key}.${p.key}.role`, p.role);
    for (const d of e.dos) add(`actie/${e.key}.dos.${d.key}`, d.text);
    e.donts.forEach((d, i) => add(`actie/${e.key}.donts.${i}`, d));
  }
  for (const [key, a] of Object.entries(model.answers)) add(`actie/answers.${key}.role`, a.role);
  for (const [key, q] of Object.entries(model.context)) add(`actie/context.${key}.help`, q.help);
  return out;
}
