/** UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as Shift_JIS and Japanese turns to mojibake. */
export const UTF8_BOM = '\ufeff';

/**
 * One CSV field (RFC 4180). A value that a spreadsheet would run as a formula (starting with = + -
 * @, or a tab or carriage return that some spreadsheets skip before one) gets a leading
 * apostrophe, so `=HYPERLINK(...)` written in a vote reason stays text (OWASP "CSV injection").
 * Fields with quotes, commas or line breaks are quoted, inner quotes doubled.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text with CRLF line ends and the BOM first. */
export function toCsv(header: string[], rows: Array<Array<string | number | boolean | null>>): string {
  return UTF8_BOM + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
