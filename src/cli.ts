// The CLI entry (bundled to dist/cli.js): wires process I/O and signals, runs one command, sets the exit code.

import * as nodeModule from 'node:module'
import { processIo } from './cli/io.js'
import { main } from './cli/main.js'

// Node 22.1+ keeps V8's compiled code of the command chunks (dist/cli-chunks/) in its compile cache (the OS temp
// directory; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so a second `tailgate compare` skips compiling them: about
// 30 ms less CPU per run in a loop over result files (docs/benchmarks.md). Node 20 has no such API: nothing happens.
;(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.()

const controller = new AbortController()
let interrupts = 0
const onSignal = (signal: NodeJS.Signals) => {
  interrupts++
  if (interrupts > 1) process.exit(130) // a second Ctrl-C: the user really wants out
  process.stderr.write(`\ntailgate: ${signal} received: stopping, writing the partial result (again to quit now)\n`)
  controller.abort(new Error(`interrupted by ${signal}`))
}
process.on('SIGINT', onSignal)
process.on('SIGTERM', onSignal)

process.exitCode = await main(process.argv.slice(2), processIo(controller.signal))
process.off('SIGINT', onSignal)
process.off('SIGTERM', onSignal)
