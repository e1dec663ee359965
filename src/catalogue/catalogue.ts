import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MODEL_FILES } from '../defaults.js';
import { ELEMENT_KEYS } from '../keys.js';
import type { ActieModel, Criteria, Glossary, Method, Sources } from '../schema.js';
import type { Located } from './parse-records.js';
import { compiledCataloguePath, displayPath } from './paths.js';
import type { Problem } from './problem.js';

// This module assembles the catalogue without loading yaml or zod: the built-in catalogue comes
// from compiled JSON and user folders from whatever `readFolder` is given (the cache in
// src/catalogue/cache.ts). Reading YAML lives in load.ts, which registers itself here when imported.

export interface MethodOrigin {
  file: string;
  line: number;
  builtin: boolean;
}

export interface Catalogue {
  /** Sorted by id. */
  methods: Method[];
  /** Where each method (by id) was read from. */
  origins: Record<string, MethodOrigin>;
  model: ActieModel;
  glossary: Glossary;
  sources: Sources;
  criteria: Criteria;
  /** Problems in user folders. The records that had them are left out; the rest still loads. */
  problems: Problem[];
}

export type ModelKey = keyof typeof MODEL_FILES;

/** What one folder holds: its method records, and the model files if it has them. */
export interface FolderContents {
  methods: Located<Method>[];
  actie?: ActieModel;
  glossary?: Glossary;
  sources?: Sources;
  criteria?: Criteria;
  problems: Problem[];
}

/** What one YAML file holds. */
export interface FileContents {
  methods: Located<Method>[];
  problems: Problem[];
  model?: { key: ModelKey; value: ActieModel | Glossary | Sources | Criteria };
}

/** The search index in JSON: what the build stores for the built-in catalogue (see core/search.ts). */
export interface IndexJson {
  size: number;
  terms: string[];
  offsets: number[];
  postings: number[];
  tiebreak: number[];
}

export type CompiledCatalogue = Omit<Catalogue, 'problems'> & {
  /** The built-in catalogue's search index, made at build time so `search` need not build it. */
  searchIndex?: IndexJson;
};

export interface LoadOptions {
  /** User folders, in order; a later record with a known id replaces the earlier one. */
  folders?: string[];
  /** Read the built-in catalogue from its YAML instead of the compiled JSON (the build does this). */
  builtinFromYaml?: boolean;
  /** How to read a user folder; the search cache plugs in here. */
  readFolder?: (dir: string) => FolderContents;
}

/** The YAML side of loading (yaml + zod), provided by load.ts once it is imported. */
export interface YamlReader {
  readFolder(dir: string): FolderContents;
  /** Reads and validates one file; `shown` is the name problems and records carry. */
  readYamlFile(file: string, shown: string, modelKey: ModelKey | undefined, folder: string): FileContents;
  compileBuiltin(dir?: string): CompiledCatalogue & { problems: Problem[] };
}

let yaml: YamlReader | undefined;

export function provideYamlReader(reader: YamlReader): void {
  yaml = reader;
}

/** The YAML reader; callers that may need it import load.ts first (Context.prepare() does). */
export function yamlReader(): YamlReader {
  if (!yaml) throw new Error('internal: the YAML reader is not loaded; import catalogue/load.js or await ctx.prepare() first');
  return yaml;
}

export function loadCatalogue(options: LoadOptions = {}): Catalogue & Pick<CompiledCatalogue, 'searchIndex'> {
  const builtin = options.builtinFromYaml ? yamlReader().compileBuiltin() : readCompiled();
  const read = options.readFolder ?? ((dir: string) => yamlReader().readFolder(dir));
  const byId = new Map(builtin.methods.map((m) => [m.id, m]));
  const origins: Record<string, MethodOrigin> = { ...builtin.origins };
  const userIds = new Map<string, MethodOrigin>();
  const problems: Problem[] = [];

  // A folder named twice (--catalogue and the environment) is read once, not reported as all duplicates.
  for (const dir of new Set((options.folders ?? []).map((d) => resolve(d)))) {
    const folder = read(dir);
    for (const p of folder.problems) problems.push(p);
    for (const { method, origin } of uniqueById(folder.methods, false, problems, userIds)) {
      byId.set(method.id, method);
      origins[method.id] = origin;
    }
  }
  // The default sort orders strings by UTF-16 code units, as compareIds does, and needs no callback.
  const methods = [...byId.keys()].sort().map((id) => byId.get(id)!);
  // The prebuilt index describes the built-in methods only.
  const searchIndex = userIds.size === 0 && methods.length === builtin.methods.length ? builtin.searchIndex : undefined;
  return { ...builtin, methods, origins, problems, searchIndex };
}

let compiled: CompiledCatalogue | undefined;

/** Whether the built-in catalogue can be read without YAML (it is, once built). */
export function compiledCatalogueExists(): boolean {
  try {
    return statSync(compiledCataloguePath()).isFile();
  } catch {
    return false;
  }
}

function readCompiled(): CompiledCatalogue {
  if (compiled) return compiled;
  let text: string | undefined;
  try {
    text = readFileSync(compiledCataloguePath(), 'utf8');
  } catch {
    // Not built (running from source): read the YAML instead.
  }
  if (text !== undefined) return (compiled = JSON.parse(text) as CompiledCatalogue);
  const fromYaml = yamlReader().compileBuiltin();
  if (fromYaml.problems.length > 0) throw new BuiltinCatalogueBroken(fromYaml.problems);
  return (compiled = fromYaml);
}

export class BuiltinCatalogueBroken extends Error {
  constructor(readonly problems: Problem[]) {
    super('the built-in catalogue does not validate');
  }
}

/** Why a path cannot be read as a catalogue folder, or undefined when it is a folder. */
export function folderProblem(dir: string): Problem | undefined {
  const shown = displayPath(dir);
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    return { file: shown, message: 'map bestaat niet; controleer --catalogue of METHODEWIJZER_CATALOGUE' };
  }
  if (!stat.isDirectory()) return { file: shown, message: 'is geen map; geef een map met YAML-bestanden op' };
  // A folder that cannot be listed would otherwise look empty, and its methods silently missing.
  for (const sub of [dir, join(dir, 'methods')]) {
    try {
      readdirSync(sub);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (sub !== dir && (code === 'ENOENT' || code === 'ENOTDIR')) continue;
      return { file: displayPath(sub), message: `kan de map niet lezen (${code ?? 'onbekende fout'}); controleer de rechten` };
    }
  }
  return undefined;
}

/** The model file a path inside a folder stands for, if any. */
export function modelKeyOf(dir: string, file: string): ModelKey | undefined {
  const name = file.slice(dir.length + 1);
  return (Object.keys(MODEL_FILES) as ModelKey[]).find((k) => MODEL_FILES[k] === name);
}

/** The YAML files of a folder and of its `methods/` subfolder, in a stable order. */
export function yamlFiles(dir: string): string[] {
  const files: string[] = [];
  for (const sub of [dir, join(dir, 'methods')]) {
    let entries;
    try {
      entries = readdirSync(sub, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      // Everything but a folder is offered to the reader, which reads regular files only and reports
      // the rest (a FIFO, a device, a broken or looping link, one that leads out of the folder).
      if (!e.isDirectory() && /\.ya?ml$/i.test(e.name)) files.push(join(sub, e.name));
    }
  }
  return files.sort();
}

/**
 * The first record of each id, normalized, with where it came from; every later record with an id
 * already in `seen` becomes a problem. Pass the same `seen` to carry ids across folders.
 */
export function uniqueById(
  records: Located<Method>[],
  builtin: boolean,
  problems: Problem[],
  seen = new Map<string, MethodOrigin>(),
): { method: Method; origin: MethodOrigin }[] {
  const kept: { method: Method; origin: MethodOrigin }[] = [];
  for (const { value, file, line } of records) {
    const earlier = seen.get(value.id);
    if (earlier) {
      problems.push({ file, line, field: 'id', message: `id "${value.id}" komt al voor in ${earlier.file}:${earlier.line}; een id moet uniek zijn` });
      continue;
    }
    const origin = { file, line, builtin };
    seen.set(value.id, origin);
    kept.push({ method: normalizeMethod(value), origin });
  }
  return kept;
}

/** Elements in the model's order, so every consumer can rely on it. */
export function normalizeMethod(m: Method): Method {
  if (m.elements.every((e, i) => i === 0 || ELEMENT_KEYS.indexOf(m.elements[i - 1]) < ELEMENT_KEYS.indexOf(e))) return m;
  const elements = [...m.elements].sort((a, b) => ELEMENT_KEYS.indexOf(a) - ELEMENT_KEYS.indexOf(b));
  return { ...m, elements };
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
