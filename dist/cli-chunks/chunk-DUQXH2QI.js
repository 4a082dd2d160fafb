import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  EMPTY_SUMMARY,
  METRIC_UNITS,
  WORSE_DIRECTION,
  budgetsFor,
  cannotFailWarning,
  completionWarnings,
  concludeMetric,
  endpointInvalidReason,
  environmentWarnings,
  evaluateBudgets,
  formatMsNumber,
  formatPValue,
  formatRelative,
  formatRelative2,
  formatRelativeInterval,
  formatShift,
  formatSigned,
  formatValue2 as formatValue,
  holmAdjust,
  inconclusiveReason,
  latencySummary,
  mannWhitneyUFromHistograms,
  marginFor,
  mean,
  median,
  minimumSignedRankPValue,
  plural,
  poolEndpoint,
  precisionOf,
  pseudoMedian,
  relative,
  roundValue,
  roundValues,
  runInvalidReason,
  sampleVariance,
  studentTQuantile,
  studentTUpperTail,
  testMetric,
  unknownBudgetKeys,
  wilcoxonSignedRank
} from "./chunk-QOPD3N35.js";
import {
  hodgesLehmannFromHistograms
} from "./chunk-BOXC7D7V.js";
import {
  PROFILE_CHANGED
} from "./chunk-WK3CQZHX.js";
import {
  mergeHistograms
} from "./chunk-3NZYYUIX.js";

// src/report/escape.ts
var ZERO_WIDTH_JOINER = "\u200D";
var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
var CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
function wellFormed(text) {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}
function plainText(text) {
  return wellFormed(text).replace(CONTROL, " ");
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
function escapeMarkdown(text) {
  return plainText(text).replace(/@/g, `@${ZERO_WIDTH_JOINER}`).replace(/#(?=\d)/g, `#${ZERO_WIDTH_JOINER}`).replace(/:\/\//g, `:${ZERO_WIDTH_JOINER}//`).replace(/www\./gi, (match) => `${match.slice(0, 3)}${ZERO_WIDTH_JOINER}.`).replace(
    MARKDOWN_SPECIAL,
    (char) => MARKDOWN_BACKSLASHED.includes(char) ? `\\${char}` : MARKDOWN_ENTITIES[char]
  );
}
function truncateText(text, maxChars) {
  const chars = [...text];
  if (chars.length <= maxChars) return text;
  return `${chars.slice(0, Math.max(0, maxChars - 1)).join("")}\u2026`;
}
function mermaidLabel(text, maxChars = 60) {
  const kept = plainText(text).replace(/[^\p{L}\p{N} /._:{}-]/gu, " ").replace(/\s+/g, " ").trim();
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
function escapeXml(text) {
  return wellFormed(text).replace(XML_INVALID, "\uFFFD").replace(/[&<>"'\n\r\t]/g, (char) => XML_ENTITIES[char]);
}

// src/report/generator-lateness.ts
function generatorLatenessText(run) {
  const rounds = run.generatorLateness;
  if (!rounds || rounds.length === 0) return null;
  const all = mergeHistograms(rounds);
  if (all.count === 0) return null;
  const ms = (us) => `${formatMsNumber(us / 1e3)} ms`;
  return `generator lateness p50 ${ms(all.percentileUs(50))}, p99 ${ms(all.percentileUs(99))}, max ${ms(all.maxUs())} (intended \u2192 actual send; up to this much of each latency is the generator's, not the server's)`;
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
var plural2 = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
function headline(outcome, endpoints) {
  const emoji = OUTCOME_EMOJI[outcome];
  const of = (kind) => endpoints.filter((endpoint) => endpoint.outcome.kind === kind);
  switch (outcome) {
    case "invalid": {
      const first = of("invalid")[0];
      const reason = first?.outcome.kind === "invalid" ? first.outcome.reason : "the run measured no endpoint";
      return `${emoji} Invalid run: ${first ? `${first.endpoint}: ` : ""}${reason}`;
    }
    case "regression": {
      const regressions = of("regression");
      const worst = extreme(
        regressions.flatMap((e) => e.outcome.kind === "regression" ? [[e.endpoint, e.outcome.worst]] : [])
      );
      return `${emoji} ${plural2(regressions.length, "regression")}: ${describe(worst)}`;
    }
    case "budget-violation": {
      const failed = endpoints.flatMap(
        (e) => e.budgets.filter((check2) => !check2.passed).map((check2) => [e.endpoint, check2])
      );
      const [endpoint, check] = failed[0];
      return `${emoji} ${failed.length} budget${failed.length === 1 ? "" : "s"} exceeded: ${endpoint} ${budgetActual(check)} (budget ${check.budget.expression})`;
    }
    case "inconclusive": {
      const inconclusive = of("inconclusive");
      const names = inconclusive.map((e) => e.endpoint).join(", ");
      const resolution = resolutionOf(inconclusive);
      const caught = resolution === null ? "" : `; only ${resolution} would have been caught`;
      return `${emoji} Inconclusive: ${plural2(inconclusive.length, "endpoint")} could not resolve the margin (${names})${caught}, no sign of a regression`;
    }
    case "no-baseline": {
      const first = of("no-baseline")[0];
      const reason = first?.outcome.kind === "no-baseline" ? first.outcome.reason : "";
      const all = of("no-baseline").length === endpoints.length;
      return `${emoji} No baseline${all ? "" : ` for ${plural2(of("no-baseline").length, "endpoint")}`}: ${reason}`;
    }
    case "improvement": {
      const improvements = of("improvement");
      const best = extreme(
        improvements.flatMap((e) => e.outcome.kind === "improvement" ? [[e.endpoint, e.outcome.best]] : [])
      );
      return `${emoji} ${plural2(improvements.length, "improvement")}: ${describe(best)}`;
    }
    case "pass": {
      const resolution = resolutionOf(endpoints);
      const caught = resolution === null ? "" : `: ${resolution} would have been caught`;
      return `${emoji} No regression in ${plural2(endpoints.length, "endpoint")}${caught}`;
    }
    case "no-change":
      return `${emoji} No change: ${plural2(endpoints.length, "endpoint")} within the margin`;
  }
}
function resolutionOf(endpoints) {
  let coarsest = null;
  for (const endpoint2 of endpoints) {
    for (const comparison2 of endpoint2.comparisons) {
      if (comparison2.detectableShift === null || comparison2.outcome === "regression") continue;
      const base = Math.abs(comparison2.baselineMedian);
      const size2 = base > 0 ? comparison2.detectableShift / base : Number.POSITIVE_INFINITY;
      if (coarsest === null || size2 > coarsest[2]) coarsest = [endpoint2.endpoint, comparison2, size2];
    }
  }
  if (coarsest === null) return null;
  const [endpoint, comparison, size] = coarsest;
  const worse = comparison.metric === "throughput" ? "a throughput drop" : comparison.unit === "ms" ? "a slowdown" : "a rise";
  const amount = Number.isFinite(size) ? `${comparison.metric === "throughput" ? "\u2212" : "+"}${(size * 100).toFixed(1)} %` : formatValue(comparison.detectableShift, comparison.unit);
  return `${worse} of ${amount} or more (${endpoint} ${comparison.metric})`;
}
function extreme(pairs) {
  const size = (c) => Number.isFinite(c.relativeShift) ? Math.abs(c.relativeShift) : Math.abs(c.shift);
  return pairs.reduce((best, pair) => size(pair[1]) > size(best[1]) ? pair : best);
}
function describe([endpoint, comparison]) {
  const change = comparison.unit === "ms" && Number.isFinite(comparison.relativeShift) ? `${formatRelative2(comparison.relativeShift)}${formatRelativeInterval(comparison)}` : formatSigned(comparison.shift, comparison.unit);
  return `${endpoint} ${comparison.metric} ${change}`;
}
function budgetActual(check) {
  const { metric } = check.budget;
  if (metric === "error-rate") return `error-rate ${formatValue(check.actual, "fraction")}`;
  if (metric === "rps") return `rps ${formatValue(check.actual, "rps")}`;
  if (metric === "recovery" && !Number.isFinite(check.actual)) return "recovery: not recovered by the end";
  return `${metric} ${formatValue(check.actual, "ms")}`;
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
function headlineComparison(endpoint) {
  const { outcome } = endpoint;
  if (outcome.kind === "regression") return outcome.worst;
  if (outcome.kind === "improvement") return outcome.best;
  let chosen = null;
  for (const comparison of endpoint.comparisons) {
    const size = Math.abs(comparison.relativeShift);
    if (chosen === null || Number.isFinite(size) && size > Math.abs(chosen.relativeShift)) chosen = comparison;
  }
  return chosen;
}
function regressionCount(verdict) {
  const capacity = verdict.capacity?.outcome === "regression" ? 1 : 0;
  return capacity + verdict.endpoints.filter((endpoint) => endpoint.outcome.kind === "regression").length;
}
function headlineParts(verdict) {
  const emoji = OVERALL_LABELS[verdict.outcome].emoji;
  const headline2 = verdict.headline.startsWith(emoji) ? verdict.headline.slice(emoji.length).trimStart() : verdict.headline;
  const regressions = /^\d+ regressions?\b/.test(headline2) ? null : plural(regressionCount(verdict), "regression");
  return { headline: headline2, regressions };
}
function failedBudgets(endpoint) {
  return endpoint.budgets.filter((check) => !check.passed);
}
function gatedComparisons(endpoint) {
  if (endpoint.comparisons.length > 0) return endpoint.comparisons;
  const { outcome } = endpoint;
  if (outcome.kind === "regression") return [outcome.worst];
  if (outcome.kind === "improvement") return [outcome.best];
  return [];
}

// src/report/terminal.ts
var MAX_TERMINAL_NAME_CHARS = 48;
var ANSI_COLOURS = {
  regression: "\x1B[31m",
  improvement: "\x1B[32m",
  "no-change": "\x1B[32m",
  pass: "\x1B[32m",
  inconclusive: "\x1B[33m",
  "no-baseline": "\x1B[90m",
  invalid: "\x1B[33m"
};
var ANSI_RESET = "\x1B[0m";
var HEADERS = ["Endpoint", "n", "p50 ms", "p95 ms", "p99 ms", "Change", "p (Holm)", "Verdict"];
var RIGHT_ALIGNED = /* @__PURE__ */ new Set([1, 2, 3, 4, 6]);
var width = (text) => [...text].length;
var pad = (text, size, right) => right ? " ".repeat(size - width(text)) + text : text + " ".repeat(size - width(text));
function latency(endpoint, key) {
  const after = formatMsNumber(endpoint.candidate[key]);
  return endpoint.baseline === null ? after : `${formatMsNumber(endpoint.baseline[key])} \u2192 ${after}`;
}
function row(endpoint) {
  const comparison = headlineComparison(endpoint);
  const change = comparison === null ? "\u2013" : `${comparison.metric} ${formatShift(comparison.shift, comparison.unit)} (${formatRelative(comparison.relativeShift)})`;
  return [
    truncateText(plainText(endpoint.endpoint), MAX_TERMINAL_NAME_CHARS),
    String(endpoint.candidate.requests),
    latency(endpoint, "p50Ms"),
    latency(endpoint, "p95Ms"),
    latency(endpoint, "p99Ms"),
    change,
    comparison === null ? "\u2013" : formatPValue(comparison.pValueAdjusted),
    ENDPOINT_LABELS[endpoint.outcome.kind].word
  ];
}
function renderTerminal(input, options = {}) {
  const { verdict } = input;
  const label = OVERALL_LABELS[verdict.outcome];
  const { headline: headline2, regressions } = headlineParts(verdict);
  const rows = verdict.endpoints.map(row);
  const sizes = HEADERS.map((header, i) => Math.max(width(header), ...rows.map((cells) => width(cells[i]))));
  const line = (cells) => cells.map((cell, i) => pad(cell, sizes[i], RIGHT_ALIGNED.has(i))).join("  ").trimEnd();
  const body = rows.map((cells, index) => {
    const text = line(cells);
    if (!options.color) return text;
    const verdictWord = cells[cells.length - 1];
    const colour = ANSI_COLOURS[verdict.endpoints[index].outcome.kind];
    return `${text.slice(0, text.length - verdictWord.length)}${colour}${verdictWord}${ANSI_RESET}`;
  });
  const explanations = verdict.endpoints.map((endpoint) => {
    const reason = outcomeReason(endpoint.outcome);
    const parts = [...reason === null ? [] : [reason], ...gatedComparisons(endpoint).map((c) => c.explanation)];
    const text = parts.length > 0 ? parts.join("; ") : ENDPOINT_LABELS[endpoint.outcome.kind].word;
    return `  ${plainText(endpoint.endpoint)}: ${plainText(text)}`;
  });
  const out = [
    `Tailgate: ${label.word} (${plainText(input.profileId)})${regressions === null ? "" : `, ${regressions}`}: ${plainText(headline2)}`,
    "",
    line(HEADERS),
    line(sizes.map((size) => "-".repeat(size))),
    ...body,
    "",
    ...explanations
  ];
  if (verdict.sequential) out.push("", plainText(verdict.sequential.reason));
  const lateness = generatorLatenessText(input.candidate);
  if (lateness !== null) out.push("", `Candidate's ${lateness}`);
  if (input.baseline === null)
    out.push("", `No baseline: ${input.baselineLines.map(plainText).join("; ") || "none found"}`);
  else if (input.baselineLines.length > 0) out.push("", ...input.baselineLines.map(plainText));
  if (verdict.warnings.length > 0) out.push("", "Warnings:", ...verdict.warnings.map((w) => `  - ${plainText(w)}`));
  return out.join("\n");
}

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
  const comparison = missing !== null || baselineRun?.capacity === void 0 ? {
    outcome: "no-baseline",
    baseline: null,
    candidate: summarizeCapacity(candidate),
    relativeChange: null,
    marginRelative: input.gate.marginRelative,
    explanation: `capacity ${bracket(summarizeCapacity(candidate))}; not compared: ${missing ?? "no baseline"}`
  } : compareCapacity(candidate, baselineRun.capacity, input.gate.marginRelative);
  const outcome = comparison.outcome;
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
    headline: `${HEADLINES[comparison.outcome]}: ${comparison.explanation}`,
    capacity: comparison
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
    const endpoint = run.endpoints.find((candidate) => candidate.name === name);
    const values = endpoint === void 0 ? [] : roundValues(run, endpoint, metric).values;
    return values.length === 0 ? [] : [values];
  });
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
  const kinds = new Set(endpoints.map((endpoint) => endpoint.outcome.kind));
  const budgetFailed = endpoints.some((endpoint) => endpoint.budgets.some((check) => !check.passed));
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
  const acceptedNote = accepted !== null && failing.length > 0 ? ` (accepted by label '${accepted.label}')` : "";
  return {
    outcome,
    failed: failing.length > 0 && accepted === null,
    failing,
    endpoints,
    warnings,
    headline: `${headline(outcome, endpoints)}${acceptedNote}`,
    ...input.sequential ? { sequential: input.sequential.summary } : {}
  };
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
function pairedTests(input, baseline, endpoint, warnings) {
  const tests = [];
  for (const metric of input.gate.metrics) {
    const pairs = pairedRoundValues(baseline, { run: input.candidate, endpoint }, metric);
    if (pairs.skipped > 0)
      warnings.push(`${endpoint.name}: ${pairs.skipped} round pair(s) without data were left out of ${metric}.`);
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
  const planned = candidate.endpoints.map((endpoint) => planEndpoint(endpoint, context));
  for (const removed of comparable?.endpoints ?? []) {
    if (candidate.endpoints.some((endpoint) => endpoint.name === removed.name)) continue;
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
    candidate.endpoints.map((endpoint) => endpoint.name)
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
  const thin = historyWarning(endpoints.flatMap((endpoint) => endpoint.comparisons));
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
function planEndpoint(endpoint, context) {
  const { input, comparable } = context;
  const pooled = poolEndpoint(input.candidate, endpoint);
  const common = {
    endpoint: endpoint.name,
    budgets: evaluateBudgets(pooled, budgetsFor(endpoint.name, input.budgets), input.candidate.recovery ?? null),
    requestLevel: null,
    baseline: null,
    candidate: latencySummary(pooled)
  };
  const invalid = context.runInvalid ?? endpointInvalidReason("candidate", pooled, input.gate);
  if (invalid !== null) return { ...common, outcome: { kind: "invalid", reason: invalid } };
  if (comparable === null) return { ...common, outcome: { kind: "no-baseline", reason: context.missingReason } };
  const before = comparable.endpoints.find((candidate) => candidate.name === endpoint.name);
  if (before === void 0)
    return { ...common, outcome: { kind: "no-baseline", reason: "new endpoint: not in the baseline" } };
  const pooledBefore = poolEndpoint(comparable, before);
  const withBaseline = { ...common, baseline: latencySummary(pooledBefore) };
  const invalidBefore = endpointInvalidReason("baseline", pooledBefore, input.gate);
  if (invalidBefore !== null) return { ...withBaseline, outcome: { kind: "invalid", reason: invalidBefore } };
  if (context.paired) {
    const paired = pairedTests(input, { run: comparable, endpoint: before }, endpoint, context.warnings);
    return {
      ...withBaseline,
      requestLevel: requestLevelComparison(pooledBefore.histogram, pooled.histogram),
      tests: paired
    };
  }
  const tests = [];
  for (const metric of input.gate.metrics) {
    const baselineRounds = roundValues(comparable, before, metric);
    const candidateRounds = roundValues(input.candidate, endpoint, metric);
    const skipped = baselineRounds.skipped + candidateRounds.skipped;
    if (skipped > 0)
      context.warnings.push(`${endpoint.name}: ${skipped} round(s) without data were left out of ${metric}.`);
    if (baselineRounds.values.length === 0 || candidateRounds.values.length === 0) continue;
    const rounds = { metric, baselineRounds: baselineRounds.values, candidateRounds: candidateRounds.values };
    const acrossJobs = context.design === "stored" && metric !== "error-rate" ? testAcrossJobs({
      ...rounds,
      historyRounds: historyRoundValues(context.history, endpoint.name, metric),
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

export {
  generatorLatenessText,
  generatorLateness,
  OVERALL_OUTCOMES,
  ENDPOINT_LABELS,
  OVERALL_LABELS,
  outcomeReason,
  headlineComparison,
  regressionCount,
  headlineParts,
  failedBudgets,
  gatedComparisons,
  wellFormed,
  plainText,
  escapeMarkdown,
  truncateText,
  mermaidLabel,
  escapeXml,
  MAX_TERMINAL_NAME_CHARS,
  renderTerminal,
  effectSize,
  betweenRunVariance,
  MIN_HISTORY_RUNS,
  runLevel,
  decide
};
