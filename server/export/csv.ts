/**
 * The amendments report as CSV, for Excel as used in the Netherlands: fields separated by `;` (the list
 * separator of Dutch Windows settings, where `,` is the decimal comma), RFC 4180 quoting (a field with
 * `;`, `"`, a line break or leading/trailing space between double quotes, inner quotes doubled), CRLF
 * line ends, and a UTF-8 byte order mark so Excel reads accents. No `sep=;` line: Excel then ignores the
 * byte order mark.
 */
import { amendmentsTable } from './amendmentsTable.js';
import type { ExportInput } from './types.js';

/** The field separator. */
export const CSV_SEPARATOR = ';';

/**
 * One field, quoted when needed. A field starting with `=`, `+`, `-`, `@` or a tab gets a leading `'`,
 * so Excel shows it as text instead of running it as a formula (amendment texts come from other parties).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text: `;`-separated, CRLF-terminated, with a UTF-8 byte order mark. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(CSV_SEPARATOR) + '\r\n').join('')}`;
}

/**
 * The amendments report as CSV (see the module comment and `amendmentsTable` for the columns), headers
 * in `input.language`, dates as dd-mm-jjjj.
 */
export function exportAmendmentsCsv(input: ExportInput): string {
  const table = amendmentsTable(input);
  return toCsv([table.headers, ...table.rows]);
}
