// Escaping of untrusted text (endpoint names, profile ids, server error texts) for Markdown, Mermaid, XML and
// terminals. Owns every rule that keeps a string from injecting markup, links, mentions or control sequences.

/** Zero-width joiner: invisible, but breaks GitHub's @mention, #reference and autolink detection. */
export const ZERO_WIDTH_JOINER = '\u200D'

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
/** C0 and C1 controls (ESC included), DEL, line/paragraph separators and bidi overrides/isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this regex's job
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g

/** Replaces lone UTF-16 surrogates with U+FFFD so the text encodes as valid UTF-8. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD')
}

/**
 * Plain text on one line: control characters (newlines, tabs, ESC and other terminal escapes, bidi overrides)
 * become spaces, lone surrogates become U+FFFD. For terminals and annotations, where markup means nothing.
 * @example plainText('a\nb\u001b[31m') // => 'a b [31m'
 */
export function plainText(text: string): string {
  return wellFormed(text).replace(CONTROL, ' ')
}

/** Characters replaced by a character reference: HTML, code spans, table cells and link brackets. */
const MARKDOWN_ENTITIES = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '`': '&#96;',
  '|': '&#124;',
  '[': '&#91;',
  ']': '&#93;',
} as const satisfies Record<string, string>

/** Characters that only need a backslash: emphasis, strikethrough, math and escapes themselves. */
const MARKDOWN_BACKSLASHED = ['\\', '*', '_', '~', '$'] as const

const MARKDOWN_SPECIAL = /[&<>"`|[\]\\*_~$]/g

/**
 * Escapes untrusted text for inline GitHub Markdown (paragraphs and table cells), so that it renders as the same
 * characters and nothing else: no HTML, no code span, no table break, no link or image, no emphasis, no math,
 * no @mention or #issue reference, no autolink and no new block.
 *
 * Character references (`&lt;`, `&#96;`, ...) cannot form Markdown structure (CommonMark 0.31 §2.5), and GitHub
 * decodes them back to the original characters in the rendered text. @mentions and #references are matched on the
 * rendered text, so a zero-width joiner is inserted after `@`, after `#` before a digit, and inside `://` and `www.`.
 *
 * Runs in O(n).
 * @see https://spec.commonmark.org/0.31.2/#entity-and-numeric-character-references
 * @example escapeMarkdown('<script> @org/team [x](http://y) `a|b`')
 * // => '&lt;script&gt; @\u200Dorg/team &#91;x&#93;(http:\u200D//y) &#96;a&#124;b&#96;'
 */
export function escapeMarkdown(text: string): string {
  // Joiners first: the character references added below contain `#` followed by digits.
  return plainText(text)
    .replace(/@/g, `@${ZERO_WIDTH_JOINER}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_JOINER}`)
    .replace(/:\/\//g, `:${ZERO_WIDTH_JOINER}//`)
    .replace(/www\./gi, (match) => `${match.slice(0, 3)}${ZERO_WIDTH_JOINER}.`)
    .replace(MARKDOWN_SPECIAL, (char) =>
      (MARKDOWN_BACKSLASHED as readonly string[]).includes(char)
        ? `\\${char}`
        : MARKDOWN_ENTITIES[char as keyof typeof MARKDOWN_ENTITIES],
    )
}

/**
 * Shortens text to at most `maxChars` code points, ending with `…` when cut. Apply before escaping, so that an
 * escape sequence is never cut in half.
 * @example truncateText('abcdef', 4) // => 'abc…'
 */
export function truncateText(text: string, maxChars: number): string {
  const chars = [...text]
  if (chars.length <= maxChars) return text
  return `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`
}

/**
 * A label safe inside a Mermaid diagram in a fenced code block: letters, digits, spaces and `/ . _ : { } -` are
 * kept; anything else (quotes, backticks, `%%` directives, brackets, HTML) becomes a space. At most `maxChars`.
 * @example mermaidLabel('GET /a"b`<x>') // => 'GET /a b x'
 */
export function mermaidLabel(text: string, maxChars = 60): string {
  const kept = plainText(text)
    .replace(/[^\p{L}\p{N} /._:{}-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return truncateText(kept, maxChars)
}

/** XML 1.0 forbids most C0 controls, U+FFFE and U+FFFF (https://www.w3.org/TR/xml/#charsets). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this regex's job
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const XML_ENTITIES = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
} as const satisfies Record<string, string>

/**
 * Escapes text for an XML attribute value or text node: markup characters become entities, line breaks and tabs
 * become character references (kept in attributes), characters XML 1.0 forbids and lone surrogates become U+FFFD.
 * @example escapeXml('a<b & "c"') // => 'a&lt;b &amp; &quot;c&quot;'
 */
export function escapeXml(text: string): string {
  return wellFormed(text)
    .replace(XML_INVALID, '\uFFFD')
    .replace(/[&<>"'\n\r\t]/g, (char) => XML_ENTITIES[char as keyof typeof XML_ENTITIES])
}
