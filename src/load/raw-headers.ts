// Response headers from raw [name, value, …] pairs (undici's raw headers and the HTTP/1.1 client's): lower-case
// names, repeated headers as arrays. Parsed only when a check or capture reads them.

/** Raw header pairs [name, value, name, value, …] -> lower-case names, repeated headers as arrays. */
export function parseRawHeaders(raw: readonly Buffer[] | null): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  if (!raw) return headers
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as Buffer).toString('latin1').toLowerCase()
    const value = (raw[i + 1] as Buffer).toString('utf8')
    const previous = headers[name]
    headers[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value]
  }
  return headers
}
