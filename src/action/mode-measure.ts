// mode: baseline and mode: compare — get the target ready, measure it (live A/B when `baseline-target` is set), write
// the result, then gate: against the live baseline, or against the stores (a shard only measures).
import type { ActionSettings } from '../config/inputs.js'
import type { Profile } from '../config/profile.js'
import { applyShard, parseShard, type Shard } from '../config/shard.js'
import type { RunResult } from '../results/types.js'
import { measureAuto } from './auto-rounds.js'
import { gateAndPublish } from './gate-and-publish.js'
import { liveBaseline } from './live-baseline.js'
import type { ActionDeps } from './ports.js'
import { type PreparedTarget, prepareSecureTarget } from './prepare-target.js'
import { writeResult } from './result-file.js'
import { gateWithStore } from './stored-baseline.js'

export async function runMeasureMode(settings: ActionSettings, mode: 'baseline' | 'compare', rawDeps: ActionDeps) {
  const { deps, target } = await prepareSecureTarget(settings, rawDeps)
  if (target.kind === 'skip') {
    deps.log.info(`Nothing measured: ${target.reason}`)
    deps.outputs.set('verdict', 'skipped')
    await deps.writeSummary(`### Tailgate: skipped\n\n${target.reason}\n`)
    return
  }
  const shard = parseShard(settings.shard, 'shard')
  const profile = applyShard(target.profile, shard)
  deps.log.info(
    `Target: ${profile.target.origin} (from ${target.from})${target.servedSha ? `, serving ${target.servedSha}` : ''}`,
  )
  const auto = shard ? null : await measureAuto(target, profile, { settings, mode, deps })
  const measured = auto !== null && 'candidate' in auto ? auto : await measure(target, profile, deps)
  const { candidate, live } = measured
  const sequential = auto !== null && 'sequential' in auto ? auto.sequential : null
  const resultPath = await writeResult(candidate, settings.outputDir, deps)
  if (candidate.completion.status === 'partial') {
    deps.log.warning(`The run was cut short (${candidate.completion.reason}); partial result written to ${resultPath}`)
  }
  if (deps.signal.aborted) return deps.fail(`Interrupted: the partial result is at ${resultPath}; no verdict was made`)
  if (shard) return await shardMeasured(shard, resultPath, deps)
  if (live && target.baselineTarget) {
    const restored = await liveBaseline(live, target.baselineTarget, { deps, outputDir: settings.outputDir })
    return await gateAndPublish(candidate, restored, {
      deps,
      settings,
      profile,
      mode: 'live A/B',
      pairing: 'abba',
      sequential,
    })
  }
  await gateWithStore(candidate, { settings, mode, deps, profile, restored: auto?.restored ?? null, sequential })
}

/** Runs the load (live A/B when the target has a baseline target), then stops a server the action started. */
async function measure(
  target: Extract<PreparedTarget, { kind: 'measure' }>,
  profile: Profile,
  deps: Pick<ActionDeps, 'measure' | 'measureLiveAb' | 'signal'>,
): Promise<{ readonly candidate: RunResult; readonly live: RunResult | null }> {
  try {
    if (!target.baselineTarget) return { candidate: await deps.measure(profile, { signal: deps.signal }), live: null }
    const both = await deps.measureLiveAb(profile, { baselineTarget: target.baselineTarget, signal: deps.signal })
    return { candidate: both.candidate, live: both.baseline }
  } finally {
    await target.stop()
  }
}

/** A shard only measures: the verdict comes from the merge job. */
async function shardMeasured(shard: Shard, resultPath: string, deps: ActionDeps): Promise<void> {
  deps.outputs.set('verdict', 'shard')
  deps.log.info(
    `Shard ${shard.index}/${shard.count} measured; upload ${resultPath} as an artifact and gate in a job with mode: merge`,
  )
  await deps.writeSummary(
    `### Tailgate: shard ${shard.index} of ${shard.count} measured\n\nThe verdict comes from the merge job.\n`,
  )
}
