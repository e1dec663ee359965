import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_FILES } from '../model/defaults.js';
import { ELEMENT_KEYS } from '../model/keys.js';
import { unknownTags, type MethodOrigin } from '../core/methods.js';
import { UsageError } from '../model/errors.js';
import type { ActieModel, Criteria, Glossary, Method, Sources, Words } from '../model/schema.js';
import type { Located } from './parse-records.js';
import { displayPath } from '../text/paths.js';
import { compiledCataloguePath } from '../io/package-paths.js';
import type { Problem } from './problem.js';

// The catalogue's types and the parts of loading that need neither yaml nor zod. Reading YAML lives
// in load.ts; open.ts puts the two together and imports load.ts only when a file must be parsed.

export interface Catalogue {
  /** Sorted by id. */
  methods: Method[];
  /** Where each method (by id) was read from; look one up with originOf (an id may be "constructor"). */
  origins: Record<string, MethodOrigin>;
  model: ActieModel;
  glossary: Glossary;
  sources: Sources;
  criteria: Criteria;
  /** Everyday words and the brochure's words they stand for: the built-in list, then each folder's own. */
  words: Words;
  /** Problems in user folders. The records that had them are left out; the rest still loads. */
  problems: Problem[];
  /** The ids in the order of their names (core/methods.ts sortByName), where the build worked it out: the built-in catalogue alone. */
  nameOrder?: string[];
}

export type ModelKey = keyof typeof MODEL_FILES;

/** What one folder holds: its method records, and the model files if it has them. */
export interface FolderContents {
  methods: Located<Method>[];
  actie?: ActieModel;
  glossary?: Glossary;
  sources?: Sources;
  criteria?: Criteria;
  /** A user folder's own words.yaml. */
  words?: Words;
  problems: Problem[];
}

/** What one YAML file holds. */
export interface FileContents {
  methods: Located<Method>[];
  problems: Problem[];
  model?: { key: ModelKey; value: ActieModel | Glossary | Sources | Criteria | Words };
}

/** The search index in JSON: what the build stores for the built-in catalogue (see core/search.ts). */
export interface IndexJson {
  size: number;
  terms: string[];
  offsets: number[];
  postings: number[];
  tiebreak: number[];
  /** The word list as the index holds it (see core/search.ts). */
  links?: [word: string, as: string[]][];
}

export type CompiledCatalogue = Omit<Catalogue, 'problems'> & {
  /** The built-in catalogue's search index, made at build time so `search` need not build it. */
  searchIndex?: IndexJson;
};

/** Reads one YAML file (load.ts, which brings yaml and zod, so it is imported only when a file must be parsed). */
export type ReadYamlFile = (file: string, shown: string, modelKey: ModelKey | undefined, folder: string) => FileContents;

/**
 * The catalogue from its parts: the built-in one, then each user folder's contents in order (a later
 * record with a known id replaces the earlier one). Pure: reading is done by the caller (open.ts).
 */
export function assembleCatalogue(builtin: CompiledCatalogue, folders: FolderContents[]): Catalogue & Pick<CompiledCatalogue, 'searchIndex'> {
  const byId = new Map(builtin.methods.map((m) => [m.id, m]));
  const origins: Record<string, MethodOrigin> = { ...builtin.origins };
  const userIds = new Map<string, MethodOrigin>();
  const problems: Problem[] = [];
  for (const folder of folders) {
    for (const p of folder.problems) problems.push(p);
    for (const { method, origin } of uniqueById(folder.methods, false, problems, userIds)) {
      byId.set(method.id, method);
      origins[method.id] = origin;
    }
  }
  // The default sort orders strings by UTF-16 code units, as compareIds does, and needs no callback.
  const methods = [...byId.keys()].sort().map((id) => byId.get(id)!);
  const own = folders.flatMap((f) => f.words?.words ?? []);
  const words = own.length ? { words: [...builtin.words.words, ...own] } : builtin.words;
  // The prebuilt index describes the built-in methods and words only.
  const searchIndex = userIds.size === 0 && own.length === 0 && methods.length === builtin.methods.length ? builtin.searchIndex : undefined;
  // The same holds for the order by name.
  const nameOrder = searchIndex ? builtin.nameOrder : undefined;
  return { ...builtin, methods, origins, words, problems, searchIndex, nameOrder };
}

/**
 * Where the method with this id was read from, or undefined when no method has it. Not origins[id]:
 * a plain object answers "constructor" with Object's constructor (`new Constructor` crashed on it).
 */
export function originOf(catalogue: Pick<Catalogue, 'origins'>, id: string): MethodOrigin | undefined {
  return Object.hasOwn(catalogue.origins, id) ? catalogue.origins[id] : undefined;
}

let compiled: CompiledCatalogue | undefined;

/** The built-in catalogue as the build compiled it (dist/catalogue.json), or undefined when not built. */
export function readCompiled(): CompiledCatalogue | undefined {
  if (compiled) return compiled;
  let text: string;
  try {
    text = readFileSync(compiledCataloguePath(), 'utf8');
  } catch {
    return undefined;
  }
  return (compiled = JSON.parse(text) as CompiledCatalogue);
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
    return { file: shown, message: 'map bestaat niet' };
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

/**
 * The model file a user's folder may have: only its own word list, words.yaml at the top. Every other
 * file holds methods, whatever its name (see readFolder in load.ts).
 */
export function userModelKeyOf(dir: string, file: string): 'words' | undefined {
  return file.slice(dir.length + 1) === MODEL_FILES.words ? 'words' : undefined;
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
function normalizeMethod(m: Method): Method {
  if (m.elements.every((e, i) => i === 0 || ELEMENT_KEYS.indexOf(m.elements[i - 1]) < ELEMENT_KEYS.indexOf(e))) return m;
  const elements = [...m.elements].sort((a, b) => ELEMENT_KEYS.indexOf(a) - ELEMENT_KEYS.indexOf(b));
  return { ...m, elements };
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A tag no method in the catalogue has can only be a typo: a usage error that lists the tags there are. */
export function checkTags(methods: Pick<Method, 'tags'>[], tags: string[] | undefined): void {
  const { unknown, known } = unknownTags(methods, tags);
  if (unknown.length) throw new UsageError(`onbekende tag: ${unknown.join(', ')}`, `Bekende tags: ${known.join(', ')}.`);
}
