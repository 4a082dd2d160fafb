// A figure of the report: one or more charts, a caption, and the same numbers as a table under them (collapsed,
// readable without JavaScript); plus the id source that keeps chart ids unique within one page.
import { truncateText } from '../escape.js'
import { formatMsNumber } from '../format.js'
import { type Child, type Html, h } from './element.js'

/** Hands out unique element ids (`c1`, `c2`, …) within one report. */
export interface IdSource {
  next(): string
}

export function idSource(): IdSource {
  let n = 0
  return { next: () => `c${++n}` }
}

/** A figure: the chart, a caption, and its numbers in a table (collapsed; readable without JavaScript). */
export function figure(charts: Html | readonly Html[], caption: Child, table: Html): Html {
  return h(
    'figure',
    { class: 'chart-figure' },
    (Array.isArray(charts) ? charts : [charts]).map((chart) => h('div', { class: 'chart-box', tabindex: 0 }, chart)),
    h('figcaption', null, caption),
    h('details', { class: 'numbers' }, h('summary', null, 'Numbers of this chart'), table),
  )
}

/** A table: header cells, then rows of cells (first cell a row header; with `numeric`, the rest right-aligned by class). */
export function dataTable(
  caption: string,
  header: readonly string[],
  rows: readonly (readonly Child[])[],
  numeric = true,
): Html {
  return h(
    'table',
    { class: numeric ? 'n' : null },
    h('caption', null, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        header.map((cell) => h('th', null, cell)),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((row) =>
        h(
          'tr',
          null,
          row.map((cell, i) => (i === 0 ? h('th', null, cell) : h('td', null, cell))),
        ),
      ),
    ),
  )
}

/** A latency in ms for a table cell; `–` when there is none. */
export const ms = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : formatMsNumber(value)

/** Longest endpoint name shown (code points); the JSON report has the full name. */
export const MAX_HTML_NAME_CHARS = 300

/** An endpoint name (or other long label of the data) as shown: cut to MAX_HTML_NAME_CHARS; escaped by `h()`. */
export const displayName = (text: string): string => truncateText(text, MAX_HTML_NAME_CHARS)

/** The id of an endpoint's section (by position: names are data and never become ids). */
export const endpointId = (index: number): string => `endpoint-${index + 1}`
