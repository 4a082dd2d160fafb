// Checks on a normalized step: its JSON paths can be read, and every `{{var}}` it uses is known at that point.
import { parseJsonPath } from './json-path.js'
import type { Step } from './profile.js'
import type { IssuePath, ProfileIssue } from './profile-issues.js'
import { closestMatch } from './suggest.js'
import { jsonTemplateStrings, templateVariables } from './templates.js'

/** Checks that the JSON paths of captures and `expect.json` can be read. */
export function checkJsonPaths(step: Step, path: IssuePath, issues: ProfileIssue[]): void {
  const fix = 'write a path like $.data.token or items[0].id'
  for (const capture of step.captures) {
    if (capture.from === 'json' && parseJsonPath(capture.path) === undefined) {
      issues.push({
        path: [...path, 'capture', capture.variable, 'json'],
        problem: `'${capture.path}' is not a JSON path`,
        fix,
      })
    }
  }
  for (const jsonPath of Object.keys(step.expect.json)) {
    if (parseJsonPath(jsonPath) === undefined) {
      issues.push({
        path: [...path, 'expect', 'json', jsonPath],
        problem: `'${jsonPath}' is not a JSON path`,
        fix,
        atKey: true,
      })
    }
  }
}

/** Checks that every `{{var}}` in a step is a data column, an earlier capture or a builtin. */
export function checkVariables(step: Step, known: ReadonlySet<string>, path: IssuePath, issues: ProfileIssue[]): void {
  const texts: { path: IssuePath; text: string }[] = [
    { path: [...path, 'path'], text: step.path },
    ...step.query.map(([key, value]) => ({ path: [...path, 'query', key], text: value })),
    ...Object.entries(step.headers).map(([key, value]) => ({ path: [...path, 'headers', key], text: value })),
  ]
  if (step.body.kind === 'raw') texts.push({ path: [...path, 'body'], text: step.body.text })
  if (step.body.kind === 'json') {
    for (const found of jsonTemplateStrings(step.body.value))
      texts.push({ path: [...path, 'json', ...found.path], text: found.text })
  }
  for (const { path: at, text } of texts) {
    for (const name of templateVariables(text)) {
      if (known.has(name)) continue
      const guess = closestMatch(name, [...known])
      const fix = guess
        ? `did you mean '${guess}'?`
        : known.size > 0
          ? `variables here: ${[...known].join(', ')}`
          : 'add a data: file with that column, or capture: it in an earlier step'
      issues.push({ path: at, problem: `unknown variable '{{${name}}}'`, fix })
    }
  }
}
