// Renders the example PR comment (docs/example-comment.md) to a PNG for the README: markdown -> HTML with GitHub's
// own renderer (cmark-gfm with GitHub's extensions; Debian package `cmark-gfm`), GitHub-like CSS inline, then a
// screenshot by headless Chromium (Debian package `chromium`). Not part of the test suite.
//
//   npx tsx scripts/render-comment.ts [--in docs/example-comment.md] [--out docs/example-comment.png] [--open]
//
// `--open` expands the <details> sections. GitHub draws ```mermaid blocks as charts; the mermaid library is not
// available here, so the `xychart-beta` blocks the report writes (bars and lines over named x positions) are drawn
// as a small SVG by this script, with a note saying so; any other mermaid block stays a code block.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** What to render and where to write it. */
export interface RenderOptions {
  readonly inputPath: string
  readonly outputPath: string
  /** Expand every <details> section. */
  readonly openDetails: boolean
  /** Browser window (and so screenshot) size in CSS pixels. */
  readonly width: number
  readonly height: number
}

const DEFAULTS: RenderOptions = {
  inputPath: 'docs/example-comment.md',
  outputPath: 'docs/example-comment.png',
  openDetails: false,
  width: 1000,
  height: 1400,
}

/** GitHub's renderer options: the GFM extensions GitHub enables, raw HTML kept (details, sub) but tag-filtered. */
const CMARK_ARGS = [
  '--to',
  'html',
  '--unsafe',
  '--github-pre-lang',
  '--extension',
  'table',
  '--extension',
  'strikethrough',
  '--extension',
  'autolink',
  '--extension',
  'tagfilter',
  '--extension',
  'tasklist',
] as const

/** Flags for a screenshot without a profile, network chatter, GPU or sandbox (a container runs as root). */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--hide-scrollbars',
  '--force-device-scale-factor=1',
] as const

/** A subset of GitHub's light theme (Primer): enough for headings, tables, code, alerts and details. */
const GITHUB_CSS = `
body { margin: 0; background: #f6f8fa; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans",
  Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji"; font-size: 14px; line-height: 1.5; color: #1f2328; }
.comment { margin: 16px; border: 1px solid #d1d9e0; border-radius: 6px; background: #fff; }
.comment-header { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0;
  color: #59636e; }
.comment-header strong { color: #1f2328; }
.bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px; margin-left: 4px; }
.markdown-body { padding: 16px; }
.markdown-body > :first-child { margin-top: 0; }
p, ul, ol, table, pre, blockquote, details { margin: 0 0 16px; }
ul, ol { padding-left: 2em; }
li + li { margin-top: 0.25em; }
a { color: #0969da; text-decoration: none; }
code { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace; font-size: 85%;
  background: rgba(129, 139, 152, 0.12); border-radius: 6px; padding: 0.2em 0.4em; }
pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; font-size: 85%; line-height: 1.45; }
pre code { background: none; padding: 0; font-size: 100%; }
table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
th { font-weight: 600; }
tr:nth-child(2n) { background: #f6f8fa; }
blockquote { padding: 0 1em; color: #59636e; border-left: 0.25em solid #d1d9e0; }
.alert { padding: 8px 16px; border-left: 0.25em solid; color: inherit; }
.alert-title { font-weight: 500; margin-bottom: 4px; }
.alert-note { border-color: #0969da; } .alert-note .alert-title { color: #0969da; }
.alert-tip { border-color: #1a7f37; } .alert-tip .alert-title { color: #1a7f37; }
.alert-important { border-color: #8250df; } .alert-important .alert-title { color: #8250df; }
.alert-warning { border-color: #9a6700; } .alert-warning .alert-title { color: #9a6700; }
.alert-caution { border-color: #d1242f; } .alert-caution .alert-title { color: #d1242f; }
details summary { cursor: pointer; }
sub { font-size: 75%; color: #59636e; }
.mermaid-note { font-size: 12px; color: #59636e; margin: -12px 0 16px; }
.chart { display: block; margin: 0 0 16px; border: 1px solid #d1d9e0; border-radius: 6px; background: #fff; }
`

/** Markdown to an HTML fragment with cmark-gfm (the C library GitHub's own renderer is built on). */
export function markdownToHtml(markdown: string): string {
  return execFileSync('cmark-gfm', [...CMARK_ARGS], { input: markdown, encoding: 'utf8', timeout: 30_000 })
}

/**
 * GitHub's presentation on top of the plain render: `> [!WARNING]` blockquotes as alerts, a note under each mermaid
 * block (GitHub draws it as a chart), and optionally every <details> opened.
 */
export function githubPresentation(fragment: string, options: { readonly openDetails: boolean }): string {
  let html = fragment.replace(
    /<blockquote>\n<p>\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/g,
    (_match, kind: string) =>
      `<blockquote class="alert alert-${kind.toLowerCase()}">\n<p class="alert-title">${kind[0]}${kind.slice(1).toLowerCase()}</p>\n<p>`,
  )
  html = html.replace(/<pre lang="mermaid"><code>([\s\S]*?)<\/code><\/pre>/g, (block, code: string) => {
    const chart = parseXyChart(decodeEntities(code))
    return chart
      ? `${xyChartSvg(chart)}\n<p class="mermaid-note">Mermaid chart, drawn by scripts/render-comment.ts for this image; GitHub draws it with mermaid.</p>`
      : `${block}\n<p class="mermaid-note">Mermaid source: GitHub draws this block as a chart.</p>`
  })
  if (options.openDetails) html = html.replace(/<details>/g, '<details open>')
  return html
}

/** An `xychart-beta` block of the kind src/report/mermaid.ts writes. */
export interface XyChart {
  readonly title: string
  readonly xLabels: readonly string[]
  readonly yLabel: string
  readonly yMax: number
  readonly bars: readonly number[] | null
  readonly line: readonly number[] | null
}

/** Parses the xychart-beta subset the report writes; null for anything else (left as a code block). */
export function parseXyChart(source: string): XyChart | null {
  const lines = source.split('\n').map((line) => line.trim())
  if (lines[0] !== 'xychart-beta') return null
  const find = (prefix: string) =>
    lines
      .find((line) => line.startsWith(prefix))
      ?.slice(prefix.length)
      .trim()
  const numbers = (text: string | undefined) =>
    text === undefined ? null : (JSON.parse(text) as unknown[]).map((value) => Number(value))
  const xAxis = find('x-axis')
  const yAxis = /^"([^"]*)"\s+([\d.]+)\s+-->\s+([\d.]+)$/.exec(find('y-axis') ?? '')
  if (!xAxis || !yAxis) return null
  try {
    const xLabels = (JSON.parse(xAxis) as unknown[]).map(String)
    return {
      title: /^"(.*)"$/.exec(find('title') ?? '')?.[1] ?? '',
      xLabels,
      yLabel: yAxis[1] ?? '',
      yMax: Number(yAxis[3]),
      bars: numbers(find('bar')),
      line: numbers(find('line')),
    }
  } catch {
    return null
  }
}

const CHART = { width: 720, height: 320, left: 64, right: 24, top: 44, bottom: 40, ticks: 5 } as const

/** The chart as inline SVG: bars (baseline) and a line with points (this PR), y from 0 to yMax. */
export function xyChartSvg(chart: XyChart): string {
  const plotWidth = CHART.width - CHART.left - CHART.right
  const plotHeight = CHART.height - CHART.top - CHART.bottom
  const slot = plotWidth / Math.max(1, chart.xLabels.length)
  const x = (index: number) => CHART.left + slot * (index + 0.5)
  const y = (value: number) => CHART.top + plotHeight * (1 - Math.min(value, chart.yMax) / chart.yMax)
  const parts: string[] = [
    `<text x="${CHART.width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600">${escapeXml(chart.title)}</text>`,
  ]
  for (let tick = 0; tick <= CHART.ticks; tick++) {
    const value = (chart.yMax * tick) / CHART.ticks
    parts.push(
      `<line x1="${CHART.left}" x2="${CHART.width - CHART.right}" y1="${y(value)}" y2="${y(value)}" stroke="#eaeef2"/>`,
      `<text x="${CHART.left - 8}" y="${y(value) + 4}" text-anchor="end" font-size="11" fill="#59636e">${value === 0 ? 0 : value.toFixed(value < 10 ? 1 : 0)}</text>`,
    )
  }
  parts.push(
    `<text x="16" y="${CHART.top + plotHeight / 2}" font-size="12" fill="#59636e" transform="rotate(-90 16 ${CHART.top + plotHeight / 2})" text-anchor="middle">${escapeXml(chart.yLabel)}</text>`,
  )
  chart.xLabels.forEach((label, index) => {
    parts.push(
      `<text x="${x(index)}" y="${CHART.height - CHART.bottom + 18}" text-anchor="middle" font-size="12">${escapeXml(label)}</text>`,
    )
  })
  chart.bars?.forEach((value, index) => {
    const width = slot * 0.55
    parts.push(
      `<rect x="${x(index) - width / 2}" y="${y(value)}" width="${width}" height="${y(0) - y(value)}" fill="#9ec5fe" stroke="#4a90e2"/>`,
    )
  })
  if (chart.line) {
    const points = chart.line.map((value, index) => `${x(index)},${y(value)}`)
    parts.push(`<polyline points="${points.join(' ')}" fill="none" stroke="#d1242f" stroke-width="2.5"/>`)
    for (const point of points) {
      const [px, py] = point.split(',')
      parts.push(`<circle cx="${px}" cy="${py}" r="3.5" fill="#d1242f"/>`)
    }
  }
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${CHART.width}" height="${CHART.height}" font-family="inherit">${parts.join('')}</svg>`
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function decodeEntities(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

/** The whole page: a PR comment frame around the rendered body. */
export function commentPage(bodyHtml: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tailgate PR comment</title><style>${GITHUB_CSS}</style></head>
<body><div class="comment">
<div class="comment-header"><strong>github-actions</strong><span class="bot">bot</span> commented</div>
<div class="markdown-body">
${bodyHtml}
</div></div></body></html>
`
}

/** Screenshots `htmlPath` with headless Chromium into `outputPath` (a fresh throwaway profile each time). */
export function screenshot(options: { htmlPath: string; outputPath: string; width: number; height: number }): void {
  const profileDir = mkdtempSync(join(tmpdir(), 'tailgate-chromium-'))
  try {
    execFileSync(
      'chromium',
      [
        ...CHROMIUM_FLAGS,
        `--user-data-dir=${profileDir}`,
        `--screenshot=${resolve(options.outputPath)}`,
        `--window-size=${options.width},${options.height}`,
        pathToFileURL(options.htmlPath).href,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 },
    )
  } finally {
    rmSync(profileDir, { recursive: true, force: true })
  }
}

/** Renders the markdown file to a PNG; returns the HTML path kept next to the PNG's temp dir for inspection. */
export function renderComment(options: RenderOptions): string {
  const markdown = readFileSync(options.inputPath, 'utf8')
  const html = commentPage(githubPresentation(markdownToHtml(markdown), { openDetails: options.openDetails }))
  const workDir = mkdtempSync(join(tmpdir(), 'tailgate-render-'))
  const htmlPath = join(workDir, 'comment.html')
  writeFileSync(htmlPath, html)
  screenshot({ htmlPath, outputPath: options.outputPath, width: options.width, height: options.height })
  if (!existsSync(options.outputPath) || statSync(options.outputPath).size === 0) {
    throw new Error(`chromium wrote no screenshot to ${options.outputPath}`)
  }
  return htmlPath
}

function parseArgs(argv: readonly string[]): RenderOptions {
  const options: { -readonly [K in keyof RenderOptions]: RenderOptions[K] } = { ...DEFAULTS }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = argv[i + 1]
    if (flag === '--open') options.openDetails = true
    else if (flag === '--in' && value) options.inputPath = argv[++i]!
    else if (flag === '--out' && value) options.outputPath = argv[++i]!
    else if (flag === '--width' && value) options.width = Number(argv[++i])
    else if (flag === '--height' && value) options.height = Number(argv[++i])
    else throw new Error(`unknown argument '${flag}'; usage: render-comment.ts [--in md] [--out png] [--open]`)
  }
  return options
}

if (process.argv[1]?.endsWith('render-comment.ts')) {
  const options = parseArgs(process.argv.slice(2))
  const htmlPath = renderComment(options)
  console.log(`Rendered ${options.inputPath} -> ${options.outputPath} (HTML: ${htmlPath})`)
}
