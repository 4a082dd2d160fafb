// actions/upload-artifact@v7 and actions/download-artifact@v8 (the majors the docs use), emulated with the same
// client they use (@actions/artifact) against whatever ACTIONS_RESULTS_URL / GITHUB_API_URL point at (the fake GitHub
// in tests).
// Run as a child process with the job's environment, like the runner runs a node action:
//   node artifact-step.mjs upload '<with as JSON>'      node artifact-step.mjs download '<with as JSON>'
// Exit code 1 with `::error::` on failure, as the real actions do; outputs go to GITHUB_OUTPUT.
import { appendFileSync, existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { DefaultArtifactClient } from '@actions/artifact'

const [command, withJson] = process.argv.slice(2)
const inputs = JSON.parse(withJson ?? '{}')
const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
const client = new DefaultArtifactClient()

function output(name, value) {
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`)
}

function filesUnder(path) {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path).flatMap((entry) => filesUnder(join(path, entry)))
}

/** upload-artifact: `path` lines (files or directories), root = their least common ancestor. */
async function upload() {
  const name = inputs.name || 'artifact'
  const paths = String(inputs.path ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => (isAbsolute(line) ? line : resolve(workspace, line)))
  const files = paths.flatMap(filesUnder)
  if (files.length === 0) {
    const mode = inputs['if-no-files-found'] || 'warn'
    const message = `No files were found with the provided path: ${inputs.path}. No artifacts will be uploaded.`
    if (mode === 'error') throw new Error(message)
    if (mode === 'warn') console.log(`::warning::${message}`)
    return
  }
  const roots = paths.map((p) => (existsSync(p) && statSync(p).isDirectory() ? p : dirname(p)))
  let root = roots[0]
  for (const other of roots.slice(1)) {
    while (relative(root, other).startsWith('..')) root = dirname(root)
  }
  const retentionDays = inputs['retention-days'] ? Number(inputs['retention-days']) : undefined
  const { id, size } = await client.uploadArtifact(name, files, root, retentionDays ? { retentionDays } : {})
  console.log(`Artifact ${name} has been successfully uploaded! Final size is ${size} bytes. Artifact ID is ${id}`)
  output('artifact-id', id)
}

/** download-artifact: by name (into `path`), or every artifact / those matching `pattern` (into `path/<name>/`). */
async function download() {
  const path = inputs.path ? resolve(workspace, inputs.path) : workspace
  const runId = inputs['run-id'] ? Number(inputs['run-id']) : null
  const [owner, repo] = (inputs.repository || process.env.GITHUB_REPOSITORY || '/').split('/')
  const findBy =
    runId !== null
      ? { token: inputs['github-token'], workflowRunId: runId, repositoryOwner: owner, repositoryName: repo }
      : undefined
  const options = findBy ? { findBy } : {}
  if (inputs.name) {
    const { artifact } = await client.getArtifact(inputs.name, options).catch(() => {
      throw new Error(`Unable to download artifact(s): Artifact not found for name: ${inputs.name}`)
    })
    await client.downloadArtifact(artifact.id, { ...options, path })
    console.log(`Artifact ${inputs.name} was downloaded to ${path}`)
    output('download-path', path)
    return
  }
  const { artifacts } = await client.listArtifacts({ ...options, latest: true })
  const pattern = inputs.pattern ? globToRegExp(inputs.pattern) : null
  const chosen = artifacts.filter((a) => !pattern || pattern.test(a.name))
  const merge = String(inputs['merge-multiple']) === 'true'
  for (const artifact of chosen) {
    const into = merge ? path : join(path, artifact.name)
    await client.downloadArtifact(artifact.id, { ...options, path: into })
  }
  console.log(`Total of ${chosen.length} artifact(s) downloaded to ${path}`)
  output('download-path', path)
}

function globToRegExp(glob) {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '.')
  return new RegExp(`^${source}$`)
}

try {
  if (command === 'upload') await upload()
  else if (command === 'download') await download()
  else throw new Error(`unknown command ${command}`)
} catch (error) {
  console.log(`::error::${String(error instanceof Error ? error.message : error).replaceAll('\n', '%0A')}`)
  process.exitCode = 1
}
