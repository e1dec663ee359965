import { stringify } from 'csv-stringify/sync';
import type { Method } from '../schema.js';
import { sanitize } from '../terminal.js';

/** The CSV columns, in order: the JSON fields, with `source` flattened. */
export const CSV_COLUMNS = ['id', 'name', 'aliases', 'summary', 'elements', 'source.kind', 'source.collection', 'url', 'tags'] as const;

/** Separator for the values of a list field (elements, tags, aliases) inside one cell. */
export const CSV_LIST_SEPARATOR = ';';

export interface CsvOptions {
  /** Start with a byte order mark, for spreadsheet programs that otherwise guess the wrong encoding. */
  bom?: boolean;
}

/** One header row, then one row per method; quoting is left to csv-stringify (RFC 4180 style, \n line ends). */
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
  ]);
  return stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    bom: options.bom ?? false,
    record_delimiter: 'unix',
    // A cell starting with = + - @ would run as a formula in a spreadsheet (LibreOffice does on import);
    // csv-stringify puts a ' before it so it stays text. JSON and YAML keep the value as it is.
    escape_formulas: true,
  });
}

/** Control characters other than newlines (which quoting keeps) would reach a terminal or spreadsheet raw. */
const cell = (text: string) => sanitize(text, true);
