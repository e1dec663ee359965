import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { MAX_FILE_BYTES, MODEL_FILES } from '../defaults.js';
import {
  ELEMENT_KEYS,
  actieSchema,
  criteriaSchema,
  glossarySchema,
  methodSchema,
  sourcesSchema,
  type ActieModel,
  type Criteria,
  type Glossary,
  type Method,
  type Sources,
} from '../schema.js';
import { parseRecords, type Located } from './parse-records.js';
import { builtinCatalogueDir, compiledCataloguePath, displayPath } from './paths.js';
import type { Problem } from './problem.js';

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

/** What one folder holds: its method records, and the model files if it has them. */
export interface FolderContents {
  methods: Located<Method>[];
  actie?: ActieModel;
  glossary?: Glossary;
  sources?: Sources;
  criteria?: Criteria;
  problems: Problem[];
}

export type CompiledCatalogue = Omit<Catalogue, 'problems'>;

export interface LoadOptions {
  /** User folders, in order; a later record with a known id replaces the earlier one. */
  folders?: string[];
  /** Read the built-in catalogue from its YAML instead of the compiled JSON (the build does this). */
  builtinFromYaml?: boolean;
  /** How to read a user folder; the search cache plugs in here. */
  readFolder?: (dir: string) => FolderContents;
}

export function loadCatalogue(options: LoadOptions = {}): Catalogue {
  const builtin = options.builtinFromYaml ? compileBuiltin() : readCompiled();
  const read = options.readFolder ?? readFolder;
  const byId = new Map(builtin.methods.map((m) => [m.id, m]));
  const origins: Record<string, MethodOrigin> = { ...builtin.origins };
  const userIds = new Map<string, MethodOrigin>();
  const problems: Problem[] = [];

  // A folder named twice (--catalogue and the environment) is read once, not reported as all duplicates.
  for (const dir of new Set((options.folders ?? []).map((d) => resolve(d)))) {
    const folder = read(dir);
    problems.push(...folder.problems);
    for (const { value, file, line } of folder.methods) {
      const earlier = userIds.get(value.id);
      if (earlier) {
        problems.push(duplicateId(value.id, file, line, earlier));
        continue;
      }
      const origin = { file, line, builtin: false };
      userIds.set(value.id, origin);
      byId.set(value.id, normalizeMethod(value));
      origins[value.id] = origin;
    }
  }
  const methods = [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
  return { ...builtin, methods, origins, problems };
}

/** Loads the built-in catalogue from YAML, validated; throws nothing, but any problem makes it unusable. */
export function compileBuiltin(dir = builtinCatalogueDir()): CompiledCatalogue & { problems: Problem[] } {
  const folder = readFolder(dir);
  const problems = [...folder.problems];
  for (const [key, file] of Object.entries(MODEL_FILES)) {
    if (!folder[key as keyof typeof MODEL_FILES]) {
      if (!problems.some((p) => p.file.endsWith(file))) problems.push({ file: displayPath(join(dir, file)), message: 'bestand ontbreekt' });
    }
  }
  const seen = new Map<string, MethodOrigin>();
  const methods: Method[] = [];
  const origins: Record<string, MethodOrigin> = {};
  for (const { value, file, line } of folder.methods) {
    const earlier = seen.get(value.id);
    if (earlier) {
      problems.push(duplicateId(value.id, file, line, earlier));
      continue;
    }
    const origin = { file, line, builtin: true };
    seen.set(value.id, origin);
    origins[value.id] = origin;
    methods.push(normalizeMethod(value));
  }
  methods.sort((a, b) => compareIds(a.id, b.id));
  return {
    methods,
    origins,
    model: folder.actie!,
    glossary: folder.glossary!,
    sources: folder.sources!,
    criteria: folder.criteria!,
    problems,
  };
}

let compiled: CompiledCatalogue | undefined;

function readCompiled(): CompiledCatalogue {
  if (compiled) return compiled;
  let text: string | undefined;
  try {
    text = readFileSync(compiledCataloguePath(), 'utf8');
  } catch {
    // Not built (running from source): read the YAML instead.
  }
  if (text !== undefined) return (compiled = JSON.parse(text) as CompiledCatalogue);
  const fromYaml = compileBuiltin();
  if (fromYaml.problems.length > 0) throw new BuiltinCatalogueBroken(fromYaml.problems);
  return (compiled = fromYaml);
}

export class BuiltinCatalogueBroken extends Error {
  constructor(readonly problems: Problem[]) {
    super('the built-in catalogue does not validate');
  }
}

/** Reads every YAML file of a folder (and of its `methods/` subfolder). Never throws. */
export function readFolder(dir: string): FolderContents {
  const shown = displayPath(dir);
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    return { methods: [], problems: [{ file: shown, message: 'map bestaat niet; controleer --catalogue of METHODEWIJZER_CATALOGUE' }] };
  }
  if (!stat.isDirectory()) {
    return { methods: [], problems: [{ file: shown, message: 'is geen map; geef een map met YAML-bestanden op' }] };
  }
  const contents: FolderContents = { methods: [], problems: [] };
  for (const file of yamlFiles(dir)) {
    const text = readText(file, contents.problems);
    if (text === undefined) continue;
    const name = file.slice(dir.length + 1);
    const modelKey = (Object.keys(MODEL_FILES) as (keyof typeof MODEL_FILES)[]).find((k) => MODEL_FILES[k] === name);
    if (modelKey) {
      const parsed = parseRecords(displayPath(file), text, MODEL_SCHEMAS[modelKey] as unknown as z.ZodType<never>);
      contents.problems.push(...parsed.problems);
      if (parsed.records[0]) contents[modelKey] = parsed.records[0].value;
      continue;
    }
    const parsed = parseRecords(displayPath(file), text, methodSchema);
    contents.methods.push(...parsed.records);
    contents.problems.push(...parsed.problems);
  }
  return contents;
}

const MODEL_SCHEMAS = { actie: actieSchema, glossary: glossarySchema, sources: sourcesSchema, criteria: criteriaSchema };

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
      if (e.isFile() && /\.ya?ml$/i.test(e.name)) files.push(join(sub, e.name));
    }
  }
  return files.sort();
}

function readText(file: string, problems: Problem[]): string | undefined {
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      problems.push({
        file: displayPath(file),
        message: `bestand is te groot (${(size / 1024 / 1024).toFixed(1)} MiB; hoogstens ${MAX_FILE_BYTES / 1024 / 1024} MiB): verdeel de methoden over meerdere bestanden`,
      });
      return undefined;
    }
    const text = readFileSync(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (err) {
    problems.push({ file: displayPath(file), message: `kan het bestand niet lezen (${(err as NodeJS.ErrnoException).code ?? 'onbekende fout'})` });
    return undefined;
  }
}

function duplicateId(id: string, file: string, line: number, earlier: MethodOrigin): Problem {
  return { file, line, field: 'id', message: `id "${id}" komt al voor in ${earlier.file}:${earlier.line}; een id moet uniek zijn` };
}

/** Elements in the model's order, so every consumer can rely on it. */
function normalizeMethod(m: Method): Method {
  const elements = [...m.elements].sort((a, b) => ELEMENT_KEYS.indexOf(a) - ELEMENT_KEYS.indexOf(b));
  return { ...m, elements };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
