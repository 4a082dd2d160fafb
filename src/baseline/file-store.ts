// The file store: a bundle (or a bare RunResult file) at a path the user names (input baseline-path). Never throws.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { messageOf } from '../log.js'
import { parseBundle, serializeBundle } from './bundle.js'
import { judgeBaseline, type MachineFacts } from './judge.js'
import type { BaselineStore } from './types.js'

/**
 * A BaselineStore on one file.
 * @example createFileStore({ path: 'perf/baseline.json', machine })
 */
export function createFileStore(options: { readonly path: string; readonly machine: MachineFacts }): BaselineStore {
  const { path } = options
  return {
    name: 'file',
    async restore(query) {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return { kind: 'missing', reason: `no baseline file at ${path}`, warnings: [] }
        }
        const reason = `cannot read the baseline file ${path}: ${messageOf(error)}`
        return { kind: 'missing', reason, warnings: [`Baseline not used: ${reason}`] }
      }
      try {
        const bundle = parseBundle(text, path)
        const sha = bundle.current.git.sha
        return judgeBaseline({
          bundle,
          query,
          machine: options.machine,
          source: {
            store: 'file',
            reference: path,
            branch: bundle.current.git.branch,
            sha,
            exactSha: query.sha !== null && sha === query.sha,
            measuredAt: bundle.current.startedAt,
            commitsBehind: null,
            runId: bundle.current.git.runId,
          },
        })
      } catch (error) {
        return { kind: 'missing', reason: messageOf(error), warnings: [`Baseline not used: ${messageOf(error)}`] }
      }
    },
    async save(result, history) {
      try {
        await mkdir(dirname(path), { recursive: true })
        await writeFile(path, serializeBundle({ current: result, history }))
        return { kind: 'saved', reference: path, warnings: [] }
      } catch (error) {
        const reason = `cannot write ${path}: ${messageOf(error)}`
        return { kind: 'not-saved', reason, warnings: [`Could not save the baseline file: ${reason}`] }
      }
    },
  }
}
