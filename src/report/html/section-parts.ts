// What every section of the HTML report is built from: a titled section, a text table that scrolls sideways on a
// narrow screen, and the rows of a table that sets the baseline's value beside this PR's. Pure markup helpers.
import { type Child, type Html, h } from './element.js'
import { dataTable } from './figure.js'

/** A top-level section of the report: `<section id>` labelled by its `<h2>` (id `<id>-h`), then `children`. */
export function reportSection(id: string, title: string, ...children: Child[]): Html {
  return h('section', { id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), ...children)
}

/** A table of text (not right-aligned numbers) in a wrapper that scrolls sideways when it is wider than the page. */
export function textTable(caption: string, header: readonly string[], rows: readonly (readonly Child[])[]): Html {
  return h('div', { class: 'table-wrap' }, dataTable(caption, header, rows, false))
}

/** A row of a side-by-side table: its label, and how to read its value from one side (a run, an environment). */
export interface SideBySideRow<T> {
  readonly label: string
  readonly value: (side: T) => string
}

/** One `[label, baseline value, this PR's value]` row per row; `–` for the baseline when there is none. */
export function sideBySideRows<T>(rows: readonly SideBySideRow<T>[], baseline: T | null, candidate: T): string[][] {
  return rows.map((row) => [row.label, baseline === null ? '–' : row.value(baseline), row.value(candidate)])
}
