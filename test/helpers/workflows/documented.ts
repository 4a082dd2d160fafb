// The workflows README.md and docs/*.md show: every ```yaml block with `jobs:`, named by its first-line comment
// (`# .github/workflows/perf-report.yml — …`) so a test can ask for "the fork-safe report workflow of the README".
import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'

const root = new URL('../../../', import.meta.url)

export interface DocumentedWorkflow {
  /** Where it is shown, e.g. `README.md block 3`. */
  readonly source: string
  /** The doc file, e.g. `docs/workflows.md`. */
  readonly doc: string
  /** The workflow file its comment names, e.g. `perf-report.yml`. */
  readonly file: string
  /** The workflow's `name:`. */
  readonly name: string
  /** The YAML as documented. */
  readonly text: string
}

/** Every documented workflow, in document order (README.md first, then docs/ alphabetically). */
export function documentedWorkflows(): DocumentedWorkflow[] {
  const docs = ['README.md', ...readdirSync(new URL('docs/', root)).map((f) => `docs/${f}`)].filter((f) =>
    f.endsWith('.md'),
  )
  return docs.flatMap((doc) =>
    [...readFileSync(new URL(doc, root), 'utf8').matchAll(/```ya?ml\n([\s\S]*?)```/g)]
      .map((m, i) => ({ text: m[1]!, index: i + 1 }))
      .filter(({ text }) => /^jobs:/m.test(text))
      .map(({ text, index }) => {
        const file = /^#\s*\.github\/workflows\/([\w.-]+\.ya?ml)/m.exec(text)?.[1] ?? `${doc}-block-${index}.yml`
        const name = String((parse(text) as { name?: unknown }).name ?? file)
        return { source: `${doc} block ${index}`, doc, file, name, text }
      }),
  )
}

/**
 * The documented workflow of `doc` named `name` (its `name:`), e.g. documented('README.md', 'perf report').
 * With several of that name in the doc, `nth` (1-based) picks one.
 */
export function documented(doc: string, name: string, nth = 1): DocumentedWorkflow {
  const found = documentedWorkflows().filter((w) => w.doc === doc && w.name === name)
  const chosen = found[nth - 1]
  if (!chosen) throw new Error(`${doc} shows no workflow named '${name}' (#${nth})`)
  return chosen
}
