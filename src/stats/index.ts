// Public surface of the statistics folder: pure functions, no I/O, no dependencies besides @stdlib.
export { type EffectSize, effectSize } from './effect-size.js'
export { type ExactRankTest, exactConditionalTest } from './exact-conditional.js'
export { exactLowerCdf, exactQuantile, minimumExactPValue } from './exact-distribution.js'
export {
  type HodgesLehmannOptions,
  hodgesLehmann,
  hodgesLehmannFromHistograms,
  hodgesLehmannWeighted,
} from './hodges-lehmann.js'
export { holmAdjust } from './holm.js'
export { mannWhitneyU, mannWhitneyUFromHistograms, mannWhitneyWeighted } from './mann-whitney.js'
export { normalLowerTail, normalQuantile, normalUpperTail } from './normal.js'
export { pairwiseDifferenceAt } from './pairwise-differences.js'
export { compareSamples, parseSampleText, type SampleComparison, SampleFileError } from './sample-comparison.js'
export { binomialHalfUpperTail, type SignTestResult, signTest } from './sign-test.js'
export { inversionCounts, type MannKendallResult, mannKendall, theilSenSlope } from './trend.js'
export { type TwoProportionInput, type TwoProportionResult, twoProportionTest } from './two-proportion.js'
export * from './types.js'
export { type WeightedSample, weightedFromEntries, weightedFromValues } from './weighted-sample.js'
