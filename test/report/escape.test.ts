import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  escapeMarkdown,
  escapeXml,
  mermaidLabel,
  plainText,
  truncateText,
  ZERO_WIDTH_JOINER as ZWJ,
} from '../../src/report/escape.js'

/** What an escaped string must never contain: the injection vectors of the issue. */
const UNSAFE = [
  { what: 'an unescaped <', pattern: /</ },
  { what: 'an @ followed by a word character', pattern: /@[\p{L}\p{N}_]/u },
  { what: 'a link/image target ](', pattern: /\]\(/ },
  { what: 'a raw backtick', pattern: /`/ },
  { what: 'a table pipe', pattern: /\|/ },
  { what: 'a line break', pattern: /[\n\r\u2028\u2029]/ },
] as const

describe('escapeMarkdown', () => {
  it.each([
    { what: 'plain words', input: 'GET /users', expected: 'GET /users' },
    { what: 'an HTML tag', input: '<script>alert(1)</script>', expected: '&lt;script&gt;alert(1)&lt;/script&gt;' },
    { what: 'a team mention', input: 'ping @org/team', expected: `ping @${ZWJ}org/team` },
    { what: 'a user mention', input: '@octocat', expected: `@${ZWJ}octocat` },
    { what: 'a link', input: '[x](http://x)', expected: `&#91;x&#93;(http:${ZWJ}//x)` },
    { what: 'an image', input: '![a](http://x/a.png)', expected: `!&#91;a&#93;(http:${ZWJ}//x/a.png)` },
    { what: 'a code span', input: '`rm -rf`', expected: '&#96;rm -rf&#96;' },
    { what: 'a table pipe', input: 'a|b', expected: 'a&#124;b' },
    { what: 'newlines', input: 'a\nb\r\nc', expected: 'a b  c' },
    { what: 'a new block after a newline', input: 'x\n# heading', expected: 'x # heading' },
    { what: 'emphasis and strikethrough', input: '*a* _b_ ~c~', expected: '\\*a\\* \\_b\\_ \\~c\\~' },
    { what: 'a backslash', input: 'a\\|b', expected: 'a\\\\&#124;b' },
    { what: 'inline math', input: '$x$', expected: '\\$x\\$' },
    { what: 'an ampersand and an entity', input: 'a & &lt;', expected: 'a &amp; &amp;lt;' },
    { what: 'an issue reference', input: 'fixes #12', expected: `fixes #${ZWJ}12` },
    { what: 'a bare URL', input: 'see https://evil.example', expected: `see https:${ZWJ}//evil.example` },
    { what: 'a www autolink', input: 'www.evil.example', expected: `www${ZWJ}.evil.example` },
    { what: 'an autolink in angle brackets', input: '<http://x>', expected: `&lt;http:${ZWJ}//x&gt;` },
    { what: 'an HTML comment', input: '<!-- tailgate:x -->', expected: '&lt;!-- tailgate:x --&gt;' },
    { what: 'a terminal escape', input: 'a\u001b[31mb', expected: 'a &#91;31mb' },
    { what: 'a bidi override', input: 'a\u202Eb', expected: 'a b' },
    { what: 'a lone surrogate', input: 'a\uD800b', expected: 'a\uFFFDb' },
    { what: 'a template placeholder', input: 'GET /users/{{id}}', expected: 'GET /users/{{id}}' },
  ])('renders $what inert', ({ input, expected }) => {
    expect(escapeMarkdown(input)).toBe(expected)
  })

  it('keeps the joiners out of its own character references', () => {
    expect(escapeMarkdown('`#1`')).toBe(`&#96;#${ZWJ}1&#96;`)
  })

  it.each(UNSAFE)('never leaves $what in any string', ({ pattern }) => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => !pattern.test(escapeMarkdown(text))),
      { numRuns: 500 },
    )
  })

  it('never leaves an injection vector in strings built from the dangerous characters', () => {
    const dangerous = fc.constantFrom('<', '>', '@', 'a', '[', ']', '(', ')', '`', '|', '\n', '\r', '\\', '&', '#', '1')
    fc.assert(
      fc.property(fc.array(dangerous, { maxLength: 40 }), (chars) => {
        const escaped = escapeMarkdown(chars.join(''))
        return UNSAFE.every(({ pattern }) => !pattern.test(escaped))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('plainText', () => {
  it('turns every control character into a space and keeps the rest', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const out = plainText(text)
        const control = [...out].some((char) => char.charCodeAt(0) < 0x20 || (char >= '\u007f' && char <= '\u009f'))
        return !control && [...out].length <= [...text].length + 1
      }),
    )
  })
})

describe('truncateText', () => {
  it.each([
    { input: 'abcdef', max: 4, expected: 'abc…' },
    { input: 'abc', max: 4, expected: 'abc' },
    { input: '😀😀😀😀😀', max: 3, expected: '😀😀…' },
  ])('cuts $input to $max code points', ({ input, max, expected }) => {
    expect(truncateText(input, max)).toBe(expected)
  })
})

describe('mermaidLabel', () => {
  it.each([
    { input: 'GET /users/{{id}}', expected: 'GET /users/{{id}}' },
    { input: 'a"b', expected: 'a b' },
    { input: '```\n%%{init: {}}%%', expected: '{init: {}}' },
    { input: '<img src=x onerror=alert(1)>', expected: 'img src x onerror alert 1' },
  ])('keeps only safe characters of $input', ({ input, expected }) => {
    expect(mermaidLabel(input)).toBe(expected)
  })

  it('never contains a quote, backtick, percent sign or line break', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => !/["`%\n\r<>]/.test(mermaidLabel(text))))
  })
})

describe('escapeXml', () => {
  it.each([
    { input: 'a<b>&"c"\'d', expected: 'a&lt;b&gt;&amp;&quot;c&quot;&apos;d' },
    { input: 'line\nbreak\ttab', expected: 'line&#10;break&#9;tab' },
    { input: 'nul\u0000bell\u0007', expected: 'nul\uFFFDbell\uFFFD' },
    { input: 'lone \uDC00 surrogate', expected: 'lone \uFFFD surrogate' },
    { input: 'ünïcödé 😀', expected: 'ünïcödé 😀' },
  ])('escapes $input', ({ input, expected }) => {
    expect(escapeXml(input)).toBe(expected)
  })

  it('yields only characters XML 1.0 allows, round-tripping through UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = escapeXml(text)
        const forbidden = [...out].some((char) => {
          const code = char.codePointAt(0)!
          return (code < 0x20 && ![0x09, 0x0a, 0x0d].includes(code)) || code === 0xfffe || code === 0xffff
        })
        return !forbidden && !/[<>"]/.test(out) && Buffer.from(out, 'utf8').toString('utf8') === out
      }),
    )
  })
})
