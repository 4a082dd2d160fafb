// The self-contained HTML report: one file, no script, no network (a Content-Security-Policy forbids both), charts
// drawn as inline SVG with their numbers in tables. Pure: ReportInput in, a complete HTML document out.
import { TAILGATE_VERSION } from '../../version.js'
import { truncateText } from '../escape.js'
import { ENDPOINT_LABELS, headlineParts, OVERALL_LABELS } from '../outcome.js'
import type { ReportInput } from '../types.js'
import { baselineSection } from './baseline-section.js'
import { capacitySection } from './capacity-section.js'
import { fragment, type Html, h, trustedHtml } from './element.js'
import { displayName, endpointId, idSource } from './figure.js'
import { reportSection } from './section-parts.js'
import { endpointSection, runSection } from './sections.js'
import { REPORT_CSS } from './style.js'
import { summarySection } from './summary-section.js'

/** No script, no fetch, no external anything: only our inline styles and SVG. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

const SAFE_URL = /^https:\/\/[^\s<>"'`\\]+$/

function header(input: ReportInput): Html {
  const { verdict } = input
  const label = OVERALL_LABELS[verdict.outcome]
  const { headline, regressions } = headlineParts(verdict)
  const status =
    input.accepted !== null
      ? `Accepted with the label “${input.accepted.label}”${input.accepted.by === null ? '' : `, applied by ${input.accepted.by}`}: the check does not fail.`
      : verdict.failed
        ? `The check fails on: ${verdict.failing.join(', ')}.`
        : 'The check passes.'
  return h(
    'header',
    null,
    h('h1', { id: 'verdict', class: `verdict v-${verdict.outcome}` }, `${label.emoji} Tailgate: ${label.word}`),
    h('p', { class: 'profile' }, 'Profile ', h('strong', null, displayName(input.profileId)), ` · ${input.mode}`),
    h('p', { class: 'headline', id: 'headline' }, regressions === null ? '' : `${regressions} · `, headline),
    h('p', { class: 'status', id: 'status' }, status),
    notices(input),
  )
}

function notices(input: ReportInput): Html[] {
  const out: Html[] = []
  if (input.baseline === null) {
    const reasons = [
      ...new Set(input.verdict.endpoints.flatMap((e) => (e.outcome.kind === 'no-baseline' ? [e.outcome.reason] : []))),
    ]
    const why = reasons.join('; ') || 'the baseline step found none'
    out.push(notice('no-baseline', `➖ No baseline: ${why}. Nothing was compared; budgets were still checked.`))
  }
  const invalid = input.candidate.health.invalidReasons
  if (invalid.length > 0) out.push(notice('invalid', `⚠️ Invalid run: ${invalid.join('; ')}.`))
  if (input.candidate.completion.status === 'partial') {
    out.push(notice('partial', `⏹ Partial run: ${input.candidate.completion.reason}.`))
  }
  return out
}

const notice = (kind: string, text: string): Html =>
  h('p', { class: 'notice', 'data-notice': kind, role: 'note' }, text)

function contents(input: ReportInput): Html {
  return h(
    'nav',
    { 'aria-label': 'Contents' },
    h('h2', null, 'Contents'),
    h(
      'ol',
      null,
      h('li', null, h('a', { href: '#summary' }, 'Summary table')),
      h('li', null, h('a', { href: '#run' }, 'Run health and timeline')),
      input.candidate.capacity === undefined ? null : h('li', null, h('a', { href: '#capacity' }, 'Capacity')),
      input.verdict.endpoints.map((endpoint, i) =>
        h(
          'li',
          null,
          h(
            'a',
            { href: `#${endpointId(i)}` },
            `${ENDPOINT_LABELS[endpoint.outcome.kind].emoji} ${displayName(endpoint.endpoint)}`,
          ),
        ),
      ),
      h('li', null, h('a', { href: '#baseline' }, 'Baseline and environment')),
    ),
  )
}

function footer(input: ReportInput): Html {
  const link =
    input.runUrl !== null && SAFE_URL.test(input.runUrl)
      ? fragment(' · ', h('a', { href: input.runUrl, rel: 'noreferrer' }, 'workflow run'))
      : input.runUrl === null
        ? null
        : ` · workflow run ${input.runUrl}`
  return h('footer', null, `Tailgate ${TAILGATE_VERSION} · generated from ${input.candidate.startedAt}`, link)
}

/**
 * Renders the HTML report: verdict and why (as in the comment), run health with per-second latency and rate,
 * a capacity search's latency by arrival rate (SLO line, knee), then per endpoint its latency over time, the latency distribution, the rounds the gate compared (margin and CI drawn) and the base
 * branch's p95 trend; every chart has its numbers in a table. Readable without JavaScript (there is none).
 */
export function renderHtml(input: ReportInput): string {
  const ids = idSource()
  const title = `Tailgate: ${OVERALL_LABELS[input.verdict.outcome].word} · ${truncateText(input.profileId, 80)}`
  const document = h(
    'html',
    { lang: 'en' },
    h(
      'head',
      null,
      h('meta', { charset: 'utf-8' }),
      h('meta', { 'http-equiv': 'Content-Security-Policy', content: REPORT_CSP }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', { name: 'generator', content: `Tailgate ${TAILGATE_VERSION}` }),
      h('title', null, title),
      h('style', null, trustedHtml(REPORT_CSS)),
    ),
    h(
      'body',
      null,
      h('a', { class: 'skip', href: '#summary' }, 'Skip to the summary'),
      h(
        'main',
        null,
        header(input),
        contents(input),
        summarySection(input),
        runSection(input, ids),
        capacitySection(input, ids),
        reportSection(
          'endpoints',
          'Endpoints',
          input.verdict.endpoints.map((endpoint, i) => endpointSection(input, endpoint, i, ids)),
        ),
        baselineSection(input),
      ),
      footer(input),
    ),
  )
  return `<!doctype html>\n${document.html}\n`
}
