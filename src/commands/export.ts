import { mkdirSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { schemaModeline } from '../io/package-paths.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { defineCommand, NOTE_ONLY, TEXT } from '../runtime/command.js';
import { sortByName, type FilterFlags } from '../core/methods.js';
import { EXPORT_FORMATS } from '../model/defaults.js';
import { AppError, EXIT, FailedError, UsageError } from '../model/errors.js';
import { writeFileInterruptibly } from '../io/files.js';
import { formatMethodsJson } from '../format/json.js';
import { plural } from '../text/plural.js';
import { choiceOption, filterOptions, nonEmpty, selectMethods } from '../runtime/options.js';
import type { Method } from '../model/schema.js';
import { sanitize } from '../text/terminal.js';
import { displayPath } from '../text/paths.js';

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions extends FilterFlags {
  format?: ExportFormat;
  output?: string;
  force?: boolean;
  bom?: boolean;
  excel?: boolean;
}

const BY_EXTENSION: Record<string, ExportFormat> = { '.json': 'json', '.yaml': 'yaml', '.yml': 'yaml', '.csv': 'csv', '.md': 'md', '.markdown': 'md' };
const FORMAT_ALIASES: Record<string, ExportFormat> = { yml: 'yaml', markdown: 'md' };

export default defineCommand({
  name: 'export',
  description: 'exporteer de methoden als JSON, YAML, CSV of Markdown, met dezelfde filters als list',
  options: (cmd) =>
    filterOptions(
      cmd
        .addOption(choiceOption('-f, --format <formaat>', 'het formaat (standaard: volgens de extensie van --output)', EXPORT_FORMATS, { aliases: FORMAT_ALIASES }))
        .option('-o, --output <bestand>', 'schrijf naar dit bestand in plaats van naar stdout', nonEmpty)
        .option('--force', 'overschrijf een bestaand bestand bij --output')
        .option('--bom', 'begin de CSV met een byte order mark (voor spreadsheetprogramma’s die dat nodig hebben)')
        .option('--excel', 'CSV voor Excel met Nederlandse instellingen: ; tussen de cellen, een byte order mark, CRLF'),
    ),
  examples: [
    'export --format json > methoden.json',
    'export --format csv --excel --output methoden.csv',
    'export --format md --element animo --output animo.md',
    'export --format yaml --output mijn-map/methoden.yaml',
  ],
  async run(ctx, options: ExportOptions) {
    const format = exportFormat(options);
    if (options.excel && format !== 'csv') {
      throw new UsageError('--excel hoort bij --format csv', 'Excel opent met --excel een CSV-bestand in kolommen; JSON, YAML en Markdown zijn niet voor Excel.');
    }
    if (options.bom && format !== 'csv') {
      throw new UsageError('--bom hoort bij --format csv', 'Een byte order mark helpt alleen spreadsheetprogramma’s die CSV inlezen.');
    }
    const catalogue = await ctx.catalogue();
    if (catalogue.problems.length) {
      // An export without the records that failed would look complete but is not.
      throw new AppError(
        'er is niets geëxporteerd, omdat de catalogus fouten bevat',
        EXIT.invalidCatalogue,
        "Herstel de bestanden hierboven en exporteer opnieuw.",
      );
    }
    const methods = sortByName(selectMethods(catalogue.methods, options), catalogue.nameOrder);
    if (methods.length === 0) ctx.warn('geen methoden met deze filters; de export is leeg');
    const text = await renderExport(format, methods, catalogue, options);
    if (!options.output) return { data: text, views: TEXT };
    const made = makeFolderOf(options.output);
    await writeFileInterruptibly(options.output, text, {
      signal: ctx.signal,
      overwrite: Boolean(options.force),
      hints: {
        exists: 'Kies een andere naam met --output, of overschrijf het bestand met --force.',
        write: 'Controleer of u in deze map mag schrijven, of kies met --output een andere plek.',
      },
    });
    const madeNote = made ? `Map gemaakt: ${sanitize(displayPath(made))}\n` : '';
    return { data: text, views: NOTE_ONLY, note: `${madeNote}${plural(methods.length, 'methode', 'methoden')} geëxporteerd naar ${sanitize(options.output)} (${format}).\n` };
  },
});

/**
 * Makes the folder `output` goes into when it is missing, as `new` makes its folder, so that
 * `--output kopie/methoden.yaml` works in a fresh folder. Returns the first folder it made, if any.
 */
function makeFolderOf(output: string): string | undefined {
  const folder = dirname(resolve(output));
  try {
    return mkdirSync(folder, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'onbekende fout';
    throw new FailedError(
      `kan de map ${sanitize(displayPath(folder))} niet maken (${code})`,
      code === 'EEXIST' || code === 'ENOTDIR' ? 'Daar staat een bestand; kies met --output een andere plek.' : 'Kies met --output een plek waar u mag schrijven.',
    );
  }
}

/** The format asked for, or the one the output file's extension names. */
function exportFormat(options: Pick<ExportOptions, 'format' | 'output' | 'excel'>): ExportFormat {
  const extension = options.output ? extname(options.output).toLowerCase() : '';
  const guessed = Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension] : undefined;
  if (options.format) {
    // JSON in a file called .csv would mislead whoever opens it.
    if (guessed && guessed !== options.format) {
      throw new UsageError(
        `--format ${options.format} past niet bij --output ${sanitize(options.output!)}, dat op ${extension} eindigt`,
        `Laat --format weg (dan wordt het ${guessed}), of geef het bestand een naam die bij ${options.format} past.`,
      );
    }
    return options.format;
  }
  if (guessed) return guessed;
  if (options.excel) return 'csv';
  throw new UsageError(
    'kies een formaat met --format',
    `Kies uit: ${EXPORT_FORMATS.join(', ')}; of geef --output een bestandsnaam die op .json, .yaml, .csv of .md eindigt.`,
  );
}

/** The export as text. Each formatter is loaded only when it is used (yaml and csv bring their libraries). */
async function renderExport(format: ExportFormat, methods: Method[], catalogue: Pick<Catalogue, 'model' | 'sources'>, options: ExportOptions): Promise<string> {
  switch (format) {
    case 'json':
      return formatMethodsJson(methods);
    case 'yaml': {
      const { formatMethodsYaml } = await import('../format/yaml.js');
      return formatMethodsYaml(methods, {
        modeline: schemaModeline(),
        comment: 'Methoden uit de methodewijzer, één per document. Een map met dit bestand is een eigen catalogus:\n  methodewijzer --catalogue <map> list',
      });
    }
    case 'csv': {
      const { formatMethodsCsv } = await import('../format/csv.js');
      return formatMethodsCsv(methods, { bom: options.bom, excel: options.excel });
    }
    case 'md': {
      const { formatMethodsMarkdown } = await import('../format/markdown.js');
      return formatMethodsMarkdown(methods, { model: catalogue.model, sources: catalogue.sources, elements: options.element });
    }
  }
}
