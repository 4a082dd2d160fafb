// Expands `{{var}}` templates at run time. A template is compiled once per step into literal and variable parts.
import { TEMPLATE_PATTERN } from '../config/templates.js'

/** Variables of one iteration: data-row fields, captures and builtins, all strings. */
export type Variables = Record<string, string>

/** A compiled template: `render` is the identity on the literal when the text holds no variables. */
export interface Template {
  readonly isStatic: boolean
  render(variables: Variables): string
}

/**
 * Compiles a template text; unknown variables render as an empty string (the profile loader has already rejected
 * variables that no data column, capture or builtin provides).
 * @example compileTemplate('/users/{{id}}').render({ id: '7' }) // => '/users/7'
 */
export function compileTemplate(text: string): Template {
  const parts: string[] = []
  const names: string[] = []
  let last = 0
  for (const match of text.matchAll(TEMPLATE_PATTERN)) {
    parts.push(text.slice(last, match.index))
    names.push(match[1] as string)
    last = (match.index as number) + match[0].length
  }
  if (names.length === 0) return { isStatic: true, render: () => text }
  parts.push(text.slice(last))
  return {
    isStatic: false,
    render(variables) {
      let out = parts[0] as string
      for (let i = 0; i < names.length; i++) out += (variables[names[i] as string] ?? '') + (parts[i + 1] as string)
      return out
    },
  }
}

/** Expands every string inside a JSON value (object values and array items), returning a new value. */
export function renderJson(value: unknown, variables: Variables): unknown {
  if (typeof value === 'string') return compileTemplate(value).render(variables)
  if (Array.isArray(value)) return value.map((item) => renderJson(item, variables))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderJson(item, variables)]))
  }
  return value
}

/** True when a JSON value holds a template anywhere. */
export function jsonHasTemplates(value: unknown): boolean {
  if (typeof value === 'string') return !compileTemplate(value).isStatic
  if (Array.isArray(value)) return value.some(jsonHasTemplates)
  if (value !== null && typeof value === 'object') return Object.values(value).some(jsonHasTemplates)
  return false
}
