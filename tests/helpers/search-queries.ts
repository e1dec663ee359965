// What consultants type and the method they mean: the query sets of search's quality tests, in the
// built-in catalogue (tests/unit/search.test.ts) and among 10,000 synthetic records
// (tests/deep/search-quality.test.ts).
import type { Method } from '../../src/model/schema.js';

/**
 * What consultants type, and the method they mean. The first eight are the issue's; the rest are
 * ours: misspelt, without accents, written together or apart, or words from a method's purpose or
 * setting rather than its name. Each intended method follows from its text in catalogue/methods.
 */
export const QUERIES: [query: string, id: string, why: string][] = [
  ['kan wel', 'kan-wel', 'name "Kan wél" without the accent'],
  ['tijd voor elkaar', 'tijdvoorelkaar', 'name written apart'],
  ['smederij', 'de-smederijen', 'singular of "De Smederijen"'],
  ['eigen kracht', 'eigen-kracht-conferentie', 'start of the name'],
  ['jongeren keet', 'keetkeur', 'target group from the summary, start of the name'],
  ['dorp toekomst', 'integraal-dorpsontwikkelingsplan', '"Een dorp maakt zelf een plan voor zijn toekomst"'],
  ['politie buurt', 'buurt-bestuurt', 'setting in the name, purpose in the summary'],
  ['vrijwilligers vraag aanbod', 'maatschappelijke-beursvloer', '"de vraag naar vrijwilligerswerk aan het aanbod"'],
  ['TijdvoorElkaar', 'tijdvoorelkaar', 'name written together, in odd case'],
  ['platelands parlement', 'plattelandsparlement', 'typo, and written apart'],
  ['moedercentrum', 'moedercentra', 'singular, two letters off'],
  ['lhbt leerlingen school', 'gay-straight-alliances', 'words from the summary and tags only'],
  ['huurkorting studenten', 'studenten-wonen-in-aandachtswijken', '"korting op de huur", glued into one word'],
  ['mobiele telefoon jongeren', 'mobieltje-voor-je-mening', 'what the method hands out, not its name'],
  ['maatschapelijke opvang', 'maatschappelijke-opvang-in-zelfbeheer', 'common misspelling'],
  ['keten keuren', 'keetkeur', 'what the young people learn to do'],
  ['wedstrijd 1000 euro', 'kern-met-pit', '"1.000 euro" written without the dot'],
  ['arbeidsmarkt reintegratie', 'maatschappelijke-activeringscentra', '"re-integratie" without the hyphen'],
  ['allochtone groepen meepraten', 'woonatelier', 'purpose from the summary'],
  ['kulturhuiske', 'kulturhuske', 'typo in a dialect name'],
  ['co creatie ambtenaar', 'bewoners-aan-zet', '"co-creatie" written apart'],
  ['sociale samenhang straten', 'mensen-maken-de-stad', 'purpose and setting from the summary'],
  // No method has all the words: the rare one decides, not the common one in many names and tags.
  ['dorp politie', 'buurt-bestuurt', '"politie" in one summary; "dorp" in many names, ids and tags'],
  ['wijk keurmeester', 'keetkeur', '"keurmeester" in one summary; "wijk" in most tags'],
  ['buurt wedstrijd', 'kern-met-pit', '"wedstrijd" in one summary; "buurt" in names and summaries'],
  ['wijk levensaders', 'vijf-sterren-dorpen', '"levensaders" in one summary'],
  ['gemeente seksualiteit', 'gay-straight-alliances', '"seksualiteit" in one summary; "gemeente" in many tags'],
  // Compounds the catalogue does not have, of a word it has and an unknown part.
  ['keurmeesterscursus', 'keetkeur', 'starts with "keurmeester"'],
  ['dorpsspiegelavond', 'dorpsspiegel', 'starts with the name'],
  ['beursvloerbijeenkomst', 'maatschappelijke-beursvloer', 'starts with "beursvloer"'],
  ['smederijenaanpak', 'de-smederijen', 'starts with "smederijen"'],
  ['moedercentrawerking', 'moedercentra', 'starts with the name'],
  ['zelfbeheerproject opvang', 'maatschappelijke-opvang-in-zelfbeheer', 'starts with "zelfbeheer"'],
];

/** Queries that hold in the built-in catalogue only: the synthetic methods have these words whole. */
export const BUILTIN_ONLY: [query: string, id: string, why: string][] = [
  ['sportclub jongeren', 'whoznext', '"sportclub" starts with the tag "sport"; four methods have "jongeren" alike'],
  ['dorp huiskamer', 'kulturhuske', '"huiskamer" in one summary; "dorp" in many names'],
  ['vrijwilligersvacaturebank', 'maatschappelijke-beursvloer', 'starts with "vrijwilligers", a tag of two methods'],
];

/** The place of method `id` among results, from 1; Infinity when it is not there. */
export const rankOf = (results: { method: Method }[], id: string) => results.findIndex((r) => r.method.id === id) + 1 || Infinity;
