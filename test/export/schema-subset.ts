// A tiny JSON Schema validator for the subset schema/bmf.schema.json uses (type, properties, required,
// additionalProperties as false or a schema, $ref to #/$defs, minimum). Unknown keywords throw, so the test fails
// loudly if the schema starts using one this validator would silently ignore.

type Schema = Readonly<Record<string, unknown>>
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs'])
const KNOWN = new Set([...ANNOTATIONS, 'type', 'properties', 'required', 'additionalProperties', '$ref', 'minimum'])

/** Every violation of `schema` by `value` as `path: problem`; empty when valid. */
export function validateSubset(schema: Schema, value: unknown, root: Schema = schema, path = '$'): string[] {
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`unsupported keyword '${key}' at ${path}`)
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/$defs/', '')
    return validateSubset((root.$defs as Record<string, Schema>)[name]!, value, root, path)
  }
  if (schema.type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected object`]
    const errors: string[] = []
    const properties = (schema.properties ?? {}) as Record<string, Schema>
    for (const key of (schema.required ?? []) as string[]) if (!(key in value)) errors.push(`${path}: missing '${key}'`)
    for (const [key, item] of Object.entries(value)) {
      const sub = properties[key] ?? schema.additionalProperties
      if (sub === false) errors.push(`${path}: unexpected '${key}'`)
      else if (sub !== undefined && sub !== true)
        errors.push(...validateSubset(sub as Schema, item, root, `${path}.${key}`))
    }
    return errors
  }
  if (schema.type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return [`${path}: expected number`]
    if (typeof schema.minimum === 'number' && value < schema.minimum) return [`${path}: below ${schema.minimum}`]
  }
  return []
}
