// The YAML text of a profile -> its document (for locating problems) and its plain value. Syntax errors and alias
// bombs become ConfigErrors with file:line:column.
import { LineCounter, parseDocument } from 'yaml'
import { ConfigError, ConfigErrors } from './errors.js'

/** The YAML document and its plain value; YAML syntax errors and alias bombs become located ConfigErrors. */
export function parseYaml(text: string, file: string) {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const locate = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset)
    return { file, line, column: col }
  }
  if (doc.errors.length > 0) {
    throw new ConfigErrors(
      doc.errors.map(
        (error) =>
          new ConfigError(
            '(yaml)',
            error.message.split('\n')[0] as string,
            'fix the YAML syntax at this place',
            locate(error.pos[0]),
          ),
      ),
    )
  }
  let raw: unknown
  try {
    raw = doc.toJS()
  } catch (error) {
    // yaml refuses alias bombs (a billion laughs) with a ReferenceError while building the value: a user error too.
    throw new ConfigErrors([
      new ConfigError(
        '(yaml)',
        (error as Error).message.split('\n')[0] as string,
        'use fewer aliases (*name); a profile needs few, if any',
        locate(0),
      ),
    ])
  }
  return { doc, raw, locate }
}
