// Renders hostile reports with GitHub's own Markdown parser (cmark-gfm, the Debian package `cmark-gfm`) and checks
// the HTML. Skipped where the binary is not installed; the escaping itself is covered by escape/markdown tests.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/report/markdown.js'
import { budgetCheck, endpointVerdict, regressionOf, reportInput } from './builders.js'

const cmark = spawnSync('cmark-gfm', ['--version'], { encoding: 'utf8' })
const available = cmark.status === 0

/** GitHub's pipeline: GFM extensions, raw HTML allowed by the parser (GitHub sanitizes afterwards). */
function toHtml(markdown: string): string {
  const args = ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tagfilter']
  const result = spawnSync('cmark-gfm', args, { input: markdown, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`cmark-gfm failed: ${result.stderr}`)
  return result.stdout
}

const decode = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

describe.runIf(available)('renderMarkdown through cmark-gfm', () => {
  const hostile =
    'GET /<script>alert(1)</script> @org/team [x](http://x) ![i](http://x/i.png) `rm` |cell| **b** _i_ ~~s~~ ' +
    '$x$ www.evil.example https://evil.example a@b.example #12'
  const serverText = '502 <b>Bad Gateway</b> <img src=x onerror=alert(1)> @org/team ![i](http://x/i.png) `oops` | x'

  it('yields no element from hostile names or server texts: one link (the run), one code block (the chart)', () => {
    const input = reportInput(
      [
        endpointVerdict(hostile, regressionOf(), { budgets: [budgetCheck(`p95 < 5ms ${hostile}`, 'p95', 5, 6)] }),
        endpointVerdict(`${hostile} 2`, { kind: 'invalid', reason: serverText }),
      ],
      {
        profileId: hostile,
        baselineLines: [serverText],
        accepted: { label: hostile, by: '@org/team' },
        verdictOverrides: { warnings: [serverText], headline: hostile },
      },
    )

    const html = toHtml(renderMarkdown(input))

    expect(html.match(/<a [^>]*>/g)).toEqual(['<a href="https://github.com/octo/app/actions/runs/42">'])
    expect(html.match(/<code[^>]*>/g)).toEqual(['<code class="language-mermaid">'])
    expect(html).not.toMatch(/<(script|img|b|em|del|h\d|blockquote|math)\b/)
    const firstTable = /<table>[\s\S]*?<\/table>/.exec(html)![0]
    for (const row of firstTable.match(/<tr>[\s\S]*?<\/tr>/g)!) expect(row.match(/<t[hd][ >]/g)).toHaveLength(7)
    const firstCell = /<td>([\s\S]*?)<\/td>/.exec(firstTable)![1]!
    expect(decode(firstCell).replace(/\u200D/g, '')).toBe(`${hostile.slice(0, 119)}…`)
  })
})
