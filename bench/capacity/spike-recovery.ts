// Spike-recovery acceptance benchmark (not CI): a ramp with a spike against a loopback server that slows down while
// overloaded (150 ms instead of 5 ms) and recovers a set time after the overload ends; Tailgate's reported recovery
// beside the server's own (from the spike's end to the first arrival it served normally again). Acceptance: within
// 1 s. Usage: npx tsx bench/capacity/spike-recovery.ts [--runs 2] [--recover 1s,3s,5s]
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { findSpike } from '../../src/config/spike.js'
import { parseDurationMs } from '../../src/config/units.js'
import { overloadServer, ownRecoveryMs, spikeProfileText } from '../../test/helpers/overload-server.js'
import { startServer } from '../../test/helpers/servers.js'
import { profileFor, run } from '../../test/load/run-helpers.js'

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '2' }, recover: { type: 'string', default: '1s,3s,5s' } },
})

const rows: string[] = []
let within = 0
let total = 0
const startedMs = performance.now()
for (const recover of (values.recover as string).split(',')) {
  const recoversAfterMs = parseDurationMs(recover.trim()) as number
  for (let i = 0; i < Number(values.runs); i++) {
    const server = overloadServer({ recoversAfterMs })
    const started = await startServer(server.handler)
    try {
      const profile = profileFor(started.url, spikeProfileText(Math.ceil(recoversAfterMs / 1000) + 6))
      const spike = findSpike(profile.load)
      if (spike === null) throw new Error('the profile has no spike')
      const result = await run(profile)
      const spikeEndMs = Date.parse(result.startedAt) + profile.warmupMs + spike.endMs
      const own = ownRecoveryMs(server, spikeEndMs)
      const reported = result.recovery?.recoveredAfterMs ?? null
      const diff = own === null || reported === null ? null : reported - own
      total++
      if (diff !== null && Math.abs(diff) <= 1000) within++
      const ms = (value: number | null) => (value === null ? 'not recovered' : `${(value / 1000).toFixed(2)} s`)
      rows.push(
        `| ${new Date().toISOString().slice(11, 19)} | ${recover} | ${ms(own)} | ${ms(reported)} | ` +
          `${diff === null ? '–' : `${diff > 0 ? '+' : ''}${(diff / 1000).toFixed(2)} s`} | ${loadavg()[0]?.toFixed(1)} |`,
      )
      console.error(rows[rows.length - 1])
    } finally {
      await started.close()
    }
  }
}
console.log('| UTC | Server recovers after | Server’s own recovery | Tailgate’s recovery | Difference | Load avg |')
console.log('| --- | --- | ---: | ---: | ---: | ---: |')
for (const row of rows) console.log(row)
console.log(
  `\nWithin 1 s of the server's own: ${within} of ${total}. ${((performance.now() - startedMs) / 1000).toFixed(1)} s ` +
    `in all (Node ${process.version}).`,
)
