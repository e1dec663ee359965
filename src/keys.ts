/**
 * The ACTIE element keys and the source kinds. Kept apart from src/schema.ts so that the CLI and the
 * commands that read the catalogue from cache can start without loading zod.
 */
export const ELEMENT_KEYS = ['animo', 'contact', 'toerusting', 'inbedding', 'empathie'] as const;
export type ElementKey = (typeof ELEMENT_KEYS)[number];

export const SOURCE_KINDS = ['databank', 'verkenning'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
