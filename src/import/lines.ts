// Reads a text file line by line as a stream (plain or gzip, which k6 writes for --out json=FILE.gz), holding one
// line at a time: memory is bounded by the longest line, not by the file.
import { pipeline, Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { createGunzip } from 'node:zlib'
import { ImportError } from './errors.js'

/** One line of the file, 1-based, without its line break. */
export interface Line {
  readonly text: string
  readonly number: number
  /** False for a last line that has no line break after it (a file cut off mid-line ends this way). */
  readonly terminated: boolean
}

/** Lines longer than this are refused (a k6 line is well under 4 KB). */
export const MAX_LINE_CHARS = 1024 * 1024

/** Opens the file's bytes; called once per pass. */
export type OpenStream = () => Readable

/**
 * The lines of a stream, decompressing gzip when the first two bytes are gzip's magic number (1f 8b). Throws
 * ImportError naming the file and line for a line over MAX_LINE_CHARS, a broken or truncated gzip stream.
 */
export async function* readLines(open: OpenStream, file: string): AsyncGenerator<Line> {
  const raw = open()
  const iterator = raw[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>
  const first = await iterator.next()
  if (first.done) return
  const head = typeof first.value === 'string' ? Buffer.from(first.value) : first.value
  const replay = Readable.from(
    (async function* () {
      yield head
      for (;;) {
        const next = await iterator.next()
        if (next.done) return
        yield next.value
      }
    })(),
  )
  const gzip = head[0] === 0x1f && head[1] === 0x8b
  const bytes: Readable = gzip ? pipeline(replay, createGunzip(), () => undefined) : replay
  const decoder = new StringDecoder('utf8')
  let pending = ''
  let number = 0
  try {
    for await (const chunk of bytes) {
      pending += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer)
      let start = 0
      for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n', start)) {
        number++
        yield { text: stripCr(pending.slice(start, newline)), number, terminated: true }
        start = newline + 1
      }
      pending = pending.slice(start)
      if (pending.length > MAX_LINE_CHARS) {
        throw new ImportError(
          { file, line: number + 1 },
          `line ${number + 1} is longer than ${MAX_LINE_CHARS} characters`,
          'this is not a line-oriented output (k6 writes one short JSON object per line)',
        )
      }
    }
  } catch (error) {
    if (error instanceof ImportError) throw error
    const code = (error as NodeJS.ErrnoException).code ?? ''
    if (gzip && /^Z_|ERR_/.test(code)) {
      throw new ImportError(
        { file, line: number + 1 },
        `the gzip data is broken after line ${number} (${(error as Error).message}; the file looks truncated)`,
        'use the complete file k6 wrote',
      )
    }
    throw error
  } finally {
    raw.destroy()
  }
  pending += decoder.end()
  if (pending.length > 0) yield { text: stripCr(pending), number: number + 1, terminated: false }
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text
}
