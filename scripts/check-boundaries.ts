// The folder boundaries of src/, computed from the imports and checked against boundaries.json (run by .ci/run):
// no cycle between folders, no edge from a folder to one in its own or a higher layer unless the rule file allows it
// with a reason, packages only where the rules let them in, and the size limits (lines per file and per function).
// Every failure names the rule it breaks and what to do. Usage: tsx scripts/check-boundaries.ts [srcDir] [rulesFile]
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, posix, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

/** The rule file (boundaries.json). Units are the top-level folders of src/ and its root files (`log.ts`). */
export interface BoundaryRules {
  /** Bottom layer first. A unit may import units of lower layers; same or higher layers need an `exceptions` row. */
  readonly layers: ReadonlyArray<{ readonly name: string; readonly units: readonly string[] }>
  readonly exceptions: ReadonlyArray<{ readonly from: string; readonly to: string; readonly reason: string }>
  /** `package` is a prefix of the import specifier (`@actions/`, `node:`); `onlyIn` or `notIn` are path prefixes. */
  readonly packages: ReadonlyArray<{
    readonly package: string
    readonly onlyIn?: readonly string[]
    readonly notIn?: readonly string[]
    readonly reason: string
  }>
  readonly maxFileLines: number
  readonly maxFunctionLines: number
}

export interface Violation {
  readonly rule: 'folder-cycle' | 'layers' | 'unknown-folder' | 'packages' | 'max-file-lines' | 'max-function-lines'
  readonly message: string
}

interface ImportEdge {
  readonly file: string // relative to srcDir, posix
  readonly specifier: string
  readonly target: string | null // relative to srcDir for relative imports, null for packages
}

/** The unit a file belongs to: its top-level folder (`gate`), or the root file itself (`log.ts`). */
export function unitOf(file: string): string {
  return file.split('/')[0] as string
}

function sourceFiles(srcDir: string): string[] {
  return readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))
    .map((path) => path.split(sep).join('/'))
    .sort()
}

function importsOf(file: string, source: ts.SourceFile): ImportEdge[] {
  const edges: ImportEdge[] = []
  const add = (specifier: string) => {
    const target = specifier.startsWith('.')
      ? posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.js$/, '.ts')
      : null
    edges.push({ file, specifier, target })
  }
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) add(node.moduleSpecifier.text)
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return edges
}

/** A comment `long-function: <why>` just above a function (or in its JSDoc) lets it exceed maxFunctionLines. */
const LONG_FUNCTION_WAIVER = /long-function:\s*\S/

function longFunctions(file: string, source: ts.SourceFile, maxLines: number): Violation[] {
  const found: Violation[] = []
  const text = source.getFullText()
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line
      const lines = end - start + 1
      const leading = (ts.getLeadingCommentRanges(text, waiverAnchor(node).getFullStart()) ?? [])
        .map((range) => text.slice(range.pos, range.end))
        .join('\n')
      if (lines > maxLines && !LONG_FUNCTION_WAIVER.test(leading)) {
        found.push({
          rule: 'max-function-lines',
          message: `src/${file}:${start + 1}: function '${nameOf(node)}' has ${lines} lines (max ${maxLines}): split it, or say why it must stay whole in a comment 'long-function: <why>' above it`,
        })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** The node whose leading comments belong to a function: the statement or property that holds it. */
function waiverAnchor(node: ts.Node): ts.Node {
  let anchor = node
  while (
    anchor.parent &&
    (ts.isVariableDeclaration(anchor.parent) ||
      ts.isVariableDeclarationList(anchor.parent) ||
      ts.isVariableStatement(anchor.parent) ||
      ts.isPropertyAssignment(anchor.parent) ||
      ts.isExportAssignment(anchor.parent))
  ) {
    anchor = anchor.parent
  }
  return anchor
}

function nameOf(node: ts.SignatureDeclaration): string {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text
  const parent = node.parent
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) {
    return parent.name.text
  }
  return '(anonymous)'
}

/** Strongly connected components of more than one unit (or a unit importing itself through others): the cycles. */
function folderCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let index = 0
  const indexOf = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const connect = (unit: string) => {
    indexOf.set(unit, index)
    low.set(unit, index)
    index++
    stack.push(unit)
    onStack.add(unit)
    for (const next of graph.get(unit) ?? []) {
      if (!indexOf.has(next)) {
        connect(next)
        low.set(unit, Math.min(low.get(unit)!, low.get(next)!))
      } else if (onStack.has(next)) {
        low.set(unit, Math.min(low.get(unit)!, indexOf.get(next)!))
      }
    }
    if (low.get(unit) === indexOf.get(unit)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== unit)
      if (component.length > 1) cycles.push(component.sort())
    }
  }
  for (const unit of [...graph.keys()].sort()) if (!indexOf.has(unit)) connect(unit)
  return cycles
}

function packageViolations(edge: ImportEdge, rules: BoundaryRules): Violation[] {
  const violations: Violation[] = []
  const path = edge.file
  const under = (prefixes: readonly string[]) => prefixes.some((prefix) => path === prefix || path.startsWith(prefix))
  for (const rule of rules.packages) {
    if (!edge.specifier.startsWith(rule.package)) continue
    const refused = (rule.onlyIn && !under(rule.onlyIn)) || (rule.notIn && under(rule.notIn))
    if (refused) {
      violations.push({
        rule: 'packages',
        message: `src/${path} imports '${edge.specifier}', but rule packages['${rule.package}'] ${rule.onlyIn ? `allows it only in ${rule.onlyIn.join(', ')}` : `forbids it in ${rule.notIn!.join(', ')}`} (${rule.reason}): move the code behind a port that the shell wires`,
      })
    }
  }
  return violations
}

/** Checks the tree under `srcDir` against `rules`; an empty list means every boundary holds. */
export function checkBoundaries(srcDir: string, rules: BoundaryRules): Violation[] {
  const violations: Violation[] = []
  const layerOf = new Map<string, number>()
  rules.layers.forEach((layer, i) => {
    for (const unit of layer.units) layerOf.set(unit, i)
  })
  const allowed = new Set(rules.exceptions.map((e) => `${e.from}->${e.to}`))
  const graph = new Map<string, Set<string>>()
  const reported = new Set<string>()
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(join(srcDir, file), 'utf8')
    const lineCount = text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
    if (lineCount > rules.maxFileLines) {
      violations.push({
        rule: 'max-file-lines',
        message: `src/${file} has ${lineCount} lines (max ${rules.maxFileLines}): split it into modules with one job each`,
      })
    }
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
    violations.push(...longFunctions(file, source, rules.maxFunctionLines))
    const from = unitOf(file)
    if (!layerOf.has(from) && !reported.has(from)) {
      reported.add(from)
      violations.push({
        rule: 'unknown-folder',
        message: `src/${file}: '${from}' is in no layer of the rule file: add it to a layer of boundaries.json (and its README line to CONTRIBUTING.md)`,
      })
    }
    for (const edge of importsOf(file, source)) {
      violations.push(...packageViolations(edge, rules))
      if (edge.target === null) continue
      const to = unitOf(edge.target)
      if (to === from) continue
      if (!graph.has(from)) graph.set(from, new Set())
      graph.get(from)!.add(to)
      const fromLayer = layerOf.get(from)
      const toLayer = layerOf.get(to)
      if (fromLayer === undefined || toLayer === undefined || toLayer < fromLayer) continue
      if (allowed.has(`${from}->${to}`)) continue
      violations.push({
        rule: 'layers',
        message: `src/${file} imports src/${edge.target}: '${from}' (layer '${rules.layers[fromLayer]!.name}') may only import folders of lower layers, and '${to}' is in layer '${rules.layers[toLayer]!.name}': move the shared code down, pass it in through a port, or add {from: '${from}', to: '${to}', reason} to the exceptions of boundaries.json`,
      })
    }
  }
  for (const cycle of folderCycles(graph)) {
    violations.push({
      rule: 'folder-cycle',
      message: `folders ${cycle.join(', ')} import each other in a cycle: one direction of dependencies, so move the shared part below all of them`,
    })
  }
  return violations
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  const srcDir = resolve(process.argv[2] ?? join(root, 'src'))
  const rulesFile = resolve(process.argv[3] ?? join(root, 'boundaries.json'))
  const rules = JSON.parse(readFileSync(rulesFile, 'utf8')) as BoundaryRules
  const violations = checkBoundaries(srcDir, rules)
  for (const v of violations) process.stderr.write(`boundary rule '${v.rule}': ${v.message}\n`)
  const where = relative(process.cwd(), srcDir) || '.'
  process.stdout.write(
    violations.length === 0
      ? `check-boundaries: ${where} holds every rule of ${relative(process.cwd(), rulesFile)}\n`
      : `check-boundaries: ${violations.length} violation(s) in ${where}\n`,
  )
  process.exitCode = violations.length === 0 ? 0 : 1
}
