// The HTML report as an artifact of this run (@actions/artifact v2), so the comment and the job summary can link
// to it. Bounded by a deadline; never throws: a failed upload is a warning and a line in the report.
import { dirname } from 'node:path'
import { DefaultArtifactClient } from '@actions/artifact'
import { formatTimeout, withDeadline } from '../baseline/deadline.js'
import { messageOf } from '../log.js'
import type { ReportUploadPort, ReportUploadResult } from './ports.js'

/** The artifact name of a profile's HTML report (artifact names forbid `"<>|*?:\/` and newlines). */
export function reportArtifactName(profileId: string): string {
  return `tailgate-report-${profileId.replace(/[^A-Za-z0-9._-]+/g, '-')}`
}

export interface ReportUploadOptions {
  /** This run's page (`…/actions/runs/<id>`): the artifact's link is `<runUrl>/artifacts/<artifact id>`. */
  readonly runUrl: string | null
  readonly timeoutMs: number
  /** The artifact service exists only inside a job: ACTIONS_RUNTIME_TOKEN says so. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The upload itself (the toolkit's by default; tests pass their own). */
  readonly uploadArtifact?: (name: string, files: string[], rootDirectory: string) => Promise<{ id?: number }>
}

export function artifactReportUpload(options: ReportUploadOptions): ReportUploadPort {
  const uploadArtifact =
    options.uploadArtifact ??
    ((name: string, files: string[], root: string) => new DefaultArtifactClient().uploadArtifact(name, files, root))
  return {
    async upload(name, filePath): Promise<ReportUploadResult> {
      if (!options.env.ACTIONS_RUNTIME_TOKEN) {
        return { kind: 'not-uploaded', reason: 'no artifact service in this job (ACTIONS_RUNTIME_TOKEN is unset)' }
      }
      try {
        const upload = await withDeadline(uploadArtifact(name, [filePath], dirname(filePath)), options.timeoutMs)
        if (upload.kind === 'timeout') {
          return {
            kind: 'not-uploaded',
            reason: `the upload did not finish within ${formatTimeout(options.timeoutMs)}`,
          }
        }
        const id = upload.value.id
        const url = id !== undefined && options.runUrl !== null ? `${options.runUrl}/artifacts/${id}` : null
        return { kind: 'uploaded', name, url }
      } catch (error) {
        return { kind: 'not-uploaded', reason: `the upload failed: ${messageOf(error).split('\n')[0]}` }
      }
    },
  }
}
