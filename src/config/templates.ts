// `{{var}}` templates in paths, headers, query values and bodies: the syntax, and which variables a text uses.
// Expansion at run time is in src/load/template.ts; this module only reads templates, for validation.

/** `{{ name }}`: a variable name of letters, digits and underscores (spaces inside the braces are allowed). */
export const TEMPLATE_PATTERN = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g

/** Variables every iteration has, besides data columns and captures. */
export const BUILTIN_VARIABLES = ['iteration'] as const

/**
 * The variable names a template text uses, in order of appearance (duplicates kept).
 * @example templateVariables('/users/{{id}}?t={{ token }}') // => ['id', 'token']
 */
export function templateVariables(text: string): string[] {
  return Array.from(text.matchAll(TEMPLATE_PATTERN), (match) => match[1] as string)
}

/** Every template string inside a JSON value (object values and array items, recursively), with their sub-paths. */
export function jsonTemplateStrings(
  value: unknown,
  path: readonly (string | number)[] = [],
): { path: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return [{ path: [...path], text: value }]
  if (Array.isArray(value)) return value.flatMap((item, index) => jsonTemplateStrings(item, [...path, index]))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => jsonTemplateStrings(item, [...path, key]))
  }
  return []
}
