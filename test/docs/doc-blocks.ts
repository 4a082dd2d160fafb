// The examples the documentation shows, found once for every docs test: the markdown files (README.md and docs/),
// their fenced code blocks with the line each starts on, and which YAML blocks are profiles or workflows.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isMap, parseDocument } from 'yaml'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** README.md and every markdown file in docs/, relative to the repository root. */
export const DOC_FILES: readonly string[] = [
  'README.md',
  ...readdirSync(`${REPO_ROOT}docs`)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
]

export interface CodeBlock {
  /** `README.md:27`: the file and the line of the opening fence. */
  readonly where: string
  readonly file: string
  readonly language: string
  readonly text: string
}

export function readDoc(file: string): string {
  return readFileSync(`${REPO_ROOT}${file}`, 'utf8')
}

/** Every fenced code block of a markdown file. */
export function codeBlocks(file: string): CodeBlock[] {
  const text = readDoc(file)
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)].map((match) => ({
    where: `${file}:${text.slice(0, match.index).split('\n').length}`,
    file,
    language: match[1] as string,
    text: match[2] as string,
  }))
}

const yamlBlocks = (): CodeBlock[] =>
  DOC_FILES.flatMap(codeBlocks).filter((block) => block.language === 'yaml' || block.language === 'yml')

/** YAML blocks that are GitHub workflows (they have jobs). */
export const workflowBlocks = (): CodeBlock[] => yamlBlocks().filter((block) => /^jobs:/m.test(block.text))

/** YAML blocks that are load profiles (requests or scenarios at the top level). */
export const profileBlocks = (): CodeBlock[] =>
  yamlBlocks().filter((block) => /^(requests|scenarios):/m.test(block.text))

/** Shell blocks (sh, bash, shell). */
export const shellBlocks = (file: string): CodeBlock[] =>
  codeBlocks(file).filter((block) => ['sh', 'bash', 'shell', 'console'].includes(block.language))

/** The example profiles in examples/, relative to the repository root. */
export const EXAMPLE_PROFILES: readonly string[] = readdirSync(`${REPO_ROOT}examples`)
  .filter((name) => name.endsWith('.yml'))
  .sort()
  .map((name) => `examples/${name}`)

/** The profile text with the target on the local server and the load cut to about a second. */
export function shortened(text: string, target: URL): string {
  const doc = parseDocument(text)
  const set = (key: string, value: unknown) => {
    if (doc.has(key)) doc.set(key, value)
  }
  doc.set('target', target.href)
  set('rate', 10)
  set('vus', 2)
  set('duration', '1s')
  set('warmup', '0s')
  set('max-duration', '20s')
  set('step-duration', '1s')
  const closed = doc.has('vus') || doc.has('start-vus')
  const stages = doc.get('stages')
  if (stages) {
    // Scaled down together (not clamped), so a ramp keeps its shape: a spike stays a spike (recovery budgets).
    const raw = doc.toJS() as { stages: { target: number }[]; 'start-rate'?: number | string }
    const startRate = typeof raw['start-rate'] === 'string' ? Number.parseFloat(raw['start-rate']) : raw['start-rate']
    const peak = Math.max(startRate ?? 0, ...raw.stages.map((stage) => stage.target))
    const scale = Math.min(1, (closed ? 2 : 10) / Math.max(peak, 1))
    const items = raw.stages.map((stage) => ({
      duration: '200ms',
      target: closed ? Math.min(stage.target, 2) : stage.target * scale,
    }))
    doc.set('stages', items)
    if (!closed && startRate !== undefined) set('start-rate', startRate * scale)
  }
  if (!isMap(doc.contents)) throw new Error('not a profile')
  return doc.toString()
}
