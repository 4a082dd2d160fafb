// Holm-Bonferroni adjusted p-values (R's p.adjust(p, "holm")).

/**
 * Holm's step-down adjustment: sort ascending, p̃_(i) = max over j ≤ i of min(1, (m − j + 1)·p_(j)), returned in
 * the input order. Controls the family-wise error rate under any dependence and is uniformly more powerful than
 * Bonferroni (Holm 1979). The gate rejects hypothesis i at level α when p̃_i < α.
 *
 * O(m log m).
 * @see https://stat.ethz.ch/R-manual/R-devel/library/stats/html/p.adjust.html
 * @example
 * holmAdjust([0.01, 0.04, 0.03]) // => [0.03, 0.06, 0.06]
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length
  for (const [index, p] of pValues.entries()) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-value ${p} at index ${index} is not a probability`)
  }
  const order = pValues.map((_, index) => index).sort((a, b) => pValues[a]! - pValues[b]!)
  const adjusted = new Array<number>(m).fill(1)
  let running = 0
  for (const [rank, index] of order.entries()) {
    running = Math.max(running, Math.min(1, (m - rank) * (pValues[index] as number)))
    adjusted[index] = running
  }
  return adjusted
}
