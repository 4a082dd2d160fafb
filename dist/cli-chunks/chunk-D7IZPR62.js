import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  historyPaths,
  parseBundle,
  readHistoryFiles
} from "./chunk-LYOLDO2F.js";
import {
  parseSampleText
} from "./chunk-CP2OXWQZ.js";
import {
  formatBudgetActual,
  localReport,
  renderMarkdown,
  sourceOfResult
} from "./chunk-5CX65N5A.js";
import {
  OVERALL_LABELS,
  OVERALL_OUTCOMES,
  effectSize,
  escapeXml,
  gatedComparisons,
  generatorLateness,
  outcomeReason,
  regressionCount,
  renderTerminal
} from "./chunk-DUQXH2QI.js";
import {
  finiteOrNull,
  mannWhitneyWeighted
} from "./chunk-QOPD3N35.js";
import {
  hodgesLehmannWeighted,
  weightedFromValues
} from "./chunk-BOXC7D7V.js";
import {
  BUDGET_METRICS,
  BUDGET_OPERATORS,
  DEFAULT_GATE,
  FAIL_ON,
  GATED_METRICS,
  parseDurationMs,
  parsePercentFraction
} from "./chunk-CVUKXPGQ.js";
import {
  CAPACITY_STATUSES,
  LATENCY_ORIGINS,
  parseRunResult
} from "./chunk-J6TG37BK.js";
import {
  EXIT
} from "./chunk-BHCJ5EID.js";
import {
  TAILGATE_VERSION
} from "./chunk-KJRNQGKV.js";
import {
  external_exports
} from "./chunk-JENDGSX2.js";
import {
  ConfigError
} from "./chunk-ACCG5V5L.js";

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
var measured = external_exports.number().nullable().meta({ description: "null when the value is not a finite number" });
var count = external_exports.number().int().min(0);
var text = external_exports.string();
var LatencySummarySchema = external_exports.object({
  requests: count,
  p50Ms: measured,
  p95Ms: measured,
  p99Ms: measured,
  errorRate: measured.meta({ description: "fraction of requests that failed (0.01 = 1 %)" }),
  ratePerSecond: measured
});
var IntervalSchema = external_exports.object({ lower: measured, upper: measured });
var JobNoiseSchema = external_exports.object({
  kind: external_exports.enum(["history", "allowance", "same-job"]).meta({
    description: "history: estimated from stored base-branch runs; allowance: assumed (too little history); same-job: live A/B, none"
  }),
  historyRuns: count.meta({ description: "earlier baselines of the base branch the gate had (0 for same-job)" }),
  runSd: measured.meta({ description: "history: sd of a run\u2019s log value from run to run (\u2248 relative: 0.02 = 2 %)" }),
  jobSd: measured.meta({
    description: "history: its between-job part (random-effects moment estimate); allowance: the job-to-job sd assumed"
  }),
  withinSd: measured.meta({ description: "history: its within-run part, from the rounds" })
}).meta({ description: "how the regression test allowed for the shift between CI jobs (log-scale sds)" });
var ComparisonSchema = external_exports.object({
  metric: external_exports.enum(GATED_METRICS),
  unit: external_exports.enum(["ms", "fraction", "rps"]).meta({ description: "unit of every value of this comparison" }),
  baselineRounds: external_exports.array(measured),
  candidateRounds: external_exports.array(measured),
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
  outcome: external_exports.enum(COMPARISON_OUTCOMES).meta({
    description: "no-change: equivalence shown (two one-sided tests, (1 \u2212 2 alpha) interval within \xB1margin); pass: no evidence of a regression and the run resolves the margin; inconclusive: it could not"
  }),
  explanation: text
});
var BudgetSchema = external_exports.object({
  expression: text,
  metric: external_exports.enum(BUDGET_METRICS),
  operator: external_exports.enum(BUDGET_OPERATORS),
  threshold: external_exports.number(),
  actual: measured,
  passed: external_exports.boolean()
});
var RequestLevelSchema = external_exports.object({
  pValueTwoSided: measured,
  shiftMs: measured,
  shiftIntervalMs: IntervalSchema.nullable(),
  probabilityCandidateSlower: measured
});
var EndpointSchema = external_exports.object({
  name: text,
  outcome: external_exports.enum(ENDPOINT_OUTCOME_KINDS),
  reason: text.nullable().meta({ description: "why, for inconclusive, no-baseline and invalid outcomes" }),
  warmupRequests: count.meta({ description: "requests sent during the warm-up, excluded from every statistic" }),
  baseline: LatencySummarySchema.nullable(),
  candidate: LatencySummarySchema,
  comparisons: external_exports.array(ComparisonSchema),
  budgets: external_exports.array(BudgetSchema),
  requestLevel: RequestLevelSchema.nullable()
});
var RunSchema = external_exports.object({
  startedAt: text,
  model: external_exports.enum(["open", "closed"]),
  gatedLatency: external_exports.enum(LATENCY_ORIGINS),
  warmupMs: external_exports.number().min(0),
  durationMs: external_exports.number().min(0),
  rounds: count,
  completion: external_exports.object({ status: external_exports.enum(["complete", "partial"]), reason: text.nullable() }),
  health: external_exports.object({
    intendedRatePerSecond: measured,
    achievedRatePerSecond: measured,
    maxEventLoopLagMs: measured,
    invalidReasons: external_exports.array(text),
    generatorLateness: external_exports.object({
      summary: text.meta({ description: 'e.g. "generator lateness p50 0.02 ms, p99 0.41 ms, max 2.10 ms (\u2026)"' }),
      p50Ms: measured,
      p99Ms: measured,
      maxMs: measured,
      perRound: external_exports.array(external_exports.object({ p50Ms: measured, p99Ms: measured, maxMs: measured }))
    }).nullable().meta({
      description: "the generator's own send lateness (intended \u2192 actual send) over the measured rounds and per round: up to this much of a latency tail is the generator's; null for closed models, imports and older results"
    })
  }),
  environment: external_exports.object({
    os: text,
    arch: text,
    cpuModel: text,
    cores: count,
    nodeVersion: text,
    tailgateVersion: text,
    runner: text.nullable()
  }),
  git: external_exports.object({
    repository: text.nullable(),
    ref: text.nullable(),
    branch: text.nullable(),
    sha: text.nullable(),
    runId: text.nullable(),
    workflow: text.nullable()
  })
});
var BaselineSourceSchema = external_exports.object({
  store: external_exports.enum(["cache", "artifact", "file", "live-ab"]),
  reference: text,
  branch: text.nullable(),
  sha: text.nullable(),
  exactSha: external_exports.boolean(),
  measuredAt: text,
  commitsBehind: count.nullable(),
  runId: text.nullable(),
  ageSeconds: measured.meta({ description: "candidate start \u2212 baseline start, seconds" })
});
var CapacitySummarySchema = external_exports.object({
  status: external_exports.enum(CAPACITY_STATUSES),
  sustainedRatePerSecond: measured.nullable().meta({ description: "the highest rate that held the SLO, req/s" }),
  firstFailingRatePerSecond: measured.nullable().meta({ description: "the lowest rate that broke it, req/s" }),
  breaking: external_exports.object({ endpoint: text, objective: text, actual: measured.nullable() }).nullable()
});
var CapacitySchema = external_exports.object({
  outcome: external_exports.enum(["regression", "improvement", "no-change", "invalid", "no-baseline"]),
  baseline: CapacitySummarySchema.nullable(),
  candidate: CapacitySummarySchema,
  relativeChange: measured.nullable().meta({ description: "sustained rate candidate / baseline \u2212 1" }),
  marginRelative: measured,
  explanation: text,
  steps: count.meta({ description: "steps the candidate's search ran" }),
  totalRequests: count,
  totalDurationMs: measured
});
var ReportSchema = external_exports.object({
  reportVersion: external_exports.literal(REPORT_VERSION),
  tailgateVersion: text,
  profileId: text,
  mode: text,
  runUrl: text.nullable(),
  verdict: external_exports.object({
    outcome: external_exports.enum(OVERALL_OUTCOMES),
    failed: external_exports.boolean(),
    failing: external_exports.array(external_exports.enum(FAIL_ON)),
    headline: text,
    regressions: count,
    budgetViolations: count.meta({ description: "failed budget checks, over every endpoint" }),
    sequential: external_exports.object({
      rounds: count.meta({ description: "rounds per side measured (A/B pairs for live A/B)" }),
      looks: count,
      maxRounds: count.meta({ description: "the planned maximum rounds per side (max-rounds, max-duration)" }),
      stopped: external_exports.enum(["decided", "max-rounds", "max-duration", "stopped", "nothing-to-decide"]),
      reason: text
    }).nullable().meta({ description: "rounds: auto: how many rounds it took and why it stopped; null for fixed rounds" })
  }),
  accepted: external_exports.object({ label: text, by: text.nullable() }).nullable(),
  endpoints: external_exports.array(EndpointSchema),
  baseline: external_exports.object({
    found: external_exports.boolean(),
    source: BaselineSourceSchema.nullable(),
    run: RunSchema.nullable(),
    historyRuns: count,
    missingReasons: external_exports.array(text).meta({ description: "why there is no baseline (empty when found)" }),
    lines: external_exports.array(text).meta({ description: "what the baseline step said" })
  }),
  candidate: RunSchema,
  warnings: external_exports.array(text),
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
    const reasons = input.verdict.endpoints.flatMap((e) => e.outcome.kind === "no-baseline" ? [e.outcome.reason] : []);
    return { found: false, source: null, run: null, historyRuns: 0, missingReasons: [...new Set(reasons)], lines };
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
var seconds = (ms) => (Number.isFinite(ms) && ms > 0 ? ms / 1e3 : 0).toFixed(3);
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

// src/stats/sample-comparison.ts
function compareSamples(baseline, candidate, options = {}) {
  const x = weightedFromValues(baseline, "baseline");
  const y = weightedFromValues(candidate, "candidate");
  const test = mannWhitneyWeighted(x, y, options);
  const shift = hodgesLehmannWeighted(x, y, { confLevel: 0.95 });
  const interval = shift.interval;
  return {
    mannWhitney: {
      u: test.u,
      uCandidate: test.uY,
      pValue: test.pValue,
      method: test.method,
      z: test.z,
      alternative: test.alternative,
      continuity: test.continuity,
      tieTerm: test.tieTerm,
      meanU: test.meanU,
      sdU: test.sdU,
      note: test.note
    },
    hodgesLehmann: {
      estimate: shift.estimate,
      ci95: {
        lower: interval?.lower ?? null,
        upper: interval?.upper ?? null,
        method: interval?.method ?? null,
        achievedConfLevel: interval?.achievedConfLevel ?? null,
        confLevel: interval?.confLevel ?? null
      }
    },
    effectSize: effectSize(test),
    n: { baseline: test.nX, candidate: test.nY },
    degenerate: test.degenerate
  };
}

// src/cli/compare.ts
var FORMATS = ["markdown", "json", "text"];
var ALTERNATIVES = ["two-sided", "less", "greater"];
var METHODS = ["auto", "exact", "asymptotic"];
async function compareCommand(flags, io) {
  const baselinePath = required(flags.baseline, "baseline");
  const candidatePath = required(flags.candidate, "candidate");
  const format = oneOf(flags.format ?? (io.stdout.isTTY ? "text" : "markdown"), "format", FORMATS);
  const [baselineText, candidateText] = await Promise.all([
    readOrExplain(io, baselinePath, "--baseline"),
    readOrExplain(io, candidatePath, "--candidate")
  ]);
  if (looksLikeRunResult(baselineText) || looksLikeRunResult(candidateText)) {
    const bundle = parseBundle(baselineText, baselinePath);
    for (const warning of bundle.warnings) io.stderr.write(`warning: ${warning}
`);
    const candidate = parseRunResult(candidateText, candidatePath);
    const history = [...bundle.history, ...await readHistoryFiles(io, historyPaths(flags.history))];
    return compareRuns({ baseline: bundle.current, history, candidate, baselinePath, flags, format, io });
  }
  if (historyPaths(flags.history).length > 0) {
    throw new ConfigError("--history", "applies to RunResult files only", "drop --history when comparing sample files");
  }
  const result = compareSamples(
    parseSampleText(baselineText, baselinePath),
    parseSampleText(candidateText, candidatePath),
    {
      alternative: oneOf(flags.alternative ?? "two-sided", "alternative", ALTERNATIVES),
      method: oneOf(flags.method ?? "auto", "method", METHODS),
      continuity: !flags["no-continuity"]
    }
  );
  io.stdout.write(`${JSON.stringify(result, null, 2)}
`);
  return EXIT.pass;
}
async function compareRuns({
  baseline,
  history,
  candidate,
  baselinePath,
  flags,
  format,
  io
}) {
  const profile = flags.profile ? (await import("./load-profile-S26ZTELH.js")).readProfile(flags.profile, { gateOnly: true }) : null;
  const input = localReport({
    baseline,
    history,
    candidate,
    source: sourceOfResult(baseline, { store: "file", reference: baselinePath }),
    gate: gateFromFlags(profile?.gate ?? DEFAULT_GATE, flags),
    budgets: profile?.budgets ?? {},
    baselineLines: [`Baseline: file ${baselinePath}.`],
    profileId: candidate.profileId,
    mode: "cli"
  });
  const { verdict } = input;
  const markdown = renderMarkdown(input);
  if (flags.out) await io.writeText(flags.out, markdown);
  if (flags.junit) await io.writeText(flags.junit, renderJunit(input));
  switch (format) {
    case "json":
      io.stdout.write(`${JSON.stringify(renderJsonReport(input), null, 2)}
`);
      break;
    case "markdown":
      io.stdout.write(`${markdown}
`);
      break;
    case "text":
      io.stdout.write(`${renderTerminal(input)}
`);
      break;
  }
  return verdict.failed ? EXIT.gateFailed : EXIT.pass;
}
function gateFromFlags(base, flags) {
  const alpha = flags.alpha === void 0 ? base.alpha : Number(flags.alpha);
  if (!(alpha > 0 && alpha < 1))
    throw new ConfigError("--alpha", `'${flags.alpha}' is not a probability`, "write e.g. 0.05");
  const marginRelative = flags.margin === void 0 ? base.marginRelative : parsePercentFraction(flags.margin);
  if (marginRelative === void 0)
    throw new ConfigError("--margin", `'${flags.margin}' is not a percentage`, "write e.g. 5%");
  const marginAbsoluteMs = flags["margin-ms"] === void 0 ? base.marginAbsoluteMs : parseDurationMs(flags["margin-ms"], "ms");
  if (marginAbsoluteMs === void 0) {
    throw new ConfigError("--margin-ms", `'${flags["margin-ms"]}' is not a duration`, "write e.g. 1ms");
  }
  const failOn = flags["fail-on"] === void 0 ? base.failOn : flags["fail-on"].split(/[\s,]+/).filter(Boolean).map((item) => oneOf(item, "fail-on", FAIL_ON));
  return { ...base, alpha, marginRelative, marginAbsoluteMs, failOn };
}
function looksLikeRunResult(text2) {
  return /^\s*\{/.test(text2);
}
async function readOrExplain(io, path, field) {
  try {
    return await io.readText(path);
  } catch (error) {
    throw new ConfigError(
      field,
      `cannot read '${path}' (${error.code ?? "error"})`,
      "check the path"
    );
  }
}
function required(value, flag) {
  if (!value) throw new ConfigError(`--${flag}`, "is missing", `pass --${flag} FILE (see tailgate compare --help)`);
  return value;
}
function oneOf(value, flag, allowed) {
  if (!allowed.includes(value)) {
    throw new ConfigError(`--${flag}`, `'${value}' is not valid`, `use one of ${allowed.join(", ")}`);
  }
  return value;
}

export {
  compareCommand,
  readOrExplain
};
