// The action's HTML report: written beside the JSON and JUnit reports, uploaded as an artifact of this run, and
// announced (outputs html-path and html-url, a log line); a failed upload is a warning, never a lost verdict.
import { join } from 'node:path'
import { renderHtml } from '../report/html/page.js'
import type { FullReportLink, ReportInput } from '../report/types.js'
import type { ActionDeps, FilePort } from './ports.js'
import { reportArtifactName } from './report-upload.js'

/** The HTML report's file name, in output-dir and in its artifact. */
export const HTML_REPORT_FILE = 'tailgate-report.html'

/** The ports the HTML report needs: the file it writes, its outputs, the log, and the artifact upload (optional). */
export type HtmlReportPorts = Pick<ActionDeps, 'outputs' | 'log' | 'reportUpload'> & {
  readonly files: Pick<FilePort, 'writeText'>
}

/** Writes and uploads the HTML report; returns what the comment says about it. */
export async function publishHtmlReport(
  input: ReportInput,
  deps: HtmlReportPorts,
  outputDir: string,
): Promise<FullReportLink> {
  const path = await deps.files.writeText(join(outputDir, HTML_REPORT_FILE), renderHtml(input))
  deps.outputs.set('html-path', path)
  const inOutputDir = `in the output directory (${outputDir}, output html-path)`
  if (deps.reportUpload === undefined) return { fileName: HTML_REPORT_FILE, url: null, note: inOutputDir }
  const uploaded = await deps.reportUpload.upload(reportArtifactName(input.profileId), path)
  if (uploaded.kind === 'not-uploaded') {
    deps.log.warning(`The HTML report was not uploaded as an artifact: ${uploaded.reason}. It is at ${path}`)
    return { fileName: HTML_REPORT_FILE, url: null, note: `not uploaded (${uploaded.reason}); ${inOutputDir}` }
  }
  deps.log.info(`HTML report uploaded as artifact ${uploaded.name}${uploaded.url === null ? '' : `: ${uploaded.url}`}`)
  if (uploaded.url === null)
    return { fileName: HTML_REPORT_FILE, url: null, note: `artifact ${uploaded.name} of this run` }
  deps.outputs.set('html-url', uploaded.url)
  return { fileName: HTML_REPORT_FILE, url: uploaded.url, note: null }
}
