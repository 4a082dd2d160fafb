// Why did @actions/cache return a miss? The library swallows every service failure ("caching should be optional")
// and only prints it through @actions/core (to stdout). To tell a real miss from an outage in the report, this
// module listens to stdout while one library call runs, passing every line through unchanged.

/** Lines from the toolkit that explain a miss or a failed save. */
const EXPLAINING =
  /^(?:Failed to (?:save|restore)|Cache (?:restore|save) skipped|Cache reservation failed|You've hit a rate limit|Unable to (?:reserve|finalize)|Cache service responded)/

/**
 * Runs `operation` and returns its result plus the toolkit's warnings, errors and explaining info lines printed
 * meanwhile (unescaped, without the `::warning::` prefix). Lines printed after `operation` settles are not kept.
 * Calls must not overlap (the stores run one at a time).
 */
export async function withToolkitMessages<T>(operation: () => Promise<T>): Promise<{ value: T; messages: string[] }> {
  const messages: string[] = []
  const stdout = process.stdout
  const original = stdout.write
  let pending = ''
  const listen = ((chunk: unknown, ...rest: unknown[]) => {
    pending += typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : ''
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const message = explainingMessage(line.replace(/\r$/, ''))
      if (message !== null) messages.push(message)
    }
    return (original as (...args: unknown[]) => boolean).call(stdout, chunk, ...rest)
  }) as typeof stdout.write
  stdout.write = listen
  try {
    return { value: await operation(), messages }
  } finally {
    if (stdout.write === listen) stdout.write = original
  }
}

/** The message of a toolkit line worth keeping, or null. */
export function explainingMessage(line: string): string | null {
  const annotation = /^::(warning|error)(?: [^:]*)?::(.*)$/.exec(line)
  if (annotation) return unescapeData(annotation[2] ?? '')
  if (line.startsWith('::')) return null
  return EXPLAINING.test(line) ? line : null
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}
