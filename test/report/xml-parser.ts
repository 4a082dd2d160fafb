// A small, strict XML parser for the JUnit tests: elements, attributes, text, the five entities and numeric
// character references. Throws on unbalanced tags, unescaped `<` or `&`, and characters XML 1.0 forbids.

export interface XmlElement {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
  readonly children: XmlElement[]
  text: string
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(raw: string, where: string): string {
  if (/&(?![a-z]+;|#\d+;|#x[0-9a-f]+;)/i.test(raw)) throw new Error(`bare & in ${where}`)
  return raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16))
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)))
    const char = ENTITIES[ref]
    if (char === undefined) throw new Error(`unknown entity &${ref}; in ${where}`)
    return char
  })
}

function attributesOf(source: string, tag: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  const rest = source.replace(/\s*([\w:-]+)="([^"<]*)"/g, (_, name: string, value: string) => {
    if (name in attributes) throw new Error(`duplicate attribute ${name} on <${tag}>`)
    attributes[name] = decode(value, `${tag}@${name}`)
    return ''
  })
  if (rest.trim() !== '') throw new Error(`malformed attributes on <${tag}>: ${rest}`)
  return attributes
}

/** Parses a document with one root element (after an optional XML declaration). */
export function parseXml(document: string): XmlElement {
  const forbidden = [...document].find((char) => {
    const code = char.codePointAt(0)!
    return (code < 0x20 && ![0x09, 0x0a, 0x0d].includes(code)) || code === 0xfffe || code === 0xffff
  })
  if (forbidden !== undefined) throw new Error(`character U+${forbidden.codePointAt(0)!.toString(16)} is not allowed`)
  const body = document.replace(/^<\?xml [^?]*\?>\s*/, '')
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' }
  const stack: XmlElement[] = [root]
  const tag = /<(\/?)([\w:-]+)([^<>]*?)(\/?)>|([^<]+)|(<)/gy
  for (let match = tag.exec(body); match !== null && match[0] !== ''; match = tag.exec(body)) {
    const [, closing, name, attributes, selfClosing, text, stray] = match
    const parent = stack[stack.length - 1]!
    if (stray !== undefined) throw new Error('unescaped < in text')
    if (text !== undefined) {
      parent.text += decode(text, `<${parent.name}>`)
    } else if (closing === '/') {
      if (parent.name !== name) throw new Error(`</${name}> closes <${parent.name}>`)
      stack.pop()
    } else {
      const element: XmlElement = { name: name!, attributes: attributesOf(attributes!, name!), children: [], text: '' }
      parent.children.push(element)
      if (selfClosing !== '/') stack.push(element)
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`)
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('expected exactly one root element')
  return root.children[0]!
}

/** Every descendant element with the given name, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)])
}
