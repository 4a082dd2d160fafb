// The action pipeline: inputs -> profile -> load run -> baseline -> verdict -> reports -> comment -> baseline save.
// Every effect goes through ActionDeps; the shell (src/action.ts) wires the real ones.
import { join } from 'node:path'
import { sourceOfResult } from '../baseline/source.js'
import type { BaselineQuery, RestoreOutcome } from '../baseline/types.js'
import { calibrate } from '../calibrate/calibrate.js'
import { renderCalibrationJson, renderCalibrationMarkdown, renderCalibrationText } from '../calibrate/render.js'
import { isUserError } from '../config/errors.js'
import { profileFingerprint } from '../config/fingerprint.js'
import type { GateSettings } from '../config/gate-schema.js'
import { type ActionSettings, parseActionInputs } from '../config/inputs.js'
import { readProfile } from '../config/load-profile.js'
import type { Profile } from '../config/profile.js'
import { applyShard, parseShard } from '../config/shard.js'
import { decide } from '../gate/decide.js'
import type { Verdict } from '../gate/types.js'
import { messageOf } from '../log.js'
import type { ReportBaseline } from '../report/types.js'
import { serializeRunResult } from '../results/codec.js'
import { mergeRunResults } from '../results/merge.js'
import type { RunResult } from '../results/types.js'
import { CancelledError, cancellableDeps } from './cancellation.js'
import { baselineBranchOf, type ResolvedMode, resolveMode } from './modes.js'
import type { ActionDeps } from './ports.js'
import { prepareTarget } from './prepare-target.js'
import { LocalServerError } from './preview/local-server.js'
import { TargetNotReadyError } from './preview/readiness.js'
import { publishReports } from './publish.js'
import { profileVariableSecrets, withSecretHeaders } from './redaction.js'
import { findMeasuredResult, keepMeasuredResult, reportNoMeasuredResult } from './relabel.js'
import { readResultPair } from './report-mode.js'
import { readShardResults } from './shards.js'

/** Runs the action once. Never throws: failures end in deps.fail with a one-line message. */
export async function runAction(uncancellable: ActionDeps): Promise<void> {
  const deps = cancellableDeps(uncancellable)
  try {
    const settings = parseActionInputs(deps.readInput)
    const mode = resolveMode(settings.mode, deps.context)
    deps.log.info(`Tailgate mode: ${mode} (input '${settings.mode}', event '${deps.context.eventName}')`)
    if (mode === 'report') return await reportExisting(settings, deps)
    if (mode === 'merge') return await mergeShards(settings, deps)
    if (mode === 'calibrate') return await calibrateTarget(settings, deps)
    if (mode === 'relabel') return await relabelMeasured(settings, deps)
    await measureAndGate(settings, mode, deps)
  } catch (error) {
    // A user mistake, or a target that never became ready: one line, no stack (the message says the fix).
    if (isUserError(error) || error instanceof TargetNotReadyError || error instanceof LocalServerError) {
      return deps.fail(messageOf(error))
    }
    if (error instanceof CancelledError || deps.signal.aborted) {
      return deps.fail(
        `Tailgate was ${error instanceof CancelledError ? error.message : `cancelled (${messageOf(error)})`}`,
      )
    }
    deps.log.debug(error instanceof Error && error.stack ? error.stack : String(error))
    deps.fail(`Tailgate failed: ${messageOf(error)}`)
  }
}

async function measureAndGate(settings: ActionSettings, mode: 'baseline' | 'compare', rawDeps: ActionDeps) {
  // Secrets first: every channel below is redacted, and the runner masks the values in its log.
  const profileSecrets = await profileVariableSecrets(settings.profilePath, rawDeps)
  const { deps, redact, headers } = withSecretHeaders(settings.headers, rawDeps, profileSecrets)

  const target = await prepareTarget({
    settings,
    context: deps.context,
    log: deps.log,
    redact,
    headers,
    workspace: deps.workspace,
    signal: deps.signal,
  })
  if (target.kind === 'skip') {
    deps.log.info(`Nothing measured: ${target.reason}`)
    deps.outputs.set('verdict', 'skipped')
    await deps.writeSummary(`### Tailgate: skipped\n\n${target.reason}\n`)
    return
  }
  const shard = parseShard(settings.shard, 'shard')
  const fullProfile = target.profile
  const profile = applyShard(fullProfile, shard)
  const gate = gateWithOverrides(profile.gate, settings)
  if (target.notice) deps.annotate({ level: 'notice', title: 'Tailgate target', message: target.notice })
  deps.log.info(
    `Target: ${profile.target.origin} (from ${target.from})${target.servedSha ? `, serving ${target.servedSha}` : ''}`,
  )

  let measured: { candidate: RunResult; live: RunResult | null }
  try {
    if (target.baselineTarget) {
      const both = await deps.measureLiveAb(profile, { baselineTarget: target.baselineTarget, signal: deps.signal })
      measured = { candidate: both.candidate, live: both.baseline }
    } else {
      measured = { candidate: await deps.measure(profile, { signal: deps.signal }), live: null }
    }
  } finally {
    await target.stop()
  }
  // A shard carries the whole profile's fingerprint, so merged shards compare with unsharded baselines.
  const candidate = shard
    ? { ...measured.candidate, profileFingerprint: profileFingerprint(fullProfile) }
    : measured.candidate
  const resultPath = await deps.files.writeText(join(settings.outputDir, 'result.json'), serializeRunResult(candidate))
  deps.outputs.set('result-path', resultPath)
  if (candidate.completion.status === 'partial') {
    deps.log.warning(`The run was cut short (${candidate.completion.reason}); partial result written to ${resultPath}`)
  }
  if (deps.signal.aborted) {
    deps.fail(`Interrupted: the partial result is at ${resultPath}; no verdict was made`)
    return
  }
  if (shard) {
    deps.outputs.set('verdict', 'shard')
    deps.log.info(
      `Shard ${shard.index}/${shard.count} measured; upload ${resultPath} as an artifact and gate in a job with mode: merge`,
    )
    await deps.writeSummary(
      `### Tailgate: shard ${shard.index} of ${shard.count} measured\n\nThe verdict comes from the merge job.\n`,
    )
    return
  }
  if (measured.live) {
    return await gateLiveAb({
      settings,
      deps,
      profile,
      gate,
      candidate,
      baseline: measured.live,
      target: target.baselineTarget!,
    })
  }

  await gateCandidate({ settings, mode, deps, profile: fullProfile, gate, candidate, target: profile.target })
}

interface GateCandidateArgs {
  readonly settings: ActionSettings
  readonly mode: 'baseline' | 'compare'
  readonly deps: ActionDeps
  readonly profile: Profile
  readonly gate: GateSettings
  readonly candidate: RunResult
  /** The URL measured, named in the report (absent for merged shards). */
  readonly target?: URL
}

/** Restores (or, in baseline mode, saves) the baseline, decides, publishes. */
async function gateCandidate({ settings, mode, deps, profile, gate, candidate, target }: GateCandidateArgs) {
  const store = deps.baselines(settings)
  const query = baselineQuery(profile, candidate, mode, deps)
  // In baseline mode the previous baseline is restored too, for the trend history it carries.
  const restore = await store.restore(query)
  const restored = restore.outcome
  const baselineLines =
    mode === 'compare'
      ? [...restore.lines]
      : [`This run measures the baseline of ${query.branch}${query.sha ? ` at ${query.sha.slice(0, 7)}` : ''}.`]

  const { verdict, accepted } = await decideWithLabel({ candidate, restored, mode, gate, profile, settings, deps })
  const reportBaseline: ReportBaseline | null =
    mode === 'compare' && restored.kind === 'found'
      ? { result: restored.result, source: restored.source, history: restored.history }
      : null

  if (mode === 'baseline') {
    const history = restored.kind === 'found' ? [restored.result, ...restored.history].slice(0, settings.history) : []
    const saved = await store.save(candidate, history, query)
    baselineLines.push(...saved.lines)
    for (const warning of saved.outcome.warnings) deps.log.warning(warning)
    deps.outputs.set('baseline-saved', saved.outcome.kind === 'saved' ? 'true' : 'false')
  }
  for (const warning of restored.warnings) deps.log.warning(warning)
  if (mode === 'compare') {
    await keepMeasuredResult(deps, { profileId: profile.id, candidate, baseline: reportBaseline, baselineLines })
  }

  await publishReports({
    settings,
    deps,
    verdict,
    candidate,
    baseline: reportBaseline,
    baselineLines,
    mode,
    profile,
    accepted,
    target: target ?? null,
  })
}

/**
 * mode: merge — the shards' RunResult files (downloaded by the workflow into `result-path`: a directory, or files
 * separated by commas or newlines) are added into one result, then gated like a measured run: on a push to the
 * default branch it is saved as the baseline, otherwise compared with it.
 */
async function mergeShards(settings: ActionSettings, deps: ActionDeps) {
  // The profile gives the gate settings and budgets; its target is never used (nothing is measured here).
  const profile = readProfile(settings.profilePath, { target: 'http://merge.invalid' })
  const candidate = mergeRunResults(await readShardResults(settings, deps))
  const resultPath = await deps.files.writeText(join(settings.outputDir, 'result.json'), serializeRunResult(candidate))
  deps.outputs.set('result-path', resultPath)
  const mode = resolveMode('auto', deps.context) === 'baseline' ? 'baseline' : 'compare'
  await gateCandidate({ settings, mode, deps, profile, gate: gateWithOverrides(profile.gate, settings), candidate })
}

/** mode: calibrate — A/A runs of the target against itself; the job summary says what margin this runner supports. */
async function calibrateTarget(settings: ActionSettings, deps: ActionDeps) {
  const profileSecrets = await profileVariableSecrets(settings.profilePath, deps)
  const { deps: safe, redact, headers } = withSecretHeaders(settings.headers, deps, profileSecrets)
  const target = await prepareTarget({
    settings: { ...settings, baselineTarget: undefined },
    context: safe.context,
    log: safe.log,
    redact,
    headers,
    workspace: safe.workspace,
    signal: safe.signal,
  })
  if (target.kind === 'skip') return safe.log.info(`Nothing calibrated: ${target.reason}`)
  try {
    const report = await calibrate({
      profile: target.profile,
      runs: settings.calibrateRuns,
      measure: (profile, options) => safe.measureLiveAb(profile, options),
      signal: safe.signal,
      onRun: ({ run, of, verdict }) => safe.log.info(`A/A run ${run} of ${of}: ${verdict.outcome}`),
    })
    const markdown = renderCalibrationMarkdown(report)
    const path = await safe.files.writeText(join(settings.outputDir, 'calibration.json'), renderCalibrationJson(report))
    safe.outputs.set('report-path', path)
    safe.outputs.set('verdict', 'calibrated')
    await safe.writeSummary(markdown)
    safe.log.info(renderCalibrationText(report))
  } finally {
    await target.stop()
  }
}

interface LiveAbArgs {
  readonly settings: ActionSettings
  readonly deps: ActionDeps
  readonly profile: Profile
  readonly gate: GateSettings
  readonly candidate: RunResult
  readonly baseline: RunResult
  readonly target: URL
}

/** Live A/B: the baseline was measured in this job, interleaved with the candidate; no store is read or written. */
async function gateLiveAb({ settings, deps, profile, gate, candidate, baseline, target }: LiveAbArgs) {
  await deps.files.writeText(join(settings.outputDir, 'baseline-live.json'), serializeRunResult(baseline))
  const source = {
    store: 'live-ab' as const,
    reference: `${target.origin} (baseline-target), rounds interleaved A B B A`,
    branch: deps.context.pullRequest?.baseBranch ?? deps.context.defaultBranch,
    sha: deps.context.pullRequest?.baseSha ?? null,
    exactSha: false,
    measuredAt: baseline.startedAt,
    commitsBehind: null,
    runId: deps.context.runId,
  }
  const restored: RestoreOutcome = { kind: 'found', result: baseline, history: [], source, warnings: [] }
  const { verdict, accepted } = await decideWithLabel({
    candidate,
    restored,
    mode: 'compare',
    gate,
    profile,
    settings,
    deps,
  })
  const baselineLines = [
    `Baseline: measured live in this job from ${target.origin}, rounds interleaved with the candidate (A B B A), which cancels most runner noise.`,
  ]
  const reportBaseline = { result: baseline, source, history: [] }
  await keepMeasuredResult(deps, { profileId: profile.id, candidate, baseline: reportBaseline, baselineLines })
  await publishReports({
    settings,
    deps,
    verdict,
    candidate,
    baseline: reportBaseline,
    baselineLines,
    mode: 'live A/B',
    profile,
    accepted,
    target: profile.target,
  })
}

async function reportExisting(settings: ActionSettings, deps: ActionDeps) {
  const { candidate, baseline, baselineLines } = await readResultPair(settings, deps)
  const restored: RestoreOutcome = baseline
    ? {
        kind: 'found',
        result: baseline,
        history: [],
        source: sourceOfResult(baseline, { store: 'file', reference: settings.baselinePath ?? '' }),
        warnings: [],
      }
    : { kind: 'missing', reason: baselineLines[0] ?? 'no baseline file', warnings: [] }
  await gateExisting({ settings, deps, candidate, restored, baselineLines, profile: null, mode: 'report' })
}

/**
 * A PR's label changed (`relabel`): the latest measured result of its head is decided again with the labels as they
 * are now, without load; with no such result the step says so and fails (a skipped job would pass a required check).
 */
async function relabelMeasured(settings: ActionSettings, deps: ActionDeps) {
  // The profile gives the gate settings and budgets; nothing is measured.
  const profile = readProfile(settings.profilePath, { target: 'http://relabel.invalid' })
  const found = await findMeasuredResult(deps, profile.id)
  if (found.kind === 'none') return await reportNoMeasuredResult(deps, found.reason)
  // The fork-safe report workflow downloads result.json from this run too.
  const resultPath = await deps.files.writeText(
    join(settings.outputDir, 'result.json'),
    serializeRunResult(found.candidate),
  )
  deps.outputs.set('result-path', resultPath)
  await gateExisting({ settings, deps, ...found, profile, mode: 'relabel' })
}

interface GateExistingArgs {
  readonly settings: ActionSettings
  readonly deps: ActionDeps
  readonly candidate: RunResult
  readonly restored: RestoreOutcome
  readonly baselineLines: readonly string[]
  readonly profile: Profile | null
  readonly mode: 'report' | 'relabel'
}

/** Decides an already measured result against an already chosen baseline, and publishes. */
async function gateExisting({ settings, deps, candidate, restored, baselineLines, profile, mode }: GateExistingArgs) {
  const gate = gateWithOverrides(profile?.gate ?? null, settings)
  const { verdict, accepted } = await decideWithLabel({
    candidate,
    restored,
    mode: 'compare',
    gate,
    profile,
    settings,
    deps,
  })
  const reportBaseline =
    restored.kind === 'found' ? { result: restored.result, source: restored.source, history: [] } : null
  await publishReports({
    settings,
    deps,
    verdict,
    candidate,
    baseline: reportBaseline,
    baselineLines,
    mode,
    profile,
    accepted,
  })
}

interface DecideArgs {
  readonly candidate: RunResult
  readonly restored: RestoreOutcome
  readonly mode: ResolvedMode
  readonly gate: GateSettings
  readonly profile: Profile | null
  readonly settings: ActionSettings
  readonly deps: ActionDeps
}

async function decideWithLabel({ candidate, restored, mode, gate, profile, settings, deps }: DecideArgs) {
  const pr = deps.context.pullRequest
  const label = pr ? await deps.labels.acceptedBy(pr.number, settings.acceptLabel) : { applied: false, by: null }
  const accepted = label.applied ? { label: settings.acceptLabel, by: label.by } : null
  const verdict: Verdict = decide({
    candidate,
    baseline:
      mode === 'compare' && restored.kind === 'found'
        ? { kind: 'found', result: restored.result }
        : {
            kind: 'missing',
            reason:
              mode === 'baseline'
                ? 'this run measures the baseline'
                : restored.kind === 'missing'
                  ? restored.reason
                  : 'no baseline',
          },
    gate,
    budgets: profile?.budgets ?? {},
    accepted,
  })
  return { verdict, accepted }
}

/** Gate settings: the profile's, with any non-empty action inputs taking precedence. */
function gateWithOverrides(profileGate: GateSettings | null, settings: ActionSettings): GateSettings {
  const base = profileGate ?? {
    metrics: ['p50', 'p95'],
    marginRelative: 0.05,
    marginAbsoluteMs: 1,
    alpha: 0.05,
    failOn: ['regression', 'budget', 'invalid'],
    maxErrorRate: 0.5,
  }
  return Object.freeze({
    ...base,
    alpha: settings.alpha ?? base.alpha,
    marginRelative: settings.marginRelative ?? base.marginRelative,
    marginAbsoluteMs: settings.marginAbsoluteMs ?? base.marginAbsoluteMs,
    failOn: settings.failOn ?? base.failOn,
  })
}

function baselineQuery(profile: Profile, candidate: RunResult, mode: ResolvedMode, deps: ActionDeps): BaselineQuery {
  const { branch, sha } =
    mode === 'baseline'
      ? { branch: deps.context.branch ?? 'main', sha: deps.context.sha }
      : baselineBranchOf(deps.context)
  return { profileId: profile.id, profileFingerprint: candidate.profileFingerprint, branch, sha }
}
