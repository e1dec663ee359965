import { z } from 'zod';
import { ELEMENT_KEYS, EXTRA_ANSWER_KEYS, SOURCE_KINDS, type ContextKey } from './keys.js';
import { CONTROL, INVISIBLE, escaped } from '../text/unsafe-chars.js';
import { dossierSchema } from './dossier.js';

/** The five ACTIE elements (in the model's order) and the source kinds live in keys.ts, free of zod. */
export { ELEMENT_KEYS, SOURCE_KINDS, type ElementKey, type SourceKind } from './keys.js';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'gebruik kleine letters, cijfers en koppeltekens, bijvoorbeeld "mijn-methode"');
const text = z.string().trim().min(1, 'mag niet leeg zijn');
// The URL parser accepts (and encodes) spaces, control characters and " < > \ ^ ` { | }, and the raw
// text is what reaches a terminal and the BROWSER command. In a catalogue such a character is a typo,
// a pasted title or an escape sequence planted in the file; RFC 3986 wants each percent-encoded.
const UNSAFE_IN_LINK = `\\s${CONTROL}${INVISIBLE}"<>\\\\^\`{|}`;
// A pattern rather than a refinement, so the JSON schema carries it to editors too; checked first and
// alone, since the URL check trims the text and drops tabs and newlines from it.
const link = z
  .string()
  .regex(new RegExp(`^[^${UNSAFE_IN_LINK}]*$`, 'u'), { error: (issue) => linkProblem(String(issue.input)), abort: true })
  .url({ protocol: /^https?$/, hostname: z.regexes.hostname });

/** Why a link is unsafe to keep as written, naming its first bad character; undefined if it is fine. */
function linkProblem(url: string): string | undefined {
  const ch = new RegExp(`[${UNSAFE_IN_LINK}]`, 'u').exec(url)?.[0];
  if (ch === undefined) return undefined;
  if (ch === ' ') return 'een link bevat geen spaties; gebruik %20 waar de link er echt een heeft';
  const shown = /[\s\p{Cc}\p{Cf}]/u.test(ch) ? escaped(ch) : ch;
  return `een link bevat geen stuurtekens, onzichtbare tekens of " < > \\ ^ \` { | } (hier ${shown}); gebruik ${encodeURIComponent(ch)} waar de link het teken echt bevat`;
}

const uniqueList = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((xs) => new Set(xs).size === xs.length, 'bevat een waarde twee keer');

export const methodSchema = z
  .strictObject({
    id: slug.describe('Vaste, unieke sleutel in kebab-case; ook de bestandsnaam.'),
    name: text.describe('De naam zoals de bron hem schrijft.'),
    aliases: uniqueList(text).optional().describe('Andere schrijfwijzen en afkortingen.'),
    summary: text.describe('Een tot drie zinnen over wat de methode doet.'),
    elements: uniqueList(z.enum(ELEMENT_KEYS))
      .min(1, 'noem minstens één ACTIE-element')
      .describe('De ACTIE-elementen waaronder de methode valt.'),
    source: z
      .strictObject({
        kind: z.enum(SOURCE_KINDS).describe('databank: beproefd in de praktijk; verkenning: beschreven in een verkenning.'),
        collection: slug.optional().describe('De databank, waar de link die laat zien (esi, wat-werkt-in-de-wijk).'),
      })
      .describe('Waar de methode vandaan komt.'),
    url: link.describe('Link naar de beschrijving van de methode.'),
    tags: uniqueList(slug).optional().describe('Trefwoorden om op te filteren, zoals wijk, dorp of jongeren.'),
    elementSummaries: z
      .partialRecord(z.enum(ELEMENT_KEYS), text)
      .optional()
      .describe('Per element een eigen beschrijving, waar de bron de methode onder dat element anders beschrijft dan onder een ander.'),
  })
  .superRefine((m, ctx) => {
    for (const key of Object.keys(m.elementSummaries ?? {})) {
      if (!(m.elements as string[]).includes(key)) {
        ctx.addIssue({ code: 'custom', path: ['elementSummaries', key], message: `de methode staat niet onder ${key}; noem het element ook onder elements` });
      }
    }
  })
  .meta({ title: 'Methode', description: 'Eén methode uit de methodewijzer.' });
export type Method = z.infer<typeof methodSchema>;

const poleSchema = z.strictObject({
  key: slug,
  label: text.describe('Het antwoord zoals de vragenlijst het toont.'),
  short: text.describe('Een of twee woorden voor het profiel, aan het eind van de lijn van het element.'),
  role: text.describe('Wat dit antwoord betekent voor de rol van de professional.'),
  attention: z.number().int().min(1).max(3).describe('Hoeveel dit antwoord vraagt van de professional: 1 weinig, 3 veel.'),
});

const answerSchema = poleSchema.omit({ key: true });

// EXTRA_ANSWER_KEYS (the answers besides the poles) and CONTEXT_KEYS (the context questions) live in keys.ts.
export { EXTRA_ANSWER_KEYS, CONTEXT_KEYS, type ExtraAnswerKey, type ContextKey } from './keys.js';

const contextQuestionSchema = z.strictObject({
  question: text.describe('De vraag zoals de vragenlijst hem stelt.'),
  help: text.describe('Eén regel uitleg onder de vraag.'),
  none: text.describe('Het antwoord "geen voorkeur": de vraag overslaan.'),
  options: z
    .array(
      z.strictObject({
        tag: slug.describe('De tag van de methoden die hierbij passen.'),
        label: text,
        match: text.describe('Wat de tag over een methode zegt, als deel van een zin ("bedoeld voor een dorp").'),
      }),
    )
    .min(1)
    .refine((os) => new Set(os.map((o) => o.tag)).size === os.length, 'bevat een tag twee keer'),
});

const elementSchema = z
  .strictObject({
    key: z.enum(ELEMENT_KEYS),
    name: text,
    question: text,
    help: text,
    note: text.optional().describe('Voor wie de punten doen en laten bedoeld zijn, als dat niet de professional zelf is.'),
    poles: z
      .tuple([poleSchema, poleSchema])
      .refine((ps) => ps[0].key !== ps[1].key, 'de twee polen hebben dezelfde key')
      .refine(
        (ps) => ps.every((p) => !(EXTRA_ANSWER_KEYS as readonly string[]).includes(p.key)),
        `een pool mag niet ${EXTRA_ANSWER_KEYS.join(' of ')} heten; die antwoorden bestaan al`,
      ),
    dos: z
      .array(z.strictObject({ key: slug, text }))
      .min(1)
      .refine((ds) => new Set(ds.map((d) => d.key)).size === ds.length, 'bevat een key twee keer')
      .describe('Wat de professional doet; de brochure geeft deze punten per element, dus ze gelden bij elk antwoord.'),
    donts: z.array(text),
    emphasis: z
      .record(slug, uniqueList(slug))
      .describe('Per antwoord (elke pool, beide, onbekend) de keys van de punten die bij dat antwoord het zwaarst wegen.'),
  })
  .superRefine((e, ctx) => {
    // Every answer names its weightiest do's, and only do's of its own element.
    const answers = [...e.poles.map((p) => p.key), ...EXTRA_ANSWER_KEYS];
    const dos = new Set(e.dos.map((d) => d.key));
    for (const answer of answers) {
      if (!Object.hasOwn(e.emphasis, answer)) ctx.addIssue({ code: 'custom', path: ['emphasis'], message: `geen punten voor het antwoord "${answer}"` });
    }
    for (const [answer, keys] of Object.entries(e.emphasis)) {
      if (!answers.includes(answer)) {
        ctx.addIssue({ code: 'custom', path: ['emphasis', answer], message: `onbekend antwoord; kies uit: ${answers.join(', ')}` });
      }
      keys.forEach((k, i) => {
        if (!dos.has(k)) ctx.addIssue({ code: 'custom', path: ['emphasis', answer, i], message: `geen punt met key "${k}" onder dos` });
      });
    }
  });

export const actieSchema = z
  .strictObject({
    intro: text,
    elements: z
      .array(elementSchema)
      .length(5)
      .refine((es) => new Set(es.map((e) => e.key)).size === es.length, 'bevat een element twee keer'),
    answers: z.strictObject({ beide: answerSchema, onbekend: answerSchema }),
    context: z
      .strictObject({ setting: contextQuestionSchema, doelgroep: contextQuestionSchema })
      .describe('De twee vragen naar de context die na de vijf elementen volgen; ze sturen de kortlijst via tags.'),
  })
  .meta({ title: 'ACTIE-model' });
export type ActieModel = z.infer<typeof actieSchema>;
export type ActieElement = ActieModel['elements'][number];
export type ContextQuestion = ActieModel['context'][ContextKey];

export const glossarySchema = z
  .strictObject({ terms: z.array(z.strictObject({ term: text, definition: text })).min(1) })
  .meta({ title: 'Begrippenkader' });
export type Glossary = z.infer<typeof glossarySchema>;

export const sourcesSchema = z
  .strictObject({
    brochure: z.strictObject({
      title: text,
      publisher: text,
      published: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'verwacht jaar en maand als JJJJ-MM, bijvoorbeeld 2015-07').describe('Jaar en maand van verschijnen, JJJJ-MM.'),
      author: text,
      url: link,
      essay: z
        .strictObject({
          title: text,
          authors: z.array(z.strictObject({ name: text, organisation: text })).min(1),
          url: link,
        })
        .optional()
        .describe('Het essay waarop de brochure is gebaseerd.'),
      article: z
        .strictObject({ site: text.describe('De website waar het artikel verscheen.'), url: link })
        .optional()
        .describe('Het artikel met een verkorte versie van het essay.'),
      funder: text.optional().describe('Wie de brochure heeft gefinancierd, zoals de brochure het schrijft.'),
    }),
    sources: z
      .array(z.strictObject({ key: slug, kind: z.enum(SOURCE_KINDS), name: text, url: link, description: text }))
      .min(1),
    furtherReading: z.array(z.strictObject({ name: text, url: link })).optional(),
  })
  .meta({ title: 'Bronnen' });
export type Sources = z.infer<typeof sourcesSchema>;

export const criteriaSchema = z
  .strictObject({
    criteria: z.array(z.strictObject({ key: slug, text })).min(1),
    excluded: text.optional(),
  })
  .meta({ title: 'Selectiecriteria' });
export type Criteria = z.infer<typeof criteriaSchema>;

export const wordsSchema = z
  .strictObject({
    words: z
      .array(
        z.strictObject({
          words: z.array(text).min(1).describe('Woorden die een gebruiker typt: alledaags, nieuwer of regionaal.'),
          as: z.array(text).min(1).describe('De woorden die de brochure ervoor gebruikt; search zoekt daar ook op.'),
          ground: text.describe('Waarom de woorden hetzelfde bedoelen, in één regel.'),
        }),
      )
      .min(1),
  })
  .meta({ title: 'Woordenlijst voor zoeken' });
export type Words = z.infer<typeof wordsSchema>;

/** Each record type with the file name of its generated JSON Schema. */
export const SCHEMAS = {
  method: methodSchema,
  actie: actieSchema,
  glossary: glossarySchema,
  sources: sourcesSchema,
  criteria: criteriaSchema,
  words: wordsSchema,
  dossier: dossierSchema,
} as const;
export type SchemaName = keyof typeof SCHEMAS;

export function jsonSchemaOf(name: SchemaName): object {
  return z.toJSONSchema(SCHEMAS[name], { target: 'draft-2020-12', io: 'input' });
}
