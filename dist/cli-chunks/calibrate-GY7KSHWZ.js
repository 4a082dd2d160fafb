import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  REWARM_MS,
  runLiveAb
} from "./chunk-ZI5RPIZH.js";
import {
  readProfile
} from "./chunk-2I6GUHVV.js";
import {
  localEnvironment,
  localGitContext
} from "./chunk-HEYURCVP.js";
import {
  messageOf
} from "./chunk-57U746Z7.js";
import {
  ERROR_RATE_MARGIN_FLOOR,
  MAX_TERMINAL_NAME_CHARS,
  METRIC_UNITS,
  MIN_EQUIVALENCE_CONF_LEVEL,
  MIN_HISTORY_RUNS,
  betweenRunVariance,
  decide,
  escapeMarkdown,
  formatValue,
  historyPaths,
  plainText,
  quantile,
  readHistoryFiles,
  roundValues,
  runLevel,
  truncateText
} from "./chunk-OAPMMLO6.js";
import {
  EXIT
} from "./chunk-U34LIMCD.js";
import "./chunk-KJRNQGKV.js";
import "./chunk-BOXC7D7V.js";
import {
  formatMs
} from "./chunk-WSM33NK3.js";
import {
  ConfigError,
  isUserError
} from "./chunk-ACCG5V5L.js";
import "./chunk-HTDZXV36.js";

// src/calibrate/binomial-interval.ts
var BISECTION_STEPS = 50;
function clopperPearson(successes, trials, confLevel = 0.95) {
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError(`trials must be a positive integer, got ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`successes must be an integer in [0, ${trials}], got ${successes}`);
  }
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`confLevel must be in (0, 1), got ${confLevel}`);
  const tail = (1 - confLevel) / 2;
  const lower = successes === 0 ? 0 : bisect((p) => 1 - binomialCdf(successes - 1, trials, p) < tail);
  const upper = successes === trials ? 1 : bisect((p) => binomialCdf(successes, trials, p) > tail);
  return { lower, upper, confLevel };
}
function binomialCdf(k, n, p) {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  let logChoose = 0;
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logChoose += Math.log(n - i + 1) - Math.log(i);
    sum += Math.exp(logChoose + i * logP + (n - i) * logQ);
  }
  return Math.min(1, sum);
}
function bisect(below) {
  let low = 0;
  let high = 1;
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const middle = (low + high) / 2;
    if (below(middle)) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

// src/calibrate/margin.ts
function coveringMargin(shifts, options) {
  if (shifts.length === 0) return null;
  const needed = Math.ceil(options.coverage * shifts.length - 1e-9);
  const candidates = options.fixedAbsolute === void 0 ? [.../* @__PURE__ */ new Set([0, ...shifts.map((s) => Math.max(0, s.shift))])].sort((a, b) => a - b) : [options.fixedAbsolute];
  let best = null;
  for (const absolute of candidates) {
    const relative = relativeFor(shifts, absolute, needed);
    if (relative === null) continue;
    const cost = averageRelativeMargin(shifts, relative, absolute);
    if (best === null || cost < best.cost - 1e-12) best = { relative, absolute, cost };
  }
  if (best === null) return null;
  return { relative: best.relative, absolute: best.absolute, coverage: coverageOf(shifts, best) };
}
function roundMarginUp(pair, shifts) {
  const relative = Math.ceil(Number((pair.relative * 100).toPrecision(12))) / 100;
  const absolute = ceilSignificant(pair.absolute, 2);
  return { relative, absolute, coverage: coverageOf(shifts, { relative, absolute }) };
}
function ceilSignificant(value, digits) {
  if (value <= 0 || !Number.isFinite(value)) return Math.max(0, value);
  const nearest = Number(value.toPrecision(digits));
  if (nearest >= value) return nearest;
  const unit = 10 ** (Math.floor(Math.log10(nearest)) - digits + 1);
  return Number((nearest + unit).toPrecision(digits));
}
function coverageOf(shifts, pair) {
  if (shifts.length === 0) return Number.NaN;
  const covered = shifts.filter((s) => marginOf(s, pair) >= s.shift - 1e-12).length;
  return covered / shifts.length;
}
function marginOf(s, pair) {
  return Math.max(pair.relative * Math.abs(s.baselineMedian), pair.absolute);
}
function relativeFor(shifts, absolute, needed) {
  const coveredByAbsolute = shifts.filter((s) => s.shift <= absolute).length;
  const missing = needed - coveredByAbsolute;
  if (missing <= 0) return 0;
  const ratios = shifts.filter((s) => s.shift > absolute && s.baselineMedian !== 0).map((s) => s.shift / Math.abs(s.baselineMedian)).sort((a, b) => a - b);
  return missing <= ratios.length ? ratios[missing - 1] : null;
}
function averageRelativeMargin(shifts, relative, absolute) {
  const scaled = shifts.filter((s) => s.baselineMedian !== 0);
  if (scaled.length === 0) return absolute;
  let sum = 0;
  for (const s of scaled) sum += marginOf(s, { relative, absolute }) / Math.abs(s.baselineMedian);
  return sum / scaled.length;
}
function halfWidth(comparison) {
  const interval = comparison.shiftInterval;
  if (interval === null) return 0;
  return interval.confLevel < MIN_EQUIVALENCE_CONF_LEVEL ? null : (interval.upper - interval.lower) / 2;
}

// src/calibrate/types.ts
var MARGIN_COVERAGE = 0.9;
var RATE_CONF_LEVEL = 0.95;
var NOISY_METRIC_MARGIN = 0.25;

// src/calibrate/aggregate.ts
var FIXED_FLOORS = { fraction: ERROR_RATE_MARGIN_FLOOR, rps: 0 };
function aggregateCalibration(input) {
  const { verdicts, gate } = input;
  const compared = verdicts.filter((verdict) => verdict.endpoints.some(isCompared));
  const names = [...new Set(verdicts.flatMap((verdict) => verdict.endpoints.map((e) => e.endpoint)))];
  const endpoints = names.map((name) => calibrateEndpoint(name, verdicts, gate.metrics));
  const recommendations = gate.metrics.map((metric) => recommend(metric, verdicts)).filter((r) => r !== null);
  const overall = falseAlarmRate(
    compared.filter((verdict) => verdict.endpoints.some((e) => e.outcome.kind === "regression")).length,
    compared.length
  );
  const report = {
    profileId: input.profileId,
    target: input.target,
    requestedRuns: input.requestedRuns,
    completedRuns: verdicts.length,
    roundsPerSide: input.roundsPerSide,
    alpha: gate.alpha,
    gatedMetrics: [...gate.metrics],
    overall,
    falseImprovements: compared.filter((v) => v.endpoints.some((e) => e.outcome.kind === "improvement")).length,
    invalidRuns: verdicts.length - compared.length,
    endpoints,
    recommendations,
    suggestedMargin: suggestMargin(recommendations, gate),
    // The job-to-job figure needs stored baselines: calibrate() adds it (withJobNoise).
    historyRuns: 0,
    jobNoise: []
  };
  return { ...report, notes: notesFor(report, verdicts, input.interrupted === true) };
}
function isCompared(endpoint) {
  return endpoint.comparisons.length > 0;
}
function falseAlarmRate(regressions, comparedRuns) {
  return {
    regressions,
    comparedRuns,
    rate: comparedRuns === 0 ? Number.NaN : regressions / comparedRuns,
    interval: comparedRuns === 0 ? null : clopperPearson(regressions, comparedRuns, RATE_CONF_LEVEL)
  };
}
function calibrateEndpoint(name, verdicts, metrics) {
  const own = verdicts.flatMap((verdict) => verdict.endpoints.filter((e) => e.endpoint === name));
  const outcomes = {};
  for (const endpoint of own) outcomes[endpoint.outcome.kind] = (outcomes[endpoint.outcome.kind] ?? 0) + 1;
  const compared = own.filter(isCompared);
  const calibration = {
    endpoint: name,
    falseRegressions: falseAlarmRate(compared.filter((e) => e.outcome.kind === "regression").length, compared.length),
    outcomes,
    metrics: metrics.map((metric) => calibrateMetric(metric, comparisonsOf(compared, metric))).filter((m) => m !== null)
  };
  return calibration;
}
function comparisonsOf(endpoints, metric) {
  return endpoints.flatMap((e) => e.comparisons.filter((c) => c.metric === metric));
}
function calibrateMetric(metric, comparisons) {
  if (comparisons.length === 0) return null;
  const measured = comparisons.filter((c) => halfWidth(c) !== null);
  const shifts = measured.map((c) => halfWidth(c));
  const baselineMedian = quantile(
    comparisons.map((c) => c.baselineMedian),
    0.5
  );
  const relatives = measured.map((c) => relativeTo(halfWidth(c), c.baselineMedian));
  const finiteRelatives = relatives.filter((r) => r !== null);
  return {
    metric,
    unit: METRIC_UNITS[metric],
    measuredRuns: measured.length,
    unmeasuredRuns: comparisons.length - measured.length,
    baselineMedian,
    detectableMedian: shifts.length > 0 ? quantile(shifts, 0.5) : null,
    detectableP90: shifts.length > 0 ? quantile(shifts, MARGIN_COVERAGE) : null,
    detectableMax: shifts.length > 0 ? Math.max(...shifts) : null,
    relativeDetectableMedian: finiteRelatives.length > 0 ? quantile(finiteRelatives, 0.5) : null,
    relativeDetectableMax: finiteRelatives.length > 0 ? Math.max(...finiteRelatives) : null,
    largestNoiseShift: Math.max(...comparisons.map((c) => Math.abs(c.shift)))
  };
}
function relativeTo(value, base) {
  return base === 0 ? null : value / Math.abs(base);
}
function recommend(metric, verdicts) {
  const comparisons = verdicts.flatMap((verdict) => comparisonsOf(verdict.endpoints.filter(isCompared), metric));
  const shifts = comparisons.filter((c) => halfWidth(c) !== null).map((c) => ({ shift: halfWidth(c), baselineMedian: c.baselineMedian }));
  const unit = METRIC_UNITS[metric];
  const fixedAbsolute = unit === "ms" ? void 0 : FIXED_FLOORS[unit];
  const pair = coveringMargin(shifts, {
    coverage: MARGIN_COVERAGE,
    ...fixedAbsolute === void 0 ? {} : { fixedAbsolute }
  });
  if (pair === null) return null;
  const rounded = roundMarginUp(pair, shifts);
  const relatives = shifts.map((s) => relativeTo(s.shift, s.baselineMedian)).filter((r) => r !== null);
  const typical = shifts.filter((s) => s.baselineMedian !== 0).map((s) => Math.max(rounded.relative * Math.abs(s.baselineMedian), rounded.absolute) / Math.abs(s.baselineMedian));
  return {
    metric,
    unit,
    samples: shifts.length,
    detectableP90: quantile(
      shifts.map((s) => s.shift),
      MARGIN_COVERAGE
    ),
    relativeDetectableP90: relatives.length > 0 ? quantile(relatives, MARGIN_COVERAGE) : null,
    relative: rounded.relative,
    absoluteMs: unit === "ms" ? rounded.absolute : null,
    coverage: rounded.coverage,
    typicalRelativeMargin: typical.length > 0 ? quantile(typical, 0.5) : null
  };
}
function suggestMargin(recommendations, gate) {
  const latency = recommendations.filter((r) => r.unit === "ms");
  if (latency.length === 0) return null;
  const isNoisy = (r) => (r.typicalRelativeMargin ?? 0) > NOISY_METRIC_MARGIN;
  const usable = latency.some((r) => !isNoisy(r)) ? latency.filter((r) => !isNoisy(r)) : latency;
  return {
    relative: Math.max(...usable.map((r) => r.relative)),
    absoluteMs: Math.max(...usable.map((r) => r.absoluteMs ?? 0)),
    leftOut: latency.filter((r) => !usable.includes(r)).map((r) => r.metric),
    currentRelative: gate.marginRelative,
    currentAbsoluteMs: gate.marginAbsoluteMs
  };
}
function notesFor(report, verdicts, interrupted) {
  const notes = [];
  if (interrupted)
    notes.push(`Interrupted after ${report.completedRuns} of ${report.requestedRuns} runs: the figures rest on those.`);
  if (report.invalidRuns > 0) {
    const reason = verdicts.flatMap((v) => v.endpoints).map((e) => e.outcome.kind === "invalid" ? e.outcome.reason : null).find((r) => r !== null);
    notes.push(
      `${report.invalidRuns} run(s) could not be compared and are left out${reason ? ` (e.g. ${reason})` : ""}.`
    );
  }
  const unmeasured = report.endpoints.reduce((n, e) => n + e.metrics.reduce((m, x) => m + x.unmeasuredRuns, 0), 0);
  if (unmeasured > 0) {
    notes.push(
      `${unmeasured} comparison(s) had too few rounds (${report.roundsPerSide} per side) for a 90 % interval of the shift, so no detectable change; the gate calls such comparisons inconclusive: use more rounds.`
    );
  }
  for (const r of report.recommendations) {
    if (r.unit !== "ms" || r.typicalRelativeMargin === null || r.typicalRelativeMargin <= NOISY_METRIC_MARGIN) continue;
    notes.push(
      `${r.metric} needs a margin of about ${percent(r.typicalRelativeMargin)} of a typical endpoint here: its rounds are too short or too noisy to gate on; lengthen them (duration / rounds) or leave ${r.metric} out of gate.metrics.`
    );
  }
  const { overall, alpha } = report;
  if (overall.interval !== null && overall.interval.lower > alpha) {
    notes.push(
      `The false-regression rate is above alpha (${percent(alpha)}) even at its interval's lower end: the two sides are not measured alike on this runner (a warm-up too short, a noisy neighbour in phase with the rounds?).`
    );
  } else if (overall.rate > alpha) {
    notes.push(`The observed false-regression rate is above alpha (${percent(alpha)}); run more A/A runs to tell.`);
  }
  if (overall.interval !== null && overall.interval.upper > 2 * alpha) {
    notes.push(
      `With ${overall.comparedRuns} compared run(s) the rate could still be up to ${percent(overall.interval.upper)} (${percent(RATE_CONF_LEVEL)} interval); more runs narrow it.`
    );
  }
  return notes;
}
function percent(fraction) {
  return `${Number((fraction * 100).toFixed(fraction < 0.1 ? 1 : 0))} %`;
}

// src/calibrate/job-noise.ts
function jobNoiseOfHistory(runs, metrics) {
  const names = [...new Set(runs.flatMap((run) => run.endpoints.map((endpoint) => endpoint.name)))];
  return names.flatMap(
    (name) => metrics.filter((metric) => metric !== "error-rate").flatMap((metric) => {
      const levels = runs.flatMap((run) => {
        const endpoint = run.endpoints.find((candidate) => candidate.name === name);
        const level = endpoint === void 0 ? null : runLevel(roundValues(run, endpoint, metric).values);
        return level === null ? [] : [level];
      });
      if (levels.length < MIN_HISTORY_RUNS) return [];
      return [estimate(name, metric, levels)];
    })
  );
}
function estimate(endpoint, metric, levels) {
  const split = betweenRunVariance(
    levels.map((level) => level.logMean),
    levels.map((level) => level.withinVariance)
  );
  return {
    endpoint,
    metric,
    runs: split.runs,
    runSd: Math.sqrt(split.runVariance),
    jobSd: split.betweenVariance === null ? null : Math.sqrt(split.betweenVariance),
    withinSd: split.withinVariance === null ? null : Math.sqrt(split.withinVariance)
  };
}
function jobNoiseNotes(report) {
  if (report.jobNoise.length > 0) {
    const worst = report.jobNoise.reduce((a, b) => (b.jobSd ?? b.runSd) > (a.jobSd ?? a.runSd) ? b : a);
    return [
      `Between CI jobs (${report.historyRuns} stored baselines): ${worst.endpoint} ${worst.metric} moves by a job-to-job sd of ${((worst.jobSd ?? worst.runSd) * 100).toFixed(1)} %, which A/A runs in one job cannot see; the gate allows for it against a stored baseline, and live A/B cancels it.`
    ];
  }
  if (report.historyRuns === 0) return [];
  return [
    `No job-to-job figure: ${report.historyRuns} stored baseline(s) given, ${MIN_HISTORY_RUNS} needed. These A/A runs share one job, so they cannot see the shift between CI jobs that a stored baseline carries; give stored baselines of the base branch (tailgate calibrate --history) to measure it.`
  ];
}
function withJobNoise(report, history, metrics) {
  const measured = { ...report, historyRuns: history.length, jobNoise: jobNoiseOfHistory(history, metrics) };
  return { ...measured, notes: [...report.notes, ...jobNoiseNotes(measured)] };
}

// src/calibrate/calibrate.ts
var MAX_CALIBRATION_RUNS = 200;
var DEFAULT_CALIBRATION_RUNS = 10;
async function calibrate(options) {
  const { runs } = options;
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_CALIBRATION_RUNS) {
    throw new ConfigError(
      "runs",
      `'${runs}' is not a run count`,
      `use a whole number from 1 to ${MAX_CALIBRATION_RUNS}`
    );
  }
  const target = options.target ?? options.profile.target;
  const profile = { ...options.profile, target };
  const signal = options.signal ?? new AbortController().signal;
  const verdicts = [];
  for (let run = 1; run <= runs && !signal.aborted; run++) {
    let measured;
    try {
      measured = await options.measure(profile, { baselineTarget: target, signal });
    } catch (error) {
      if (signal.aborted) break;
      throw error;
    }
    if (signal.aborted) break;
    const verdict = decide({
      candidate: measured.candidate,
      baseline: { kind: "found", result: measured.baseline, design: "live-ab" },
      gate: profile.gate,
      budgets: {},
      accepted: null,
      pairing: "abba"
    });
    verdicts.push(verdict);
    options.onRun?.({ run, of: runs, verdict });
  }
  const report = aggregateCalibration({
    profileId: profile.id,
    target: target.href,
    requestedRuns: runs,
    roundsPerSide: profile.rounds,
    gate: profile.gate,
    verdicts,
    interrupted: verdicts.length < runs
  });
  return withJobNoise(report, options.history ?? [], profile.gate.metrics);
}
function liveAbMeasure(options) {
  return (profile, { baselineTarget, signal }) => runLiveAb({ ...options, profile, baselineTarget, candidateTarget: profile.target, signal });
}
function estimatedCalibrationMs(profile, runs) {
  const rewarmMs = Math.min(REWARM_MS, profile.warmupMs);
  const perRunMs = 2 * profile.durationMs + 2 * profile.warmupMs + (2 * profile.rounds - 2) * rewarmMs;
  return runs * perRunMs;
}

// src/calibrate/render.ts
var CALIBRATION_JSON_KIND = "tailgate-calibration";
var CALIBRATION_JSON_VERSION = 1;
var DETAIL_HEADERS = [
  "Endpoint",
  "False regressions",
  "Outcomes",
  "Metric",
  "Baseline",
  "Detectable (median)",
  "Detectable (max)",
  "Largest A/A shift"
];
var MARGIN_HEADERS = ["Metric", "Detectable (p90)", "Relative", "Absolute", "Covers"];
var JOB_HEADERS = ["Endpoint", "Metric", "Runs", "Job-to-job sd", "Within-run sd", "Run-to-run sd"];
function jobRows(report, name) {
  const sd = (value) => value === null ? "\u2013" : `${(value * 100).toFixed(1)} %`;
  return report.jobNoise.map((row) => [
    name(row.endpoint),
    row.metric,
    String(row.runs),
    sd(row.jobSd),
    sd(row.withinSd),
    sd(row.runSd)
  ]);
}
function percent2(fraction) {
  if (!Number.isFinite(fraction)) return "\u2013";
  return `${Number((fraction * 100).toFixed(fraction < 0.1 ? 1 : 0))} %`;
}
function formatRate(rate) {
  if (rate.interval === null) return "no run compared";
  const { lower, upper } = rate.interval;
  return `${rate.regressions}/${rate.comparedRuns} (${percent2(rate.rate)}; ${percent2(RATE_CONF_LEVEL)} CI ${percent2(lower)}\u2013${percent2(upper)})`;
}
function withRelative(value, relative, unit) {
  if (value === null) return "n/a (too few rounds)";
  return relative === null ? formatValue(value, unit) : `${formatValue(value, unit)} (${percent2(relative)})`;
}
function outcomeText(endpoint) {
  return Object.entries(endpoint.outcomes).map(([kind, count]) => `${kind} ${count}`).join(", ");
}
function detailRows(report, name) {
  return report.endpoints.flatMap((endpoint) => {
    const metrics = endpoint.metrics.length > 0 ? endpoint.metrics : [null];
    return metrics.map((metric, index) => [
      index === 0 ? name(endpoint.endpoint) : "",
      index === 0 ? formatRate(endpoint.falseRegressions) : "",
      index === 0 ? outcomeText(endpoint) : "",
      metric?.metric ?? "\u2013",
      metric ? formatValue(metric.baselineMedian, metric.unit) : "\u2013",
      metric ? withRelative(metric.detectableMedian, metric.relativeDetectableMedian, metric.unit) : "\u2013",
      metric ? withRelative(metric.detectableMax, metric.relativeDetectableMax, metric.unit) : "\u2013",
      metric ? formatValue(metric.largestNoiseShift, metric.unit) : "\u2013"
    ]);
  });
}
function marginRows(report) {
  return report.recommendations.map((r) => [
    r.metric,
    withRelative(r.detectableP90, r.relativeDetectableP90, r.unit),
    percent2(r.relative),
    r.absoluteMs === null ? "fixed floor" : `${r.absoluteMs} ms`,
    percent2(r.coverage)
  ]);
}
function marginYaml(margin) {
  return `gate: { margin: { relative: ${Math.round(margin.relative * 100)}%, absolute: ${margin.absoluteMs}ms } }`;
}
function marginAdvice(margin) {
  return `Set \`${marginYaml(margin)}\` in the profile (now ${Math.round(margin.currentRelative * 100)}% and ${margin.currentAbsoluteMs}ms${margin.leftOut.length > 0 ? `; ${margin.leftOut.join(", ")} left out as too noisy` : ""}): the gate uses the larger of the two per endpoint, and a margin below the detectable change leaves changes of that size inconclusive, while at or above it same-code runs come out no-change.`;
}
function summaryLines(report) {
  return [
    `${report.completedRuns} A/A run(s) of ${report.roundsPerSide} rounds per side, alpha ${percent2(report.alpha)}, gated: ${report.gatedMetrics.join(", ")}`,
    `False regressions (the step would have failed): ${formatRate(report.overall)}; at most ${percent2(report.alpha)} expected`,
    `False improvements: ${report.falseImprovements}/${report.overall.comparedRuns}; runs not compared: ${report.invalidRuns}`
  ];
}
var width = (text) => [...text].length;
function alignedTable(headers, rows) {
  const sizes = headers.map((header, i) => Math.max(width(header), ...rows.map((cells) => width(cells[i] ?? ""))));
  const line = (cells) => cells.map((cell, i) => cell + " ".repeat(sizes[i] - width(cell))).join("  ").trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}
function renderCalibrationText(report) {
  const name = (endpoint) => truncateText(plainText(endpoint), MAX_TERMINAL_NAME_CHARS);
  const parts = [
    `Tailgate A/A calibration: profile '${plainText(report.profileId)}', ${plainText(report.target)} as both sides`,
    ...summaryLines(report),
    "",
    alignedTable(DETAIL_HEADERS, detailRows(report, name))
  ];
  if (report.recommendations.length > 0) {
    parts.push(
      "",
      `Recommended margin (covers ${percent2(MARGIN_COVERAGE)} of the A/A detectable changes):`,
      alignedTable(MARGIN_HEADERS, marginRows(report))
    );
  }
  if (report.suggestedMargin) parts.push("", marginAdvice(report.suggestedMargin));
  if (report.jobNoise.length > 0) {
    parts.push(
      "",
      `Between CI jobs (${report.historyRuns} stored baselines):`,
      alignedTable(JOB_HEADERS, jobRows(report, name))
    );
  }
  if (report.notes.length > 0) parts.push("", "Notes:", ...report.notes.map((note) => `- ${plainText(note)}`));
  return `${parts.join("\n")}
`;
}
function markdownTable(headers, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}
function renderCalibrationMarkdown(report) {
  const name = (endpoint) => escapeMarkdown(truncateText(endpoint, MAX_TERMINAL_NAME_CHARS * 2));
  const parts = [
    `### Tailgate A/A calibration: ${escapeMarkdown(report.profileId)}`,
    "",
    `${escapeMarkdown(report.target)} measured as both sides of a live A/B (rounds interleaved A B B A).`,
    "",
    ...summaryLines(report).map((line) => `- ${escapeMarkdown(line)}`),
    "",
    markdownTable(DETAIL_HEADERS, detailRows(report, name))
  ];
  if (report.recommendations.length > 0) {
    parts.push(
      "",
      `#### Recommended margin (covers ${percent2(MARGIN_COVERAGE)} of the A/A detectable changes)`,
      "",
      markdownTable(MARGIN_HEADERS, marginRows(report))
    );
  }
  if (report.suggestedMargin) parts.push("", marginAdvice(report.suggestedMargin));
  if (report.jobNoise.length > 0) {
    parts.push(
      "",
      `#### Between CI jobs (${report.historyRuns} stored baselines)`,
      "",
      markdownTable(JOB_HEADERS, jobRows(report, name))
    );
  }
  if (report.notes.length > 0)
    parts.push("", "**Notes**", "", ...report.notes.map((note) => `- ${escapeMarkdown(note)}`));
  return `${parts.join("\n")}
`;
}
function renderCalibrationJson(report) {
  return `${JSON.stringify({ kind: CALIBRATION_JSON_KIND, version: CALIBRATION_JSON_VERSION, ...report }, null, 2)}
`;
}

// src/cli/calibrate.ts
var CALIBRATE_HELP = `tailgate calibrate <profile.yml> [--target URL] [--runs K] [--history FILE]... [--format text|json|markdown] [--out FILE]

A/A calibration: measures the same target as both sides of a live A/B (rounds interleaved
A B B A, as with baseline-target), K times, and decides each run with the profile's gate.
Reports, for this profile on this machine:
  - the false-regression rate: runs the gate would have failed though nothing changed
    (per endpoint and overall, with a 95 % Clopper-Pearson interval; expected at most alpha)
  - the smallest detectable change per endpoint and gated metric (half the width of the
    shift's 95 % interval; median and max over the runs)
  - a recommended gate.margin: the smallest that covers 90 % of those detectable changes
  - with 3+ stored baselines (--history), the job-to-job noise per endpoint and metric: the
    shift between CI jobs that A/A runs in one job cannot see

Run it where the gate runs (a CI runner), against a target that does not change meanwhile.
It takes about K x (2 x (duration + warm-up) + re-warm-ups): the profile's own run, twice, K times.

Options:
  --target URL      the target to measure (overrides the profile's target)
  --history FILE    a stored baseline of the base branch (RunResult or bundle; repeat)
  --runs K          A/A runs, 1 to ${MAX_CALIBRATION_RUNS} (default ${DEFAULT_CALIBRATION_RUNS}; 0 of 10 still allows a 31 % rate: use 30+ for a tight figure)
  --format FORMAT   text | json | markdown (default text)
  --out FILE        write the report there instead of stdout
  --quiet           no line per run
  -h, --help        this help

Exit codes: 0 done, 2 usage or configuration error (nothing measured), 130 interrupted
(the runs completed so far are reported).
`;
var FORMATS = ["text", "json", "markdown"];
var RENDERERS = {
  text: renderCalibrationText,
  json: renderCalibrationJson,
  markdown: renderCalibrationMarkdown
};
async function calibrateCommand(args, io) {
  try {
    const path = profilePath(args.files);
    const runs = runsFlag(args.runs);
    const format = formatFlag(args.format);
    const profile = readProfile(path, args.target === void 0 ? {} : { target: args.target });
    io.stderr.write(
      `Calibrating '${profile.id}': ${runs} A/A run(s) with ${profile.target.href} as both sides, ${profile.rounds} rounds per side, about ${formatMs(estimatedCalibrationMs(profile, runs))} ...
`
    );
    const history = await readHistoryFiles(io, historyPaths(args.history));
    const report = await calibrate({
      profile,
      runs,
      history,
      measure: liveAbMeasure({ environment: localEnvironment(), git: localGitContext() }),
      signal: io.signal,
      ...args.quiet ? {} : {
        onRun: ({ run, of, verdict }) => io.stderr.write(`A/A run ${run}/${of}: ${verdict.outcome}${verdict.failed ? " (would fail)" : ""}
`)
      }
    });
    const text = RENDERERS[format](report);
    if (args.out) io.stderr.write(`Calibration written to ${await io.writeText(args.out, text)}
`);
    else io.stdout.write(text);
    return report.completedRuns < report.requestedRuns ? EXIT.interrupted : EXIT.pass;
  } catch (error) {
    if (isUserError(error)) {
      io.stderr.write(`tailgate: ${messageOf(error)}
`);
      return EXIT.usage;
    }
    throw error;
  }
}
function profilePath(files) {
  if (files.length === 0) {
    throw new ConfigError("profile", "is missing", "pass the profile file: tailgate calibrate tailgate.yml");
  }
  if (files.length > 1) {
    throw new ConfigError("profile", `takes one profile file, got ${files.length}`, "tailgate calibrate tailgate.yml");
  }
  return files[0];
}
function runsFlag(value) {
  if (value === void 0) return DEFAULT_CALIBRATION_RUNS;
  const runs = Number(value);
  if (String(value).trim() === "" || !Number.isInteger(runs) || runs < 1 || runs > MAX_CALIBRATION_RUNS) {
    throw new ConfigError(
      "--runs",
      `'${value}' is not a run count`,
      `write a whole number from 1 to ${MAX_CALIBRATION_RUNS}`
    );
  }
  return runs;
}
function formatFlag(value) {
  if (value === void 0) return "text";
  if (!FORMATS.includes(value)) {
    throw new ConfigError("--format", `'${value}' is not a calibration format`, `use one of ${FORMATS.join(", ")}`);
  }
  return value;
}
export {
  CALIBRATE_HELP,
  calibrateCommand
};
