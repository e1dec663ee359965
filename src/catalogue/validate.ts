import { resolve } from 'node:path';
import type { MethodOrigin } from '../core/methods.js';
import { displayPath } from '../text/paths.js';
import { uniqueById, type FolderContents } from './catalogue.js';
import { builtinCatalogueDir } from '../io/package-paths.js';
import { capPerFile, type Problem } from './problem.js';

export interface ValidationReport {
  folders: { folder: string; methods: number; problems: Problem[] }[];
}

/** Checks folders, reading every file afresh (no cache), and reports every problem found in all of them. */
export async function validateFolders(dirs: string[]): Promise<ValidationReport> {
  const { compileBuiltin, readFolder } = await import('./load.js');
  const builtin = builtinCatalogueDir();
  // Ids must be unique across the user's folders too, as they are when the folders load together.
  const seen = new Map<string, MethodOrigin>();
  return {
    folders: [...new Set(dirs.map((dir) => resolve(dir)))].map((path) => {
      // The built-in folder must also hold the model files; a user's folder needs only methods.
      const result = path === builtin ? compileBuiltin(path) : withDuplicates(readFolder(path), seen);
      return { folder: displayPath(path), methods: result.methods.length, problems: capPerFile(result.problems) };
    }),
  };
}

function withDuplicates(folder: FolderContents, seen: Map<string, MethodOrigin>) {
  const problems = folder.problems.slice();
  return { methods: uniqueById(folder.methods, false, problems, seen), problems };
}
