// Shared helpers for importer tests: fixture paths, temporary files, a fixed import context.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import type { ImportContext } from '../../src/import/imported-run.js'

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import')

/** Absolute path of a committed import fixture. */
export const fixture = (name: string): string => join(FIXTURES, name)

/** Text of a committed import fixture. */
export const fixtureText = (name: string): Promise<string> => readFile(fixture(name), 'utf8')

/** Writes `content` to a new temporary file (removed after the test) and returns its path. */
export async function tempFile(name: string, content: string | Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tailgate-import-'))
  onTestFinished(() => rm(dir, { recursive: true, force: true }))
  const path = join(dir, name)
  await writeFile(path, content)
  return path
}

export const testContext: ImportContext = {
  environment: {
    os: 'linux',
    arch: 'x64',
    cpuModel: 'test',
    cores: 2,
    nodeVersion: process.version,
    tailgateVersion: '0.0.0-test',
    runner: null,
  },
  git: { repository: null, ref: null, branch: null, sha: null, runId: null, workflow: null },
}

/** Within histogram precision of `expectedUs` (3 significant digits: ≤ 0.1 %, plus 1 µs). */
export const withinBucket = (actualUs: number, expectedUs: number): boolean =>
  Math.abs(actualUs - expectedUs) <= expectedUs * 0.001 + 1

/** The r-th smallest value (1-based) of a histogram, µs (its bucket's lowest equivalent value). */
export function valueAtRank(histogram: { entries(): { valueUs: number; count: number }[] }, rank: number): number {
  let seen = 0
  for (const { valueUs, count } of histogram.entries()) {
    seen += count
    if (seen >= rank) return valueUs
  }
  return Number.NaN
}

/** `text` as a literal inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
