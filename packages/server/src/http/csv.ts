/**
 * The one CSV writer of every export (RFC 4180, UTF-8 with a BOM so that Excel reads Vietnamese,
 * CRLF line ends). Text is always quoted, quotes doubled, and a leading =, +, -, @, tab or CR
 * is defused with an apostrophe so that a spreadsheet never runs what someone typed as a formula
 * (CSV injection, OWASP). Numbers are written bare, so they stay numbers and a negative one is
 * never mistaken for a formula.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value ?? '';
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
