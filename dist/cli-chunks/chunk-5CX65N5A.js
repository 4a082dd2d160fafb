import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  ENDPOINT_LABELS,
  OVERALL_LABELS,
  decide,
  escapeMarkdown,
  failedBudgets,
  gatedComparisons,
  generatorLatenessText,
  headlineComparison,
  headlineParts,
  mermaidLabel,
  outcomeReason,
  truncateText,
  wellFormed
} from "./chunk-DUQXH2QI.js";
import {
  budgetsFor,
  formatAge,
  formatChange,
  formatInterval,
  formatMsNumber,
  formatPValue,
  formatRounds,
  formatShift,
  formatValue,
  gatedHistogram,
  plural
} from "./chunk-QOPD3N35.js";
import {
  formatMs,
  parseBudget
} from "./chunk-CVUKXPGQ.js";
import {
  mergeHistograms
} from "./chunk-3NZYYUIX.js";
import {
  TAILGATE_VERSION
} from "./chunk-KJRNQGKV.js";

// src/report/capacity.ts
var MAX_CAPACITY_CHARTS = 8;
var CLIP_FACTOR = 3;
var PERCENTILE_METRICS = { p50: 50, p90: 90, p95: 95, p99: 99, "p99.9": 99.9 };
function chartedObjective(capacity, endpoint) {
  const objectives = budgetsFor(
    endpoint,
    Object.fromEntries(
      Object.entries(capacity.slo).map(([key, list]) => [
        key,
        list.flatMap((text) => {
          const parsed = parseBudget(text);
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
function stepPercentileMs(step, endpoint, percentile, origin) {
  const found = step.endpoints.find((e) => e.name === endpoint);
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
  for (const endpoint of endpoints.slice(0, MAX_CAPACITY_CHARTS)) {
    const { percentile, label, sloMs } = chartedObjective(capacity, endpoint);
    const values = steps.map((step) => stepPercentileMs(step, endpoint, percentile, origin));
    const measured = values.filter((v) => v !== null);
    if (measured.length === 0) continue;
    const top = sloMs === null ? Math.max(...measured) * 1.1 : Math.min(Math.max(...measured), CLIP_FACTOR * sloMs) * 1.1;
    const clipped = values.map((v) => Math.min(v ?? 0, top));
    const knee = capacity.sustainedRatePerSecond;
    const kneeText = knee === null ? "no rate held" : `knee ${knee.toFixed(0)}/s`;
    const lines = [
      `title "${mermaidLabel(endpoint)} ${label} ms by rate (line: ${label}${sloMs === null ? "" : ", flat line: SLO"}, bar: ${kneeText})"`,
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
var OUTCOME_EMOJI = { pass: "\u2705", fail: "\u274C", undecided: "\u2754", invalid: "\u26A0\uFE0F", stopped: "\u23F9\uFE0F" };
function capacityStepTable(capacity, origin) {
  const rows = capacity.steps.map((step) => {
    const first = step.endpoints[0]?.name;
    const p95 = first === void 0 ? null : stepPercentileMs(step, first, 95, origin);
    return `| ${step.index + 1}${step.attempt > 1 ? " (repeat)" : ""} | ${step.ratePerSecond.toFixed(1)} | ${OUTCOME_EMOJI[step.outcome]} ${step.outcome} | ${p95 === null ? "\u2013" : formatMs(p95)} | ${escapeMarkdown(truncateText(step.reason, 300))} |`;
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
  const rate = health.intendedRatePerSecond === null ? `${health.achievedRatePerSecond.toFixed(1)} req/s achieved (closed model)` : `${health.achievedRatePerSecond.toFixed(1)} of ${health.intendedRatePerSecond.toFixed(1)} req/s intended`;
  const completion = run.completion.status === "complete" ? "complete" : `partial: ${escapeMarkdown(run.completion.reason)}`;
  const lines = [
    `Mode: ${escapeMarkdown(input.mode)}; profile ${escapeMarkdown(input.profileId)}; ${run.model} model`,
    `Latency gated: **${run.gatedLatency}**, ${GATED_LATENCY_WORDS[run.gatedLatency]}`,
    `Rounds: ${run.rounds.length} in this PR, ${input.baseline?.result.rounds.length ?? 0} in the baseline; measured ${formatMsNumber(run.durationMs / 1e3)} s after a ${formatMsNumber(run.warmupMs / 1e3)} s warm-up`,
    `Run: ${completion}; ${rate}; worst event-loop lag ${formatMsNumber(health.maxEventLoopLagMs)} ms`
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
function baselineBlock(baseline, candidate, reasons) {
  if (baseline === null) {
    const why = reasons.length > 0 ? reasons.map(escapeMarkdown).join("; ") : "the baseline step found none";
    return `**Baseline**
- None: ${why}`;
  }
  const { source } = baseline;
  const sha = source.sha === null ? "unknown SHA" : `SHA ${escapeMarkdown(source.sha)}`;
  const distance = source.store === "live-ab" ? "measured live in this job, rounds interleaved with the candidate (A B B A)" : source.exactSha ? "the exact base SHA" : source.commitsBehind === null ? "not the exact base SHA (distance unknown)" : `${plural(source.commitsBehind, "commit")} behind the base SHA`;
  const age = formatAge(source.measuredAt, candidate.startedAt);
  const lines = [
    `Store: ${source.store}; reference ${escapeMarkdown(source.reference)}`,
    `${sha} on branch ${source.branch === null ? "unknown" : escapeMarkdown(source.branch)}: ${distance}`,
    `Measured ${escapeMarkdown(source.measuredAt)}${age === null ? "" : ` (${age} before this run)`}${source.runId === null ? "" : `; workflow run ${escapeMarkdown(source.runId)}`}`,
    `History: ${plural(baseline.history.length, "earlier baseline")}`
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
    `${formatValue(c.baselineMedian, c.unit)} \u2192 ${formatValue(c.candidateMedian, c.unit)}`,
    `${formatShift(c.shift, c.unit)}, ${formatInterval(c.shiftInterval, c.unit)}`,
    formatValue(c.margin, c.unit),
    formatPValue(c.pValue),
    formatPValue(c.pValueAdjusted),
    c.detectableShift === null ? "\u2013" : formatValue(c.detectableShift, c.unit),
    c.outcome
  ];
  return `| ${cells.join(" | ")} |`;
}
function formatBudgetActual(check) {
  const { metric } = check.budget;
  if (metric === "error-rate") return formatValue(check.actual, "fraction");
  if (metric === "rps") return formatValue(check.actual, "rps");
  if (metric === "recovery" && !Number.isFinite(check.actual)) return "not recovered by the end";
  return formatValue(check.actual, "ms");
}
function countsText(counts) {
  const parts = Object.entries(counts).filter((entry) => (entry[1] ?? 0) > 0).map(([key, count]) => `${escapeMarkdown(key)} \xD7 ${count}`);
  return parts.length > 0 ? parts.join(", ") : "none";
}
function sumCounts(result, pick) {
  const total = {};
  for (const round2 of result.rounds) {
    for (const [key, count] of Object.entries(round2[pick])) total[key] = (total[key] ?? 0) + (count ?? 0);
  }
  return total;
}
function endpointBlock(endpoint, input) {
  const label = ENDPOINT_LABELS[endpoint.outcome.kind];
  const reason = outcomeReason(endpoint.outcome);
  const lines = [`${label.emoji} **${endpointName(endpoint.endpoint)}**: ${label.word}`];
  if (reason !== null) lines.push(`- Reason: ${escapeMarkdown(reason)}`);
  const candidate = input.candidate.endpoints.find((e) => e.name === endpoint.endpoint);
  const baseline = input.baseline?.result.endpoints.find((e) => e.name === endpoint.endpoint);
  const warmup = `${candidate?.warmupRequests ?? 0} in this PR, ${baseline?.warmupRequests ?? "\u2013"} in the baseline`;
  lines.push(`- Requests: ${endpoint.candidate.requests} measured; warm-up requests excluded: ${warmup}`);
  if (candidate !== void 0) {
    lines.push(`- Responses: ${countsText(sumCounts(candidate, "statusCounts"))}`);
    lines.push(`- Errors: ${countsText(sumCounts(candidate, "errors"))}`);
  }
  const comparisons = gatedComparisons(endpoint);
  if (comparisons.length > 0) {
    lines.push(
      "",
      "| Metric | Baseline rounds | PR rounds | Median | Shift | Margin | p | p (Holm) | Detectable | Outcome |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...comparisons.map(comparisonRow),
      ""
    );
  }
  const requestLevel = endpoint.requestLevel;
  if (requestLevel !== null) {
    const interval = requestLevel.shiftIntervalMs === null ? "no CI" : `95 % CI [${formatShift(requestLevel.shiftIntervalMs.lower, "ms")}, ${formatShift(requestLevel.shiftIntervalMs.upper, "ms")}]`;
    const p = requestLevel.pValueTwoSided === null ? "\u2013" : formatPValue(requestLevel.pValueTwoSided);
    const slower = `${(requestLevel.probabilityCandidateSlower * 100).toFixed(1)} %`;
    lines.push(
      `- Single requests (descriptive, not gated): shift ${formatShift(requestLevel.shiftMs, "ms")}, ${interval}; p = ${p}; P(PR request slower) = ${slower}`
    );
  }
  for (const check of endpoint.budgets) {
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
  for (const endpoint of input.verdict.endpoints) blocks.push(endpointBlock(endpoint, input));
  return blocks;
}

// src/report/latency.ts
var CHART_PERCENTILES = [
  { label: "p50", percentile: 50 },
  { label: "p90", percentile: 90 },
  { label: "p95", percentile: 95 },
  { label: "p99", percentile: 99 },
  { label: "p99.9", percentile: 99.9 }
];
function pooledPercentilesMs(run, endpoint, percentiles) {
  const found = run.endpoints.find((e) => e.name === endpoint);
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
var round = (ms) => Number.isFinite(ms) ? String(Number(formatMsNumber(ms))) : "0";
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
  for (const endpoint of changed.slice(0, MAX_PERCENTILE_CHARTS)) {
    const before = pooledPercentilesMs(options.baseline, endpoint.endpoint, percentiles);
    const after = pooledPercentilesMs(options.candidate, endpoint.endpoint, percentiles);
    if (before === null || after === null) continue;
    const top = Math.max(...before, ...after);
    blocks.push(
      chart([
        `title "${mermaidLabel(endpoint.endpoint)} latency (bars: baseline, line: this PR)"`,
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
  for (const endpoint of options.endpoints.slice(0, MAX_TREND_CHARTS)) {
    const points = [];
    for (const run of runs) {
      const p95 = pooledPercentilesMs(run, endpoint.endpoint, [95]);
      if (p95 !== null) points.push({ label: runLabel(run), p95Ms: p95[0] });
    }
    const candidateP95 = pooledPercentilesMs(options.candidate, endpoint.endpoint, [95]);
    if (candidateP95 === null || points.length < 2) continue;
    points.push({ label: "this PR", p95Ms: candidateP95[0] });
    const top = Math.max(...points.map((p) => p.p95Ms));
    blocks.push(
      chart([
        `title "${mermaidLabel(endpoint.endpoint)} p95 trend"`,
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
  const { headline, regressions } = headlineParts(verdict);
  return `${label.emoji} **Tailgate: ${label.word}** (${escapeMarkdown(truncateText(profileId, 80))}) \xB7 ${regressions === null ? "" : `${regressions} \xB7 `}${escapeMarkdown(truncateText(headline, 300))}`;
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
var latencyCell = (endpoint, key) => `${endpoint.baseline === null ? "\u2013" : formatMsNumber(endpoint.baseline[key])} \u2192 ${formatMsNumber(endpoint.candidate[key])}`;
function budgetCell(endpoint) {
  if (endpoint.budgets.length === 0) return "\u2013";
  const failed = failedBudgets(endpoint);
  if (failed.length === 0) return `\u2705 ${endpoint.budgets.length}/${endpoint.budgets.length}`;
  const shown = failed.slice(0, MAX_BUDGETS_IN_CELL).map((check) => `\u274C ${escapeMarkdown(truncateText(check.budget.expression, 60))} (${formatBudgetActual(check)})`);
  const more = failed.length > MAX_BUDGETS_IN_CELL ? [`and ${failed.length - MAX_BUDGETS_IN_CELL} more`] : [];
  return [...shown, ...more].join("; ");
}
function endpointTable(endpoints) {
  const rows = endpoints.map((endpoint) => {
    const label = ENDPOINT_LABELS[endpoint.outcome.kind];
    const comparison = headlineComparison(endpoint);
    const cells = [
      endpointName(endpoint.endpoint),
      latencyCell(endpoint, "p50Ms"),
      latencyCell(endpoint, "p95Ms"),
      latencyCell(endpoint, "p99Ms"),
      comparison === null ? "\u2013" : formatChange(comparison),
      `${label.emoji} ${label.word}`,
      budgetCell(endpoint)
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
  return endpoints.map((endpoint) => {
    const label = ENDPOINT_LABELS[endpoint.outcome.kind];
    const parts = gatedComparisons(endpoint).map((c) => escapeMarkdown(c.explanation));
    const outcome = endpoint.outcome;
    if (outcome.kind === "inconclusive" || outcome.kind === "no-baseline" || outcome.kind === "invalid") {
      parts.unshift(escapeMarkdown(outcome.reason));
    }
    for (const check of failedBudgets(endpoint)) {
      parts.push(`budget ${escapeMarkdown(check.budget.expression)} exceeded: ${formatBudgetActual(check)}`);
    }
    const text = parts.length > 0 ? parts.join("; ") : label.word;
    return `- ${label.emoji} **${endpointName(endpoint.endpoint)}**: ${text}`;
  }).join("\n");
}
function notices(input) {
  const out = [];
  if (input.baseline === null) {
    const reasons = input.verdict.endpoints.flatMap((e) => e.outcome.kind === "no-baseline" ? [e.outcome.reason] : []);
    const why = escapeMarkdown(truncateText([...new Set(reasons)].join("; "), 1e3)) || "the baseline step found none";
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
    const comparison = verdict.capacity === void 0 ? [] : [escapeMarkdown(truncateText(verdict.capacity.explanation, 2e3))];
    return [...top, capacityLine(capacity), ...comparison, ...rest];
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
  const note = `_${plural(cut, "more endpoint")} left out of the table to fit the comment limit; see the JSON report._`;
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
  const join = (parts) => parts.filter((part) => part !== "").join("\n\n");
  let used = join([...head, tail]).length + 2;
  const kept = [];
  for (const part of optional) {
    if (used + part.length + 2 > maxChars) continue;
    kept.push(part);
    used += part.length + 2;
  }
  const details = detailsSection(detailBlocks(input), maxChars - used - 2);
  return wellFormed(join([...head, ...kept, details, tail]));
}

// src/results/provenance.ts
function sourceOfResult(baseline, options) {
  return {
    store: options.store,
    reference: options.reference,
    branch: baseline.git.branch,
    sha: baseline.git.sha,
    exactSha: false,
    measuredAt: baseline.startedAt,
    commitsBehind: null,
    runId: baseline.git.runId
  };
}

// src/cli/local-report.ts
function localReport(comparison) {
  const { baseline, candidate } = comparison;
  const history = comparison.history ?? [];
  const verdict = decide({
    candidate,
    // Without design/pairing, decide() pairs the halves of one live A/B run (RunResult.liveAb) as the action did.
    baseline: { kind: "found", result: baseline, history, design: comparison.design },
    gate: comparison.gate,
    budgets: comparison.budgets,
    accepted: null,
    pairing: comparison.pairing
  });
  return {
    verdict,
    candidate,
    baseline: { result: baseline, history, source: comparison.source },
    baselineLines: comparison.baselineLines,
    profileId: comparison.profileId,
    runUrl: null,
    accepted: null,
    mode: comparison.mode
  };
}

export {
  ENVIRONMENT_ROWS,
  formatBudgetActual,
  CLIP_FACTOR,
  chartedObjective,
  stepsByRate,
  stepPercentileMs,
  OUTCOME_EMOJI,
  pooledPercentilesMs,
  renderMarkdown,
  sourceOfResult,
  localReport
};
