// Loads every fixture file of test/fixtures/mann-whitney/ (the repository's own copy of the SciPy/R reference cases)
// at test time (a held-back set with the same schema can be dropped into that folder).
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const FIXTURE_DIRECTORY = fileURLToPath(new URL('../fixtures/mann-whitney/', import.meta.url))

export type AlternativeKey = 'two-sided' | 'less' | 'greater'

export interface AlternativeReference {
  readonly p_exact: number | null
  readonly p_asymptotic_cc: number | null
  readonly p_asymptotic_nocc: number | null
  readonly z_cc: number | null
  readonly z_nocc: number | null
  readonly p_auto: number | null
}

export interface FixtureCase {
  readonly id: string
  readonly tags: readonly string[]
  readonly x: readonly number[]
  readonly y: readonly number[]
  readonly histogram?: { readonly values: number[]; readonly x_counts: number[]; readonly y_counts: number[] }
  readonly n_x: number
  readonly n_y: number
  readonly has_ties: boolean
  readonly U_x: number
  readonly U_y: number
  readonly rank_sum_x: number
  readonly tie_term: number
  readonly mean_U: number
  readonly sd_U: number
  readonly auto_method: 'exact' | 'asymptotic'
  readonly degenerate: boolean
  readonly alternatives: Record<AlternativeKey, AlternativeReference>
  readonly effect_size: { readonly prob_y_gt_x: number; readonly cliffs_delta: number }
  readonly hodges_lehmann: {
    readonly estimate: number
    readonly ci95: {
      readonly lower: number
      readonly upper: number
      readonly method: 'exact' | 'asymptotic'
      readonly achieved_conf_level: number | null
      readonly r_reported_conf_level: number
    } | null
  }
}

export interface FixtureFile {
  readonly file: string
  readonly cases: readonly FixtureCase[]
}

/** Every `*.json` file in the fixture folder, parsed; whatever files are there. */
export function loadFixtureFiles(): FixtureFile[] {
  return readdirSync(FIXTURE_DIRECTORY)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const document = JSON.parse(readFileSync(`${FIXTURE_DIRECTORY}${name}`, 'utf8')) as { cases: FixtureCase[] }
      return { file: name, cases: document.cases }
    })
}

/** The README's p-value rule: |p − ref| ≤ 1e-14 or ≤ 1e-9·ref; a reference of 0 also needs p < 1e-300; null ↔ null. */
export function pValueMatches(actual: number | null, reference: number | null): boolean {
  if (reference === null || actual === null) return actual === reference
  if (reference === 0 && !(actual < 1e-300)) return false
  const difference = Math.abs(actual - reference)
  return difference <= 1e-14 || difference <= 1e-9 * reference
}

/** The README's rule for sd, z and effect sizes: relative 1e-12, absolute 1e-12 near 0; null ↔ null. */
export function relativeMatches(actual: number | null, reference: number | null, tolerance = 1e-12): boolean {
  if (reference === null || actual === null) return actual === reference
  const difference = Math.abs(actual - reference)
  return difference <= tolerance || difference <= tolerance * Math.abs(reference)
}
