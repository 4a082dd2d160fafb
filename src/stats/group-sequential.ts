// Group-sequential boundaries by alpha spending (Lan & DeMets 1983): how large a one-sided z must be at each look so
// that looking after every new round keeps the overall false-positive rate at alpha.
import { normalQuantile, normalUpperTail } from './normal.js'

/** How much of alpha may be spent by information fraction t ∈ [0, 1]: α(0) = 0, α(1) = alpha, non-decreasing. */
export type SpendingFunction = (t: number) => number

/**
 * Lan & DeMets' O'Brien-Fleming-type spending function for a one-sided test at level alpha:
 * α(t) = 2 − 2Φ(z_{1−α/2}/√t). It spends almost nothing at early looks, so the last look's boundary stays close
 * to the fixed-sample z_{1−α} (nearly full power), while an early stop needs overwhelming evidence.
 * @see Lan & DeMets, "Discrete sequential boundaries for clinical trials", Biometrika 70(3):659-663 (1983)
 * @see Jennison & Turnbull, Group Sequential Methods with Applications to Clinical Trials, §7.2 (2000)
 * @example obrienFlemingSpending(0.025)(1) // => 0.025
 */
export function obrienFlemingSpending(alpha: number): SpendingFunction {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha ${alpha} is not in (0, 1)`)
  const z = normalQuantile(1 - alpha / 2)
  return (t) => (t <= 0 ? 0 : t >= 1 ? alpha : Math.min(alpha, 2 * normalUpperTail(z / Math.sqrt(t))))
}

/** One look of a group-sequential design. */
export interface SequentialLook {
  /** Information fraction of this look, in (0, 1]. */
  readonly fraction: number
  /** Reject at this look when the one-sided z ≥ boundaryZ (Infinity: this look spends nothing). */
  readonly boundaryZ: number
  /** The same boundary as a one-sided nominal p: reject when p ≤ nominalP. */
  readonly nominalP: number
  /** Alpha spent up to and including this look. */
  readonly spent: number
}

/** Grid points per standard deviation of an increment, and the tails kept (in sd), of the numerical integration. */
const POINTS_PER_SD = 4
const TAIL_SD = 8
const MAX_POINTS = 4000

/**
 * The one-sided upper boundaries of a group-sequential test, built one look at a time (the looks need not be
 * planned in advance: each boundary depends only on the earlier looks' fractions, the Lan-DeMets property). Under
 * the null, Z_k at information fraction t_k is the canonical joint normal (Z_k √t_k a Brownian motion at t_k), and
 * boundary b_k solves P(Z_1 < b_1, …, Z_{k−1} < b_{k−1}, Z_k ≥ b_k) = α(t_k) − α(t_{k−1}). The probabilities are
 * computed by the recursive numerical integration of Armitage, McPherson & Rowe (1969) on the score scale, with
 * Simpson's rule on a grid of POINTS_PER_SD points per increment sd. A look at fraction 1 spends all that is left.
 * O(grid²) per look.
 * @see Armitage, McPherson & Rowe, "Repeated significance tests on accumulating data", JRSS A 132:235-244 (1969)
 * @see Jennison & Turnbull (2000), chapter 19 (numerical computations for group sequential tests)
 * @example
 * const design = new GroupSequentialBoundary(obrienFlemingSpending(0.025))
 * design.next(0.5).boundaryZ // => 2.9626 (Lan-DeMets O'Brien-Fleming, 2 equally spaced looks)
 * design.next(1).boundaryZ // => 1.9686
 */
export class GroupSequentialBoundary {
  /** Looks already computed, by design key and fractions so far (the grids are never mutated, so they are shared). */
  static readonly #cache = new Map<string, { look: SequentialLook; points: Float64Array; mass: Float64Array }>()
  readonly #spending: SpendingFunction
  readonly #cacheKey: string | null
  #history = ''
  #points: Float64Array = Float64Array.of(0)
  #mass: Float64Array = Float64Array.of(1)
  #fraction = 0
  #spent = 0
  readonly #looks: SequentialLook[] = []

  /**
   * @param cacheKey names the spending function (e.g. `obf:0.05`): designs with the same key and the same looks
   * reuse each other's boundaries (a simulation makes thousands of identical designs). Null: no cache.
   */
  constructor(spending: SpendingFunction, cacheKey: string | null = null) {
    this.#spending = spending
    this.#cacheKey = cacheKey
  }

  get looks(): readonly SequentialLook[] {
    return this.#looks
  }

  /** True once a look at fraction 1 was made: the design is used up. */
  get finished(): boolean {
    return this.#fraction >= 1
  }

  /** Adds a look at information fraction `fraction` (above the previous one; capped at 1) and returns its boundary. */
  next(fraction: number): SequentialLook {
    if (this.finished) throw new RangeError('the design is used up: its last look was at information fraction 1')
    if (!(fraction > this.#fraction)) {
      throw new RangeError(`information fraction ${fraction} is not above the previous look's ${this.#fraction}`)
    }
    const t = Math.min(1, fraction)
    this.#history += `,${t}`
    const cacheKey = this.#cacheKey === null ? null : `${this.#cacheKey}|${this.#history}`
    const cached = cacheKey === null ? undefined : GroupSequentialBoundary.#cache.get(cacheKey)
    if (cached !== undefined) {
      this.#points = cached.points
      this.#mass = cached.mass
      this.#fraction = t
      this.#spent = cached.look.spent
      this.#looks.push(cached.look)
      return cached.look
    }
    const sd = Math.sqrt(t - this.#fraction)
    const scale = Math.sqrt(t)
    const target = Math.max(0, this.#spending(t) - this.#spent)
    const exit = (z: number): number => {
      let p = 0
      for (let i = 0; i < this.#points.length; i++)
        p += (this.#mass[i] as number) * normalUpperTail((z * scale - (this.#points[i] as number)) / sd)
      return p
    }
    let boundaryZ = Number.POSITIVE_INFINITY
    let exited = 0
    if (target > 1e-15) {
      let lo = -20
      let hi = 40
      for (let iteration = 0; iteration < 100 && hi - lo > 1e-10; iteration++) {
        const mid = (lo + hi) / 2
        if (exit(mid) > target) lo = mid
        else hi = mid
      }
      boundaryZ = (lo + hi) / 2
      exited = exit(boundaryZ)
    }
    this.#advance(t, sd, boundaryZ)
    this.#fraction = t
    this.#spent += exited
    const look: SequentialLook = {
      fraction: t,
      boundaryZ,
      nominalP: Number.isFinite(boundaryZ) ? normalUpperTail(boundaryZ) : 0,
      spent: this.#spent,
    }
    this.#looks.push(look)
    if (cacheKey !== null) {
      if (GroupSequentialBoundary.#cache.size > 20_000) GroupSequentialBoundary.#cache.clear()
      GroupSequentialBoundary.#cache.set(cacheKey, { look, points: this.#points, mass: this.#mass })
    }
    return look
  }

  /** The sub-density of the score S = Z√t on the continuation region (S < b√t), as masses on a Simpson grid. */
  #advance(t: number, sd: number, boundaryZ: number): void {
    const hi = Number.isFinite(boundaryZ) ? boundaryZ * Math.sqrt(t) : TAIL_SD * Math.sqrt(t)
    const lo = Math.min(hi, -TAIL_SD * Math.sqrt(t))
    if (hi - lo <= 0) {
      this.#points = new Float64Array(0)
      this.#mass = new Float64Array(0)
      return
    }
    let intervals = Math.ceil(((hi - lo) / sd) * POINTS_PER_SD)
    intervals = Math.min(MAX_POINTS, Math.max(2, intervals + (intervals % 2)))
    const h = (hi - lo) / intervals
    const points = new Float64Array(intervals + 1)
    const mass = new Float64Array(intervals + 1)
    const norm = 1 / (sd * Math.sqrt(2 * Math.PI))
    for (let j = 0; j <= intervals; j++) {
      const s = lo + j * h
      let density = 0
      for (let i = 0; i < this.#points.length; i++) {
        const u = (s - (this.#points[i] as number)) / sd
        density += (this.#mass[i] as number) * Math.exp(-0.5 * u * u)
      }
      const simpson = j === 0 || j === intervals ? 1 : j % 2 === 1 ? 4 : 2
      points[j] = s
      mass[j] = ((simpson * h) / 3) * density * norm
    }
    this.#points = points
    this.#mass = mass
  }
}
