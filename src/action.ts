// The action entry (bundled to dist/index.js): wire the real adapters, run the Action's main (src/action/run.ts) once, exit.
import * as core from '@actions/core'
import { createActionDeps } from './action/real-deps.js'
import { runAction } from './action/run.js'
import { messageOf } from './log.js'

const controller = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    core.warning(`${signal} received: stopping the load and writing the partial result`)
    controller.abort(new Error(`cancelled (${signal})`))
    // Belt and braces: whatever is still pending, the step ends within 10 s of the signal.
    setTimeout(() => {
      core.setFailed(`Tailgate was cancelled (${signal}) and did not finish within 9 s; exiting`)
      process.exit(1)
    }, 9_000).unref()
  })
}

try {
  await runAction(await createActionDeps(controller.signal))
} catch (error) {
  // Only a broken runner environment gets here (runAction itself never throws).
  core.setFailed(`Tailgate could not start: ${messageOf(error)}`)
}
// Exit now: an abandoned toolkit call (a cache retry after its deadline, a hung socket) must not keep the step alive.
process.exit(process.exitCode ?? 0)
