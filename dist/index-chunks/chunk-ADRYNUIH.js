import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  BUDGET_METRICS,
  BUDGET_OPERATORS,
  DEFAULT_GATE,
  FAIL_ON,
  GATED_METRICS,
  commentMarker,
  parseBudget,
  reportArtifactName,
  withMarker
} from "./chunk-YKWO64P6.js";
import {
  EMPTY_SUMMARY,
  METRIC_UNITS,
  WORSE_DIRECTION,
  budgetsFor,
  concludeMetric,
  evaluateBudgets,
  formatP,
  formatRelative,
  formatRelativeInterval,
  formatSigned,
  formatValue,
  gatedHistogram,
  hodgesLehmannFromHistograms,
  holmAdjust,
  inconclusiveReason,
  latencySummary,
  mannWhitneyUFromHistograms,
  marginFor,
  mean,
  median,
  minimumExactPValue,
  normalLowerTail,
  normalQuantile,
  normalUpperTail,
  poolEndpoint,
  precisionOf,
  relative,
  roundValue,
  roundValues,
  sampleVariance,
  studentTQuantile,
  studentTUpperTail,
  testMetric,
  unknownBudgetKeys
} from "./chunk-WW26TF7L.js";
import {
  formatMs
} from "./chunk-VSHOYYU7.js";
import {
  CAPACITY_STATUSES,
  LATENCY_ORIGINS
} from "./chunk-HUK7SR2E.js";
import {
  TAILGATE_VERSION,
  _enum,
  array,
  boolean,
  literal,
  number,
  object,
  string
} from "./chunk-R6EOTZPH.js";
import {
  PROFILE_CHANGED,
  mergeHistograms
} from "./chunk-U4VOYMDS.js";

// src/stats/variance-components.ts
function welchSatterthwaiteDf(components) {
  let total = 0;
  let denominator = 0;
  for (const { variance, df } of components) {
    if (!(variance >= 0) || !(df > 0)) throw new RangeError(`a variance component needs variance \u2265 0 and df > 0`);
    total += variance;
    if (Number.isFinite(df)) denominator += variance * variance / df;
  }
  return denominator === 0 ? Number.POSITIVE_INFINITY : total * total / denominator;
}
function betweenRunVariance(values, withinVariances) {
  if (values.length < 2) throw new RangeError("the between-run variance needs at least two runs");
  const runVariance = sampleVariance([...values]);
  const known = withinVariances.filter((w) => w !== null);
  const withinVariance = known.length === values.length ? mean(known) : null;
  return {
    runs: values.length,
    mean: mean([...values]),
    runVariance,
    withinVariance,
    betweenVariance: withinVariance === null ? null : Math.max(0, runVariance - withinVariance)
  };
}

// src/gate/job-noise.ts
var MIN_HISTORY_RUNS = 3;
var JOB_NOISE_ALLOWANCE = 0.03;
function runLevel(roundValues2) {
  if (roundValues2.length === 0 || roundValues2.some((value) => !(value > 0) || !Number.isFinite(value))) return null;
  const logs = roundValues2.map(Math.log);
  return {
    logMean: mean(logs),
    rounds: logs.length,
    withinVariance: logs.length >= 2 ? sampleVariance(logs) / logs.length : null
  };
}
function estimateJobNoise(baseline, history) {
  if (history.length < MIN_HISTORY_RUNS) {
    return {
      noise: { kind: "allowance", historyRuns: history.length, jobSd: JOB_NOISE_ALLOWANCE },
      referenceLog: baseline.logMean,
      runVariance: null
    };
  }
  const runs = [baseline, ...history];
  const estimate = betweenRunVariance(
    runs.map((run) => run.logMean),
    runs.map((run) => run.withinVariance)
  );
  return {
    noise: {
      kind: "history",
      runs: estimate.runs,
      runSd: Math.sqrt(estimate.runVariance),
      jobSd: estimate.betweenVariance === null ? null : Math.sqrt(estimate.betweenVariance),
      withinSd: estimate.withinVariance === null ? null : Math.sqrt(estimate.withinVariance)
    },
    referenceLog: estimate.mean,
    runVariance: estimate.runVariance
  };
}

// src/gate/across-jobs-rule.ts
function testAcrossJobs(input) {
  const { metric, baselineRounds, candidateRounds, gate } = input;
  const baseline = runLevel(baselineRounds);
  const candidate = runLevel(candidateRounds);
  if (baseline === null || candidate === null) return null;
  const history = input.historyRounds.map(runLevel).filter((run) => run !== null);
  const { noise, referenceLog, runVariance } = estimateJobNoise(baseline, history);
  const baselineMedian = median([...baselineRounds]);
  const margin = marginFor(metric, baselineMedian, gate);
  const logMargin = Math.log1p(margin / baselineMedian);
  const components = runVariance === null ? allowanceComponents(baseline, candidate, noise.kind === "allowance" ? noise.jobSd : 0) : historyComponents(runVariance, history.length + 1, candidate, noise.kind === "history" ? noise.withinSd : null);
  const difference = candidate.logMean - referenceLog;
  const relativeShift = Math.expm1(difference);
  const common = {
    metric,
    unit: METRIC_UNITS[metric],
    baselineRounds: [...baselineRounds],
    candidateRounds: [...candidateRounds],
    baselineMedian,
    candidateMedian: median([...candidateRounds]),
    shift: relativeShift * baselineMedian,
    relativeShift,
    margin,
    detectableShift: null,
    jobNoise: noise
  };
  if (components === null) {
    return { ...common, shiftInterval: null, pValue: 1, improvementPValue: 1, noChangePValue: 1, precision: null };
  }
  const variance = components.reduce((sum, component) => sum + component.variance, 0);
  const standardError = Math.sqrt(variance);
  const df = welchSatterthwaiteDf(components);
  const direction = WORSE_DIRECTION[metric];
  const halfWidth = studentTQuantile(1 - gate.alpha, df) * standardError;
  return {
    ...common,
    shiftInterval: {
      lower: Math.expm1(difference - halfWidth) * baselineMedian,
      upper: Math.expm1(difference + halfWidth) * baselineMedian,
      confLevel: 1 - 2 * gate.alpha
    },
    pValue: upperTail(direction * difference - logMargin, standardError, df),
    improvementPValue: upperTail(-direction * difference - logMargin, standardError, df),
    noChangePValue: upperTail(logMargin - direction * difference, standardError, df),
    precision: { scale: "log", standardError, df, margin: logMargin }
  };
}
function historyComponents(runVariance, runs, candidate, historyWithinSd) {
  const components = [{ variance: runVariance * (1 + 1 / runs), df: runs - 1 }];
  if (candidate.withinVariance !== null && historyWithinSd !== null) {
    const excess = candidate.withinVariance - historyWithinSd * historyWithinSd;
    if (excess > 0) components.push({ variance: excess, df: candidate.rounds - 1 });
  }
  return components;
}
function allowanceComponents(baseline, candidate, jobSd) {
  if (baseline.withinVariance === null || candidate.withinVariance === null) return null;
  return [
    { variance: baseline.withinVariance, df: baseline.rounds - 1 },
    { variance: candidate.withinVariance, df: candidate.rounds - 1 },
    { variance: 2 * jobSd * jobSd, df: Number.POSITIVE_INFINITY }
  ];
}
function upperTail(excess, standardError, df) {
  if (standardError === 0) return excess > 0 ? 0 : 1;
  return studentTUpperTail(excess / standardError, df);
}

// src/gate/capacity.ts
var rate = (value) => Number.isFinite(value) ? `${value.toFixed(1)} req/s` : "\u221E";
var percent = (fraction) => `${(fraction * 100).toFixed(1)} %`;
var signedPercent = (fraction) => `${fraction > 0 ? "+" : fraction < 0 ? "\u2212" : "\xB1"}${(Math.abs(fraction) * 100).toFixed(1)} %`;
function summarizeCapacity(capacity) {
  return {
    status: capacity.status,
    sustainedRatePerSecond: capacity.sustainedRatePerSecond,
    firstFailingRatePerSecond: capacity.firstFailingRatePerSecond,
    lowerPerSecond: capacity.sustainedRatePerSecond ?? 0,
    upperPerSecond: capacity.firstFailingRatePerSecond ?? Number.POSITIVE_INFINITY,
    breaking: capacity.breaking
  };
}
function bracket(summary) {
  return `${rate(summary.lowerPerSecond)} held, ${Number.isFinite(summary.upperPerSecond) ? `${rate(summary.upperPerSecond)} broke` : "nothing broke up to max-rate"}`;
}
function unusable(summary, side) {
  if (summary.status === "invalid") return `the ${side} search ended without an answer (invalid steps)`;
  if (summary.status === "stopped") return `the ${side} search was cut short`;
  return null;
}
function bracketWidth(summary) {
  const { lowerPerSecond: lower, upperPerSecond: upper } = summary;
  return lower > 0 && Number.isFinite(upper) ? upper / lower - 1 : 0;
}
function compareCapacity(candidate, baseline, marginRelative) {
  const after = summarizeCapacity(candidate);
  const before = summarizeCapacity(baseline);
  const change = before.sustainedRatePerSecond !== null && after.sustainedRatePerSecond !== null && before.sustainedRatePerSecond > 0 ? after.sustainedRatePerSecond / before.sustainedRatePerSecond - 1 : null;
  const brackets = `baseline ${bracket(before)}; this run ${bracket(after)}`;
  const common = { baseline: before, candidate: after, relativeChange: change, marginRelative };
  const broken = unusable(after, "candidate") ?? unusable(before, "baseline");
  if (broken !== null)
    return { ...common, outcome: "invalid", explanation: `capacity not compared: ${broken} (${brackets})` };
  const changeText = change === null ? "" : ` (${signedPercent(change)})`;
  const sustained = `sustained ${rate(before.lowerPerSecond)} \u2192 ${rate(after.lowerPerSecond)}${changeText}`;
  const baseFloor = before.lowerPerSecond / (1 + bracketWidth(before));
  if (after.upperPerSecond < baseFloor * (1 - marginRelative)) {
    const confirmed = 1 - after.upperPerSecond / baseFloor;
    const broke = after.breaking ? ` (${after.breaking.endpoint}: ${after.breaking.objective})` : "";
    return {
      ...common,
      outcome: "regression",
      explanation: `capacity dropped: ${sustained}; this run broke at ${rate(after.upperPerSecond)}${broke}, below the baseline's sustained ${rate(before.lowerPerSecond)} less its ${percent(bracketWidth(before))} bracket (${rate(baseFloor)}): a drop of at least ${percent(confirmed)} given both searches' uncertainty (${brackets}), beyond the ${percent(marginRelative)} margin`
    };
  }
  const candidateFloor = after.lowerPerSecond / (1 + bracketWidth(after));
  if (candidateFloor > before.upperPerSecond * (1 + marginRelative)) {
    const confirmed = candidateFloor / before.upperPerSecond - 1;
    return {
      ...common,
      outcome: "improvement",
      explanation: `capacity rose: ${sustained}; this run held ${rate(after.lowerPerSecond)} (${rate(candidateFloor)} less its ${percent(bracketWidth(after))} bracket), above the baseline's first failing ${rate(before.upperPerSecond)}: a rise of at least ${percent(confirmed)} given both searches' uncertainty (${brackets})`
    };
  }
  return {
    ...common,
    outcome: "no-change",
    explanation: `capacity unchanged within both searches' uncertainty and the ${percent(marginRelative)} margin: ${sustained} (${brackets})`
  };
}
var HEADLINES = {
  regression: "\u274C 1 regression",
  improvement: "\u{1F680} 1 improvement",
  "no-change": "\u2705 No change",
  invalid: "\u26A0\uFE0F Invalid run",
  "no-baseline": "\u2796 No baseline"
};
function decideCapacity(input) {
  const candidate = input.candidate.capacity;
  const baselineRun = input.baseline.kind === "found" ? input.baseline.result : null;
  const missing = input.baseline.kind === "missing" ? input.baseline.reason : baselineRun?.profileFingerprint !== input.candidate.profileFingerprint ? PROFILE_CHANGED : baselineRun?.capacity === void 0 ? "the baseline has no capacity search" : null;
  const comparison2 = missing !== null || baselineRun?.capacity === void 0 ? {
    outcome: "no-baseline",
    baseline: null,
    candidate: summarizeCapacity(candidate),
    relativeChange: null,
    marginRelative: input.gate.marginRelative,
    explanation: `capacity ${bracket(summarizeCapacity(candidate))}; not compared: ${missing ?? "no baseline"}`
  } : compareCapacity(candidate, baselineRun.capacity, input.gate.marginRelative);
  const outcome = comparison2.outcome;
  const occurred = {
    regression: outcome === "regression",
    invalid: outcome === "invalid",
    "no-baseline": outcome === "no-baseline"
  };
  const failing = input.gate.failOn.filter((failOn) => occurred[failOn] === true);
  const accepted = input.accepted ?? null;
  const warnings = [];
  if (accepted !== null && failing.length > 0) {
    warnings.push(
      `Accepted by the '${accepted.label}' label${accepted.by ? ` (applied by @${accepted.by})` : ""}: ${failing.join(", ")} would have failed the step.`
    );
  }
  return {
    outcome,
    failed: failing.length > 0 && accepted === null,
    failing,
    endpoints: [],
    warnings,
    headline: `${HEADLINES[comparison2.outcome]}: ${comparison2.explanation}`,
    capacity: comparison2
  };
}

// src/gate/history.ts
function identity(run) {
  return `${run.startedAt}|${run.git.runId ?? ""}|${run.git.sha ?? ""}`;
}
function baseHistory(baseline, history, fingerprint) {
  const seen = /* @__PURE__ */ new Set([identity(baseline)]);
  const kept = [];
  for (const run of history) {
    if (run.profileFingerprint !== fingerprint || seen.has(identity(run))) continue;
    seen.add(identity(run));
    kept.push(run);
  }
  return kept.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}
function historyWarning(comparisons) {
  const thin = comparisons.flatMap((c) => c.jobNoise?.kind === "allowance" ? [c.jobNoise.historyRuns] : []);
  if (thin.length === 0) return null;
  const have = Math.min(...thin);
  return `Only ${have} earlier baseline${have === 1 ? "" : "s"} of the base branch (${MIN_HISTORY_RUNS} needed to measure the job-to-job shift): the gate assumed a conservative \xB1${(JOB_NOISE_ALLOWANCE * 100).toFixed(0)} % shift between CI jobs. Keeping baseline history (input \`history\`, stored with each baseline of the base branch; \`tailgate compare --history\`) or a live A/B run (\`baseline-target\`), which cancels job-to-job shifts, would sharpen it.`;
}
function historyRoundValues(history, name, metric) {
  return history.flatMap((run) => {
    const endpoint2 = run.endpoints.find((candidate) => candidate.name === name);
    const values = endpoint2 === void 0 ? [] : roundValues(run, endpoint2, metric).values;
    return values.length === 0 ? [] : [values];
  });
}

// src/gate/headline.ts
var OUTCOME_EMOJI = {
  invalid: "\u26A0\uFE0F",
  regression: "\u274C",
  "budget-violation": "\u274C",
  inconclusive: "\u2754",
  "no-baseline": "\u2796",
  improvement: "\u{1F680}",
  pass: "\u2705",
  "no-change": "\u2705"
};
var plural = (count2, word) => `${count2} ${word}${count2 === 1 ? "" : "s"}`;
function headline(outcome, endpoints) {
  const emoji = OUTCOME_EMOJI[outcome];
  const of = (kind) => endpoints.filter((endpoint2) => endpoint2.outcome.kind === kind);
  switch (outcome) {
    case "invalid": {
      const first = of("invalid")[0];
      const reason = first?.outcome.kind === "invalid" ? first.outcome.reason : "the run measured no endpoint";
      return `${emoji} Invalid run: ${first ? `${first.endpoint}: ` : ""}${reason}`;
    }
    case "regression": {
      const regressions = of("regression");
      const worst2 = extreme(
        regressions.flatMap((e) => e.outcome.kind === "regression" ? [[e.endpoint, e.outcome.worst]] : [])
      );
      return `${emoji} ${plural(regressions.length, "regression")}: ${describe(worst2)}`;
    }
    case "budget-violation": {
      const failed = endpoints.flatMap(
        (e) => e.budgets.filter((check2) => !check2.passed).map((check2) => [e.endpoint, check2])
      );
      const [endpoint2, check] = failed[0];
      return `${emoji} ${failed.length} budget${failed.length === 1 ? "" : "s"} exceeded: ${endpoint2} ${budgetActual(check)} (budget ${check.budget.expression})`;
    }
    case "inconclusive": {
      const inconclusive = of("inconclusive");
      const names = inconclusive.map((e) => e.endpoint).join(", ");
      const resolution = resolutionOf(inconclusive);
      const caught = resolution === null ? "" : `; only ${resolution} would have been caught`;
      return `${emoji} Inconclusive: ${plural(inconclusive.length, "endpoint")} could not resolve the margin (${names})${caught}, no sign of a regression`;
    }
    case "no-baseline": {
      const first = of("no-baseline")[0];
      const reason = first?.outcome.kind === "no-baseline" ? first.outcome.reason : "";
      const all = of("no-baseline").length === endpoints.length;
      return `${emoji} No baseline${all ? "" : ` for ${plural(of("no-baseline").length, "endpoint")}`}: ${reason}`;
    }
    case "improvement": {
      const improvements = of("improvement");
      const best = extreme(
        improvements.flatMap((e) => e.outcome.kind === "improvement" ? [[e.endpoint, e.outcome.best]] : [])
      );
      return `${emoji} ${plural(improvements.length, "improvement")}: ${describe(best)}`;
    }
    case "pass": {
      const resolution = resolutionOf(endpoints);
      const caught = resolution === null ? "" : `: ${resolution} would have been caught`;
      return `${emoji} No regression in ${plural(endpoints.length, "endpoint")}${caught}`;
    }
    case "no-change":
      return `${emoji} No change: ${plural(endpoints.length, "endpoint")} within the margin`;
  }
}
function resolutionOf(endpoints) {
  let coarsest = null;
  for (const endpoint3 of endpoints) {
    for (const comparison3 of endpoint3.comparisons) {
      if (comparison3.detectableShift === null || comparison3.outcome === "regression") continue;
      const base = Math.abs(comparison3.baselineMedian);
      const size2 = base > 0 ? comparison3.detectableShift / base : Number.POSITIVE_INFINITY;
      if (coarsest === null || size2 > coarsest[2]) coarsest = [endpoint3.endpoint, comparison3, size2];
    }
  }
  if (coarsest === null) return null;
  const [endpoint2, comparison2, size] = coarsest;
  const worse = comparison2.metric === "throughput" ? "a throughput drop" : comparison2.unit === "ms" ? "a slowdown" : "a rise";
  const amount = Number.isFinite(size) ? `${comparison2.metric === "throughput" ? "\u2212" : "+"}${(size * 100).toFixed(1)} %` : formatValue(comparison2.detectableShift, comparison2.unit);
  return `${worse} of ${amount} or more (${endpoint2} ${comparison2.metric})`;
}
function extreme(pairs) {
  const size = (c) => Number.isFinite(c.relativeShift) ? Math.abs(c.relativeShift) : Math.abs(c.shift);
  return pairs.reduce((best, pair) => size(pair[1]) > size(best[1]) ? pair : best);
}
function describe([endpoint2, comparison2]) {
  const change = comparison2.unit === "ms" && Number.isFinite(comparison2.relativeShift) ? `${formatRelative(comparison2.relativeShift)}${formatRelativeInterval(comparison2)}` : formatSigned(comparison2.shift, comparison2.unit);
  return `${endpoint2} ${comparison2.metric} ${change}`;
}
function budgetActual(check) {
  const { metric } = check.budget;
  if (metric === "error-rate") return `error-rate ${formatValue(check.actual, "fraction")}`;
  if (metric === "rps") return `rps ${formatValue(check.actual, "rps")}`;
  if (metric === "recovery" && !Number.isFinite(check.actual)) return "recovery: not recovered by the end";
  return `${metric} ${formatValue(check.actual, "ms")}`;
}

// src/gate/types.ts
var OVERALL_OUTCOMES = [
  "invalid",
  "regression",
  "budget-violation",
  "inconclusive",
  "no-baseline",
  "improvement",
  "pass",
  "no-change"
];

// src/gate/outcome.ts
function endpointOutcome(comparisons) {
  const worseness = (c) => WORSE_DIRECTION[c.metric] * (Number.isFinite(c.relativeShift) ? c.relativeShift : c.shift);
  const regressions = comparisons.filter((c) => c.outcome === "regression");
  if (regressions.length > 0)
    return { kind: "regression", worst: regressions.reduce((a, b) => worseness(b) > worseness(a) ? b : a) };
  const inconclusive = comparisons.filter((c) => c.outcome === "inconclusive");
  if (inconclusive.length > 0) return { kind: "inconclusive", reason: inconclusive.map(inconclusiveReason).join("; ") };
  if (comparisons.length === 0) return { kind: "inconclusive", reason: "no round had data for the gated metrics" };
  const improvements = comparisons.filter((c) => c.outcome === "improvement");
  if (improvements.length > 0)
    return { kind: "improvement", best: improvements.reduce((a, b) => worseness(b) < worseness(a) ? b : a) };
  if (comparisons.some((c) => c.outcome === "pass")) return { kind: "pass" };
  return { kind: "no-change" };
}
function overall(endpoints, input, warnings) {
  const kinds = new Set(endpoints.map((endpoint2) => endpoint2.outcome.kind));
  const budgetFailed = endpoints.some((endpoint2) => endpoint2.budgets.some((check) => !check.passed));
  if (budgetFailed) kinds.add("budget-violation");
  if (endpoints.length === 0) {
    kinds.add("invalid");
    warnings.push("The run measured no endpoint.");
  }
  const outcome = OVERALL_OUTCOMES.find((candidate) => kinds.has(candidate)) ?? "no-change";
  const occurred = {
    regression: kinds.has("regression"),
    budget: budgetFailed,
    invalid: kinds.has("invalid"),
    inconclusive: kinds.has("inconclusive"),
    "no-baseline": kinds.has("no-baseline")
  };
  const failing = input.gate.failOn.filter((failOn) => occurred[failOn]);
  const accepted = input.accepted ?? null;
  if (accepted !== null && failing.length > 0) {
    warnings.push(
      `Accepted by the '${accepted.label}' label${accepted.by ? ` (applied by @${accepted.by})` : ""}: ${failing.join(", ")} would have failed the step.`
    );
  }
  const acceptedNote2 = accepted !== null && failing.length > 0 ? ` (accepted by label '${accepted.label}')` : "";
  return {
    outcome,
    failed: failing.length > 0 && accepted === null,
    failing,
    endpoints,
    warnings,
    headline: `${headline(outcome, endpoints)}${acceptedNote2}`,
    ...input.sequential ? { sequential: input.sequential.summary } : {}
  };
}

// src/stats/signed-rank.ts
var EXACT_MAX_PAIRS = 200;
function wilcoxonSignedRank(differences, options = {}) {
  const alternative = options.alternative ?? "two-sided";
  const mu = options.mu ?? 0;
  const continuity = options.continuity ?? true;
  checkFinite(differences, "difference");
  if (!Number.isFinite(mu)) throw new RangeError(`mu ${mu} is not a finite number`);
  const shifted = differences.map((d) => d - mu);
  const nonZero = shifted.filter((d) => d !== 0);
  const n = nonZero.length;
  const zeros = shifted.length - n;
  const ranks = averageRanks(nonZero.map(Math.abs));
  let statistic = 0;
  for (const [i, d] of nonZero.entries()) if (d > 0) statistic += ranks[i];
  const hasTies = new Set(nonZero.map(Math.abs)).size < n;
  if (n === 0) return { statistic, n, zeros, hasTies, pValue: null, method: "exact", z: null };
  const method = options.method ?? "auto";
  if (method === "exact" || method === "auto" && n <= EXACT_MAX_PAIRS) {
    const distribution = signedRankDistribution(ranks.map((r) => Math.round(2 * r)));
    const twice = Math.round(2 * statistic);
    const lower = cumulative(distribution, 0, twice);
    const upper = cumulative(distribution, twice, distribution.length - 1);
    const pValue2 = alternative === "less" ? lower : alternative === "greater" ? upper : Math.min(1, 2 * Math.min(lower, upper));
    return { statistic, n, zeros, hasTies, pValue: Math.min(1, pValue2), method: "exact", z: null };
  }
  let tieTerm = 0;
  for (const t of tieSizes(nonZero.map(Math.abs))) tieTerm += t ** 3 - t;
  const sd = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24 - tieTerm / 48);
  const centred = statistic - n * (n + 1) / 4;
  const correction = !continuity ? 0 : alternative === "greater" ? 0.5 : alternative === "less" ? -0.5 : Math.sign(centred) * 0.5;
  const z = (centred - correction) / sd;
  const pValue = alternative === "less" ? normalLowerTail(z) : alternative === "greater" ? normalUpperTail(z) : Math.min(1, 2 * Math.min(normalLowerTail(z), normalUpperTail(z)));
  return { statistic, n, zeros, hasTies, pValue, method: "asymptotic", z };
}
function pseudoMedian(differences, options = {}) {
  const confLevel = options.confLevel ?? 0.95;
  checkFinite(differences, "difference");
  if (differences.length === 0) throw new RangeError("no differences: at least one pair is needed");
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`confLevel ${confLevel} is not in (0, 1)`);
  const n = differences.length;
  const walsh = [];
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) walsh.push(differences[i] / 2 + differences[j] / 2);
  }
  walsh.sort((a, b) => a - b);
  const m = walsh.length;
  const estimate = m % 2 === 1 ? walsh[(m - 1) / 2] : walsh[m / 2 - 1] / 2 + walsh[m / 2] / 2;
  if (n < 2 || walsh[0] === walsh[m - 1]) return { estimate, interval: null };
  const alpha = 1 - confLevel;
  const { k, achievedAlpha } = walshIndex(n, alpha);
  const achievedConfLevel = 1 - achievedAlpha;
  const interval = {
    lower: walsh[k - 1],
    upper: walsh[m - k],
    achievedConfLevel,
    confLevel: achievedAlpha - alpha > alpha / 2 ? achievedConfLevel : confLevel
  };
  return { estimate, interval };
}
function untiedSignedRankDistribution(n) {
  return signedRankDistribution(Array.from({ length: n }, (_, i) => 2 * (i + 1)));
}
function minimumSignedRankPValue(n) {
  return 2 ** -n;
}
function walshIndex(n, alpha) {
  if (n > EXACT_MAX_PAIRS) {
    const sd = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24);
    const k2 = Math.max(1, Math.floor(n * (n + 1) / 4 - normalQuantile(1 - alpha / 2) * sd));
    return { k: k2, achievedAlpha: 2 * normalLowerTail((k2 - 0.5 - n * (n + 1) / 4) / sd) };
  }
  const distribution = untiedSignedRankDistribution(n);
  let cumulativeP = 0;
  let q = 0;
  for (; ; q++) {
    cumulativeP += distribution[2 * q];
    if (cumulativeP >= alpha / 2 - 1e-12) break;
  }
  const k = Math.max(1, q);
  return { k, achievedAlpha: Math.min(1, 2 * cumulative(distribution, 0, 2 * (k - 1))) };
}
function signedRankDistribution(twiceRanks) {
  const total = twiceRanks.reduce((sum, r) => sum + r, 0);
  let table = new Float64Array(total + 1);
  table[0] = 1;
  let reach = 0;
  for (const r of twiceRanks) {
    const next = new Float64Array(total + 1);
    for (let s = 0; s <= reach; s++) {
      const p = table[s] / 2;
      if (p === 0) continue;
      next[s] += p;
      next[s + r] += p;
    }
    reach += r;
    table = next;
  }
  return table;
}
function cumulative(distribution, from, to) {
  let sum = 0;
  for (let s = Math.max(0, from); s <= Math.min(to, distribution.length - 1); s++) sum += distribution[s];
  return sum;
}
function averageRanks(values) {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) ranks[order[i]] = rank;
    start = end + 1;
  }
  return ranks;
}
function tieSizes(values) {
  const counts = /* @__PURE__ */ new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.values()].filter((t) => t > 1);
}
function checkFinite(values, what) {
  for (const [index, value] of values.entries()) {
    if (!Number.isFinite(value)) throw new RangeError(`${what} ${value} at index ${index} is not a finite number`);
  }
}

// src/gate/paired-rule.ts
function pairsDecide(input, baseline, warnings) {
  const pairs = Math.min(baseline.rounds.length, input.candidate.rounds.length);
  const comparisons = Math.max(1, input.candidate.endpoints.length * input.gate.metrics.length);
  const level = input.gate.alpha / comparisons;
  if (minimumSignedRankPValue(pairs) < level) return true;
  const needed = Math.floor(Math.log2(1 / level)) + 1;
  warnings.push(
    `Live A/B: ${pairs} A/B pairs are too few for the paired signed-rank test to reach alpha/comparisons = ${input.gate.alpha}/${comparisons} (its smallest p is 1/2^${pairs}), so the rounds were compared unpaired, which a drift common to both sides blurs. Use at least ${needed} rounds per side (or rounds: auto).`
  );
  return false;
}
function halvesOfOneLiveAb(baseline, candidate) {
  const a = baseline.liveAb;
  const b = candidate.liveAb;
  return a !== void 0 && b !== void 0 && a.runId === b.runId && a.order === b.order && a.side === "baseline" && b.side === "candidate";
}
function pairedRoundValues(baseline, candidate, metric) {
  const pairs = Math.min(baseline.endpoint.rounds.length, candidate.endpoint.rounds.length);
  const out = { baseline: [], candidate: [], skipped: 0 };
  for (let i = 0; i < pairs; i++) {
    const a = roundValue(baseline.run, baseline.endpoint.rounds[i], i, metric);
    const b = roundValue(candidate.run, candidate.endpoint.rounds[i], i, metric);
    if (a === null || b === null) out.skipped++;
    else {
      out.baseline.push(a);
      out.candidate.push(b);
    }
  }
  out.skipped += Math.max(baseline.endpoint.rounds.length, candidate.endpoint.rounds.length) - pairs;
  return out;
}
function testPairedMetric(input) {
  const { metric, baselineRounds, candidateRounds, gate } = input;
  if (baselineRounds.length !== candidateRounds.length || baselineRounds.length === 0) {
    throw new RangeError(
      `paired rounds must be non-empty and of equal length (${baselineRounds.length} v ${candidateRounds.length})`
    );
  }
  const direction = WORSE_DIRECTION[metric];
  const differences = candidateRounds.map((value, i) => value - baselineRounds[i]);
  const baselineMedian = median([...baselineRounds]);
  const margin = marginFor(metric, baselineMedian, gate);
  const worse = direction === 1 ? "greater" : "less";
  const better = direction === 1 ? "less" : "greater";
  const pValue = wilcoxonSignedRank(differences, { alternative: worse, mu: direction * margin }).pValue ?? 1;
  const improvementPValue = wilcoxonSignedRank(differences, { alternative: better, mu: -direction * margin }).pValue ?? 1;
  const hl = pseudoMedian(differences, { confLevel: 0.95 });
  const shiftInterval = hl.interval === null ? null : { lower: hl.interval.lower, upper: hl.interval.upper, confLevel: hl.interval.achievedConfLevel };
  return {
    metric,
    unit: METRIC_UNITS[metric],
    baselineRounds: [...baselineRounds],
    candidateRounds: [...candidateRounds],
    baselineMedian,
    candidateMedian: median([...candidateRounds]),
    shift: hl.estimate,
    relativeShift: relative(hl.estimate, baselineMedian),
    shiftInterval,
    margin,
    pValue,
    improvementPValue,
    detectableShift: null,
    jobNoise: { kind: "same-job" },
    precision: precisionOf(shiftInterval, margin),
    paired: true
  };
}
function pairedTests(input, baseline, endpoint2, warnings) {
  const tests = [];
  for (const metric of input.gate.metrics) {
    const pairs = pairedRoundValues(baseline, { run: input.candidate, endpoint: endpoint2 }, metric);
    if (pairs.skipped > 0)
      warnings.push(`${endpoint2.name}: ${pairs.skipped} round pair(s) without data were left out of ${metric}.`);
    if (pairs.baseline.length === 0) continue;
    tests.push(
      testPairedMetric({ metric, baselineRounds: pairs.baseline, candidateRounds: pairs.candidate, gate: input.gate })
    );
  }
  return tests;
}

// src/stats/effect-size.ts
function effectSize(input) {
  const pairs = input.nX * input.nY;
  const uY = pairs - input.u;
  return { probabilityCandidateGreater: uY / pairs, cliffsDelta: (uY - input.u) / pairs };
}

// src/gate/request-level.ts
function requestLevelComparison(baseline, candidate) {
  if (baseline.count === 0 || candidate.count === 0) return null;
  const x = entriesMs(baseline);
  const y = entriesMs(candidate);
  const test = mannWhitneyUFromHistograms(x, y, { alternative: "two-sided", method: "asymptotic" });
  const shift = hodgesLehmannFromHistograms(x, y, { confLevel: 0.95 });
  return {
    pValueTwoSided: test.pValue,
    shiftMs: shift.estimate,
    shiftIntervalMs: shift.interval === null ? null : { lower: shift.interval.lower, upper: shift.interval.upper },
    probabilityCandidateSlower: effectSize(test).probabilityCandidateGreater
  };
}
function entriesMs(histogram) {
  return histogram.entries().map((entry) => ({ value: entry.valueUs / 1e3, count: entry.count }));
}

// src/gate/validity.ts
function runInvalidReason(candidate, baseline) {
  if (candidate.health.invalidReasons.length > 0) return `run invalid: ${candidate.health.invalidReasons.join("; ")}`;
  if (baseline !== null && baseline.health.invalidReasons.length > 0) {
    return `baseline run invalid: ${baseline.health.invalidReasons.join("; ")}`;
  }
  return null;
}
function endpointInvalidReason(side, pooled, gate) {
  const prefix = side === "baseline" ? "baseline: " : "";
  if (pooled.requests === 0) return `${prefix}no requests were measured`;
  const errorRate = pooled.errors / pooled.requests;
  if (errorRate > gate.maxErrorRate) {
    const percent2 = (value) => `${(value * 100).toFixed(1)} %`;
    return `${prefix}${percent2(errorRate)} of requests failed (max-error-rate is ${percent2(gate.maxErrorRate)})`;
  }
  return null;
}
function roundsNeeded(alpha, comparisons) {
  let k = 1;
  while (minimumExactPValue(k, k) >= alpha / comparisons && k < 50) k++;
  return k;
}
function cannotFailWarning(input) {
  const { baselineRounds, candidateRounds, comparisons, alpha } = input;
  if (comparisons === 0 || baselineRounds === 0 || candidateRounds === 0) return null;
  const pairs = Math.min(baselineRounds, candidateRounds);
  const smallest = input.paired ? minimumSignedRankPValue(pairs) : minimumExactPValue(baselineRounds, candidateRounds);
  const level = alpha / comparisons;
  if (smallest < level) return null;
  const needed = input.paired ? Math.ceil(Math.log2(comparisons / alpha) + 1e-9) : roundsNeeded(alpha, comparisons);
  const measured2 = input.paired ? `With ${pairs} A/B pairs (signed-rank test)` : `With ${baselineRounds} baseline and ${candidateRounds} candidate rounds`;
  return `${measured2} the smallest possible p-value is ${formatP(smallest)}, not below alpha/comparisons = ${alpha}/${comparisons} = ${formatP(level)}: the gate can never report a regression. Use at least ${needed} rounds per side.`;
}
function environmentWarnings(candidate, baseline) {
  const warnings = [];
  const a = baseline.environment;
  const b = candidate.environment;
  if (a.cpuModel !== b.cpuModel || a.cores !== b.cores) {
    warnings.push(
      `The baseline ran on ${a.cpuModel} (${a.cores} cores), this run on ${b.cpuModel} (${b.cores} cores); compared anyway, but part of any change may be the machine.`
    );
  }
  if (baseline.gatedLatency !== candidate.gatedLatency) {
    warnings.push(
      `The baseline gates on ${baseline.gatedLatency} latency, this run on ${candidate.gatedLatency}; compared anyway.`
    );
  }
  return warnings;
}
function completionWarnings(run, side) {
  if (run.completion.status === "complete") return [];
  const which = side === "candidate" ? "This run" : "The baseline run";
  return [`${which} was cut short (${run.completion.reason}); only its completed rounds are compared.`];
}

// src/gate/decide.ts
function decide(input) {
  if (input.candidate.capacity !== void 0) return decideCapacity(input);
  const { candidate, gate } = input;
  const baselineRun = input.baseline.kind === "found" ? input.baseline.result : null;
  const { design, pairing } = designOf(input, baselineRun);
  const history = input.baseline.kind === "found" && baselineRun !== null ? baseHistory(baselineRun, input.baseline.history ?? [], candidate.profileFingerprint) : [];
  const profileChanged = baselineRun !== null && baselineRun.profileFingerprint !== candidate.profileFingerprint;
  const comparable = profileChanged ? null : baselineRun;
  const warnings = [...completionWarnings(candidate, "candidate")];
  if (comparable !== null)
    warnings.push(...completionWarnings(comparable, "baseline"), ...environmentWarnings(candidate, comparable));
  const paired = pairing === "abba" && comparable !== null && pairsDecide(input, comparable, warnings);
  const context = {
    paired,
    input,
    comparable,
    missingReason: input.baseline.kind === "missing" ? input.baseline.reason : PROFILE_CHANGED,
    runInvalid: runInvalidReason(candidate, comparable),
    warnings,
    design,
    history
  };
  const planned = candidate.endpoints.map((endpoint2) => planEndpoint(endpoint2, context));
  for (const removed of comparable?.endpoints ?? []) {
    if (candidate.endpoints.some((endpoint2) => endpoint2.name === removed.name)) continue;
    planned.push({
      endpoint: removed.name,
      outcome: { kind: "no-baseline", reason: "in the baseline but not measured in this run (removed or renamed?)" },
      budgets: [],
      requestLevel: null,
      baseline: latencySummary(poolEndpoint(comparable, removed)),
      candidate: EMPTY_SUMMARY
    });
  }
  const unknown = unknownBudgetKeys(
    input.budgets,
    candidate.endpoints.map((endpoint2) => endpoint2.name)
  );
  if (unknown.length > 0) warnings.push(`Budgets name endpoints this run did not measure: ${unknown.join(", ")}.`);
  const endpoints = settle(
    planned,
    gate,
    warnings,
    comparable === null ? 0 : comparable.rounds.length,
    candidate.rounds.length,
    paired,
    input.sequential ?? null
  );
  const thin = historyWarning(endpoints.flatMap((endpoint2) => endpoint2.comparisons));
  if (thin !== null) warnings.push(thin);
  return overall(endpoints, input, warnings);
}
function designOf(input, baselineRun) {
  const live = baselineRun !== null && halvesOfOneLiveAb(baselineRun, input.candidate);
  const design = input.baseline.kind === "found" ? input.baseline.design : void 0;
  return {
    design: design ?? (live ? "live-ab" : "stored"),
    pairing: input.pairing === void 0 ? live ? "abba" : null : input.pairing
  };
}
function planEndpoint(endpoint2, context) {
  const { input, comparable } = context;
  const pooled = poolEndpoint(input.candidate, endpoint2);
  const common = {
    endpoint: endpoint2.name,
    budgets: evaluateBudgets(pooled, budgetsFor(endpoint2.name, input.budgets), input.candidate.recovery ?? null),
    requestLevel: null,
    baseline: null,
    candidate: latencySummary(pooled)
  };
  const invalid = context.runInvalid ?? endpointInvalidReason("candidate", pooled, input.gate);
  if (invalid !== null) return { ...common, outcome: { kind: "invalid", reason: invalid } };
  if (comparable === null) return { ...common, outcome: { kind: "no-baseline", reason: context.missingReason } };
  const before = comparable.endpoints.find((candidate) => candidate.name === endpoint2.name);
  if (before === void 0)
    return { ...common, outcome: { kind: "no-baseline", reason: "new endpoint: not in the baseline" } };
  const pooledBefore = poolEndpoint(comparable, before);
  const withBaseline = { ...common, baseline: latencySummary(pooledBefore) };
  const invalidBefore = endpointInvalidReason("baseline", pooledBefore, input.gate);
  if (invalidBefore !== null) return { ...withBaseline, outcome: { kind: "invalid", reason: invalidBefore } };
  if (context.paired) {
    const paired = pairedTests(input, { run: comparable, endpoint: before }, endpoint2, context.warnings);
    return {
      ...withBaseline,
      requestLevel: requestLevelComparison(pooledBefore.histogram, pooled.histogram),
      tests: paired
    };
  }
  const tests = [];
  for (const metric of input.gate.metrics) {
    const baselineRounds = roundValues(comparable, before, metric);
    const candidateRounds = roundValues(input.candidate, endpoint2, metric);
    const skipped = baselineRounds.skipped + candidateRounds.skipped;
    if (skipped > 0)
      context.warnings.push(`${endpoint2.name}: ${skipped} round(s) without data were left out of ${metric}.`);
    if (baselineRounds.values.length === 0 || candidateRounds.values.length === 0) continue;
    const rounds = { metric, baselineRounds: baselineRounds.values, candidateRounds: candidateRounds.values };
    const acrossJobs = context.design === "stored" && metric !== "error-rate" ? testAcrossJobs({
      ...rounds,
      historyRounds: historyRoundValues(context.history, endpoint2.name, metric),
      gate: input.gate
    }) : null;
    tests.push(acrossJobs ?? testMetric({ ...rounds, gate: input.gate }));
  }
  return { ...withBaseline, requestLevel: requestLevelComparison(pooledBefore.histogram, pooled.histogram), tests };
}
function settle(planned, gate, warnings, baselineRounds, candidateRounds, paired, sequential) {
  const tests = planned.flatMap((plan) => "tests" in plan ? plan.tests : []);
  const regression = holmAdjust(tests.map((test) => test.pValue));
  const improvement = holmAdjust(tests.map((test) => test.improvementPValue));
  const roundTests = tests.filter((test) => test.jobNoise === void 0 || test.jobNoise.kind === "same-job");
  const cannotFail = cannotFailWarning({
    baselineRounds,
    candidateRounds,
    comparisons: tests.length,
    alpha: gate.alpha,
    paired
  });
  if (cannotFail !== null && roundTests.length > 0) warnings.push(cannotFail);
  let next = 0;
  return planned.map((plan) => {
    if (!("tests" in plan)) return { ...plan, comparisons: [] };
    const { tests: own, ...rest } = plan;
    const comparisons = own.map((test) => {
      const index = next++;
      const concluded = concludeMetric(
        test,
        { regression: regression[index], improvement: improvement[index] },
        gate.alpha,
        tests.length
      );
      return sequential === null ? concluded : sequential.conclude(plan.endpoint, concluded);
    });
    return { ...rest, comparisons, outcome: endpointOutcome(comparisons) };
  });
}

// src/action/publish.ts
import { join as join2 } from "node:path";

// src/report/escape.ts
var ZERO_WIDTH_JOINER = "\u200D";
var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
var CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
function wellFormed(text2) {
  return text2.replace(LONE_SURROGATE, "\uFFFD");
}
function plainText(text2) {
  return wellFormed(text2).replace(CONTROL, " ");
}
var MARKDOWN_ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "`": "&#96;",
  "|": "&#124;",
  "[": "&#91;",
  "]": "&#93;"
};
var MARKDOWN_BACKSLASHED = ["\\", "*", "_", "~", "$"];
var MARKDOWN_SPECIAL = /[&<>"`|[\]\\*_~$]/g;
function escapeMarkdown(text2) {
  return plainText(text2).replace(/@/g, `@${ZERO_WIDTH_JOINER}`).replace(/#(?=\d)/g, `#${ZERO_WIDTH_JOINER}`).replace(/:\/\//g, `:${ZERO_WIDTH_JOINER}//`).replace(/www\./gi, (match) => `${match.slice(0, 3)}${ZERO_WIDTH_JOINER}.`).replace(
    MARKDOWN_SPECIAL,
    (char) => MARKDOWN_BACKSLASHED.includes(char) ? `\\${char}` : MARKDOWN_ENTITIES[char]
  );
}
function truncateText(text2, maxChars) {
  const chars = [...text2];
  if (chars.length <= maxChars) return text2;
  return `${chars.slice(0, Math.max(0, maxChars - 1)).join("")}\u2026`;
}
function mermaidLabel(text2, maxChars = 60) {
  const kept = plainText(text2).replace(/[^\p{L}\p{N} /._:{}-]/gu, " ").replace(/\s+/g, " ").trim();
  return truncateText(kept, maxChars);
}
var XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
var XML_ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\n": "&#10;",
  "\r": "&#13;",
  "	": "&#9;"
};
function escapeXml(text2) {
  return wellFormed(text2).replace(XML_INVALID, "\uFFFD").replace(/[&<>"'\n\r\t]/g, (char) => XML_ENTITIES[char]);
}

// src/report/format.ts
var MINUS = "\u2212";
function formatMsNumber(ms2) {
  if (!Number.isFinite(ms2)) return "\u2013";
  const abs = Math.abs(ms2);
  if (abs < 10) return ms2.toFixed(2);
  if (abs < 1e3) return ms2.toFixed(1);
  return ms2.toFixed(0);
}
function formatValue2(value, unit) {
  if (!Number.isFinite(value)) return "\u2013";
  switch (unit) {
    case "ms":
      return `${formatMsNumber(value)} ms`;
    case "fraction":
      return `${(value * 100).toFixed(2)} %`;
    case "rps":
      return `${value.toFixed(1)} req/s`;
  }
}
function formatShift(value, unit) {
  if (!Number.isFinite(value)) return "\u2013";
  const sign = value > 0 ? "+" : value < 0 ? MINUS : "\xB1";
  const abs = Math.abs(value);
  switch (unit) {
    case "ms":
      return `${sign}${formatMsNumber(abs)} ms`;
    case "fraction":
      return `${sign}${(abs * 100).toFixed(2)} pp`;
    case "rps":
      return `${sign}${abs.toFixed(1)} req/s`;
  }
}
function formatRelative2(fraction) {
  if (!Number.isFinite(fraction)) return "\u2013";
  const sign = fraction > 0 ? "+" : fraction < 0 ? MINUS : "\xB1";
  return `${sign}${Math.abs(fraction * 100).toFixed(1)} %`;
}
function formatPValue(p) {
  if (!Number.isFinite(p)) return "\u2013";
  if (p !== 0 && p < 1e-4) return p.toExponential(1);
  return p.toFixed(4);
}
function formatInterval(interval, unit) {
  if (interval === null) return "no CI";
  const level = `${Math.round(interval.confLevel * 1e3) / 10} % CI`;
  const strip = (text2) => text2.replace(/ (ms|pp|req\/s)$/, "");
  const unitText = unit === "ms" ? " ms" : unit === "fraction" ? " pp" : " req/s";
  return `${level} [${strip(formatShift(interval.lower, unit))}, ${strip(formatShift(interval.upper, unit))}]${unitText}`;
}
function formatChange(comparison2) {
  const shift = formatShift(comparison2.shift, comparison2.unit);
  const relative2 = formatRelative2(comparison2.relativeShift);
  return `${comparison2.metric} ${shift} (${relative2}), ${formatInterval(comparison2.shiftInterval, comparison2.unit)}`;
}
function formatRounds(values, unit) {
  if (values.length === 0) return "\u2013";
  return values.map((value) => formatValue2(value, unit).replace(/ (ms|%|req\/s)$/, "")).join(", ");
}
var AGE_STEPS = [
  { limitMs: 6e4, unitMs: 1e3, word: "s" },
  { limitMs: 36e5, unitMs: 6e4, word: "min" },
  { limitMs: 864e5, unitMs: 36e5, word: "h" },
  { limitMs: Number.POSITIVE_INFINITY, unitMs: 864e5, word: "days" }
];
function formatAge(earlierIso, laterIso) {
  const ageMs = Date.parse(laterIso) - Date.parse(earlierIso);
  if (!Number.isFinite(ageMs)) return null;
  if (ageMs < 0) return "in the future";
  const step = AGE_STEPS.find((s) => ageMs < s.limitMs) ?? AGE_STEPS[AGE_STEPS.length - 1];
  return `${Math.floor(ageMs / step.unitMs)} ${step.word}`;
}
function finiteOrNull(value) {
  return Number.isFinite(value) ? value : null;
}
function plural2(count2, word, pluralWord = `${word}s`) {
  return `${count2} ${count2 === 1 ? word : pluralWord}`;
}

// src/report/generator-lateness.ts
function generatorLatenessText(run) {
  const rounds = run.generatorLateness;
  if (!rounds || rounds.length === 0) return null;
  const all = mergeHistograms(rounds);
  if (all.count === 0) return null;
  const ms2 = (us) => `${formatMsNumber(us / 1e3)} ms`;
  return `generator lateness p50 ${ms2(all.percentileUs(50))}, p99 ${ms2(all.percentileUs(99))}, max ${ms2(all.maxUs())} (intended \u2192 actual send; up to this much of each latency is the generator's, not the server's)`;
}
var figuresOf = (histogram) => ({
  p50Ms: histogram.percentileUs(50) / 1e3,
  p99Ms: histogram.percentileUs(99) / 1e3,
  maxMs: histogram.maxUs() / 1e3
});
function generatorLateness(run) {
  const rounds = run.generatorLateness;
  const summary = generatorLatenessText(run);
  if (!rounds || summary === null) return null;
  return { overall: figuresOf(mergeHistograms(rounds)), perRound: rounds.map(figuresOf), summary };
}

// src/report/outcome.ts
var ENDPOINT_LABELS = {
  regression: { emoji: "\u274C", word: "regression" },
  improvement: { emoji: "\u{1F680}", word: "improvement" },
  "no-change": { emoji: "\u2705", word: "no change" },
  pass: { emoji: "\u2705", word: "no regression" },
  inconclusive: { emoji: "\u2754", word: "inconclusive" },
  "no-baseline": { emoji: "\u2796", word: "no baseline" },
  invalid: { emoji: "\u26A0\uFE0F", word: "invalid" }
};
var OVERALL_LABELS = {
  invalid: { emoji: OUTCOME_EMOJI.invalid, word: "invalid run" },
  regression: { emoji: OUTCOME_EMOJI.regression, word: "regression" },
  "budget-violation": { emoji: OUTCOME_EMOJI["budget-violation"], word: "budget exceeded" },
  inconclusive: { emoji: OUTCOME_EMOJI.inconclusive, word: "inconclusive" },
  "no-baseline": { emoji: OUTCOME_EMOJI["no-baseline"], word: "no baseline" },
  improvement: { emoji: OUTCOME_EMOJI.improvement, word: "improvement" },
  pass: { emoji: OUTCOME_EMOJI.pass, word: "no regression" },
  "no-change": { emoji: OUTCOME_EMOJI["no-change"], word: "no change" }
};
function outcomeReason(outcome) {
  switch (outcome.kind) {
    case "inconclusive":
    case "no-baseline":
    case "invalid":
      return outcome.reason;
    case "regression":
    case "improvement":
    case "no-change":
    case "pass":
      return null;
  }
}
function headlineComparison(endpoint2) {
  const { outcome } = endpoint2;
  if (outcome.kind === "regression") return outcome.worst;
  if (outcome.kind === "improvement") return outcome.best;
  let chosen = null;
  for (const comparison2 of endpoint2.comparisons) {
    const size = Math.abs(comparison2.relativeShift);
    if (chosen === null || Number.isFinite(size) && size > Math.abs(chosen.relativeShift)) chosen = comparison2;
  }
  return chosen;
}
function regressionCount(verdict) {
  const capacity = verdict.capacity?.outcome === "regression" ? 1 : 0;
  return capacity + verdict.endpoints.filter((endpoint2) => endpoint2.outcome.kind === "regression").length;
}
var LEADING_EMOJI = new RegExp("^\\p{Extended_Pictographic}(?:\\u{FE0F}|\\u{FE0E}|\\p{Emoji_Modifier})?(?:\\u{200D}\\p{Extended_Pictographic}(?:\\u{FE0F}|\\u{FE0E}|\\p{Emoji_Modifier})?)*\\s*", "u");
function withoutLeadingEmoji(text2) {
  return text2.replace(LEADING_EMOJI, "");
}
function headlineParts(verdict) {
  const headline2 = withoutLeadingEmoji(verdict.headline);
  const regressions = /^\d+ regressions?\b/.test(headline2) ? null : plural2(regressionCount(verdict), "regression");
  return { headline: headline2, regressions };
}
function failedBudgets(endpoint2) {
  return endpoint2.budgets.filter((check) => !check.passed);
}
function gatedComparisons(endpoint2) {
  if (endpoint2.comparisons.length > 0) return endpoint2.comparisons;
  const { outcome } = endpoint2;
  if (outcome.kind === "regression") return [outcome.worst];
  if (outcome.kind === "improvement") return [outcome.best];
  return [];
}

// src/report/details.ts
var MAX_NAME_CHARS = 120;
var endpointName = (name) => escapeMarkdown(truncateText(name, MAX_NAME_CHARS));
var bullet = (items) => items.map((item) => `- ${item}`).join("\n");
var GATED_LATENCY_WORDS = {
  intended: "from the intended send time (includes queueing in the generator: coordinated-omission corrected)",
  actual: "from the actual send time"
};
function runBlock(input) {
  const run = input.candidate;
  const health = run.health;
  const rate2 = health.intendedRatePerSecond === null ? `${health.achievedRatePerSecond.toFixed(1)} req/s achieved (closed model)` : `${health.achievedRatePerSecond.toFixed(1)} of ${health.intendedRatePerSecond.toFixed(1)} req/s intended`;
  const completion = run.completion.status === "complete" ? "complete" : `partial: ${escapeMarkdown(run.completion.reason)}`;
  const lines = [
    `Mode: ${escapeMarkdown(input.mode)}; profile ${escapeMarkdown(input.profileId)}; ${run.model} model`,
    `Latency gated: **${run.gatedLatency}**, ${GATED_LATENCY_WORDS[run.gatedLatency]}`,
    `Rounds: ${run.rounds.length} in this PR, ${input.baseline?.result.rounds.length ?? 0} in the baseline; measured ${formatMsNumber(run.durationMs / 1e3)} s after a ${formatMsNumber(run.warmupMs / 1e3)} s warm-up`,
    `Run: ${completion}; ${rate2}; worst event-loop lag ${formatMsNumber(health.maxEventLoopLagMs)} ms`
  ];
  const lateness = generatorLatenessText(run);
  if (lateness !== null) lines.push(`Generator: ${lateness}`);
  const invalid = [...health.invalidReasons.map((r) => `this PR: ${escapeMarkdown(r)}`)];
  for (const reason of input.baseline?.result.health.invalidReasons ?? []) invalid.push(`baseline: ${escapeMarkdown(reason)}`);
  const invalidText = invalid.length > 0 ? `

**Invalid run**
${bullet(invalid)}` : "";
  return `**Run**
${bullet(lines)}${invalidText}`;
}
function baselineBlock(baseline, candidate, reasons2) {
  if (baseline === null) {
    const why = reasons2.length > 0 ? reasons2.map(escapeMarkdown).join("; ") : "the baseline step found none";
    return `**Baseline**
- None: ${why}`;
  }
  const { source } = baseline;
  const sha = source.sha === null ? "unknown SHA" : `SHA ${escapeMarkdown(source.sha)}`;
  const distance = source.store === "live-ab" ? "measured live in this job, rounds interleaved with the candidate (A B B A)" : source.exactSha ? "the exact base SHA" : source.commitsBehind === null ? "not the exact base SHA (distance unknown)" : `${plural2(source.commitsBehind, "commit")} behind the base SHA`;
  const age = formatAge(source.measuredAt, candidate.startedAt);
  const lines = [
    `Store: ${source.store}; reference ${escapeMarkdown(source.reference)}`,
    `${sha} on branch ${source.branch === null ? "unknown" : escapeMarkdown(source.branch)}: ${distance}`,
    `Measured ${escapeMarkdown(source.measuredAt)}${age === null ? "" : ` (${age} before this run)`}${source.runId === null ? "" : `; workflow run ${escapeMarkdown(source.runId)}`}`,
    `History: ${plural2(baseline.history.length, "earlier baseline")}`
  ];
  return `**Baseline**
${bullet(lines)}`;
}
var ENVIRONMENT_ROWS = [
  { label: "CPU", value: (e) => e.cpuModel },
  { label: "Cores", value: (e) => String(e.cores) },
  { label: "OS", value: (e) => `${e.os} ${e.arch}` },
  { label: "Node", value: (e) => e.nodeVersion },
  { label: "Tailgate", value: (e) => e.tailgateVersion },
  { label: "Runner", value: (e) => e.runner ?? "\u2013" }
];
function environmentBlock(candidate, baseline) {
  const rows = ENVIRONMENT_ROWS.map((row) => {
    const before = baseline === null ? "\u2013" : escapeMarkdown(row.value(baseline.environment));
    return `| ${row.label} | ${before} | ${escapeMarkdown(row.value(candidate.environment))} |`;
  });
  return ["**Environment**", "", "| | Baseline | This PR |", "| --- | --- | --- |", ...rows].join("\n");
}
function comparisonRow(c) {
  const cells = [
    c.metric,
    formatRounds(c.baselineRounds, c.unit),
    formatRounds(c.candidateRounds, c.unit),
    `${formatValue2(c.baselineMedian, c.unit)} \u2192 ${formatValue2(c.candidateMedian, c.unit)}`,
    `${formatShift(c.shift, c.unit)}, ${formatInterval(c.shiftInterval, c.unit)}`,
    formatValue2(c.margin, c.unit),
    formatPValue(c.pValue),
    formatPValue(c.pValueAdjusted),
    c.detectableShift === null ? "\u2013" : formatValue2(c.detectableShift, c.unit),
    c.outcome
  ];
  return `| ${cells.join(" | ")} |`;
}
function formatBudgetActual(check) {
  const { metric } = check.budget;
  if (metric === "error-rate") return formatValue2(check.actual, "fraction");
  if (metric === "rps") return formatValue2(check.actual, "rps");
  if (metric === "recovery" && !Number.isFinite(check.actual)) return "not recovered by the end";
  return formatValue2(check.actual, "ms");
}
function countsText(counts) {
  const parts = Object.entries(counts).filter((entry) => (entry[1] ?? 0) > 0).map(([key, count2]) => `${escapeMarkdown(key)} \xD7 ${count2}`);
  return parts.length > 0 ? parts.join(", ") : "none";
}
function sumCounts(result, pick) {
  const total = {};
  for (const round2 of result.rounds) {
    for (const [key, count2] of Object.entries(round2[pick])) total[key] = (total[key] ?? 0) + (count2 ?? 0);
  }
  return total;
}
function endpointBlock(endpoint2, input) {
  const label = ENDPOINT_LABELS[endpoint2.outcome.kind];
  const reason = outcomeReason(endpoint2.outcome);
  const lines = [`${label.emoji} **${endpointName(endpoint2.endpoint)}**: ${label.word}`];
  if (reason !== null) lines.push(`- Reason: ${escapeMarkdown(reason)}`);
  const candidate = input.candidate.endpoints.find((e) => e.name === endpoint2.endpoint);
  const baseline = input.baseline?.result.endpoints.find((e) => e.name === endpoint2.endpoint);
  const warmup = `${candidate?.warmupRequests ?? 0} in this PR, ${baseline?.warmupRequests ?? "\u2013"} in the baseline`;
  lines.push(`- Requests: ${endpoint2.candidate.requests} measured; warm-up requests excluded: ${warmup}`);
  if (candidate !== void 0) {
    lines.push(`- Responses: ${countsText(sumCounts(candidate, "statusCounts"))}`);
    lines.push(`- Errors: ${countsText(sumCounts(candidate, "errors"))}`);
  }
  const comparisons = gatedComparisons(endpoint2);
  if (comparisons.length > 0) {
    lines.push(
      "",
      "| Metric | Baseline rounds | PR rounds | Median | Shift | Margin | p | p (Holm) | Detectable | Outcome |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...comparisons.map(comparisonRow),
      ""
    );
  }
  const requestLevel = endpoint2.requestLevel;
  if (requestLevel !== null) {
    const interval = requestLevel.shiftIntervalMs === null ? "no CI" : `95 % CI [${formatShift(requestLevel.shiftIntervalMs.lower, "ms")}, ${formatShift(requestLevel.shiftIntervalMs.upper, "ms")}]`;
    const p = requestLevel.pValueTwoSided === null ? "\u2013" : formatPValue(requestLevel.pValueTwoSided);
    const slower = `${(requestLevel.probabilityCandidateSlower * 100).toFixed(1)} %`;
    lines.push(
      `- Single requests (descriptive, not gated): shift ${formatShift(requestLevel.shiftMs, "ms")}, ${interval}; p = ${p}; P(PR request slower) = ${slower}`
    );
  }
  for (const check of endpoint2.budgets) {
    const mark = check.passed ? "\u2705" : "\u274C";
    lines.push(`- Budget ${mark} ${escapeMarkdown(check.budget.expression)}: ${formatBudgetActual(check)}`);
  }
  return lines.join("\n").trimEnd();
}
function detailBlocks(input) {
  const noBaselineReasons = [
    ...new Set(input.verdict.endpoints.flatMap((e) => e.outcome.kind === "no-baseline" ? [e.outcome.reason] : []))
  ];
  const blocks = [
    runBlock(input),
    baselineBlock(input.baseline, input.candidate, noBaselineReasons),
    environmentBlock(input.candidate, input.baseline?.result ?? null)
  ];
  if (input.verdict.warnings.length > 0) blocks.push(`**Warnings**
${bullet(input.verdict.warnings.map(escapeMarkdown))}`);
  if (input.baselineLines.length > 0) blocks.push(`**Baseline step**
${bullet(input.baselineLines.map(escapeMarkdown))}`);
  for (const endpoint2 of input.verdict.endpoints) blocks.push(endpointBlock(endpoint2, input));
  return blocks;
}

// src/report/annotations.ts
function regressionAnnotations(endpoint2) {
  if (endpoint2.outcome.kind !== "regression") return [];
  const regressed = gatedComparisons(endpoint2).filter((c) => c.outcome === "regression");
  const comparisons = regressed.length > 0 ? regressed : [endpoint2.outcome.worst];
  return comparisons.map((c) => ({
    title: `Tailgate: ${endpoint2.endpoint} ${c.metric} regression`,
    message: c.explanation
  }));
}
function budgetAnnotations(endpoint2) {
  return failedBudgets(endpoint2).map((check) => ({
    title: `Tailgate: ${endpoint2.endpoint} over budget`,
    message: `${check.budget.expression} exceeded: ${check.budget.metric} = ${formatBudgetActual(check)}`
  }));
}
function annotationsFor(input) {
  const { accepted } = input;
  const level = accepted === null ? "error" : "warning";
  const suffix = accepted === null ? "" : ` (accepted with the label '${accepted.label}'${accepted.by ? ` by @${accepted.by.replace(/^@/, "")}` : ""})`;
  return input.verdict.endpoints.flatMap((endpoint2) => [...regressionAnnotations(endpoint2), ...budgetAnnotations(endpoint2)]).map((a) => ({ level, title: plainText(a.title), message: plainText(`${a.message}${suffix}`) }));
}

// src/report/json-schema.ts
var REPORT_VERSION = 1;
var ENDPOINT_OUTCOME_KINDS = [
  "regression",
  "improvement",
  "no-change",
  "pass",
  "inconclusive",
  "no-baseline",
  "invalid"
];
var COMPARISON_OUTCOMES = ["regression", "improvement", "no-change", "pass", "inconclusive"];
var measured = number().nullable().meta({ description: "null when the value is not a finite number" });
var count = number().int().min(0);
var text = string();
var LatencySummarySchema = object({
  requests: count,
  p50Ms: measured,
  p95Ms: measured,
  p99Ms: measured,
  errorRate: measured.meta({ description: "fraction of requests that failed (0.01 = 1 %)" }),
  ratePerSecond: measured
});
var IntervalSchema = object({ lower: measured, upper: measured });
var JobNoiseSchema = object({
  kind: _enum(["history", "allowance", "same-job"]).meta({
    description: "history: estimated from stored base-branch runs; allowance: assumed (too little history); same-job: live A/B, none"
  }),
  historyRuns: count.meta({ description: "earlier baselines of the base branch the gate had (0 for same-job)" }),
  runSd: measured.meta({ description: "history: sd of a run\u2019s log value from run to run (\u2248 relative: 0.02 = 2 %)" }),
  jobSd: measured.meta({
    description: "history: its between-job part (random-effects moment estimate); allowance: the job-to-job sd assumed"
  }),
  withinSd: measured.meta({ description: "history: its within-run part, from the rounds" })
}).meta({ description: "how the regression test allowed for the shift between CI jobs (log-scale sds)" });
var ComparisonSchema = object({
  metric: _enum(GATED_METRICS),
  unit: _enum(["ms", "fraction", "rps"]).meta({ description: "unit of every value of this comparison" }),
  baselineRounds: array(measured),
  candidateRounds: array(measured),
  baselineMedian: measured,
  candidateMedian: measured,
  shift: measured.meta({ description: "Hodges-Lehmann shift candidate \u2212 baseline on the round values" }),
  relativeShift: measured.meta({ description: "shift relative to the baseline median (0.12 = 12 % slower)" }),
  shiftInterval: IntervalSchema.extend({ confLevel: measured }).nullable(),
  margin: measured,
  pValue: measured,
  pValueAdjusted: measured.meta({ description: "after Holm-Bonferroni over every gated comparison of the run" }),
  detectableShift: measured.meta({
    description: "resolution: the smallest worsening (a positive size in unit) caught in \u2265 80 % of runs at alpha/comparisons; null when none can be"
  }),
  jobNoise: JobNoiseSchema.nullable().meta({
    description: "how the test allowed for the shift between CI jobs; null for a verdict made without this field"
  }),
  outcome: _enum(COMPARISON_OUTCOMES).meta({
    description: "no-change: equivalence shown (two one-sided tests, (1 \u2212 2 alpha) interval within \xB1margin); pass: no evidence of a regression and the run resolves the margin; inconclusive: it could not"
  }),
  explanation: text
});
var BudgetSchema = object({
  expression: text,
  metric: _enum(BUDGET_METRICS),
  operator: _enum(BUDGET_OPERATORS),
  threshold: number(),
  actual: measured,
  passed: boolean()
});
var RequestLevelSchema = object({
  pValueTwoSided: measured,
  shiftMs: measured,
  shiftIntervalMs: IntervalSchema.nullable(),
  probabilityCandidateSlower: measured
});
var EndpointSchema = object({
  name: text,
  outcome: _enum(ENDPOINT_OUTCOME_KINDS),
  reason: text.nullable().meta({ description: "why, for inconclusive, no-baseline and invalid outcomes" }),
  warmupRequests: count.meta({ description: "requests sent during the warm-up, excluded from every statistic" }),
  baseline: LatencySummarySchema.nullable(),
  candidate: LatencySummarySchema,
  comparisons: array(ComparisonSchema),
  budgets: array(BudgetSchema),
  requestLevel: RequestLevelSchema.nullable()
});
var RunSchema = object({
  startedAt: text,
  model: _enum(["open", "closed"]),
  gatedLatency: _enum(LATENCY_ORIGINS),
  warmupMs: number().min(0),
  durationMs: number().min(0),
  rounds: count,
  completion: object({ status: _enum(["complete", "partial"]), reason: text.nullable() }),
  health: object({
    intendedRatePerSecond: measured,
    achievedRatePerSecond: measured,
    maxEventLoopLagMs: measured,
    invalidReasons: array(text),
    generatorLateness: object({
      summary: text.meta({ description: 'e.g. "generator lateness p50 0.02 ms, p99 0.41 ms, max 2.10 ms (\u2026)"' }),
      p50Ms: measured,
      p99Ms: measured,
      maxMs: measured,
      perRound: array(object({ p50Ms: measured, p99Ms: measured, maxMs: measured }))
    }).nullable().meta({
      description: "the generator's own send lateness (intended \u2192 actual send) over the measured rounds and per round: up to this much of a latency tail is the generator's; null for closed models, imports and older results"
    })
  }),
  environment: object({
    os: text,
    arch: text,
    cpuModel: text,
    cores: count,
    nodeVersion: text,
    tailgateVersion: text,
    runner: text.nullable()
  }),
  git: object({
    repository: text.nullable(),
    ref: text.nullable(),
    branch: text.nullable(),
    sha: text.nullable(),
    runId: text.nullable(),
    workflow: text.nullable()
  })
});
var BaselineSourceSchema = object({
  store: _enum(["cache", "artifact", "file", "live-ab"]),
  reference: text,
  branch: text.nullable(),
  sha: text.nullable(),
  exactSha: boolean(),
  measuredAt: text,
  commitsBehind: count.nullable(),
  runId: text.nullable(),
  ageSeconds: measured.meta({ description: "candidate start \u2212 baseline start, seconds" })
});
var CapacitySummarySchema = object({
  status: _enum(CAPACITY_STATUSES),
  sustainedRatePerSecond: measured.nullable().meta({ description: "the highest rate that held the SLO, req/s" }),
  firstFailingRatePerSecond: measured.nullable().meta({ description: "the lowest rate that broke it, req/s" }),
  breaking: object({ endpoint: text, objective: text, actual: measured.nullable() }).nullable()
});
var CapacitySchema = object({
  outcome: _enum(["regression", "improvement", "no-change", "invalid", "no-baseline"]),
  baseline: CapacitySummarySchema.nullable(),
  candidate: CapacitySummarySchema,
  relativeChange: measured.nullable().meta({ description: "sustained rate candidate / baseline \u2212 1" }),
  marginRelative: measured,
  explanation: text,
  steps: count.meta({ description: "steps the candidate's search ran" }),
  totalRequests: count,
  totalDurationMs: measured
});
var ReportSchema = object({
  reportVersion: literal(REPORT_VERSION),
  tailgateVersion: text,
  profileId: text,
  mode: text,
  runUrl: text.nullable(),
  verdict: object({
    outcome: _enum(OVERALL_OUTCOMES),
    failed: boolean(),
    failing: array(_enum(FAIL_ON)),
    headline: text,
    regressions: count,
    budgetViolations: count.meta({ description: "failed budget checks, over every endpoint" }),
    sequential: object({
      rounds: count.meta({ description: "rounds per side measured (A/B pairs for live A/B)" }),
      looks: count,
      maxRounds: count.meta({ description: "the planned maximum rounds per side (max-rounds, max-duration)" }),
      stopped: _enum(["decided", "max-rounds", "max-duration", "stopped", "nothing-to-decide"]),
      reason: text
    }).nullable().meta({ description: "rounds: auto: how many rounds it took and why it stopped; null for fixed rounds" })
  }),
  accepted: object({ label: text, by: text.nullable() }).nullable(),
  endpoints: array(EndpointSchema),
  baseline: object({
    found: boolean(),
    source: BaselineSourceSchema.nullable(),
    run: RunSchema.nullable(),
    historyRuns: count,
    missingReasons: array(text).meta({ description: "why there is no baseline (empty when found)" }),
    lines: array(text).meta({ description: "what the baseline step said" })
  }),
  candidate: RunSchema,
  warnings: array(text),
  capacity: CapacitySchema.optional()
}).meta({ title: "Tailgate JSON report", description: "The verdict of one Tailgate run, per endpoint and overall" });

// src/report/json.ts
function latency(summary) {
  return {
    requests: summary.requests,
    p50Ms: finiteOrNull(summary.p50Ms),
    p95Ms: finiteOrNull(summary.p95Ms),
    p99Ms: finiteOrNull(summary.p99Ms),
    errorRate: finiteOrNull(summary.errorRate),
    ratePerSecond: finiteOrNull(summary.ratePerSecond)
  };
}
function comparison(c) {
  const interval = c.shiftInterval;
  return {
    metric: c.metric,
    unit: c.unit,
    baselineRounds: c.baselineRounds.map(finiteOrNull),
    candidateRounds: c.candidateRounds.map(finiteOrNull),
    baselineMedian: finiteOrNull(c.baselineMedian),
    candidateMedian: finiteOrNull(c.candidateMedian),
    shift: finiteOrNull(c.shift),
    relativeShift: finiteOrNull(c.relativeShift),
    shiftInterval: interval === null ? null : { lower: finiteOrNull(interval.lower), upper: finiteOrNull(interval.upper), confLevel: finiteOrNull(interval.confLevel) },
    margin: finiteOrNull(c.margin),
    pValue: finiteOrNull(c.pValue),
    pValueAdjusted: finiteOrNull(c.pValueAdjusted),
    detectableShift: c.detectableShift === null ? null : finiteOrNull(c.detectableShift),
    jobNoise: jobNoise(c.jobNoise),
    outcome: c.outcome,
    explanation: c.explanation
  };
}
function jobNoise(noise) {
  switch (noise?.kind) {
    case void 0:
      return null;
    case "history":
      return {
        kind: "history",
        historyRuns: noise.runs - 1,
        runSd: finiteOrNull(noise.runSd),
        jobSd: noise.jobSd === null ? null : finiteOrNull(noise.jobSd),
        withinSd: noise.withinSd === null ? null : finiteOrNull(noise.withinSd)
      };
    case "allowance":
      return { kind: "allowance", historyRuns: noise.historyRuns, runSd: null, jobSd: finiteOrNull(noise.jobSd), withinSd: null };
    case "same-job":
      return { kind: "same-job", historyRuns: 0, runSd: null, jobSd: null, withinSd: null };
  }
}
function budget(check) {
  const { expression, metric, operator, threshold } = check.budget;
  return { expression, metric, operator, threshold, actual: finiteOrNull(check.actual), passed: check.passed };
}
function endpoint(verdict, candidate) {
  const level = verdict.requestLevel;
  return {
    name: verdict.endpoint,
    outcome: verdict.outcome.kind,
    reason: outcomeReason(verdict.outcome),
    warmupRequests: candidate.endpoints.find((e) => e.name === verdict.endpoint)?.warmupRequests ?? 0,
    baseline: verdict.baseline === null ? null : latency(verdict.baseline),
    candidate: latency(verdict.candidate),
    comparisons: verdict.comparisons.map(comparison),
    budgets: verdict.budgets.map(budget),
    requestLevel: level === null ? null : {
      pValueTwoSided: level.pValueTwoSided === null ? null : finiteOrNull(level.pValueTwoSided),
      shiftMs: finiteOrNull(level.shiftMs),
      shiftIntervalMs: level.shiftIntervalMs === null ? null : { lower: finiteOrNull(level.shiftIntervalMs.lower), upper: finiteOrNull(level.shiftIntervalMs.upper) },
      probabilityCandidateSlower: finiteOrNull(level.probabilityCandidateSlower)
    }
  };
}
function latenessSummary(run) {
  const found = generatorLateness(run);
  if (found === null) return null;
  const figures = (f) => ({ p50Ms: finiteOrNull(f.p50Ms), p99Ms: finiteOrNull(f.p99Ms), maxMs: finiteOrNull(f.maxMs) });
  return { summary: found.summary, ...figures(found.overall), perRound: found.perRound.map(figures) };
}
function runSummary(run) {
  return {
    startedAt: run.startedAt,
    model: run.model,
    gatedLatency: run.gatedLatency,
    warmupMs: run.warmupMs,
    durationMs: run.durationMs,
    rounds: run.rounds.length,
    completion: run.completion.status === "complete" ? { status: "complete", reason: null } : { status: "partial", reason: run.completion.reason },
    health: {
      intendedRatePerSecond: run.health.intendedRatePerSecond === null ? null : finiteOrNull(run.health.intendedRatePerSecond),
      achievedRatePerSecond: finiteOrNull(run.health.achievedRatePerSecond),
      maxEventLoopLagMs: finiteOrNull(run.health.maxEventLoopLagMs),
      invalidReasons: [...run.health.invalidReasons],
      generatorLateness: latenessSummary(run)
    },
    environment: { ...run.environment },
    git: { ...run.git }
  };
}
function baselineSection(input) {
  const found = input.baseline;
  const lines = [...input.baselineLines];
  if (found === null) {
    const reasons2 = input.verdict.endpoints.flatMap((e) => e.outcome.kind === "no-baseline" ? [e.outcome.reason] : []);
    return { found: false, source: null, run: null, historyRuns: 0, missingReasons: [...new Set(reasons2)], lines };
  }
  const ageMs = Date.parse(input.candidate.startedAt) - Date.parse(found.source.measuredAt);
  return {
    found: true,
    source: { ...found.source, ageSeconds: finiteOrNull(ageMs / 1e3) },
    run: runSummary(found.result),
    historyRuns: found.history.length,
    missingReasons: [],
    lines
  };
}
function renderJsonReport(input) {
  const { verdict } = input;
  return {
    reportVersion: REPORT_VERSION,
    tailgateVersion: TAILGATE_VERSION,
    profileId: input.profileId,
    mode: input.mode,
    runUrl: input.runUrl,
    verdict: {
      outcome: verdict.outcome,
      failed: verdict.failed,
      failing: [...verdict.failing],
      headline: verdict.headline,
      regressions: regressionCount(verdict),
      budgetViolations: verdict.endpoints.reduce((sum, e) => sum + e.budgets.filter((b) => !b.passed).length, 0),
      sequential: verdict.sequential ? { ...verdict.sequential } : null
    },
    accepted: input.accepted === null ? null : { label: input.accepted.label, by: input.accepted.by },
    endpoints: verdict.endpoints.map((e) => endpoint(e, input.candidate)),
    baseline: baselineSection(input),
    candidate: runSummary(input.candidate),
    warnings: [...verdict.warnings],
    ...verdict.capacity && input.candidate.capacity ? { capacity: capacitySection(verdict.capacity, input.candidate.capacity) } : {}
  };
}
function capacitySummary(summary) {
  return {
    status: summary.status,
    sustainedRatePerSecond: summary.sustainedRatePerSecond,
    firstFailingRatePerSecond: summary.firstFailingRatePerSecond,
    breaking: summary.breaking && { ...summary.breaking }
  };
}
function capacitySection(comparison2, search) {
  return {
    outcome: comparison2.outcome,
    baseline: comparison2.baseline === null ? null : capacitySummary(comparison2.baseline),
    candidate: capacitySummary(comparison2.candidate),
    relativeChange: comparison2.relativeChange === null ? null : finiteOrNull(comparison2.relativeChange),
    marginRelative: comparison2.marginRelative,
    explanation: comparison2.explanation,
    steps: search.steps.length,
    totalRequests: search.totalRequests,
    totalDurationMs: search.totalDurationMs
  };
}

// src/report/junit.ts
function acceptedNote(input) {
  if (input.accepted === null) return null;
  return `accepted with the label '${input.accepted.label}'${input.accepted.by ? ` by @${input.accepted.by.replace(/^@/, "")}` : ""}`;
}
function comparisonStatus(endpoint2, comparison2, accepted) {
  switch (comparison2.outcome) {
    case "regression":
      if (accepted !== null) return { kind: "skipped", message: `regression ${accepted}: ${comparison2.explanation}` };
      return {
        kind: "failure",
        type: "regression",
        message: `${endpoint2.endpoint} ${comparison2.metric} regressed: ${comparison2.explanation}`,
        detail: comparison2.explanation
      };
    case "inconclusive":
      return { kind: "skipped", message: `inconclusive: ${comparison2.explanation}` };
    case "improvement":
    case "no-change":
    case "pass":
      return { kind: "passed", output: comparison2.explanation };
  }
}
function capacityCase(capacity, accepted) {
  const status = (() => {
    switch (capacity.outcome) {
      case "regression":
        return accepted !== null ? { kind: "skipped", message: `regression ${accepted}: ${capacity.explanation}` } : { kind: "failure", type: "regression", message: capacity.explanation, detail: capacity.explanation };
      case "invalid":
        return { kind: "error", type: "invalid", message: capacity.explanation };
      case "no-baseline":
        return { kind: "skipped", message: capacity.explanation };
      case "improvement":
      case "no-change":
        return { kind: "passed", output: capacity.explanation };
    }
  })();
  return { classname: "capacity", name: "sustained rate", status };
}
function endpointStatus(endpoint2) {
  const { outcome } = endpoint2;
  switch (outcome.kind) {
    case "invalid":
      return { kind: "error", type: "invalid", message: `${endpoint2.endpoint} is invalid evidence: ${outcome.reason}` };
    case "no-baseline":
      return { kind: "skipped", message: `no baseline: ${outcome.reason}` };
    case "inconclusive":
      return endpoint2.comparisons.length === 0 ? { kind: "skipped", message: `inconclusive: ${outcome.reason}` } : null;
    case "no-change":
    case "pass":
      return endpoint2.comparisons.length === 0 ? { kind: "passed", output: "no change" } : null;
    case "regression":
    case "improvement":
      return null;
  }
}
function casesOf(endpoint2, input) {
  const classname = `${input.profileId}.${endpoint2.endpoint}`;
  const accepted = acceptedNote(input);
  const whole = endpointStatus(endpoint2);
  const compared = gatedComparisons(endpoint2);
  const cases = compared.length === 0 ? [{ classname, name: "regression gate", status: whole }] : compared.map((c) => ({
    classname,
    name: `${c.metric} regression gate`,
    status: whole ?? comparisonStatus(endpoint2, c, accepted)
  }));
  for (const check of endpoint2.budgets) {
    const measured2 = `${check.budget.metric} = ${formatBudgetActual(check)}`;
    const name = `budget ${check.budget.expression}`;
    if (check.passed) {
      cases.push({ classname, name, status: { kind: "passed", output: measured2 } });
    } else if (accepted !== null) {
      cases.push({ classname, name, status: { kind: "skipped", message: `budget exceeded, ${accepted}: ${measured2}` } });
    } else {
      const message = `${endpoint2.endpoint}: budget ${check.budget.expression} exceeded (${measured2})`;
      cases.push({ classname, name, status: { kind: "failure", type: "budget", message, detail: measured2 } });
    }
  }
  return cases;
}
function caseXml(testCase) {
  const open = `    <testcase classname="${escapeXml(testCase.classname)}" name="${escapeXml(testCase.name)}" time="0.000"`;
  const { status } = testCase;
  switch (status.kind) {
    case "passed":
      return `${open}>
      <system-out>${escapeXml(status.output)}</system-out>
    </testcase>`;
    case "failure":
      return `${open}>
      <failure message="${escapeXml(status.message)}" type="${status.type}">${escapeXml(status.detail)}</failure>
    </testcase>`;
    case "error":
      return `${open}>
      <error message="${escapeXml(status.message)}" type="${status.type}"/>
    </testcase>`;
    case "skipped":
      return `${open}>
      <skipped message="${escapeXml(status.message)}"/>
    </testcase>`;
  }
}
var seconds = (ms2) => (Number.isFinite(ms2) && ms2 > 0 ? ms2 / 1e3 : 0).toFixed(3);
function renderJunit(input) {
  const capacity = input.verdict.capacity;
  const cases = [
    ...capacity === void 0 ? [] : [capacityCase(capacity, acceptedNote(input))],
    ...input.verdict.endpoints.flatMap((endpoint2) => casesOf(endpoint2, input))
  ];
  const count2 = (kind) => cases.filter((c) => c.status.kind === kind).length;
  const totals = `tests="${cases.length}" failures="${count2("failure")}" errors="${count2("error")}" skipped="${count2("skipped")}"`;
  const time = seconds(input.candidate.warmupMs + input.candidate.durationMs);
  const suiteName = escapeXml(`Tailgate ${input.profileId}`);
  const verdict = OVERALL_LABELS[input.verdict.outcome].word;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="Tailgate" ${totals} time="${time}">`,
    `  <testsuite name="${suiteName}" ${totals} time="${time}" timestamp="${escapeXml(input.candidate.startedAt)}">`,
    "    <properties>",
    `      <property name="verdict" value="${escapeXml(input.verdict.outcome)}"/>`,
    `      <property name="headline" value="${escapeXml(input.verdict.headline)}"/>`,
    `      <property name="summary" value="${escapeXml(verdict)}"/>`,
    "    </properties>",
    ...cases.map(caseXml),
    "  </testsuite>",
    "</testsuites>",
    ""
  ].join("\n");
}

// src/report/capacity.ts
var MAX_CAPACITY_CHARTS = 8;
var CLIP_FACTOR = 3;
var PERCENTILE_METRICS = { p50: 50, p90: 90, p95: 95, p99: 99, "p99.9": 99.9 };
function chartedObjective(capacity, endpoint2) {
  const objectives = budgetsFor(
    endpoint2,
    Object.fromEntries(
      Object.entries(capacity.slo).map(([key, list]) => [
        key,
        list.flatMap((text2) => {
          const parsed = parseBudget(text2);
          return typeof parsed === "string" ? [] : [parsed];
        })
      ])
    )
  );
  const first = objectives.find((b) => b.metric in PERCENTILE_METRICS);
  if (first === void 0) return { percentile: 95, label: "p95", sloMs: null };
  return { percentile: PERCENTILE_METRICS[first.metric], label: first.metric, sloMs: first.threshold };
}
function stepsByRate(capacity) {
  const byRate = /* @__PURE__ */ new Map();
  for (const step of capacity.steps) byRate.set(step.ratePerSecond, step);
  return [...byRate.values()].sort((a, b) => a.ratePerSecond - b.ratePerSecond);
}
function stepPercentileMs(step, endpoint2, percentile, origin) {
  const found = step.endpoints.find((e) => e.name === endpoint2);
  if (found === void 0) return null;
  const pooled = mergeHistograms(found.rounds.map((round2) => gatedHistogram(round2, origin)));
  return pooled.count === 0 ? null : pooled.percentileUs(percentile) / 1e3;
}
var axisNumber = (value) => String(Number(formatMsNumber(value)));
function capacityCharts(capacity, origin) {
  const steps = stepsByRate(capacity);
  if (steps.length === 0) return [];
  const endpoints = [...new Set(steps.flatMap((step) => step.endpoints.map((e) => e.name)))];
  const blocks = [];
  for (const endpoint2 of endpoints.slice(0, MAX_CAPACITY_CHARTS)) {
    const { percentile, label, sloMs } = chartedObjective(capacity, endpoint2);
    const values = steps.map((step) => stepPercentileMs(step, endpoint2, percentile, origin));
    const measured2 = values.filter((v) => v !== null);
    if (measured2.length === 0) continue;
    const top = sloMs === null ? Math.max(...measured2) * 1.1 : Math.min(Math.max(...measured2), CLIP_FACTOR * sloMs) * 1.1;
    const clipped = values.map((v) => Math.min(v ?? 0, top));
    const knee = capacity.sustainedRatePerSecond;
    const kneeText2 = knee === null ? "no rate held" : `knee ${knee.toFixed(0)}/s`;
    const lines = [
      `title "${mermaidLabel(endpoint2)} ${label} ms by rate (line: ${label}${sloMs === null ? "" : ", flat line: SLO"}, bar: ${kneeText2})"`,
      `x-axis "req/s" [${steps.map((step) => `"${step.ratePerSecond.toFixed(0)}"`).join(", ")}]`,
      `y-axis "ms" 0 --> ${axisNumber(top)}`,
      `bar [${steps.map((step, i) => step.ratePerSecond === knee ? axisNumber(clipped[i]) : "0").join(", ")}]`,
      `line [${clipped.map(axisNumber).join(", ")}]`,
      ...sloMs === null ? [] : [`line [${steps.map(() => axisNumber(sloMs)).join(", ")}]`]
    ];
    blocks.push(["```mermaid", "xychart-beta", ...lines.map((line) => `  ${line}`), "```"].join("\n"));
  }
  return blocks;
}
var OUTCOME_EMOJI2 = { pass: "\u2705", fail: "\u274C", undecided: "\u2754", invalid: "\u26A0\uFE0F", stopped: "\u23F9\uFE0F" };
function capacityStepTable(capacity, origin) {
  const rows = capacity.steps.map((step) => {
    const first = step.endpoints[0]?.name;
    const p95 = first === void 0 ? null : stepPercentileMs(step, first, 95, origin);
    return `| ${step.index + 1}${step.attempt > 1 ? " (repeat)" : ""} | ${step.ratePerSecond.toFixed(1)} | ${OUTCOME_EMOJI2[step.outcome]} ${step.outcome} | ${p95 === null ? "\u2013" : formatMs(p95)} | ${escapeMarkdown(truncateText(step.reason, 300))} |`;
  });
  return ["| Step | Rate (req/s) | Outcome | p95 | Why |", "| ---: | ---: | --- | ---: | --- |", ...rows].join("\n");
}
function capacityLine(capacity) {
  return `**Capacity:** ${escapeMarkdown(capacity.reason)}. ${capacity.steps.length} steps, ${capacity.totalRequests} requests, ${(capacity.totalDurationMs / 1e3).toFixed(1)} s.`;
}
function capacityParts(capacity, input) {
  const charts = capacityCharts(capacity, input.candidate.gatedLatency);
  const before = input.baseline?.result.capacity;
  const baselineCharts = before === void 0 ? [] : capacityCharts(before, input.baseline?.result.gatedLatency ?? "intended");
  return [
    ...charts.length > 0 ? [`Latency by arrival rate, this run:

${charts.join("\n\n")}`] : [],
    ...baselineCharts.length > 0 ? [
      `<details><summary>Latency by arrival rate, baseline</summary>

${baselineCharts.join("\n\n")}

</details>`
    ] : [],
    `<details><summary>Capacity steps</summary>

${capacityStepTable(capacity, input.candidate.gatedLatency)}

</details>`
  ];
}

// src/report/latency.ts
var CHART_PERCENTILES = [
  { label: "p50", percentile: 50 },
  { label: "p90", percentile: 90 },
  { label: "p95", percentile: 95 },
  { label: "p99", percentile: 99 },
  { label: "p99.9", percentile: 99.9 }
];
function pooledPercentilesMs(run, endpoint2, percentiles) {
  const found = run.endpoints.find((e) => e.name === endpoint2);
  if (found === void 0) return null;
  const pooled = mergeHistograms(
    found.rounds.map((round2) => run.gatedLatency === "intended" ? round2.latency : round2.actualLatency)
  );
  if (pooled.count === 0) return null;
  return percentiles.map((p) => pooled.percentileUs(p) / 1e3);
}

// src/report/mermaid.ts
var MAX_TREND_CHARTS = 8;
var MAX_PERCENTILE_CHARTS = 10;
var round = (ms2) => Number.isFinite(ms2) ? String(Number(formatMsNumber(ms2))) : "0";
function chart(lines) {
  return ["```mermaid", "xychart-beta", ...lines.map((line) => `  ${line}`), "```"].join("\n");
}
function percentileCharts(options) {
  const percentiles = CHART_PERCENTILES.map((p) => p.percentile);
  const axis = CHART_PERCENTILES.map((p) => `"${p.label}"`).join(", ");
  const changed = [
    ...options.endpoints.filter((e) => e.outcome.kind === "regression"),
    ...options.endpoints.filter((e) => e.outcome.kind === "improvement")
  ];
  const blocks = [];
  for (const endpoint2 of changed.slice(0, MAX_PERCENTILE_CHARTS)) {
    const before = pooledPercentilesMs(options.baseline, endpoint2.endpoint, percentiles);
    const after = pooledPercentilesMs(options.candidate, endpoint2.endpoint, percentiles);
    if (before === null || after === null) continue;
    const top = Math.max(...before, ...after);
    blocks.push(
      chart([
        `title "${mermaidLabel(endpoint2.endpoint)} latency (bars: baseline, line: this PR)"`,
        `x-axis [${axis}]`,
        `y-axis "ms" 0 --> ${round(top * 1.1)}`,
        `bar [${before.map(round).join(", ")}]`,
        `line [${after.map(round).join(", ")}]`
      ])
    );
  }
  return blocks;
}
function runLabel(run) {
  if (run.git.sha !== null && /^[0-9a-f]{7,40}$/i.test(run.git.sha)) return run.git.sha.slice(0, 7);
  return mermaidLabel(run.startedAt.slice(0, 10), 10) || "?";
}
function trendCharts(options) {
  if (options.history.length < 2) return [];
  const older = [...options.history].reverse();
  const alreadyIn = older.some((run) => run === options.baseline || run.startedAt === options.baseline.startedAt);
  const runs = [...older, ...alreadyIn ? [] : [options.baseline]];
  const blocks = [];
  for (const endpoint2 of options.endpoints.slice(0, MAX_TREND_CHARTS)) {
    const points = [];
    for (const run of runs) {
      const p95 = pooledPercentilesMs(run, endpoint2.endpoint, [95]);
      if (p95 !== null) points.push({ label: runLabel(run), p95Ms: p95[0] });
    }
    const candidateP95 = pooledPercentilesMs(options.candidate, endpoint2.endpoint, [95]);
    if (candidateP95 === null || points.length < 2) continue;
    points.push({ label: "this PR", p95Ms: candidateP95[0] });
    const top = Math.max(...points.map((p) => p.p95Ms));
    blocks.push(
      chart([
        `title "${mermaidLabel(endpoint2.endpoint)} p95 trend"`,
        `x-axis [${points.map((p) => `"${p.label}"`).join(", ")}]`,
        `y-axis "p95 ms" 0 --> ${round(top * 1.1)}`,
        `line [${points.map((p) => round(p.p95Ms)).join(", ")}]`
      ])
    );
  }
  return blocks;
}

// src/report/markdown.ts
var COMMENT_LIMIT_CHARS = 65536;
var MARKER_RESERVE_CHARS = 512;
var TRUNCATED_NOTE = "_Details truncated to fit GitHub\u2019s 65,536-character comment limit; the JSON report has every figure._";
function headlineLine(verdict, profileId) {
  const label = OVERALL_LABELS[verdict.outcome];
  const { headline: headline2, regressions } = headlineParts(verdict);
  return `${label.emoji} **Tailgate: ${label.word}** (${escapeMarkdown(truncateText(profileId, 80))}) \xB7 ${regressions === null ? "" : `${regressions} \xB7 `}${escapeMarkdown(truncateText(headline2, 300))}`;
}
function statusLine(input) {
  const { verdict, accepted } = input;
  if (accepted !== null) {
    const login = accepted.by?.startsWith("@") ? accepted.by : `@${accepted.by}`;
    const by = accepted.by === null ? "" : `, applied by ${escapeMarkdown(truncateText(login, 60))}`;
    return `\u270B Accepted with the label \u201C${escapeMarkdown(truncateText(accepted.label, 80))}\u201D${by}: the check does not fail.`;
  }
  if (verdict.failed) return `The check fails on: ${verdict.failing.join(", ")}.`;
  return "The check passes.";
}
function targetLine(input) {
  if (!input.target) return [];
  let origin;
  try {
    origin = new URL(input.target).origin;
  } catch {
    return [];
  }
  return [`Measured: ${escapeMarkdown(origin)}`];
}
var MAX_BUDGETS_IN_CELL = 3;
var latencyCell = (endpoint2, key) => `${endpoint2.baseline === null ? "\u2013" : formatMsNumber(endpoint2.baseline[key])} \u2192 ${formatMsNumber(endpoint2.candidate[key])}`;
function budgetCell(endpoint2) {
  if (endpoint2.budgets.length === 0) return "\u2013";
  const failed = failedBudgets(endpoint2);
  if (failed.length === 0) return `\u2705 ${endpoint2.budgets.length}/${endpoint2.budgets.length}`;
  const shown = failed.slice(0, MAX_BUDGETS_IN_CELL).map((check) => `\u274C ${escapeMarkdown(truncateText(check.budget.expression, 60))} (${formatBudgetActual(check)})`);
  const more = failed.length > MAX_BUDGETS_IN_CELL ? [`and ${failed.length - MAX_BUDGETS_IN_CELL} more`] : [];
  return [...shown, ...more].join("; ");
}
function endpointTable(endpoints) {
  const rows = endpoints.map((endpoint2) => {
    const label = ENDPOINT_LABELS[endpoint2.outcome.kind];
    const comparison2 = headlineComparison(endpoint2);
    const cells = [
      endpointName(endpoint2.endpoint),
      latencyCell(endpoint2, "p50Ms"),
      latencyCell(endpoint2, "p95Ms"),
      latencyCell(endpoint2, "p99Ms"),
      comparison2 === null ? "\u2013" : formatChange(comparison2),
      `${label.emoji} ${label.word}`,
      budgetCell(endpoint2)
    ];
    return `| ${cells.join(" | ")} |`;
  });
  return [
    "| Endpoint | p50 ms (base \u2192 PR) | p95 ms | p99 ms | Change | Verdict | Budgets |",
    "| --- | ---: | ---: | ---: | --- | --- | --- |",
    ...rows
  ].join("\n");
}
function explanationLines(endpoints) {
  return endpoints.map((endpoint2) => {
    const label = ENDPOINT_LABELS[endpoint2.outcome.kind];
    const parts = gatedComparisons(endpoint2).map((c) => escapeMarkdown(c.explanation));
    const outcome = endpoint2.outcome;
    if (outcome.kind === "inconclusive" || outcome.kind === "no-baseline" || outcome.kind === "invalid") {
      parts.unshift(escapeMarkdown(outcome.reason));
    }
    for (const check of failedBudgets(endpoint2)) {
      parts.push(`budget ${escapeMarkdown(check.budget.expression)} exceeded: ${formatBudgetActual(check)}`);
    }
    const text2 = parts.length > 0 ? parts.join("; ") : label.word;
    return `- ${label.emoji} **${endpointName(endpoint2.endpoint)}**: ${text2}`;
  }).join("\n");
}
function notices(input) {
  const out = [];
  if (input.baseline === null) {
    const reasons2 = input.verdict.endpoints.flatMap((e) => e.outcome.kind === "no-baseline" ? [e.outcome.reason] : []);
    const why = escapeMarkdown(truncateText([...new Set(reasons2)].join("; "), 1e3)) || "the baseline step found none";
    out.push(`\u2796 **No baseline**: ${why}. Nothing was compared; budgets were still checked.`);
  }
  const invalid = input.candidate.health.invalidReasons;
  if (invalid.length > 0) out.push(`\u26A0\uFE0F **Invalid run**: ${escapeMarkdown(truncateText(invalid.join("; "), 1e3))}.`);
  return out;
}
var SAFE_URL = /^https?:\/\/[^\s<>()[\]`|"'\\]+$/;
function footer(input) {
  const version = `Tailgate ${TAILGATE_VERSION}`;
  const report = fullReportLine(input);
  const above = report === null ? "" : `${report}

`;
  if (input.runUrl === null) return `${above}<sub>${version}</sub>`;
  const link = SAFE_URL.test(input.runUrl) ? `[workflow run](${input.runUrl})` : `workflow run ${escapeMarkdown(input.runUrl)}`;
  return `${above}<sub>${version} \xB7 ${link}</sub>`;
}
function fullReportLine(input) {
  const report = input.fullReport;
  if (report === void 0 || report === null) return null;
  const what = "charts and tables of every endpoint, one HTML file";
  if (report.url !== null && SAFE_URL.test(report.url)) {
    return `\u{1F4CA} [Open the full report](${report.url}) (${escapeMarkdown(report.fileName)} in the artifact zip: ${what})`;
  }
  return `\u{1F4CA} Full report: ${escapeMarkdown(report.fileName)} (${what})${report.note === null ? "" : `: ${escapeMarkdown(report.note)}`}.`;
}
function detailsSection(blocks, budgetChars) {
  const open = "<details><summary>Details: rounds, p-values, margins, baseline, environment, warnings</summary>\n\n";
  const close = "\n\n</details>";
  const fixed = open.length + close.length + TRUNCATED_NOTE.length + 4;
  const kept = [];
  let used = fixed;
  for (const block of blocks) {
    if (used + block.length + 2 > budgetChars) {
      return kept.length === 0 && fixed > budgetChars ? "" : `${open}${[...kept, TRUNCATED_NOTE].join("\n\n")}${close}`;
    }
    kept.push(block);
    used += block.length + 2;
  }
  return `${open}${kept.join("\n\n")}${close}`;
}
var EXPLANATIONS_DROPPED = "_One-line explanations left out to fit the comment limit; see the JSON report._";
function essentials(input, budgetChars) {
  const { verdict } = input;
  const top = [headlineLine(verdict, input.profileId), statusLine(input), ...targetLine(input)];
  if (verdict.sequential) top.push(`\u{1F501} ${escapeMarkdown(verdict.sequential.reason)}`);
  const rest = notices(input);
  const capacity = input.candidate.capacity;
  if (capacity !== void 0) {
    const comparison2 = verdict.capacity === void 0 ? [] : [escapeMarkdown(truncateText(verdict.capacity.explanation, 2e3))];
    return [...top, capacityLine(capacity), ...comparison2, ...rest];
  }
  const full = [...top, endpointTable(verdict.endpoints), explanationLines(verdict.endpoints), ...rest];
  if (full.join("\n\n").length <= budgetChars) return full;
  const withoutExplanations = [...top, endpointTable(verdict.endpoints), EXPLANATIONS_DROPPED, ...rest];
  if (withoutExplanations.join("\n\n").length <= budgetChars) return withoutExplanations;
  const fixed = [...top, EXPLANATIONS_DROPPED, ...rest].join("\n\n").length + 200;
  const endpoints = [...verdict.endpoints];
  let table = endpointTable(endpoints);
  while (endpoints.length > 0 && table.length > budgetChars - fixed) {
    endpoints.splice(Math.floor(endpoints.length * 0.9));
    table = endpointTable(endpoints);
  }
  const cut = verdict.endpoints.length - endpoints.length;
  const note = `_${plural2(cut, "more endpoint")} left out of the table to fit the comment limit; see the JSON report._`;
  return [...top, table, note, EXPLANATIONS_DROPPED, ...rest];
}
function renderMarkdown(input, options = {}) {
  const maxChars = options.maxChars ?? COMMENT_LIMIT_CHARS - MARKER_RESERVE_CHARS;
  const { verdict } = input;
  const tail = footer(input);
  const head = essentials(input, maxChars - tail.length - 2);
  const optional = [];
  if (input.candidate.capacity !== void 0) optional.push(...capacityParts(input.candidate.capacity, input));
  if (input.baseline !== null) {
    const runs = { endpoints: verdict.endpoints, baseline: input.baseline.result, candidate: input.candidate };
    const percentile = percentileCharts(runs);
    const changed = verdict.endpoints.filter((e) => ["regression", "improvement"].includes(e.outcome.kind)).length;
    const capped = changed > MAX_PERCENTILE_CHARTS ? [`_Charts of the first ${MAX_PERCENTILE_CHARTS} of ${changed} changed endpoints._`] : [];
    if (percentile.length > 0) optional.push([...percentile, ...capped].join("\n\n"));
    const trend = trendCharts({ ...runs, history: input.baseline.history });
    if (trend.length > 0) optional.push(`<details><summary>p95 trend</summary>

${trend.join("\n\n")}

</details>`);
  }
  const join3 = (parts) => parts.filter((part) => part !== "").join("\n\n");
  let used = join3([...head, tail]).length + 2;
  const kept = [];
  for (const part of optional) {
    if (used + part.length + 2 > maxChars) continue;
    kept.push(part);
    used += part.length + 2;
  }
  const details = detailsSection(detailBlocks(input), maxChars - used - 2);
  return wellFormed(join3([...head, ...kept, details, tail]));
}

// src/action/html-report.ts
import { join } from "node:path";

// src/report/html/element.ts
var Html = class {
  constructor(html) {
    this.html = html;
  }
  html;
  toString() {
    return this.html;
  }
};
var HTML_ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function escapeHtml(text2) {
  return plainText(text2).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
}
function trustedHtml(markup) {
  return new Html(markup);
}
var VOID_ELEMENTS = /* @__PURE__ */ new Set(["meta", "br", "hr", "img", "input", "link", "col"]);
var SELF_CLOSING_SVG = /* @__PURE__ */ new Set(["path", "rect"]);
var NAME = /^[a-z][a-z0-9-]*$/i;
function render(child, out) {
  if (child === null || child === void 0 || child === false) return;
  if (child instanceof Html) out.push(child.html);
  else if (Array.isArray(child)) for (const c of child) render(c, out);
  else out.push(escapeHtml(String(child)));
}
function fragment(...children) {
  const out = [];
  render(children, out);
  return new Html(out.join(""));
}
function h(tag, attributes, ...children) {
  if (!NAME.test(tag)) throw new Error(`not an element name: ${tag}`);
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (!NAME.test(name)) throw new Error(`not an attribute name: ${name}`);
    if (value === null || value === void 0 || value === false) continue;
    open += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  if (VOID_ELEMENTS.has(tag)) return new Html(`${open}>`);
  if (SELF_CLOSING_SVG.has(tag) && children.every((c) => c === null || c === void 0 || c === false)) {
    return new Html(`${open}/>`);
  }
  const out = [`${open}>`];
  render(children, out);
  out.push(`</${tag}>`);
  return new Html(out.join(""));
}

// src/report/html/figure.ts
function idSource() {
  let n = 0;
  return { next: () => `c${++n}` };
}
function figure(charts, caption, table) {
  return h(
    "figure",
    { class: "chart-figure" },
    (Array.isArray(charts) ? charts : [charts]).map((chart2) => h("div", { class: "chart-box", tabindex: 0 }, chart2)),
    h("figcaption", null, caption),
    h("details", { class: "numbers" }, h("summary", null, "Numbers of this chart"), table)
  );
}
function dataTable(caption, header2, rows, numeric = true) {
  return h(
    "table",
    { class: numeric ? "n" : null },
    h("caption", null, caption),
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        header2.map((cell2) => h("th", null, cell2))
      )
    ),
    h(
      "tbody",
      null,
      rows.map(
        (row) => h(
          "tr",
          null,
          row.map((cell2, i) => i === 0 ? h("th", null, cell2) : h("td", null, cell2))
        )
      )
    )
  );
}
var ms = (value) => value === null || value === void 0 ? "\u2013" : formatMsNumber(value);
var MAX_HTML_NAME_CHARS = 300;
var displayName = (text2) => truncateText(text2, MAX_HTML_NAME_CHARS);
var endpointId = (index) => `endpoint-${index + 1}`;

// src/report/html/section-parts.ts
function reportSection(id, title, ...children) {
  return h("section", { id, "aria-labelledby": `${id}-h` }, h("h2", { id: `${id}-h` }, title), ...children);
}
function textTable(caption, header2, rows) {
  return h("div", { class: "table-wrap" }, dataTable(caption, header2, rows, false));
}
function sideBySideRows(rows, baseline, candidate) {
  return rows.map((row) => [row.label, baseline === null ? "\u2013" : row.value(baseline), row.value(candidate)]);
}

// src/report/html/baseline-section.ts
function baselineSection2(input) {
  const { baseline } = input;
  const sourceRows = baseline === null ? [["Baseline", "none"]] : [
    ["Store, reference", `${baseline.source.store}: ${baseline.source.reference}`],
    ["Branch, SHA", `${baseline.source.branch ?? "unknown"}, ${baseline.source.sha ?? "unknown SHA"}`],
    [
      "Measured",
      `${baseline.source.measuredAt}${(() => {
        const age = formatAge(baseline.source.measuredAt, input.candidate.startedAt);
        return age === null ? "" : ` (${age} before this run)`;
      })()}`
    ],
    ["History", plural2(baseline.history.length, "earlier baseline")]
  ];
  const environment = sideBySideRows(
    ENVIRONMENT_ROWS,
    baseline === null ? null : baseline.result.environment,
    input.candidate.environment
  );
  return reportSection(
    "baseline",
    "Baseline and environment",
    input.baselineLines.length > 0 ? h(
      "ul",
      null,
      input.baselineLines.map((line) => h("li", null, line))
    ) : null,
    textTable("Baseline used", ["", "Value"], sourceRows),
    textTable("Environment", ["", "Baseline", "This PR"], environment),
    input.verdict.warnings.length > 0 ? fragment(
      h("h3", null, "Warnings"),
      h(
        "ul",
        null,
        input.verdict.warnings.map((w) => h("li", null, w))
      )
    ) : null
  );
}

// src/report/html/palette.ts
var OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  black: "#000000"
};
var SERIES_ROLES = ["baseline", "candidate", "history"];
var SERIES_STYLES = {
  baseline: { colour: OKABE_ITO.blue, dash: "6 3", marker: "circle" },
  candidate: { colour: OKABE_ITO.vermillion, dash: null, marker: "square" },
  history: { colour: OKABE_ITO.bluishGreen, dash: "2 2", marker: "diamond" }
};
var MARK_COLOURS = {
  limit: OKABE_ITO.orange,
  errors: OKABE_ITO.black,
  warmup: "#d9d9d9",
  round: "#8c8c8c"
};

// src/report/html/svg-parts.ts
var WIDTH = 640;
var HEIGHT = 260;
var PAD = { left: 58, right: 16, top: 34, bottom: 42 };
var PLOT_W = WIDTH - PAD.left - PAD.right;
var PLOT_H = HEIGHT - PAD.top - PAD.bottom;
var MAX_MARKERS = 40;
var num = (value) => String(Math.round(value));
function niceTicks(min, max, count2 = 5) {
  if (!(max > min)) return [min];
  const rough = (max - min) / count2;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}
var percentilePosition = (percentile) => Math.log10(100 / Math.max(1e-9, 100 - percentile));
function tickLabel(value) {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e4) return `${num(value / 1e3)}k`;
  if (abs >= 100) return String(Math.round(value));
  if (abs >= 1) return String(Number(value.toPrecision(3)));
  return String(Number(value.toPrecision(2)));
}
function linearScale(domainMin, domainMax, rangeFrom, rangeTo) {
  const span = domainMax - domainMin || 1;
  return (value) => rangeFrom + (value - domainMin) / span * (rangeTo - rangeFrom);
}
function markerPath(shape, x, y) {
  switch (shape) {
    case "circle":
      return `M${num(x - 3)} ${num(y)}a3 3 0 1 0 6 0a3 3 0 1 0-6 0`;
    case "square":
      return `M${num(x - 3)} ${num(y - 3)}h6v6h-6z`;
    case "diamond":
      return `M${num(x)} ${num(y - 4)}l4 4-4 4-4-4z`;
  }
}
var WEIGHT_WIDTH = { thin: 1.25, medium: 2, thick: 3.25 };
var WEIGHT_CLASS = { thin: "w1", medium: "w2", thick: "w3" };
function legend(entries) {
  let x = PAD.left;
  let y = 10;
  const items = entries.map((entry) => {
    const style = entry.role === "limit" ? { marker: null } : SERIES_STYLES[entry.role];
    const width = 34 + entry.name.length * 6.2 + 14;
    if (x + width > WIDTH - PAD.right && x > PAD.left) {
      x = PAD.left;
      y += 13;
    }
    const at = x;
    x += width;
    const weight = entry.weight ?? "medium";
    return h(
      "g",
      { class: `legend-item s-${entry.role}`, transform: `translate(${num(at)} ${y})` },
      h("path", { class: `ln ${WEIGHT_CLASS[weight]}`, d: "M0 0h26" }),
      style.marker && weight === "medium" ? h("path", { class: "markers", d: markerPath(style.marker, 13, 0) }) : null,
      h("text", { x: 32, y: 4 }, entry.name)
    );
  });
  return h("g", { class: "legend", "aria-hidden": "true" }, items);
}
function frame(spec, ...children) {
  return h(
    "svg",
    {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      class: "chart",
      role: "img",
      "aria-labelledby": `${spec.id}-t ${spec.id}-d`,
      "data-chart": spec.kind,
      id: spec.id
    },
    h("title", { id: `${spec.id}-t` }, spec.title),
    h("desc", { id: `${spec.id}-d` }, spec.description),
    ...children
  );
}
function axes(xTicks, yTicks) {
  const bottom = PAD.top + PLOT_H;
  return h(
    "g",
    { class: "axes", "aria-hidden": "true" },
    // One path for the frame and every x tick stub, one for every grid line: a few bytes per chart, not per tick.
    h("path", {
      class: "axis",
      d: `M${PAD.left} ${PAD.top}V${bottom}H${PAD.left + PLOT_W}${xTicks.map((tick) => `M${num(tick.at)} ${bottom}v5`).join("")}`
    }),
    yTicks.length > 0 ? h("path", { class: "grid", d: yTicks.map((tick) => `M${PAD.left} ${num(tick.at)}h${PLOT_W}`).join("") }) : null,
    yTicks.map((tick) => h("text", { class: "ty", x: PAD.left - 6, y: num(tick.at + 4) }, tick.label)),
    xTicks.map((tick) => h("text", { class: "tick", x: num(tick.at), y: bottom + 17 }, tick.label))
  );
}
function axisLabels(xLabel, yLabel) {
  return fragment(
    h("text", { class: "axis-label", x: PAD.left + PLOT_W / 2, y: HEIGHT - 6 }, xLabel),
    h("text", { class: "axis-label", transform: `translate(14 ${PAD.top + PLOT_H / 2}) rotate(-90)` }, yLabel)
  );
}

// src/report/html/line-chart.ts
function seriesGroup(series, xs, ys) {
  const style = SERIES_STYLES[series.role];
  const weight = series.weight ?? "medium";
  const finite = series.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const line = finite.length > 1 ? h("path", {
    class: `ln ${WEIGHT_CLASS[weight]}`,
    d: finite.map(([x, y], i) => `${i === 0 ? "M" : "L"}${num(xs(x))} ${num(ys(y))}`).join("")
  }) : null;
  const markers = finite.length <= MAX_MARKERS && (weight === "medium" || finite.length === 1) ? h("path", {
    class: "markers",
    d: finite.map(([x, y]) => markerPath(style.marker, xs(x), ys(y))).join("")
  }) : null;
  return h(
    "g",
    { class: `series s-${series.role}`, "data-series": series.name, "data-points": finite.length },
    h("title", null, `${series.name}: ${finite.length} points`),
    line,
    markers
  );
}
function lineChart(spec) {
  const position = spec.xScale === "percentile" ? percentilePosition : (x) => x;
  const all = spec.series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const xValues = [...all.map(([x]) => x), ...(spec.bands ?? []).flatMap((b) => [b.from, b.to])];
  const yValues = [...all.map(([, y]) => y), ...(spec.horizontals ?? []).map((line) => line.at)];
  const xMin = position(Math.min(...xValues, spec.xScale === "percentile" ? 50 : 0));
  const xMax = position(Math.max(...xValues, spec.xScale === "percentile" ? 99.99 : 1));
  const yTop = Math.max(...yValues, 0) * 1.08 || 1;
  const yTickValues = niceTicks(0, yTop);
  const yMax = Math.max(yTop, yTickValues[yTickValues.length - 1] ?? yTop);
  const xs = (x) => linearScale(xMin, xMax, PAD.left, PAD.left + PLOT_W)(position(x));
  const ys = linearScale(0, yMax, PAD.top + PLOT_H, PAD.top);
  const xTicks = (spec.xTicks ?? niceTicks(Math.min(...xValues, 0), Math.max(...xValues, 1), 8).map((v) => ({ value: v, label: tickLabel(v) }))).map((tick) => ({ at: xs(tick.value), label: tick.label }));
  const yTicks = yTickValues.map((v) => ({ at: ys(v), label: tickLabel(v) }));
  const bottom = PAD.top + PLOT_H;
  const bands = (spec.bands ?? []).map(
    (band) => h(
      "rect",
      { class: "band", x: num(xs(band.from)), y: PAD.top, width: num(xs(band.to) - xs(band.from)), height: PLOT_H },
      h("title", null, band.label)
    )
  );
  const verticalList = spec.verticals ?? [];
  const verticals = verticalList.length === 0 ? null : h(
    "path",
    { class: "vertical", d: verticalList.map((line) => `M${num(xs(line.at))} ${PAD.top}V${bottom}`).join("") },
    h("title", null, verticalList.map((line) => line.label).join("; "))
  );
  const horizontals = (spec.horizontals ?? []).map(
    (line) => h("path", { class: "limit", d: `M${PAD.left} ${num(ys(line.at))}h${PLOT_W}` }, h("title", null, line.label))
  );
  const marks = (spec.marks ?? []).map(
    (mark) => h("path", { class: "error-mark", d: `M${num(xs(mark.at))} ${bottom - 1}l-4 -7h8z` }, h("title", null, mark.label))
  );
  const legendEntries = [
    ...spec.series.map((s) => ({ name: s.name, role: s.role, ...s.weight ? { weight: s.weight } : {} })),
    ...(spec.horizontals ?? []).map((line) => ({ name: line.label, role: "limit" }))
  ];
  return frame(
    spec,
    bands,
    axes(xTicks, yTicks),
    verticals,
    horizontals,
    spec.series.map((series) => seriesGroup(series, xs, ys)),
    marks,
    legend(legendEntries),
    axisLabels(spec.xLabel, spec.yLabel)
  );
}

// src/report/html/capacity-section.ts
function sidesOf(input) {
  const baseline = input.baseline?.result;
  return [
    ...baseline?.capacity === void 0 ? [] : [{ run: baseline, capacity: baseline.capacity, role: "baseline", word: "baseline" }],
    ...input.candidate.capacity === void 0 ? [] : [{ run: input.candidate, capacity: input.candidate.capacity, role: "candidate", word: "this PR" }]
  ];
}
function valuesByRate(side, endpoint2, percentile) {
  return new Map(
    stepsByRate(side.capacity).map((step) => [
      step.ratePerSecond,
      stepPercentileMs(step, endpoint2, percentile, side.run.gatedLatency)
    ])
  );
}
var kneeText = (side) => side.capacity.sustainedRatePerSecond === null ? `${side.word}: no rate held the SLO` : `knee ${side.word}: sustained ${formatMsNumber(side.capacity.sustainedRatePerSecond)} req/s`;
function capacityFigure(endpoint2, sides, ids) {
  const { percentile, label, sloMs } = chartedObjective(sides[sides.length - 1].capacity, endpoint2);
  const values = sides.map((side) => valuesByRate(side, endpoint2, percentile));
  const measured2 = values.flatMap((byRate) => [...byRate.values()].filter((v) => v !== null));
  if (measured2.length === 0) return null;
  const top = sloMs === null ? Number.POSITIVE_INFINITY : CLIP_FACTOR * sloMs;
  const series = sides.flatMap((side, i) => {
    const points = [...values[i]].flatMap(([rate2, v]) => v === null ? [] : [[rate2, Math.min(v, top)]]);
    return points.length === 0 ? [] : [{ name: `${label} ${side.word}`, role: side.role, points }];
  });
  const chart2 = lineChart({
    kind: "capacity",
    id: ids.next(),
    title: `Latency by arrival rate (${label}): ${endpoint2}`,
    description: `${label} latency at each step's arrival rate, baseline and this PR; dashed: the SLO; vertical lines: the knee (the highest rate that held the SLO).`,
    xLabel: "arrival rate, requests/s (vertical lines: the knee of each run)",
    yLabel: `${label} ms`,
    xScale: "linear",
    series,
    horizontals: sloMs === null ? [] : [{ at: sloMs, label: `SLO ${label} < ${formatMsNumber(sloMs)} ms` }],
    verticals: sides.flatMap(
      (side) => side.capacity.sustainedRatePerSecond === null ? [] : [{ at: side.capacity.sustainedRatePerSecond, label: kneeText(side) }]
    )
  });
  const rates = [...new Set(values.flatMap((byRate) => [...byRate.keys()]))].sort((a, b) => a - b);
  const cell2 = (i, rate2) => {
    const byRate = values[sides.findIndex((side) => side.role === (i === 0 ? "baseline" : "candidate"))];
    return byRate === void 0 ? "\u2013" : ms(byRate.get(rate2));
  };
  const rows = rates.map((rate2) => [formatMsNumber(rate2), cell2(0, rate2), cell2(1, rate2)]);
  const table = dataTable(`${label} (ms) by arrival rate`, ["Rate (req/s)", "Baseline", "This PR"], rows);
  return figure(chart2, `Latency by arrival rate: ${sides.map(kneeText).join("; ")}`, table);
}
function stepTable(side) {
  const rows = side.capacity.steps.map((step) => {
    const first = step.endpoints[0]?.name;
    const p95 = first === void 0 ? null : stepPercentileMs(step, first, 95, side.run.gatedLatency);
    return [
      `${step.index + 1}${step.attempt > 1 ? " (repeat)" : ""}`,
      formatMsNumber(step.ratePerSecond),
      `${OUTCOME_EMOJI2[step.outcome]} ${step.outcome}`,
      ms(p95),
      truncateText(step.reason, 300)
    ];
  });
  return textTable(`Capacity steps, ${side.word}`, ["Step", "Rate (req/s)", "Outcome", "p95 ms", "Why"], rows);
}
function capacitySection2(input, ids) {
  const capacity = input.candidate.capacity;
  if (capacity === void 0) return null;
  const sides = sidesOf(input);
  const endpoints = [
    ...new Set(sides.flatMap((side) => side.capacity.steps.flatMap((step) => step.endpoints.map((e) => e.name))))
  ];
  const comparison2 = input.verdict.capacity?.explanation;
  return reportSection(
    "capacity",
    "Capacity",
    h(
      "p",
      { id: "capacity-finding" },
      `${capacity.reason}. ${capacity.steps.length} steps, ${capacity.totalRequests} requests, `,
      `${formatMsNumber(capacity.totalDurationMs / 1e3)} s.`
    ),
    comparison2 === void 0 ? null : h("p", null, truncateText(comparison2, 2e3)),
    endpoints.map(
      (endpoint2) => h(
        "div",
        { class: "capacity-endpoint" },
        h("h3", null, displayName(endpoint2)),
        capacityFigure(endpoint2, sides, ids)
      )
    ),
    sides.map(stepTable)
  );
}

// src/report/html/strip-chart.ts
function stripRow(row, y, xs) {
  const style = SERIES_STYLES[row.role];
  const finite = row.values.filter(Number.isFinite);
  const interval = row.interval && Number.isFinite(row.interval.lower) && Number.isFinite(row.interval.upper) ? h("path", {
    class: "interval",
    d: `M${num(xs(row.interval.lower))} ${num(y - 6)}v12M${num(xs(row.interval.lower))} ${num(y)}H${num(xs(row.interval.upper))}M${num(xs(row.interval.upper))} ${num(y - 6)}v12`
  }) : null;
  const points = row.interval ? [row.interval.point] : finite;
  return h(
    "g",
    { class: `series s-${row.role}`, "data-series": row.name, "data-points": points.filter(Number.isFinite).length },
    h("title", null, row.name),
    h("text", { class: "row-label", x: PAD.left + 84, y: num(y + 4) }, row.name),
    interval,
    h("path", {
      class: "markers",
      d: points.filter(Number.isFinite).map((v, i) => markerPath(style.marker, xs(v), y + (row.interval ? 0 : (i % 3 - 1) * 3))).join("")
    })
  );
}
function stripChart(spec) {
  const values = [
    ...spec.rows.flatMap((row) => [...row.values, ...row.interval ? [row.interval.lower, row.interval.upper] : []]),
    ...spec.lines.map((line) => line.at)
  ].filter(Number.isFinite);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low) * 0.08 || Math.abs(high) * 0.1 || 1;
  const ticks = niceTicks(low - pad, high + pad, 6);
  const xs = linearScale(
    Math.min(low - pad, ticks[0]),
    Math.max(high + pad, ticks[ticks.length - 1]),
    PAD.left + 90,
    PAD.left + PLOT_W
  );
  const rowHeight = PLOT_H / Math.max(1, spec.rows.length);
  const rowY = (index) => PAD.top + rowHeight * (index + 0.5);
  const bottom = PAD.top + PLOT_H;
  const rows = spec.rows.map((row, index) => stripRow(row, rowY(index), xs));
  const lines = spec.lines.filter((line) => Number.isFinite(line.at)).map(
    (line) => h(
      "path",
      { class: line.kind === "limit" ? "limit" : "reference", d: `M${num(xs(line.at))} ${PAD.top}V${bottom}` },
      h("title", null, line.label)
    )
  );
  const legendEntries = spec.lines.filter((l) => l.kind === "limit").map((l) => ({ name: l.label, role: "limit" }));
  return frame(
    spec,
    axes(
      ticks.map((t) => ({ at: xs(t), label: tickLabel(t) })),
      []
    ),
    lines,
    rows,
    legend(legendEntries),
    h("text", { class: "axis-label", x: PAD.left + PLOT_W / 2, y: HEIGHT - 6 }, spec.xLabel)
  );
}

// src/report/html/endpoint-figures.ts
var DISTRIBUTION_PERCENTILES = [50, 75, 90, 95, 98, 99, 99.5, 99.9, 99.95, 99.99];
var PERCENTILE_TICKS = [50, 90, 99, 99.9, 99.99].map((p) => ({ value: p, label: `p${p}` }));
function distributionFigure(endpoint2, runs, ids) {
  const percentiles = [...DISTRIBUTION_PERCENTILES];
  const pr = pooledPercentilesMs(runs.candidate, endpoint2, percentiles);
  const base = runs.baseline === null ? null : pooledPercentilesMs(runs.baseline, endpoint2, percentiles);
  if (pr === null && base === null) return null;
  const series = [
    ...base === null ? [] : [{ name: "baseline", role: "baseline", points: percentiles.map((p, i) => [p, base[i]]) }],
    ...pr === null ? [] : [{ name: "this PR", role: "candidate", points: percentiles.map((p, i) => [p, pr[i]]) }]
  ];
  const chart2 = lineChart({
    kind: "distribution",
    id: ids.next(),
    title: `Latency distribution: ${endpoint2}`,
    description: "Latency at each percentile from p50 to p99.99 (log-scaled percentile axis), all rounds pooled.",
    xLabel: "percentile (log scale of 1 / (1 \u2212 p))",
    yLabel: "latency ms",
    xScale: "percentile",
    xTicks: PERCENTILE_TICKS,
    series
  });
  const rows = percentiles.map((p, i) => {
    const before = base?.[i];
    const after = pr?.[i];
    const change = before === void 0 || after === void 0 ? "\u2013" : formatShift(after - before, "ms");
    return [`p${p}`, ms(before), ms(after), change];
  });
  const table = dataTable(
    "Latency by percentile (ms), all rounds pooled",
    ["Percentile", "Baseline", "This PR", "Change"],
    rows
  );
  return figure(chart2, "Latency distribution, pooled over the measured rounds", table);
}
var UNIT_AXIS = { ms: "ms", fraction: "%", rps: "requests/s" };
var unitScale = (comparison2) => comparison2.unit === "fraction" ? 100 : 1;
function roundsFigure(endpoint2, comparison2, ids) {
  const k = unitScale(comparison2);
  const median2 = comparison2.baselineMedian * k;
  const interval = comparison2.shiftInterval;
  const chart2 = stripChart({
    kind: "rounds",
    id: ids.next(),
    title: `Rounds compared (${comparison2.metric}): ${endpoint2}`,
    description: "A marker per round; bar: the shift\u2019s confidence interval on the baseline median; dashed: the margin.",
    xLabel: `${comparison2.metric} per round, ${UNIT_AXIS[comparison2.unit]}`,
    rows: [
      { name: "baseline", role: "baseline", values: comparison2.baselineRounds.map((v) => v * k) },
      { name: "this PR", role: "candidate", values: comparison2.candidateRounds.map((v) => v * k) },
      {
        name: "shift CI",
        role: "history",
        values: [],
        interval: interval === null ? {
          lower: median2 + comparison2.shift * k,
          upper: median2 + comparison2.shift * k,
          point: median2 + comparison2.shift * k
        } : {
          lower: median2 + interval.lower * k,
          upper: median2 + interval.upper * k,
          point: median2 + comparison2.shift * k
        }
      }
    ],
    lines: [
      { at: median2, label: "baseline median", kind: "reference" },
      { at: median2 + comparison2.margin * k, label: "margin", kind: "limit" },
      { at: median2 - comparison2.margin * k, label: "margin (improvement side)", kind: "limit" }
    ]
  });
  const count2 = Math.max(comparison2.baselineRounds.length, comparison2.candidateRounds.length);
  const value = (v) => v === void 0 ? "\u2013" : formatValue2(v, comparison2.unit);
  const rows = Array.from({ length: count2 }, (_, i) => [
    `round ${i + 1}`,
    value(comparison2.baselineRounds[i]),
    value(comparison2.candidateRounds[i])
  ]);
  const table = dataTable(`Round values of ${comparison2.metric}`, ["Round", "Baseline", "This PR"], rows);
  const caption = fragment(
    `${comparison2.metric}: shift ${formatShift(comparison2.shift, comparison2.unit)}, `,
    `${formatInterval(comparison2.shiftInterval, comparison2.unit)}, margin ${formatValue2(comparison2.margin, comparison2.unit)}, `,
    `p = ${formatPValue(comparison2.pValue)} (Holm ${formatPValue(comparison2.pValueAdjusted)}): ${comparison2.outcome}`
  );
  return figure(chart2, caption, table);
}
function runLabel2(run) {
  if (run.git.sha !== null && /^[0-9a-f]{7,40}$/i.test(run.git.sha)) return run.git.sha.slice(0, 7);
  return run.startedAt.slice(0, 10);
}
function trendFigure(endpoint2, runs, ids) {
  if (runs.history.length === 0) return null;
  const older = [...runs.history].reverse();
  const alreadyIn = older.some((run) => run === runs.baseline || run.startedAt === runs.baseline.startedAt);
  const branch = [...older, ...alreadyIn ? [] : [runs.baseline]];
  const points = branch.flatMap((run) => {
    const p95 = pooledPercentilesMs(run, endpoint2.endpoint, [95]);
    return p95 === null ? [] : [{ label: runLabel2(run), p95Ms: p95[0] }];
  });
  const candidate = pooledPercentilesMs(runs.candidate, endpoint2.endpoint, [95]);
  if (points.length === 0 || candidate === null) return null;
  const chart2 = lineChart({
    kind: "trend",
    id: ids.next(),
    title: `p95 trend of the base branch: ${endpoint2.endpoint}`,
    description: "p95 of each stored baseline of the base branch, oldest first, and this PR as the last point.",
    xLabel: "base-branch runs, oldest first; last: this PR",
    yLabel: "p95 ms",
    xScale: "linear",
    xTicks: [...points.map((p, i) => ({ value: i, label: p.label })), { value: points.length, label: "this PR" }],
    series: [
      { name: "base branch", role: "history", points: points.map((p, i) => [i, p.p95Ms]) },
      { name: "this PR", role: "candidate", points: [[points.length, candidate[0]]] }
    ]
  });
  const rows = [...points.map((p) => [p.label, ms(p.p95Ms)]), ["this PR", ms(candidate[0])]];
  return figure(chart2, "p95 trend of the base branch", dataTable("p95 per run (ms)", ["Run", "p95"], rows));
}

// src/report/html/lateness-figure.ts
function latenessCell(run) {
  const found = generatorLateness(run);
  if (found === null) return "not recorded (closed model, imported or older result)";
  const { p50Ms, p99Ms, maxMs } = found.overall;
  return `p50 ${ms(p50Ms)} ms, p99 ${ms(p99Ms)} ms, max ${ms(maxMs)} ms`;
}
var cell = (f) => f === void 0 ? "\u2013" : `${ms(f.p50Ms)} / ${ms(f.p99Ms)} / ${ms(f.maxMs)}`;
function latenessFigure(runs, ids) {
  const sides = [
    { run: runs.baseline, role: "baseline", word: "baseline" },
    { run: runs.candidate, role: "candidate", word: "this PR" }
  ].flatMap((side2) => {
    const found = side2.run === null ? null : generatorLateness(side2.run);
    return found === null ? [] : [{ ...side2, perRound: found.perRound }];
  });
  if (sides.length === 0) return null;
  const series = sides.flatMap((side2) => [
    {
      name: `p50 ${side2.word}`,
      role: side2.role,
      weight: "thin",
      points: side2.perRound.map((f, i) => [i + 1, f.p50Ms])
    },
    { name: `p99 ${side2.word}`, role: side2.role, points: side2.perRound.map((f, i) => [i + 1, f.p99Ms]) }
  ]);
  const rounds = Math.max(...sides.map((side2) => side2.perRound.length));
  const chart2 = lineChart({
    kind: "lateness",
    id: ids.next(),
    title: "Generator lateness per round (the load generator's own delay, not the server's)",
    description: "p50 and p99 of how late the generator sent each request against its schedule, per round, baseline and this PR.",
    xLabel: "round",
    yLabel: "lateness ms",
    xScale: "linear",
    xTicks: Array.from({ length: rounds }, (_, i) => ({ value: i + 1, label: String(i + 1) })),
    series
  });
  const side = (role) => sides.find((s) => s.role === role)?.perRound;
  const rows = Array.from({ length: rounds }, (_, i) => [
    `round ${i + 1}`,
    cell(side("baseline")?.[i]),
    cell(side("candidate")?.[i])
  ]);
  const table = dataTable("Generator lateness per round (ms): p50 / p99 / max", ["Round", "Baseline", "This PR"], rows);
  return figure(chart2, "Generator lateness per round: up to this much of each latency is the generator\u2019s", table);
}

// src/report/html/summary-section.ts
var latencyCell2 = (endpoint2, key) => `${endpoint2.baseline === null ? "\u2013" : formatMsNumber(endpoint2.baseline[key])} \u2192 ${formatMsNumber(endpoint2.candidate[key])}`;
function budgetsCell(checks) {
  if (checks.length === 0) return "\u2013";
  const failed = checks.filter((c) => !c.passed);
  if (failed.length === 0) return `\u2705 ${checks.length}/${checks.length}`;
  return failed.map((c) => `\u274C ${c.budget.expression} (${formatBudgetActual(c)})`).join("; ");
}
function summaryTable(input) {
  const rows = input.verdict.endpoints.map((endpoint2, i) => {
    const label = ENDPOINT_LABELS[endpoint2.outcome.kind];
    const comparison2 = headlineComparison(endpoint2);
    return h(
      "tr",
      { "data-outcome": endpoint2.outcome.kind },
      h("th", { scope: "row", class: "name" }, h("a", { href: `#${endpointId(i)}` }, displayName(endpoint2.endpoint))),
      h("td", { class: "num" }, latencyCell2(endpoint2, "p50Ms")),
      h("td", { class: "num" }, latencyCell2(endpoint2, "p95Ms")),
      h("td", { class: "num" }, latencyCell2(endpoint2, "p99Ms")),
      h("td", null, comparison2 === null ? "\u2013" : formatChange(comparison2)),
      h("td", null, `${label.emoji} ${label.word}`),
      h("td", null, budgetsCell(endpoint2.budgets))
    );
  });
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { id: "summary-table" },
      h(
        "caption",
        null,
        "Per endpoint: latency baseline \u2192 this PR (ms), the change with its confidence interval, verdict"
      ),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          ["Endpoint", "p50 ms (base \u2192 PR)", "p95 ms", "p99 ms", "Change", "Verdict", "Budgets"].map(
            (cell2) => h("th", { scope: "col" }, cell2)
          )
        )
      ),
      h("tbody", null, rows)
    )
  );
}
function reasons(endpoint2) {
  const parts = gatedComparisons(endpoint2).map((c) => c.explanation);
  const reason = outcomeReason(endpoint2.outcome);
  if (reason !== null) parts.unshift(reason);
  for (const check of endpoint2.budgets.filter((c) => !c.passed)) {
    parts.push(`budget ${check.budget.expression} exceeded: ${formatBudgetActual(check)}`);
  }
  return parts;
}
function summarySection(input) {
  const items = input.verdict.endpoints.map((endpoint2) => {
    const label = ENDPOINT_LABELS[endpoint2.outcome.kind];
    const why = reasons(endpoint2);
    return h(
      "li",
      null,
      `${label.emoji} `,
      h("strong", null, displayName(endpoint2.endpoint)),
      `: ${why.length > 0 ? why.join("; ") : label.word}`
    );
  });
  return reportSection(
    "summary",
    "Summary",
    summaryTable(input),
    h("h3", null, "Why"),
    h("ul", { class: "verdict-list" }, items)
  );
}

// src/report/timeline-window.ts
var windowWidthS = (spanS, maxPoints) => Math.max(1, Math.ceil(spanS / Math.max(1, maxPoints)));
var worst = (a, b) => a === void 0 || b === void 0 ? void 0 : Math.max(a, b);
function windowTimeline(points, widthS) {
  if (widthS <= 1) return { widthS: 1, points };
  const windows = /* @__PURE__ */ new Map();
  for (const point of points) {
    const second = Math.floor(point.second / widthS) * widthS;
    const seen = windows.get(second);
    if (seen === void 0) {
      windows.set(second, { ...point, second });
      continue;
    }
    const p50Us = worst(seen.p50Us, point.p50Us);
    const p99Us = worst(seen.p99Us, point.p99Us);
    windows.set(second, {
      second,
      requests: seen.requests + point.requests,
      errors: seen.errors + point.errors,
      p95Us: Math.max(seen.p95Us, point.p95Us),
      ...p50Us === void 0 ? {} : { p50Us },
      ...p99Us === void 0 ? {} : { p99Us }
    });
  }
  return { widthS, points: [...windows.values()].sort((a, b) => a.second - b.second) };
}

// src/report/html/timeline-figure.ts
function sidesOf2({ candidate, baseline }, pick) {
  return [
    ...baseline === null ? [] : [{ run: baseline, points: pick(baseline), role: "baseline", word: "baseline" }],
    { run: candidate, points: pick(candidate), role: "candidate", word: "this PR" }
  ];
}
function seriesOf(sides, label, value, weight = "medium") {
  return sides.flatMap((side) => {
    const points = side.points.flatMap((p) => {
      const y = value(p);
      return y === void 0 ? [] : [[p.second, y]];
    });
    return points.length === 0 ? [] : [{ name: `${label} ${side.word}`, role: side.role, points, weight }];
  });
}
function latencySeries(sides) {
  const ms2 = (us) => us === void 0 ? void 0 : us / 1e3;
  return sides.flatMap((side) => [
    ...seriesOf([side], "p50", (p) => ms2(p.p50Us), "thin"),
    ...seriesOf([side], "p95", (p) => ms2(p.p95Us), "medium"),
    ...seriesOf([side], "p99", (p) => ms2(p.p99Us), "thick")
  ]);
}
function furniture(candidate, sides) {
  const warmupS = candidate.warmupMs / 1e3;
  return {
    bands: warmupS > 0 ? [{ from: 0, to: warmupS, label: `warm-up, ${formatMsNumber(warmupS)} s (excluded)` }] : [],
    verticals: candidate.rounds.map((round2) => ({
      at: (candidate.warmupMs + round2.startMs) / 1e3,
      label: `round ${round2.index + 1} of this PR starts`
    })),
    marks: sides.flatMap(
      (side) => side.points.filter((p) => p.errors > 0).map((p) => ({ at: p.second, label: `${side.word}, second ${p.second}: ${p.errors} errors` }))
    )
  };
}
var bySecond = (timeline) => new Map(timeline.map((point) => [point.second, point]));
function percentilesCell(point) {
  if (point === void 0) return "\u2013";
  const at = (us) => ms(us === void 0 ? null : us / 1e3);
  return `${at(point.p50Us)} / ${at(point.p95Us)} / ${at(point.p99Us)}`;
}
function timelineTable(sides, caption, withRequests) {
  const candidateSeconds = bySecond(sides.find((s) => s.role === "candidate")?.points ?? []);
  const baselineSeconds = bySecond(sides.find((s) => s.role === "baseline")?.points ?? []);
  const seconds2 = [.../* @__PURE__ */ new Set([...candidateSeconds.keys(), ...baselineSeconds.keys()])].sort((a, b) => a - b);
  const rows = seconds2.map((second) => {
    const pr = candidateSeconds.get(second);
    const base = baselineSeconds.get(second);
    return [
      String(second),
      percentilesCell(base),
      percentilesCell(pr),
      ...withRequests ? [base?.requests ?? "\u2013", pr?.requests ?? "\u2013"] : [],
      base?.errors ?? "\u2013",
      pr?.errors ?? "\u2013"
    ];
  });
  const header2 = ["Second", "p50 / p95 / p99 baseline", "p50 / p95 / p99 this PR"];
  const counts = withRequests ? ["Requests baseline", "Requests this PR"] : [];
  return dataTable(caption, [...header2, ...counts, "Errors baseline", "Errors this PR"], rows);
}
function timelineFigures(runs, ids) {
  const { candidate, baseline } = runs;
  if (candidate.timeline.length === 0 && (baseline?.timeline.length ?? 0) === 0) return null;
  const widthS = windowWidthS(
    spanOf(runs, (run) => run.timeline),
    RUN_TIMELINE_POINTS
  );
  const sides = sidesOf2(runs, (run) => windowTimeline(run.timeline, widthS).points);
  const marks = furniture(candidate, sides);
  const intended = candidate.health.intendedRatePerSecond;
  const per = perText(widthS);
  const latencyChart = lineChart({
    kind: "timeline",
    id: ids.next(),
    title: `Latency ${per} (p50, p95, p99; every endpoint together)`,
    description: `p50, p95 and p99 latency ${per} of the run, baseline and this PR; the table below has the numbers.`,
    ...LATENCY_OVER_TIME_AXES,
    series: latencySeries(sides),
    ...marks
  });
  const throughputChart = lineChart({
    kind: "throughput",
    id: ids.next(),
    title: "Requests per second, achieved and intended",
    description: `Requests completed per second (${widthS === 1 ? "each second" : `mean of each ${widthS} s`}), baseline and this PR, against the intended rate.`,
    xLabel: "seconds since the run started",
    yLabel: "requests/s",
    xScale: "linear",
    series: seriesOf(sides, "requests/s", (p) => p.requests / widthS),
    bands: marks.bands ?? [],
    horizontals: intended === null ? [] : [{ at: intended, label: `intended ${formatMsNumber(intended)} req/s` }]
  });
  const caption = widthS === 1 ? "Per second" : `Per ${widthS} s (latency: the worst second of each)`;
  const table = timelineTable(sides, `${caption}: latency (ms), requests and errors`, true);
  return figure([latencyChart, throughputChart], `Latency and achieved rate ${per}, whole run`, table);
}
var LATENCY_OVER_TIME_AXES = {
  xLabel: "seconds since the run started (shaded: warm-up; lines: round starts; triangles: errors)",
  yLabel: "latency ms",
  xScale: "linear"
};
var endpointTimelinePoints = (endpointCount) => Math.max(12, Math.min(60, Math.floor(600 / Math.max(1, endpointCount))));
var RUN_TIMELINE_POINTS = 120;
var spanOf = (runs, pick) => Math.max(0, ...[runs.candidate, runs.baseline].map((run) => run === null ? 0 : pick(run).at(-1)?.second ?? 0)) + 1;
var perText = (widthS) => widthS === 1 ? "per second" : `per ${widthS} s (the worst second of each)`;
function endpointTimelineFigure(endpoint2, runs, ids) {
  const own = (run) => run.endpoints.find((e) => e.name === endpoint2)?.timeline ?? [];
  const widthS = windowWidthS(spanOf(runs, own), endpointTimelinePoints(runs.candidate.endpoints.length));
  const sides = sidesOf2(runs, (run) => windowTimeline(own(run), widthS).points);
  if (sides.every((side) => side.points.length === 0)) return null;
  const per = perText(widthS);
  const chart2 = lineChart({
    kind: "endpoint-timeline",
    id: ids.next(),
    title: `Latency over time (p50, p95, p99 ${per}): ${endpoint2}`,
    description: `p50, p95 and p99 latency of this endpoint ${per}, baseline and this PR; the table below has the numbers.`,
    ...LATENCY_OVER_TIME_AXES,
    series: latencySeries(sides),
    ...furniture(runs.candidate, sides)
  });
  const caption = widthS === 1 ? "Per second: latency (ms) and errors" : `Per ${widthS} s: worst second's latency (ms), errors`;
  return figure(chart2, `Latency over time ${per}, this endpoint`, timelineTable(sides, caption, false));
}

// src/report/html/sections.ts
function rateText(run) {
  const { health } = run;
  return health.intendedRatePerSecond === null ? `${health.achievedRatePerSecond.toFixed(1)} req/s achieved (closed model)` : `${health.achievedRatePerSecond.toFixed(1)} of ${health.intendedRatePerSecond.toFixed(1)} req/s intended`;
}
var HEALTH_ROWS = [
  { label: "Model, gated latency", value: (r) => `${r.model}, ${r.gatedLatency}` },
  { label: "Rounds", value: (r) => String(r.rounds.length) },
  {
    label: "Measured, warm-up",
    value: (r) => `${formatMsNumber(r.durationMs / 1e3)} s after ${formatMsNumber(r.warmupMs / 1e3)} s`
  },
  { label: "Rate (achieved of intended)", value: rateText },
  { label: "Generator lateness (intended \u2192 actual send)", value: latenessCell },
  {
    label: "Worst event-loop lag (generator)",
    value: (r) => `${formatMsNumber(r.health.maxEventLoopLagMs)} ms`
  },
  {
    label: "Completion",
    value: (r) => r.completion.status === "complete" ? "complete" : `partial: ${r.completion.reason}`
  },
  {
    label: "Valid evidence",
    value: (r) => r.health.invalidReasons.length === 0 ? "yes" : `no: ${r.health.invalidReasons.join("; ")}`
  }
];
function runSection(input, ids) {
  const baseline = input.baseline?.result ?? null;
  const rows = sideBySideRows(HEALTH_ROWS, baseline, input.candidate);
  const timeline = timelineFigures({ candidate: input.candidate, baseline }, ids);
  return reportSection(
    "run",
    "Run health and timeline",
    textTable("Run health: did the generator keep up?", ["", "Baseline", "This PR"], rows),
    timeline ?? h("p", null, "No per-second timeline in these results (imported or empty runs have none)."),
    latenessFigure({ candidate: input.candidate, baseline }, ids)
  );
}
function countsText2(run, endpoint2, pick) {
  const found = run?.endpoints.find((e) => e.name === endpoint2);
  if (found === void 0) return "\u2013";
  const total = /* @__PURE__ */ new Map();
  for (const round2 of found.rounds) {
    for (const [key, count2] of Object.entries(round2[pick])) total.set(key, (total.get(key) ?? 0) + (count2 ?? 0));
  }
  const parts = [...total].filter(([, count2]) => count2 > 0).map(([key, count2]) => `${key} \xD7 ${count2}`);
  return parts.length > 0 ? parts.join(", ") : "none";
}
function endpointSection(input, endpoint2, index, ids) {
  const label = ENDPOINT_LABELS[endpoint2.outcome.kind];
  const baseline = input.baseline?.result ?? null;
  const runs = { candidate: input.candidate, baseline };
  const why = reasons(endpoint2);
  const figures = [
    endpointTimelineFigure(endpoint2.endpoint, runs, ids),
    distributionFigure(endpoint2.endpoint, runs, ids)
  ];
  for (const comparison2 of gatedComparisons(endpoint2)) figures.push(roundsFigure(endpoint2.endpoint, comparison2, ids));
  if (input.baseline !== null) {
    figures.push(
      trendFigure(endpoint2, { ...runs, baseline: input.baseline.result, history: input.baseline.history }, ids)
    );
  }
  const facts = [
    ["Requests measured", String(endpoint2.candidate.requests)],
    ["Responses (this PR)", countsText2(input.candidate, endpoint2.endpoint, "statusCounts")],
    ["Errors (this PR)", countsText2(input.candidate, endpoint2.endpoint, "errors")],
    ["Errors (baseline)", baseline === null ? "\u2013" : countsText2(baseline, endpoint2.endpoint, "errors")],
    ...endpoint2.budgets.map((check) => [
      `Budget ${check.budget.expression}`,
      `${check.passed ? "\u2705" : "\u274C"} ${formatBudgetActual(check)}`
    ])
  ];
  return h(
    "section",
    {
      id: endpointId(index),
      class: "endpoint",
      "data-outcome": endpoint2.outcome.kind,
      "aria-labelledby": `${endpointId(index)}-h`
    },
    h(
      "h3",
      { id: `${endpointId(index)}-h` },
      `${label.emoji} `,
      h("span", { class: "name" }, displayName(endpoint2.endpoint)),
      ` \xB7 ${label.word}`
    ),
    why.length > 0 ? h(
      "ul",
      null,
      why.map((line) => h("li", null, line))
    ) : null,
    textTable("Requests, responses, errors and budgets", ["", "Value"], facts),
    figures
  );
}

// src/report/html/style.ts
var SERIES_CSS = [
  ...SERIES_ROLES.map((role) => {
    const { colour, dash } = SERIES_STYLES[role];
    const stroke = `stroke:${colour}${dash === null ? "" : `;stroke-dasharray:${dash}`}`;
    return `svg.chart .s-${role} .ln{${stroke}}svg.chart .s-${role} .interval{stroke:${colour}}svg.chart .s-${role} .markers{fill:${colour}}`;
  }),
  `svg.chart .s-limit .ln{stroke:${MARK_COLOURS.limit};stroke-dasharray:4 3}`,
  ...Object.entries(WEIGHT_CLASS).map(
    ([weight, name]) => `svg.chart .${name}{stroke-width:${WEIGHT_WIDTH[weight]}}`
  )
].join("\n");
var REPORT_CSS = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--focus:#0072B2}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9ea7b3;--bg:#0d1117;--panel:#161b22;--line:#30363d;--focus:#56B4E9}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1rem 1.25rem 3rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--focus)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.25rem .5rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{border-bottom:1px solid var(--line);padding-bottom:.25rem;margin-top:2rem}
h3{margin:1.5rem 0 .5rem;word-break:break-word}
.headline{font-size:1.1rem;font-weight:600}
.notice{border-left:4px solid ${MARK_COLOURS.limit};background:var(--panel);padding:.5rem .75rem;margin:.5rem 0}
nav ol{columns:2 18rem;padding-left:1.25rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.2rem .5rem;text-align:left;vertical-align:top}
td.num,table.n td{text-align:right;white-space:nowrap}
thead th{background:var(--panel)}
.name{word-break:break-word;max-width:28rem}
figure{margin:1rem 0;padding:.5rem;border:1px solid var(--line);border-radius:6px}
figcaption{color:var(--muted);font-size:.9rem}
.chart-box{max-width:640px}
svg.chart{width:100%;height:auto;display:block;font:11px system-ui,sans-serif}
svg.chart text{fill:var(--fg)}
svg.chart .tick,svg.chart .axis-label{text-anchor:middle}svg.chart .ty,svg.chart .row-label{text-anchor:end}
svg.chart .ln,svg.chart .interval{fill:none}svg.chart .interval{stroke-width:2}svg.chart[data-chart=rounds] .markers{fill-opacity:.8}
${SERIES_CSS}
svg.chart .axis{stroke:var(--muted);fill:none}
svg.chart .grid{stroke:var(--line);fill:none}
svg.chart .band{fill:${MARK_COLOURS.warmup};fill-opacity:.5}
svg.chart .vertical{stroke:${MARK_COLOURS.round};stroke-dasharray:1 3;fill:none}
svg.chart .reference{stroke:var(--muted);stroke-width:1.5;fill:none}
svg.chart .limit{stroke:${MARK_COLOURS.limit};stroke-width:2;stroke-dasharray:4 3;fill:none}
svg.chart .error-mark{fill:var(--fg)}
details.numbers summary{cursor:pointer;color:var(--muted)}
.verdict-list li{margin:.2rem 0}
footer{margin-top:3rem;color:var(--muted);font-size:.85rem}
@media print{details{display:block}details>*{display:block}.skip,nav{display:none}}
`;

// src/report/html/page.ts
var REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
var SAFE_URL2 = /^https:\/\/[^\s<>"'`\\]+$/;
function header(input) {
  const { verdict } = input;
  const label = OVERALL_LABELS[verdict.outcome];
  const { headline: headline2, regressions } = headlineParts(verdict);
  const status = input.accepted !== null ? `Accepted with the label \u201C${input.accepted.label}\u201D${input.accepted.by === null ? "" : `, applied by ${input.accepted.by}`}: the check does not fail.` : verdict.failed ? `The check fails on: ${verdict.failing.join(", ")}.` : "The check passes.";
  return h(
    "header",
    null,
    h("h1", { id: "verdict", class: `verdict v-${verdict.outcome}` }, `${label.emoji} Tailgate: ${label.word}`),
    h("p", { class: "profile" }, "Profile ", h("strong", null, displayName(input.profileId)), ` \xB7 ${input.mode}`),
    h("p", { class: "headline", id: "headline" }, regressions === null ? "" : `${regressions} \xB7 `, headline2),
    h("p", { class: "status", id: "status" }, status),
    notices2(input)
  );
}
function notices2(input) {
  const out = [];
  if (input.baseline === null) {
    const reasons2 = [
      ...new Set(input.verdict.endpoints.flatMap((e) => e.outcome.kind === "no-baseline" ? [e.outcome.reason] : []))
    ];
    const why = reasons2.join("; ") || "the baseline step found none";
    out.push(notice("no-baseline", `\u2796 No baseline: ${why}. Nothing was compared; budgets were still checked.`));
  }
  const invalid = input.candidate.health.invalidReasons;
  if (invalid.length > 0) out.push(notice("invalid", `\u26A0\uFE0F Invalid run: ${invalid.join("; ")}.`));
  if (input.candidate.completion.status === "partial") {
    out.push(notice("partial", `\u23F9 Partial run: ${input.candidate.completion.reason}.`));
  }
  return out;
}
var notice = (kind, text2) => h("p", { class: "notice", "data-notice": kind, role: "note" }, text2);
function contents(input) {
  return h(
    "nav",
    { "aria-label": "Contents" },
    h("h2", null, "Contents"),
    h(
      "ol",
      null,
      h("li", null, h("a", { href: "#summary" }, "Summary table")),
      h("li", null, h("a", { href: "#run" }, "Run health and timeline")),
      input.candidate.capacity === void 0 ? null : h("li", null, h("a", { href: "#capacity" }, "Capacity")),
      input.verdict.endpoints.map(
        (endpoint2, i) => h(
          "li",
          null,
          h(
            "a",
            { href: `#${endpointId(i)}` },
            `${ENDPOINT_LABELS[endpoint2.outcome.kind].emoji} ${displayName(endpoint2.endpoint)}`
          )
        )
      ),
      h("li", null, h("a", { href: "#baseline" }, "Baseline and environment"))
    )
  );
}
function footer2(input) {
  const link = input.runUrl !== null && SAFE_URL2.test(input.runUrl) ? fragment(" \xB7 ", h("a", { href: input.runUrl, rel: "noreferrer" }, "workflow run")) : input.runUrl === null ? null : ` \xB7 workflow run ${input.runUrl}`;
  return h("footer", null, `Tailgate ${TAILGATE_VERSION} \xB7 generated from ${input.candidate.startedAt}`, link);
}
function renderHtml(input) {
  const ids = idSource();
  const title = `Tailgate: ${OVERALL_LABELS[input.verdict.outcome].word} \xB7 ${truncateText(input.profileId, 80)}`;
  const document = h(
    "html",
    { lang: "en" },
    h(
      "head",
      null,
      h("meta", { charset: "utf-8" }),
      h("meta", { "http-equiv": "Content-Security-Policy", content: REPORT_CSP }),
      h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
      h("meta", { name: "generator", content: `Tailgate ${TAILGATE_VERSION}` }),
      h("title", null, title),
      h("style", null, trustedHtml(REPORT_CSS))
    ),
    h(
      "body",
      null,
      h("a", { class: "skip", href: "#summary" }, "Skip to the summary"),
      h(
        "main",
        null,
        header(input),
        contents(input),
        summarySection(input),
        runSection(input, ids),
        capacitySection2(input, ids),
        reportSection(
          "endpoints",
          "Endpoints",
          input.verdict.endpoints.map((endpoint2, i) => endpointSection(input, endpoint2, i, ids))
        ),
        baselineSection2(input)
      ),
      footer2(input)
    )
  );
  return `<!doctype html>
${document.html}
`;
}

// src/action/html-report.ts
var HTML_REPORT_FILE = "tailgate-report.html";
async function publishHtmlReport(input, deps, outputDir) {
  const path = await deps.files.writeText(join(outputDir, HTML_REPORT_FILE), renderHtml(input));
  deps.outputs.set("html-path", path);
  const inOutputDir = `in the output directory (${outputDir}, output html-path)`;
  if (deps.reportUpload === void 0) return { fileName: HTML_REPORT_FILE, url: null, note: inOutputDir };
  const uploaded = await deps.reportUpload.upload(reportArtifactName(input.profileId), path);
  if (uploaded.kind === "not-uploaded") {
    deps.log.warning(`The HTML report was not uploaded as an artifact: ${uploaded.reason}. It is at ${path}`);
    return { fileName: HTML_REPORT_FILE, url: null, note: `not uploaded (${uploaded.reason}); ${inOutputDir}` };
  }
  deps.log.info(`HTML report uploaded as artifact ${uploaded.name}${uploaded.url === null ? "" : `: ${uploaded.url}`}`);
  if (uploaded.url === null)
    return { fileName: HTML_REPORT_FILE, url: null, note: `artifact ${uploaded.name} of this run` };
  deps.outputs.set("html-url", uploaded.url);
  return { fileName: HTML_REPORT_FILE, url: uploaded.url, note: null };
}

// src/action/publish.ts
async function publishReports(args) {
  const { settings, deps, verdict, candidate } = args;
  const profileId = args.profile?.id ?? candidate.profileId;
  const input = {
    verdict,
    candidate,
    baseline: args.baseline,
    baselineLines: args.baselineLines,
    profileId,
    runUrl: deps.context.runUrl,
    accepted: args.accepted,
    mode: args.mode,
    target: args.target?.origin ?? null
  };
  const dir = settings.outputDir;
  const markdown = renderMarkdown({ ...input, fullReport: await publishHtmlReport(input, deps, dir) });
  const markdownPath = await deps.files.writeText(join2(dir, "report.md"), markdown);
  const reportPath = await deps.files.writeText(
    join2(dir, "report.json"),
    `${JSON.stringify(renderJsonReport(input), null, 2)}
`
  );
  const junitPath = await deps.files.writeText(join2(dir, "junit.xml"), renderJunit(input));
  deps.outputs.set("verdict", verdict.outcome);
  deps.outputs.set("regressions", String(regressionCount(verdict)));
  const sustained = candidate.capacity?.sustainedRatePerSecond;
  if (sustained !== void 0) deps.outputs.set("sustained-rate", sustained === null ? "" : sustained.toFixed(1));
  deps.outputs.set("report-path", reportPath);
  deps.outputs.set("markdown-path", markdownPath);
  deps.outputs.set("junit-path", junitPath);
  deps.outputs.set(
    "baseline-source",
    args.baseline ? `${args.baseline.source.store}:${args.baseline.source.reference}` : ""
  );
  for (const annotation of annotationsFor(input)) deps.annotate(annotation);
  for (const warning of verdict.warnings) deps.log.warning(warning);
  const marker = commentMarker(profileId);
  const comment = await postComment(deps, { policy: settings.comment, verdict, marker }, withMarker(markdown, marker));
  const note = announceComment(comment, deps);
  await writeSummarySafely(deps, note ? `${markdown}

${note}
` : markdown);
  deps.log.info(verdict.headline);
  if (verdict.failed) deps.fail(verdict.headline);
}
function announceComment(comment, deps) {
  switch (comment.kind) {
    case "created":
    case "updated":
      deps.outputs.set("comment-url", comment.url);
      deps.log.info(`PR comment ${comment.kind}: ${comment.url}`);
      return null;
    case "not-posted": {
      const why = comment.reason.replace(/^the (PR )?comment( on PR #\d+)? was not posted: /i, "");
      const text2 = `The PR comment was not posted: ${why}${comment.fix ? `. Fix: ${comment.fix}` : ""}`;
      deps.log.warning(text2);
      return `> [!WARNING]
> ${text2}`;
    }
    case "skipped":
      deps.log.info(`No PR comment: ${comment.reason}`);
      return null;
  }
}
async function postComment(deps, { policy, verdict, marker }, body) {
  const pr = deps.context.pullRequest;
  if (!pr) return { kind: "skipped", reason: `not a pull request (event '${deps.context.eventName}')` };
  const wanted = wantsComment(policy, verdict);
  if (wanted === "never") return { kind: "skipped", reason: "comment: 'never'" };
  if (wanted === "update-only" && !await deps.comments.exists(pr.number, marker)) {
    return { kind: "skipped", reason: `comment: '${policy}' and nothing to report` };
  }
  return deps.comments.upsert(pr.number, marker, body);
}
function wantsComment(policy, verdict) {
  switch (policy) {
    case "never":
      return "never";
    case "always":
      return "post";
    case "on-change":
      return verdict.endpoints.some((e) => e.outcome.kind !== "no-change" && e.outcome.kind !== "pass") || verdict.failed ? "post" : "update-only";
    case "on-failure":
      return verdict.failed || verdict.failing.length > 0 ? "post" : "update-only";
  }
}
async function writeSummarySafely(deps, markdown) {
  try {
    await deps.writeSummary(markdown);
  } catch (error) {
    deps.log.warning(`The job summary could not be written: ${error.message}`);
  }
}

// src/action/gate-and-publish.ts
async function gateAndPublish(candidate, restored, options) {
  const { deps, settings, profile } = options;
  const { outcome } = restored;
  const accepted = await acceptance(deps, settings.acceptLabel);
  for (const warning of outcome.warnings) deps.log.warning(warning);
  const verdict = decide({
    candidate,
    baseline: outcome.kind === "found" ? {
      kind: "found",
      result: outcome.result,
      // Earlier stored baselines measure the job-to-job shift; a live A/B baseline shares this job.
      history: outcome.history,
      // A file may be one half of a live A/B run (RunResult.liveAb): decide() then knows from the files.
      design: outcome.source.store === "live-ab" ? "live-ab" : void 0
    } : { kind: "missing", reason: outcome.reason },
    gate: gateWithOverrides(profile?.gate ?? null, settings),
    budgets: profile?.budgets ?? {},
    accepted,
    pairing: options.pairing,
    sequential: outcome.kind === "found" ? options.sequential ?? null : null
  });
  await publishReports({
    settings,
    deps,
    verdict,
    candidate,
    baseline: outcome.kind === "found" ? { result: outcome.result, source: outcome.source, history: outcome.history } : null,
    baselineLines: restored.lines,
    mode: options.mode,
    profile,
    accepted,
    target: options.target ?? null
  });
}
async function acceptance(deps, label) {
  const pr = deps.context.pullRequest;
  if (!pr) return null;
  const status = await deps.labels.acceptedBy(pr.number, label);
  return status.applied ? { label, by: status.by } : null;
}
function gateWithOverrides(profileGate, settings) {
  const base = profileGate ?? DEFAULT_GATE;
  return Object.freeze({
    ...base,
    alpha: settings.alpha ?? base.alpha,
    marginRelative: settings.marginRelative ?? base.marginRelative,
    marginAbsoluteMs: settings.marginAbsoluteMs ?? base.marginAbsoluteMs,
    failOn: settings.failOn ?? base.failOn
  });
}

export {
  betweenRunVariance,
  MIN_HISTORY_RUNS,
  runLevel,
  wilcoxonSignedRank,
  decide,
  plainText,
  escapeMarkdown,
  truncateText,
  formatValue2 as formatValue,
  gateAndPublish,
  gateWithOverrides
};
