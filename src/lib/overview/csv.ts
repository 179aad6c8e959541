/**
 * CSV as RFC 4180 writes it (https://www.rfc-editor.org/rfc/rfc4180): CRLF between records, a header record,
 * a field quoted when it holds a comma, a double quote, CR or LF (a quote inside doubled). A text field that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR — OWASP "CSV Injection") gets a
 * leading apostrophe; numbers such as "-3.5" are left as they are, so figures parse back unchanged.
 */

const NEEDS_QUOTES = /[",\r\n]/
const FORMULA_START = /^[=+\-@\t\r]/
const NUMBER = /^-?\d+(\.\d+)?$/

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ""
  let text = String(value)
  if (FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: readonly string[], records: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...records].map((record) => record.map(csvField).join(",")).join("\r\n") + "\r\n"
}
