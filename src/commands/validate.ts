import { builtinCatalogueDir } from '../io/package-paths.js';
import { validateFolders, type ValidationReport } from '../catalogue/validate.js';
import { defineCommand, type Views } from '../runtime/command.js';
import { EXIT } from '../model/errors.js';
import { formatValidationProblems, formatValidationVerdicts } from '../format/validation.js';
import { jsonOption } from '../runtime/options.js';
import { refuseMissingFolders } from '../runtime/context.js';

/** The report as JSON, or its problems on stdout and a verdict per folder on stderr. */
const views: Views<ValidationReport> = {
  plain: (report, ctx) => ({ text: formatValidationProblems(report, ctx.width), note: formatValidationVerdicts(report, ctx.errStyle) }),
};

export default defineCommand({
  name: 'validate',
  description: 'controleer catalogusmappen en meld elk probleem (afsluitcode 3 bij problemen)',
  arguments: [['[map...]', 'mappen om te controleren (standaard de ingebouwde catalogus en de mappen van --catalogue)']],
  options: (cmd) => cmd.addOption(jsonOption('het rapport als JSON')),
  examples: ['validate', 'validate ./mijn-methoden', '--catalogue ./mijn-methoden validate', 'validate a b --json'],
  async run(ctx, options, dirs: string[]) {
    // Without folders: the built-in catalogue and the user's own (--catalogue, METHODEWIJZER_CATALOGUE).
    if (!dirs.length) refuseMissingFolders(options.catalogue ?? [], ctx.env);
    const report = await validateFolders(dirs.length ? dirs : [builtinCatalogueDir(), ...ctx.folders]);
    const code = report.folders.some((f) => f.problems.length) ? EXIT.invalidCatalogue : EXIT.ok;
    return { data: report, views, code };
  },
});
