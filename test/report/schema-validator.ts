// A tiny JSON Schema validator for the subset schema/report.schema.json uses (type, const, enum, properties,
// required, additionalProperties: false, items, anyOf, minimum, maximum). Unknown keywords throw, so the test fails
// loudly if the schema ever starts using one this validator would silently ignore.

type Schema = Readonly<Record<string, unknown>>

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description'])
const KNOWN = new Set([
  ...ANNOTATIONS,
  'type',
  'const',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'anyOf',
  'minimum',
  'maximum',
])

function typeOf(value: unknown): string[] {
  if (value === null) return ['null']
  if (Array.isArray(value)) return ['array']
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number']
  return [typeof value]
}

/** Every violation of `schema` by `value`, as `path: problem` lines; empty when valid. */
export function validate(schema: Schema, value: unknown, path = '$'): string[] {
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key)) throw new Error(`schema keyword '${key}' at ${path} is not supported by this validator`)
  }
  const errors: string[] = []
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string]
    if (!typeOf(value).some((t) => allowed.includes(t))) {
      return [`${path}: expected ${allowed.join(' | ')}, got ${typeOf(value)[0]}`]
    }
  }
  if ('const' in schema && value !== schema.const) errors.push(`${path}: expected ${JSON.stringify(schema.const)}`)
  if (schema.enum !== undefined && !(schema.enum as unknown[]).includes(value)) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`)
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`)
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: above ${schema.maximum}`)
  }
  if (schema.anyOf !== undefined) {
    const branches = (schema.anyOf as Schema[]).map((branch) => validate(branch, value, path))
    if (branches.every((b) => b.length > 0)) errors.push(`${path}: matches no anyOf branch (${branches.flat()[0]})`)
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>
    const properties = (schema.properties ?? {}) as Record<string, Schema>
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in record)) errors.push(`${path}: missing required '${key}'`)
    }
    for (const [key, child] of Object.entries(record)) {
      if (properties[key] !== undefined) errors.push(...validate(properties[key], child, `${path}.${key}`))
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property '${key}'`)
    }
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    for (const [i, item] of value.entries()) errors.push(...validate(schema.items as Schema, item, `${path}[${i}]`))
  }
  return errors
}
