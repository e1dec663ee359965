import { z } from 'zod';
import { CONTEXT_KEYS, ELEMENT_KEYS, LOCAL_DATE_TIME } from './keys.js';

// One initiative's dossier: a YAML file per initiative in the dossier folder (docs/dossier.md). Kept
// stable and diff-friendly for a team that keeps the folder in git: a format version, fixed key order
// (src/store/dossiers.ts writes it), no machine paths, sessions only ever added at the end.

/** The version of the file format; a file of a later version is refused rather than misread. */
export const DOSSIER_FORMAT = 1;


const text = z.string().trim().min(1, 'mag niet leeg zijn');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'gebruik kleine letters, cijfers en koppeltekens');

const answersSchema = z
  .strictObject({
    ...Object.fromEntries(ELEMENT_KEYS.map((k) => [k, slug.describe(`Het antwoord bij ${k}: een van de twee kanten, beide of onbekend.`)])),
    ...Object.fromEntries(CONTEXT_KEYS.map((k) => [k, slug.nullable().describe('Een tag, of null: geen voorkeur.')])),
  } as Record<(typeof ELEMENT_KEYS)[number], typeof slug> & Record<(typeof CONTEXT_KEYS)[number], z.ZodNullable<typeof slug>>)
  .describe('De vijf antwoorden en de twee contextvragen, zoals bij actie --json.');

export const sessionSchema = z
  .strictObject({
    date: z.string().regex(LOCAL_DATE_TIME, 'verwacht een datum en tijd als JJJJ-MM-DDTUU:MM, bijvoorbeeld 2026-03-02T14:05').describe('Wanneer de sessie was: lokale datum en tijd.'),
    answers: answersSchema,
    over: text.nullable().describe('Waar het initiatief over gaat, in eigen woorden (actie --over), of null.'),
    shortlist: z.array(slug).describe('De ids van de methoden op de kortlijst, in volgorde.'),
    note: text.optional().describe('Notities en afspraken van deze sessie (actie --note). Geen persoonsgegevens.'),
  })
  .describe('Eén sessie: de vragenlijst op één moment.');
export type DossierSession = z.infer<typeof sessionSchema>;

export const dossierSchema = z
  .strictObject({
    format: z.literal(DOSSIER_FORMAT, { error: `verwacht format: ${DOSSIER_FORMAT}; dit bestand is van een andere versie van methodewijzer` }).describe('De versie van het bestandsformaat.'),
    name: text.describe('De naam van het initiatief, zoals hij het eerst gegeven is.'),
    sessions: z.array(sessionSchema).describe('De sessies, de oudste eerst; nieuwe komen onderaan.'),
  })
  .meta({ title: 'Dossier', description: 'De sessies van één initiatief (methodewijzer actie --dossier).' });
export type Dossier = z.infer<typeof dossierSchema>;
