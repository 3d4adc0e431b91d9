import { stringify } from 'csv-stringify/sync'
import type { CsvRow } from './shared-export.js'

/**
 * Semicolon-separated: what spreadsheets in a German locale (Excel, LibreOffice) split on when
 * the file is opened with a double-click; a comma there is the decimal separator.
 */
export const CSV_DELIMITER = ';'

/**
 * Writes rows (already neutralised against formulas by `neutraliseCell`) as CSV: UTF-8 with a byte
 * order mark (so Excel reads umlauts), CRLF line ends, quotes where needed — including around line
 * breaks inside a cell, which the library would otherwise only quote for its own record delimiter.
 */
export function renderCsv(rows: readonly CsvRow[]): Uint8Array {
  const text = stringify(rows as CsvRow[], { bom: true, delimiter: CSV_DELIMITER, record_delimiter: 'windows', quoted_match: /[\r\n]/ })
  return new TextEncoder().encode(text)
}
