// `tailgate check <profile.yml>`: validates a profile without sending anything and prints what `run` would do:
// endpoints, schedule, requests, rounds and what the gate can detect with them.

import './analysis.js' // esbuild chunking hint (the shared analysis code in one chunk): see src/cli/analysis.ts
import { ConfigError } from '../config/errors.js'
import { readProfile } from '../config/load-profile.js'
import type { Profile } from '../config/profile.js'
import { formatMs } from '../config/units.js'
import { EVERY_ENDPOINT } from '../gate/budgets.js'
import { formatP } from '../gate/explain.js'
import { roundsNeeded } from '../gate/validity.js'
import { expectedLoad } from '../load/expected-load.js'
import { plural } from '../report/format.js'
import { minimumExactPValue } from '../stats/exact-distribution.js'
import { EXIT, type ExitCode } from './exit-codes.js'
import type { CliIo } from './io.js'
import { roundsTooFew } from './run.js'

export const CHECK_HELP = `tailgate check <profile.yml> [--target URL]

Validates a profile (syntax, keys, load model, data files, template variables, \${ENV} references) without sending
a request, and prints what 'tailgate run' would do: the endpoints, the schedule, how many requests, the rounds and
what the gate can detect with them. Exit 0: valid; exit 2: not (every problem with file:line and the fix).

Options:
  --target URL      base URL (overrides the profile's target)
  -h, --help        this help
`

const count = (n: number): string => Math.round(n).toLocaleString('en-US')
const percent = (fraction: number): string => `${Math.round(fraction * 1000) / 10} %`
/** Whole seconds as `60 s`, anything else as formatMs does (`500.0 ms`). */
const duration = (ms: number): string =>
  ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : ms === 0 ? '0 s' : formatMs(ms)

function loadLines(profile: Profile): string[] {
  const load = profile.load
  switch (load.model) {
    case 'constant-arrival-rate':
      return [`${count(load.ratePerSecond)} iterations/s, started on schedule (open model)`]
    case 'ramping-arrival-rate':
      return [
        `from ${count(load.startRatePerSecond)}/s, ${load.stages.map((s) => `${duration(s.durationMs)} to ${count(s.target)}/s`).join(', ')} (open model)`,
      ]
    case 'constant-vus':
      return [`${plural(load.vus, 'virtual user')}, each sending its next iteration when the last ends (closed model)`]
    case 'ramping-vus':
      return [
        `from ${plural(load.startVus, 'virtual user')}, ${load.stages.map((s) => `${duration(s.durationMs)} to ${count(s.target)}`).join(', ')} (closed model)`,
      ]
  }
}

/** What the rounds let the gate detect, and whether it can ever fail; `canFail` false means: never. */
export function detectionLines(profile: Profile, endpoints: number): { lines: string[]; canFail: boolean } {
  const { alpha, metrics, marginRelative, marginAbsoluteMs } = profile.gate
  const comparisons = endpoints * metrics.length
  const level = alpha / comparisons
  const smallest = minimumExactPValue(profile.rounds, profile.rounds)
  const canFail = smallest < level
  const lines = [
    `${metrics.join(', ')} per endpoint: ${plural(comparisons, 'comparison')} at alpha ${alpha} (Holm: the first needs p < ${formatP(level)})`,
    `a change counts only above the margin, max(${percent(marginRelative)}, ${formatMs(marginAbsoluteMs)}) of the baseline`,
    canFail
      ? `${profile.rounds} rounds per side: the smallest possible p-value is ${formatP(smallest)}, below ${formatP(level)}, so a regression beyond the margin can be confirmed when the candidate's rounds are consistently slower`
      : `${profile.rounds} rounds per side: the smallest possible p-value is ${formatP(smallest)}, not below ${formatP(level)}: the gate can never report a regression; use rounds: ${roundsNeeded(alpha, comparisons)} or more`,
    `how small a change this runner's noise lets the gate see: tailgate calibrate ${profile.file ?? '<profile.yml>'}`,
  ]
  return { lines, canFail }
}

/** The plan as aligned "Label  text" lines. */
export function describeProfile(profile: Profile): { text: string; canFail: boolean } {
  const expected = expectedLoad(profile)
  const roundMs = profile.durationMs / profile.rounds
  const measuredRequests =
    expected.measuredIterations === null ? null : expected.measuredIterations * expected.requestsPerIteration
  const warmupRequests =
    expected.warmupIterations === null ? null : expected.warmupIterations * expected.requestsPerIteration
  const requests =
    measuredRequests === null || warmupRequests === null
      ? ["not known before the run: a closed model's rate follows the server's latency"]
      : [
          `${count(warmupRequests + measuredRequests)} in all: ${count(warmupRequests)} in the warm-up, ${count(measuredRequests)} measured (${count(measuredRequests / profile.rounds)} per round)`,
        ]
  const endpointLines = expected.endpoints.map(({ name, share }) => {
    const measured = measuredRequests === null ? '' : `, ${count(share * measuredRequests)} measured`
    return `${name}  (${percent(share)} of requests${measured})`
  })
  const detection = detectionLines(profile, expected.endpoints.length)
  const budgets = Object.entries(profile.budgets).map(
    ([endpoint, list]) =>
      `${endpoint === EVERY_ENDPOINT ? '* (every endpoint)' : endpoint}: ${list.map((b) => b.expression).join(', ')}`,
  )
  const sections: [string, string[]][] = [
    ['Profile', [profile.id]],
    ['Target', [profile.target.href]],
    ['Model', [profile.model]],
    ['Load', loadLines(profile)],
    [
      'Schedule',
      [
        `${duration(profile.warmupMs)} warm-up (excluded from every statistic), then ${duration(profile.durationMs)} measured in ${plural(profile.rounds, 'round')} of ${duration(roundMs)}`,
      ],
    ],
    ['Requests', [...requests, `timeout ${duration(profile.requestTimeoutMs)} per request`]],
    [plural(expected.endpoints.length, 'endpoint').replace(/^\d+ e/, 'E'), endpointLines],
    ['Gate', detection.lines],
    ['Budgets', budgets.length > 0 ? budgets : ['none']],
  ]
  const width = Math.max(...sections.map(([label]) => label.length)) + 2
  const text = sections
    .flatMap(([label, lines]) => lines.map((line, i) => `${(i === 0 ? label : '').padEnd(width)}${line}`))
    .join('\n')
  return { text, canFail: detection.canFail }
}

export async function checkCommand(
  profilePath: string | undefined,
  flags: { readonly target?: string },
  io: CliIo,
): Promise<ExitCode> {
  if (!profilePath) throw new ConfigError('profile', 'is missing', 'pass the profile file: tailgate check tailgate.yml')
  const profile = readProfile(profilePath, flags.target ? { target: flags.target, targetName: '--target' } : {})
  const { text, canFail } = describeProfile(profile)
  io.stdout.write(`${profilePath}: valid; nothing was sent. 'tailgate run' would do this:\n\n${text}\n`)
  const roundsWarning = canFail ? null : roundsTooFew(profile)
  if (roundsWarning) io.stderr.write(`warning: ${roundsWarning}\n`)
  return EXIT.pass
}
