// Test data files for scenarios: CSV (RFC 4180, header row) and JSON (an array of objects), read when the profile
// loads so that a bad file is reported before any load is sent. Every field becomes a string template variable.
import { createHash } from 'node:crypto'

/** A data file's rows, or the problem with it ("problem; fix"). */
export type DataParse =
  | { readonly rows: Record<string, string>[]; readonly columns: string[] }
  | { readonly error: string }

/**
 * Parses CSV text with a header row: commas, double-quoted fields ("" escapes a quote), CRLF or LF line ends.
 * O(n) in the text length.
 * @example parseCsv('id,name\n1,"Ada, L."\n') // => { columns: ['id', 'name'], rows: [{ id: '1', name: 'Ada, L.' }] }
 */
export function parseCsv(text: string): DataParse {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"' && field === '') quoted = true
    else if (char === ',') {
      record.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += char
  }
  if (quoted) return { error: 'a quoted field is not closed; add the closing "' }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  const nonEmpty = records.filter((r) => !(r.length === 1 && r[0] === ''))
  const [header, ...body] = nonEmpty
  if (!header) return { error: 'the CSV file is empty; add a header row and at least one data row' }
  const columns = header.map((c) => c.trim())
  const rows: Record<string, string>[] = []
  for (const [index, values] of body.entries()) {
    if (values.length !== columns.length) {
      return {
        error: `row ${index + 2} has ${values.length} fields but the header has ${columns.length}; quote fields that contain commas`,
      }
    }
    rows.push(Object.fromEntries(columns.map((column, i) => [column, values[i] as string])))
  }
  if (rows.length === 0) return { error: 'the CSV file has a header but no rows; add at least one data row' }
  return { rows, columns }
}

/** Parses a JSON data file: an array of objects; nested values become JSON text. */
export function parseJsonRows(text: string): DataParse {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message}); fix the file or use a .csv file` }
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    return { error: 'a JSON data file must be a non-empty array of objects; write [{"id": 1}, ...]' }
  }
  const rows: Record<string, string>[] = []
  const columns = new Set<string>()
  for (const [index, item] of parsed.entries()) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      return { error: `item ${index} is not an object; write every row as {"name": value}` }
    }
    const row: Record<string, string> = {}
    for (const [key, value] of Object.entries(item)) {
      row[key] = typeof value === 'string' ? value : JSON.stringify(value)
      columns.add(key)
    }
    rows.push(row)
  }
  return { rows, columns: [...columns] }
}

/** Parses a data file by its extension (.csv, .json). */
export function parseDataFile(file: string, text: string): DataParse {
  if (/\.csv$/i.test(file)) return parseCsv(text)
  if (/\.json$/i.test(file)) return parseJsonRows(text)
  return { error: `'${file}' is neither .csv nor .json; use a CSV file with a header row or a JSON array` }
}

/** sha256 of a text, hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
