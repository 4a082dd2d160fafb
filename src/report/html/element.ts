// A tiny HTML builder that escapes by construction: every string child and attribute value is text, never markup.
// Markup only exists as `Html`, made by `h()` (or `trustedHtml()` for our own constant snippets, e.g. the CSS).
import { plainText } from '../escape.js'

/** A fragment of markup built here. Plain strings passed to `h()` are always escaped; an `Html` is inserted as is. */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html
  }
}

export type Child = Html | string | number | null | undefined | false | readonly Child[]
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>

const HTML_ENTITIES = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
} as const satisfies Record<string, string>

/**
 * Escapes untrusted text for an HTML text node or a quoted attribute value: `& < > " '` become character
 * references; control characters (ESC, newlines, bidi overrides) become spaces; lone surrogates become U+FFFD.
 * The result can never open a tag, a comment, an attribute or an entity of its own.
 * @example escapeHtml('<img src=x onerror="a()">') // => '&lt;img src=x onerror=&quot;a()&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  return plainText(text).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char as keyof typeof HTML_ENTITIES])
}

/** Markup we wrote ourselves (constant CSS, an entity): never pass data through this. */
export function trustedHtml(markup: string): Html {
  return new Html(markup)
}

const VOID_ELEMENTS = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'col'])
/** SVG shapes written `<path …/>` when they have no children (valid for foreign elements in HTML). */
const SELF_CLOSING_SVG = new Set(['path', 'rect'])
const NAME = /^[a-z][a-z0-9-]*$/i

function render(child: Child, out: string[]): void {
  if (child === null || child === undefined || child === false) return
  if (child instanceof Html) out.push(child.html)
  else if (Array.isArray(child)) for (const c of child) render(c, out)
  else out.push(escapeHtml(String(child)))
}

/** Renders children (text escaped) into one fragment. */
export function fragment(...children: readonly Child[]): Html {
  const out: string[] = []
  render(children, out)
  return new Html(out.join(''))
}

/**
 * One element: `h('td', { class: 'num' }, '12.3')`. Attribute names and tag names must be our own identifiers;
 * values and text children are escaped. `true` renders a bare attribute, `false`/null/undefined omit it.
 */
export function h(tag: string, attributes: Attributes | null, ...children: readonly Child[]): Html {
  if (!NAME.test(tag)) throw new Error(`not an element name: ${tag}`)
  let open = `<${tag}`
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (!NAME.test(name)) throw new Error(`not an attribute name: ${name}`)
    if (value === null || value === undefined || value === false) continue
    open += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`
  }
  if (VOID_ELEMENTS.has(tag)) return new Html(`${open}>`)
  if (SELF_CLOSING_SVG.has(tag) && children.every((c) => c === null || c === undefined || c === false)) {
    return new Html(`${open}/>`)
  }
  const out: string[] = [`${open}>`]
  render(children, out)
  out.push(`</${tag}>`)
  return new Html(out.join(''))
}
