// Publishing a verdict: report files, outputs, annotations, the sticky comment, the job summary, the step status.
import { join } from 'node:path'
import type { ActionSettings, CommentPolicy } from '../config/inputs.js'
import type { Profile } from '../config/profile.js'
import type { Verdict } from '../gate/types.js'
import { commentMarker, withMarker } from '../github/comments.js'
import { annotationsFor } from '../report/annotations.js'
import { renderJsonReport } from '../report/json.js'
import { renderJunit } from '../report/junit.js'
import { renderMarkdown } from '../report/markdown.js'
import { regressionCount } from '../report/outcome.js'
import type { ReportBaseline, ReportInput } from '../report/types.js'
import type { RunResult } from '../results/types.js'
import { type HtmlReportPorts, publishHtmlReport } from './html-report.js'
import type { ActionDeps, CommentResult, RunContext } from './ports.js'

/** What publishing reads of the settings: where the report files go, and when to comment. */
export type PublishSettings = Pick<ActionSettings, 'outputDir' | 'comment'>

/**
 * The ports publishing calls: the report files (and the HTML report's upload), the outputs, annotations, the log, the
 * sticky comment, the job summary and the step status; of the run's context only the run URL and the pull request.
 */
export type PublishPorts = HtmlReportPorts &
  Pick<ActionDeps, 'annotate' | 'comments' | 'writeSummary' | 'fail'> & {
    readonly context: Pick<RunContext, 'runUrl' | 'pullRequest' | 'eventName'>
  }

export interface PublishArgs {
  readonly settings: PublishSettings
  readonly deps: PublishPorts
  readonly verdict: Verdict
  readonly candidate: RunResult
  readonly baseline: ReportBaseline | null
  readonly baselineLines: readonly string[]
  readonly mode: string
  /** Only its id is read (the comment's marker, the reports' profile id); null in mode: report (the result's id). */
  readonly profile: Pick<Profile, 'id'> | null
  /** Set when the accept label turned failures into warnings. */
  readonly accepted: ReportInput['accepted']
  /** The URL measured (the report shows its origin); absent when nothing was measured here. */
  readonly target?: URL | null
}

export async function publishReports(args: PublishArgs): Promise<void> {
  const { settings, deps, verdict, candidate } = args
  const profileId = args.profile?.id ?? candidate.profileId
  const input: ReportInput = {
    verdict,
    candidate,
    baseline: args.baseline,
    baselineLines: args.baselineLines,
    profileId,
    runUrl: deps.context.runUrl,
    accepted: args.accepted,
    mode: args.mode,
    target: args.target?.origin ?? null,
  }
  const dir = settings.outputDir
  const markdown = renderMarkdown({ ...input, fullReport: await publishHtmlReport(input, deps, dir) })
  const markdownPath = await deps.files.writeText(join(dir, 'report.md'), markdown)
  const reportPath = await deps.files.writeText(
    join(dir, 'report.json'),
    `${JSON.stringify(renderJsonReport(input), null, 2)}\n`,
  )
  const junitPath = await deps.files.writeText(join(dir, 'junit.xml'), renderJunit(input))

  deps.outputs.set('verdict', verdict.outcome)
  deps.outputs.set('regressions', String(regressionCount(verdict)))
  const sustained = candidate.capacity?.sustainedRatePerSecond
  if (sustained !== undefined) deps.outputs.set('sustained-rate', sustained === null ? '' : sustained.toFixed(1))
  deps.outputs.set('report-path', reportPath)
  deps.outputs.set('markdown-path', markdownPath)
  deps.outputs.set('junit-path', junitPath)
  deps.outputs.set(
    'baseline-source',
    args.baseline ? `${args.baseline.source.store}:${args.baseline.source.reference}` : '',
  )

  for (const annotation of annotationsFor(input)) deps.annotate(annotation)
  for (const warning of verdict.warnings) deps.log.warning(warning)

  const marker = commentMarker(profileId)
  const comment = await postComment(deps, { policy: settings.comment, verdict, marker }, withMarker(markdown, marker))
  const note = announceComment(comment, deps)
  await writeSummarySafely(deps, note ? `${markdown}\n\n${note}\n` : markdown)

  deps.log.info(verdict.headline)
  if (verdict.failed) deps.fail(verdict.headline)
}

/** Logs what became of the comment; returns the warning the job summary adds when it was not posted. */
function announceComment(comment: CommentResult, deps: Pick<PublishPorts, 'outputs' | 'log'>): string | null {
  switch (comment.kind) {
    case 'created':
    case 'updated':
      deps.outputs.set('comment-url', comment.url)
      deps.log.info(`PR comment ${comment.kind}: ${comment.url}`)
      return null
    case 'not-posted': {
      // The reason may already begin "the comment … was not posted: "; say that once.
      const why = comment.reason.replace(/^the (PR )?comment( on PR #\d+)? was not posted: /i, '')
      const text = `The PR comment was not posted: ${why}${comment.fix ? `. Fix: ${comment.fix}` : ''}`
      deps.log.warning(text)
      return `> [!WARNING]\n> ${text}`
    }
    case 'skipped':
      deps.log.info(`No PR comment: ${comment.reason}`)
      return null
  }
}

async function postComment(
  deps: Pick<PublishPorts, 'context' | 'comments'>,
  { policy, verdict, marker }: { readonly policy: CommentPolicy; readonly verdict: Verdict; readonly marker: string },
  body: string,
): Promise<CommentResult> {
  const pr = deps.context.pullRequest
  if (!pr) return { kind: 'skipped', reason: `not a pull request (event '${deps.context.eventName}')` }
  const wanted = wantsComment(policy, verdict)
  if (wanted === 'never') return { kind: 'skipped', reason: "comment: 'never'" }
  if (wanted === 'update-only' && !(await deps.comments.exists(pr.number, marker))) {
    return { kind: 'skipped', reason: `comment: '${policy}' and nothing to report` }
  }
  return deps.comments.upsert(pr.number, marker, body)
}

/** `post`: create or update; `update-only`: update an existing comment, create none; `never`. */
export function wantsComment(policy: CommentPolicy, verdict: Verdict): 'post' | 'update-only' | 'never' {
  switch (policy) {
    case 'never':
      return 'never'
    case 'always':
      return 'post'
    case 'on-change':
      return verdict.endpoints.some((e) => e.outcome.kind !== 'no-change' && e.outcome.kind !== 'pass') ||
        verdict.failed
        ? 'post'
        : 'update-only'
    case 'on-failure':
      return verdict.failed || verdict.failing.length > 0 ? 'post' : 'update-only'
  }
}

async function writeSummarySafely(deps: Pick<PublishPorts, 'writeSummary' | 'log'>, markdown: string): Promise<void> {
  try {
    await deps.writeSummary(markdown)
  } catch (error) {
    deps.log.warning(`The job summary could not be written: ${(error as Error).message}`)
  }
}
