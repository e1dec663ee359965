import { join } from 'node:path';
import type { z } from 'zod';
import { MAX_FILE_BYTES, MODEL_FILES } from '../model/defaults.js';
import { actieSchema, criteriaSchema, glossarySchema, methodSchema, sourcesSchema, wordsSchema } from '../model/schema.js';
import {
  compareIds,
  folderProblem,
  modelKeyOf,
  userModelKeyOf,
  uniqueById,
  yamlFiles,
  type CompiledCatalogue,
  type FileContents,
  type FolderContents,
  type ModelKey,
} from './catalogue.js';
import { readRegularFile } from '../io/read-file.js';
import { decodeUtf8 } from './decode.js';
import { parseRecords } from './parse-records.js';
import { displayPath } from '../text/paths.js';
import { builtinCatalogueDir } from '../io/package-paths.js';
import type { Problem } from './problem.js';

// Reading catalogue YAML: this module pulls in yaml and zod, so the CLI imports it only when a file
// must really be parsed (open.ts decides). Everything else lives in catalogue.ts.

/** Loads the built-in catalogue from YAML, validated; throws nothing, but any problem makes it unusable. */
export function compileBuiltin(dir = builtinCatalogueDir()): CompiledCatalogue & { problems: Problem[] } {
  const folder = readFolder(dir, true);
  const problems = [...folder.problems];
  for (const [key, file] of Object.entries(MODEL_FILES)) {
    if (!folder[key as keyof typeof MODEL_FILES]) {
      if (!problems.some((p) => p.file.endsWith(file))) problems.push({ file: displayPath(join(dir, file)), message: 'bestand ontbreekt' });
    }
  }
  const kept = uniqueById(folder.methods, true, problems);
  const methods = kept.map((k) => k.method).sort((a, b) => compareIds(a.id, b.id));
  const origins = Object.fromEntries(kept.map((k) => [k.method.id, k.origin]));
  return {
    methods,
    origins,
    model: folder.actie!,
    glossary: folder.glossary!,
    sources: folder.sources!,
    criteria: folder.criteria!,
    words: folder.words!,
    problems,
  };
}

/**
 * Reads every YAML file of a folder (and of its `methods/` subfolder). Never throws. Only the built-in
 * catalogue has model files (actie.yaml, ...); in a user's folder every file holds methods, whatever
 * its name, since `new "Actie"` or an export may well be called actie.yaml; except words.yaml at its
 * top, the folder's own word list for search (catalogue/words.yaml).
 */
export function readFolder(dir: string, withModelFiles = false): FolderContents {
  const problem = folderProblem(dir);
  if (problem) return { methods: [], problems: [problem] };
  const contents: FolderContents = { methods: [], problems: [] };
  for (const file of yamlFiles(dir)) {
    const modelKey = withModelFiles ? modelKeyOf(dir, file) : userModelKeyOf(dir, file);
    const read = readYamlFile(file, displayPath(file), modelKey, dir);
    for (const m of read.methods) contents.methods.push(m);
    for (const p of read.problems) contents.problems.push(p);
    if (read.model) (contents as Record<ModelKey, unknown>)[read.model.key] = read.model.value;
  }
  return contents;
}

/** Reads one file: a model file when `modelKey` is given, else method records. Never throws. */
export function readYamlFile(file: string, shown: string, modelKey: ModelKey | undefined, folder: string): FileContents {
  const problems: Problem[] = [];
  const text = readText(file, shown, problems, folder);
  if (text === undefined) return { methods: [], problems };
  if (modelKey) {
    const parsed = parseRecords(shown, text, MODEL_SCHEMAS[modelKey] as unknown as z.ZodType<never>);
    const first = parsed.records[0];
    return { methods: [], problems: parsed.problems, model: first ? { key: modelKey, value: first.value } : undefined };
  }
  const parsed = parseRecords(shown, text, methodSchema);
  return { methods: parsed.records, problems: parsed.problems };
}

const MODEL_SCHEMAS = { actie: actieSchema, glossary: glossarySchema, sources: sourcesSchema, criteria: criteriaSchema, words: wordsSchema };

function readText(file: string, shown: string, problems: Problem[], inside: string): string | undefined {
  const read = readRegularFile(file, { maxBytes: MAX_FILE_BYTES, inside });
  if ('problem' in read) {
    problems.push({ file: shown, message: read.problem });
    return undefined;
  }
  const decoded = decodeUtf8(read.bytes);
  if ('text' in decoded) return decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  problems.push({ file: shown, ...decoded });
  return undefined;
}

