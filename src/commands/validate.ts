import { resolve } from 'node:path';
import { compileBuiltin, readFolder, uniqueById, type MethodOrigin } from '../catalogue/load.js';
import { builtinCatalogueDir, displayPath } from '../catalogue/paths.js';
import { capPerFile, formatProblem, problemCount, type Problem } from '../catalogue/problem.js';
import { writeJson, type Context } from '../context.js';
import { EXIT } from '../errors.js';
import { plural } from '../format/plural.js';
import { sanitize } from '../terminal.js';

export interface ValidateOptions {
  json?: boolean;
}

export interface ValidationReport {
  folders: { folder: string; methods: number; problems: Problem[] }[];
}

/** Checks folders and reports every problem found in all of them. */
export function validateFolders(dirs: string[]): ValidationReport {
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

function withDuplicates(folder: ReturnType<typeof readFolder>, seen: Map<string, MethodOrigin>) {
  const problems = folder.problems.slice();
  return { methods: uniqueById(folder.methods, false, problems, seen), problems };
}

export async function validate(dirs: string[], options: ValidateOptions, ctx: Context): Promise<number> {
  // Without folders: the built-in catalogue and the user's own (--catalogue, METHODEWIJZER_CATALOGUE).
  const report = validateFolders(dirs.length ? dirs : [builtinCatalogueDir(), ...ctx.folders]);
  const problems = report.folders.flatMap((f) => f.problems);
  if (options.json) writeJson(ctx, report);
  else {
    for (const p of problems) ctx.stdout.write(sanitize(formatProblem(p)) + '\n');
    for (const f of report.folders) {
      const n = problemCount(f.problems);
      const verdict = n === 0 ? ctx.errStyle.green('in orde') : ctx.errStyle.red(plural(n, 'probleem', 'problemen'));
      ctx.stderr.write(`${sanitize(f.folder)}: ${plural(f.methods, 'methode', 'methoden')} geldig, ${verdict}\n`);
    }
  }
  return problems.length ? EXIT.invalidCatalogue : EXIT.ok;
}
