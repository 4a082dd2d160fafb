// Every relative link in README.md and docs/ resolves: the file exists (relative to the linking file, as GitHub
// resolves it), and an #anchor names a heading of the target (GitHub's slugs). External links are not fetched.
import { existsSync, statSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOC_FILES, REPO_ROOT, readDoc } from './doc-blocks.js'

/** Markdown without fenced code blocks and inline code (links there are examples, not links). */
const prose = (text: string): string => text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '')

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const anchors = new Set<string>()
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '')
  for (const match of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = (match[1] as string)
      .toLowerCase()
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-')
    const n = seen.get(slug) ?? 0
    seen.set(slug, n + 1)
    anchors.add(n === 0 ? slug : `${slug}-${n}`)
  }
  return anchors
}

const links = DOC_FILES.flatMap((file) =>
  [...prose(readDoc(file)).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
    .map((m) => m[1] as string)
    .filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href))
    .map((href) => ({ file, href })),
)

function problem(file: string, href: string): string | null {
  const [path = '', anchor] = href.split('#')
  const target = path === '' ? file : normalize(join(dirname(file), decodeURIComponent(path)))
  if (target.startsWith('..')) return `${href} leaves the repository`
  const absolute = join(REPO_ROOT, target)
  if (!existsSync(absolute)) return `${href}: ${target} does not exist`
  if (anchor === undefined || anchor === '') return null
  if (!target.endsWith('.md') || statSync(absolute).isDirectory()) return null
  return headingAnchors(readDoc(target)).has(anchor.toLowerCase())
    ? null
    : `${href}: no heading #${anchor} in ${target}`
}

describe('links in README.md and docs/', () => {
  it('are found (the README links docs/)', () => {
    expect(links.some((l) => l.file === 'README.md' && l.href.startsWith('docs/'))).toBe(true)
  })

  it.each(DOC_FILES)('%s: every relative link and anchor resolves', (file) => {
    const broken = links.filter((l) => l.file === file).flatMap((l) => problem(l.file, l.href) ?? [])

    expect(broken).toEqual([])
  })

  it.each([
    { heading: '## 2. Netlify (a URL from a previous step)', anchor: '2-netlify-a-url-from-a-previous-step' },
    {
      heading: '### Fork-safe: measure on `pull_request`, comment from `workflow_run`',
      anchor: 'fork-safe-measure-on-pull_request-comment-from-workflow_run',
    },
    { heading: '## Previews, forks, scale', anchor: 'previews-forks-scale' },
  ])('slugs $heading as GitHub does', ({ heading, anchor }) => {
    expect([...headingAnchors(`${heading}\n`)]).toEqual([anchor])
  })
})
