// Small HTTP helpers for the fake GitHub: body reading, JSON replies, route matching and Link-header pagination.
import type { IncomingMessage, ServerResponse } from 'node:http'

/** Reads a request body fully. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Sends a JSON reply with the given status and extra headers. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): undefined {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-github-request-id': 'FAKE:0001',
    ...headers,
  })
  response.end(text)
  return undefined
}

/** GitHub's REST error body. */
export function sendRestError(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): undefined {
  sendJson(
    response,
    status,
    { message, documentation_url: 'https://docs.github.com/rest', status: `${status}` },
    headers,
  )
}

/** A Twirp error body (`code` + `msg`, as the results service answers). */
export function sendTwirpError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): undefined {
  return sendJson(response, status, { code, msg: message }, headers)
}

/** Parses a JSON body, or undefined when it is not JSON. */
export function parseJsonBody(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}')
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** The page of `items` asked for by `per_page`/`page`, with GitHub's `Link` header when there are more pages. */
export function paginate<T>(
  items: readonly T[],
  url: URL,
  baseUrl: string,
): { page: T[]; headers: Record<string, string> } {
  const perPage = clamp(Number.parseInt(url.searchParams.get('per_page') ?? '30', 10) || 30, 1, 100)
  const pageNumber = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
  const lastPage = Math.max(1, Math.ceil(items.length / perPage))
  const page = items.slice((pageNumber - 1) * perPage, pageNumber * perPage)
  const link = (n: number, rel: string) => {
    const next = new URL(`${baseUrl}${url.pathname}${url.search}`)
    next.searchParams.set('per_page', String(perPage))
    next.searchParams.set('page', String(n))
    return `<${next.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (pageNumber < lastPage) links.push(link(pageNumber + 1, 'next'), link(lastPage, 'last'))
  if (pageNumber > 1) links.push(link(1, 'first'), link(pageNumber - 1, 'prev'))
  return { page, headers: links.length > 0 ? { link: links.join(', ') } : {} }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value))
}
