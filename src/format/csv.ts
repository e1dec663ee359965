import { stringify } from 'csv-stringify/sync';
import type { Method } from '../model/schema.js';
import { sanitize } from '../text/terminal.js';

/** The CSV columns, in order: the JSON fields, with `source` flattened. */
export const CSV_COLUMNS = ['id', 'name', 'aliases', 'summary', 'elements', 'source.kind', 'source.collection', 'url', 'tags', 'elementSummaries'] as const;

/** Separator for the values of a list field (elements, tags, aliases) inside one cell. */
export const CSV_LIST_SEPARATOR = ';';

export interface CsvOptions {
  /** Start with a byte order mark, for spreadsheet programs that otherwise guess the wrong encoding. */
  bom?: boolean;
  /**
   * For Excel with Dutch (and most European) regional settings: `;` between cells, a BOM so it reads
   * UTF-8, CRLF line ends. Such an Excel opens a comma-separated file as one column.
   */
  excel?: boolean;
}

/**
 * One header row, then one row per method; quoting is left to csv-stringify (RFC 4180 style, \n line
 * ends, or CRLF with `excel`), and a cell holding a `;` is quoted too, for a spreadsheet that splits on `;`.
 */
export function formatMethodsCsv(methods: Method[], options: CsvOptions = {}): string {
  const list = (xs: string[] | undefined) => (xs ?? []).map(cell).join(CSV_LIST_SEPARATOR);
  const rows = methods.map((m) => [
    m.id,
    cell(m.name),
    list(m.aliases),
    cell(m.summary),
    m.elements.join(CSV_LIST_SEPARATOR),
    m.source.kind,
    m.source.collection ?? '',
    cell(m.url),
    list(m.tags),
    // "toerusting: …" per element, joined like the lists; a text with a ; of its own is, as with aliases, clearer in the JSON.
    list(Object.entries(m.elementSummaries ?? {}).map(([key, text]) => `${key}: ${text}`)),
  ].map(noFormula));
  return stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    bom: Boolean(options.bom || options.excel),
    delimiter: options.excel ? ';' : ',',
    record_delimiter: options.excel ? 'windows' : 'unix',
    quoted_match: CSV_LIST_SEPARATOR,
  });
}

// The OWASP rule for CSV injection: what starts with = + - @ tab or CR (or their full-width forms, which
// Apple Numbers reads as the same) runs as a formula in a spreadsheet, LibreOffice does so on import.
// Spaces in front do not always stop it (a spreadsheet may trim them).
const FORMULA_START = /^\s*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/u;

/**
 * A cell that starts no formula, and none of its `;`-separated parts either (a spreadsheet that splits
 * on `;` makes each part a cell): a `'` goes before each such part, so it stays text. csv-stringify's own
 * `escape_formulas` looks only at the start of the whole cell. JSON and YAML keep the value as it is.
 */
function noFormula(text: string): string {
  return text
    .split(CSV_LIST_SEPARATOR)
    .map((part) => (FORMULA_START.test(part) ? `'${part}` : part))
    .join(CSV_LIST_SEPARATOR);
}

/** Control characters other than newlines (which quoting keeps) would reach a terminal or spreadsheet raw. */
const cell = (text: string) => sanitize(text, true);
