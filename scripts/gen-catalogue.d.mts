// Types for scripts/gen-catalogue.mjs, so tests can use the generator.
import type { Method } from '../src/model/schema.js';

/** `count` synthetic method records, the same for the same seed. */
export function generateMethods(count: number, seed?: number): Method[];
/** One record as a YAML document. */
export function toYaml(method: Method): string;
/** Writes `count` records to `dir` (emptied first) in files of `perFile` records (1: one file per method, `<id>.yaml`); returns the file paths. */
export function writeCatalogue(dir: string, count: number, options?: { seed?: number; perFile?: number }): string[];
/** Ids of the built-in methods, which the generator never uses. */
export function builtinIds(): string[];
export function slugify(text: string): string;
