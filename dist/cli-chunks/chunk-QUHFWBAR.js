import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  CLIP_FACTOR,
  ENDPOINT_LABELS,
  ENVIRONMENT_ROWS,
  OUTCOME_EMOJI,
  OVERALL_LABELS,
  chartedObjective,
  formatAge,
  formatBudgetActual,
  formatChange,
  formatInterval,
  formatMsNumber,
  formatPValue,
  formatShift,
  formatValue,
  gatedComparisons,
  generatorLateness,
  headlineComparison,
  headlineParts,
  outcomeReason,
  plainText,
  plural,
  pooledPercentilesMs,
  stepPercentileMs,
  stepsByRate,
  truncateText
} from "./chunk-OAPMMLO6.js";
import {
  TAILGATE_VERSION
} from "./chunk-KJRNQGKV.js";

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
function escapeHtml(text) {
  return plainText(text).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
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
    (Array.isArray(charts) ? charts : [charts]).map((chart) => h("div", { class: "chart-box", tabindex: 0 }, chart)),
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
var displayName = (text) => truncateText(text, MAX_HTML_NAME_CHARS);
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
function baselineSection(input) {
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
    ["History", plural(baseline.history.length, "earlier baseline")]
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
function niceTicks(min, max, count = 5) {
  if (!(max > min)) return [min];
  const rough = (max - min) / count;
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
function valuesByRate(side, endpoint, percentile) {
  return new Map(
    stepsByRate(side.capacity).map((step) => [
      step.ratePerSecond,
      stepPercentileMs(step, endpoint, percentile, side.run.gatedLatency)
    ])
  );
}
var kneeText = (side) => side.capacity.sustainedRatePerSecond === null ? `${side.word}: no rate held the SLO` : `knee ${side.word}: sustained ${formatMsNumber(side.capacity.sustainedRatePerSecond)} req/s`;
function capacityFigure(endpoint, sides, ids) {
  const { percentile, label, sloMs } = chartedObjective(sides[sides.length - 1].capacity, endpoint);
  const values = sides.map((side) => valuesByRate(side, endpoint, percentile));
  const measured = values.flatMap((byRate) => [...byRate.values()].filter((v) => v !== null));
  if (measured.length === 0) return null;
  const top = sloMs === null ? Number.POSITIVE_INFINITY : CLIP_FACTOR * sloMs;
  const series = sides.flatMap((side, i) => {
    const points = [...values[i]].flatMap(([rate, v]) => v === null ? [] : [[rate, Math.min(v, top)]]);
    return points.length === 0 ? [] : [{ name: `${label} ${side.word}`, role: side.role, points }];
  });
  const chart = lineChart({
    kind: "capacity",
    id: ids.next(),
    title: `Latency by arrival rate (${label}): ${endpoint}`,
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
  const cell2 = (i, rate) => {
    const byRate = values[sides.findIndex((side) => side.role === (i === 0 ? "baseline" : "candidate"))];
    return byRate === void 0 ? "\u2013" : ms(byRate.get(rate));
  };
  const rows = rates.map((rate) => [formatMsNumber(rate), cell2(0, rate), cell2(1, rate)]);
  const table = dataTable(`${label} (ms) by arrival rate`, ["Rate (req/s)", "Baseline", "This PR"], rows);
  return figure(chart, `Latency by arrival rate: ${sides.map(kneeText).join("; ")}`, table);
}
function stepTable(side) {
  const rows = side.capacity.steps.map((step) => {
    const first = step.endpoints[0]?.name;
    const p95 = first === void 0 ? null : stepPercentileMs(step, first, 95, side.run.gatedLatency);
    return [
      `${step.index + 1}${step.attempt > 1 ? " (repeat)" : ""}`,
      formatMsNumber(step.ratePerSecond),
      `${OUTCOME_EMOJI[step.outcome]} ${step.outcome}`,
      ms(p95),
      truncateText(step.reason, 300)
    ];
  });
  return textTable(`Capacity steps, ${side.word}`, ["Step", "Rate (req/s)", "Outcome", "p95 ms", "Why"], rows);
}
function capacitySection(input, ids) {
  const capacity = input.candidate.capacity;
  if (capacity === void 0) return null;
  const sides = sidesOf(input);
  const endpoints = [
    ...new Set(sides.flatMap((side) => side.capacity.steps.flatMap((step) => step.endpoints.map((e) => e.name))))
  ];
  const comparison = input.verdict.capacity?.explanation;
  return reportSection(
    "capacity",
    "Capacity",
    h(
      "p",
      { id: "capacity-finding" },
      `${capacity.reason}. ${capacity.steps.length} steps, ${capacity.totalRequests} requests, `,
      `${formatMsNumber(capacity.totalDurationMs / 1e3)} s.`
    ),
    comparison === void 0 ? null : h("p", null, truncateText(comparison, 2e3)),
    endpoints.map(
      (endpoint) => h(
        "div",
        { class: "capacity-endpoint" },
        h("h3", null, displayName(endpoint)),
        capacityFigure(endpoint, sides, ids)
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
function distributionFigure(endpoint, runs, ids) {
  const percentiles = [...DISTRIBUTION_PERCENTILES];
  const pr = pooledPercentilesMs(runs.candidate, endpoint, percentiles);
  const base = runs.baseline === null ? null : pooledPercentilesMs(runs.baseline, endpoint, percentiles);
  if (pr === null && base === null) return null;
  const series = [
    ...base === null ? [] : [{ name: "baseline", role: "baseline", points: percentiles.map((p, i) => [p, base[i]]) }],
    ...pr === null ? [] : [{ name: "this PR", role: "candidate", points: percentiles.map((p, i) => [p, pr[i]]) }]
  ];
  const chart = lineChart({
    kind: "distribution",
    id: ids.next(),
    title: `Latency distribution: ${endpoint}`,
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
  return figure(chart, "Latency distribution, pooled over the measured rounds", table);
}
var UNIT_AXIS = { ms: "ms", fraction: "%", rps: "requests/s" };
var unitScale = (comparison) => comparison.unit === "fraction" ? 100 : 1;
function roundsFigure(endpoint, comparison, ids) {
  const k = unitScale(comparison);
  const median = comparison.baselineMedian * k;
  const interval = comparison.shiftInterval;
  const chart = stripChart({
    kind: "rounds",
    id: ids.next(),
    title: `Rounds compared (${comparison.metric}): ${endpoint}`,
    description: "A marker per round; bar: the shift\u2019s confidence interval on the baseline median; dashed: the margin.",
    xLabel: `${comparison.metric} per round, ${UNIT_AXIS[comparison.unit]}`,
    rows: [
      { name: "baseline", role: "baseline", values: comparison.baselineRounds.map((v) => v * k) },
      { name: "this PR", role: "candidate", values: comparison.candidateRounds.map((v) => v * k) },
      {
        name: "shift CI",
        role: "history",
        values: [],
        interval: interval === null ? {
          lower: median + comparison.shift * k,
          upper: median + comparison.shift * k,
          point: median + comparison.shift * k
        } : {
          lower: median + interval.lower * k,
          upper: median + interval.upper * k,
          point: median + comparison.shift * k
        }
      }
    ],
    lines: [
      { at: median, label: "baseline median", kind: "reference" },
      { at: median + comparison.margin * k, label: "margin", kind: "limit" },
      { at: median - comparison.margin * k, label: "margin (improvement side)", kind: "limit" }
    ]
  });
  const count = Math.max(comparison.baselineRounds.length, comparison.candidateRounds.length);
  const value = (v) => v === void 0 ? "\u2013" : formatValue(v, comparison.unit);
  const rows = Array.from({ length: count }, (_, i) => [
    `round ${i + 1}`,
    value(comparison.baselineRounds[i]),
    value(comparison.candidateRounds[i])
  ]);
  const table = dataTable(`Round values of ${comparison.metric}`, ["Round", "Baseline", "This PR"], rows);
  const caption = fragment(
    `${comparison.metric}: shift ${formatShift(comparison.shift, comparison.unit)}, `,
    `${formatInterval(comparison.shiftInterval, comparison.unit)}, margin ${formatValue(comparison.margin, comparison.unit)}, `,
    `p = ${formatPValue(comparison.pValue)} (Holm ${formatPValue(comparison.pValueAdjusted)}): ${comparison.outcome}`
  );
  return figure(chart, caption, table);
}
function runLabel(run) {
  if (run.git.sha !== null && /^[0-9a-f]{7,40}$/i.test(run.git.sha)) return run.git.sha.slice(0, 7);
  return run.startedAt.slice(0, 10);
}
function trendFigure(endpoint, runs, ids) {
  if (runs.history.length === 0) return null;
  const older = [...runs.history].reverse();
  const alreadyIn = older.some((run) => run === runs.baseline || run.startedAt === runs.baseline.startedAt);
  const branch = [...older, ...alreadyIn ? [] : [runs.baseline]];
  const points = branch.flatMap((run) => {
    const p95 = pooledPercentilesMs(run, endpoint.endpoint, [95]);
    return p95 === null ? [] : [{ label: runLabel(run), p95Ms: p95[0] }];
  });
  const candidate = pooledPercentilesMs(runs.candidate, endpoint.endpoint, [95]);
  if (points.length === 0 || candidate === null) return null;
  const chart = lineChart({
    kind: "trend",
    id: ids.next(),
    title: `p95 trend of the base branch: ${endpoint.endpoint}`,
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
  return figure(chart, "p95 trend of the base branch", dataTable("p95 per run (ms)", ["Run", "p95"], rows));
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
  const chart = lineChart({
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
  return figure(chart, "Generator lateness per round: up to this much of each latency is the generator\u2019s", table);
}

// src/report/html/summary-section.ts
var latencyCell = (endpoint, key) => `${endpoint.baseline === null ? "\u2013" : formatMsNumber(endpoint.baseline[key])} \u2192 ${formatMsNumber(endpoint.candidate[key])}`;
function budgetsCell(checks) {
  if (checks.length === 0) return "\u2013";
  const failed = checks.filter((c) => !c.passed);
  if (failed.length === 0) return `\u2705 ${checks.length}/${checks.length}`;
  return failed.map((c) => `\u274C ${c.budget.expression} (${formatBudgetActual(c)})`).join("; ");
}
function summaryTable(input) {
  const rows = input.verdict.endpoints.map((endpoint, i) => {
    const label = ENDPOINT_LABELS[endpoint.outcome.kind];
    const comparison = headlineComparison(endpoint);
    return h(
      "tr",
      { "data-outcome": endpoint.outcome.kind },
      h("th", { scope: "row", class: "name" }, h("a", { href: `#${endpointId(i)}` }, displayName(endpoint.endpoint))),
      h("td", { class: "num" }, latencyCell(endpoint, "p50Ms")),
      h("td", { class: "num" }, latencyCell(endpoint, "p95Ms")),
      h("td", { class: "num" }, latencyCell(endpoint, "p99Ms")),
      h("td", null, comparison === null ? "\u2013" : formatChange(comparison)),
      h("td", null, `${label.emoji} ${label.word}`),
      h("td", null, budgetsCell(endpoint.budgets))
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
function reasons(endpoint) {
  const parts = gatedComparisons(endpoint).map((c) => c.explanation);
  const reason = outcomeReason(endpoint.outcome);
  if (reason !== null) parts.unshift(reason);
  for (const check of endpoint.budgets.filter((c) => !c.passed)) {
    parts.push(`budget ${check.budget.expression} exceeded: ${formatBudgetActual(check)}`);
  }
  return parts;
}
function summarySection(input) {
  const items = input.verdict.endpoints.map((endpoint) => {
    const label = ENDPOINT_LABELS[endpoint.outcome.kind];
    const why = reasons(endpoint);
    return h(
      "li",
      null,
      `${label.emoji} `,
      h("strong", null, displayName(endpoint.endpoint)),
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
    verticals: candidate.rounds.map((round) => ({
      at: (candidate.warmupMs + round.startMs) / 1e3,
      label: `round ${round.index + 1} of this PR starts`
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
  const seconds = [.../* @__PURE__ */ new Set([...candidateSeconds.keys(), ...baselineSeconds.keys()])].sort((a, b) => a - b);
  const rows = seconds.map((second) => {
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
function endpointTimelineFigure(endpoint, runs, ids) {
  const own = (run) => run.endpoints.find((e) => e.name === endpoint)?.timeline ?? [];
  const widthS = windowWidthS(spanOf(runs, own), endpointTimelinePoints(runs.candidate.endpoints.length));
  const sides = sidesOf2(runs, (run) => windowTimeline(own(run), widthS).points);
  if (sides.every((side) => side.points.length === 0)) return null;
  const per = perText(widthS);
  const chart = lineChart({
    kind: "endpoint-timeline",
    id: ids.next(),
    title: `Latency over time (p50, p95, p99 ${per}): ${endpoint}`,
    description: `p50, p95 and p99 latency of this endpoint ${per}, baseline and this PR; the table below has the numbers.`,
    ...LATENCY_OVER_TIME_AXES,
    series: latencySeries(sides),
    ...furniture(runs.candidate, sides)
  });
  const caption = widthS === 1 ? "Per second: latency (ms) and errors" : `Per ${widthS} s: worst second's latency (ms), errors`;
  return figure(chart, `Latency over time ${per}, this endpoint`, timelineTable(sides, caption, false));
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
function countsText(run, endpoint, pick) {
  const found = run?.endpoints.find((e) => e.name === endpoint);
  if (found === void 0) return "\u2013";
  const total = /* @__PURE__ */ new Map();
  for (const round of found.rounds) {
    for (const [key, count] of Object.entries(round[pick])) total.set(key, (total.get(key) ?? 0) + (count ?? 0));
  }
  const parts = [...total].filter(([, count]) => count > 0).map(([key, count]) => `${key} \xD7 ${count}`);
  return parts.length > 0 ? parts.join(", ") : "none";
}
function endpointSection(input, endpoint, index, ids) {
  const label = ENDPOINT_LABELS[endpoint.outcome.kind];
  const baseline = input.baseline?.result ?? null;
  const runs = { candidate: input.candidate, baseline };
  const why = reasons(endpoint);
  const figures = [
    endpointTimelineFigure(endpoint.endpoint, runs, ids),
    distributionFigure(endpoint.endpoint, runs, ids)
  ];
  for (const comparison of gatedComparisons(endpoint)) figures.push(roundsFigure(endpoint.endpoint, comparison, ids));
  if (input.baseline !== null) {
    figures.push(
      trendFigure(endpoint, { ...runs, baseline: input.baseline.result, history: input.baseline.history }, ids)
    );
  }
  const facts = [
    ["Requests measured", String(endpoint.candidate.requests)],
    ["Responses (this PR)", countsText(input.candidate, endpoint.endpoint, "statusCounts")],
    ["Errors (this PR)", countsText(input.candidate, endpoint.endpoint, "errors")],
    ["Errors (baseline)", baseline === null ? "\u2013" : countsText(baseline, endpoint.endpoint, "errors")],
    ...endpoint.budgets.map((check) => [
      `Budget ${check.budget.expression}`,
      `${check.passed ? "\u2705" : "\u274C"} ${formatBudgetActual(check)}`
    ])
  ];
  return h(
    "section",
    {
      id: endpointId(index),
      class: "endpoint",
      "data-outcome": endpoint.outcome.kind,
      "aria-labelledby": `${endpointId(index)}-h`
    },
    h(
      "h3",
      { id: `${endpointId(index)}-h` },
      `${label.emoji} `,
      h("span", { class: "name" }, displayName(endpoint.endpoint)),
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
var SAFE_URL = /^https:\/\/[^\s<>"'`\\]+$/;
function header(input) {
  const { verdict } = input;
  const label = OVERALL_LABELS[verdict.outcome];
  const { headline, regressions } = headlineParts(verdict);
  const status = input.accepted !== null ? `Accepted with the label \u201C${input.accepted.label}\u201D${input.accepted.by === null ? "" : `, applied by ${input.accepted.by}`}: the check does not fail.` : verdict.failed ? `The check fails on: ${verdict.failing.join(", ")}.` : "The check passes.";
  return h(
    "header",
    null,
    h("h1", { id: "verdict", class: `verdict v-${verdict.outcome}` }, `${label.emoji} Tailgate: ${label.word}`),
    h("p", { class: "profile" }, "Profile ", h("strong", null, displayName(input.profileId)), ` \xB7 ${input.mode}`),
    h("p", { class: "headline", id: "headline" }, regressions === null ? "" : `${regressions} \xB7 `, headline),
    h("p", { class: "status", id: "status" }, status),
    notices(input)
  );
}
function notices(input) {
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
var notice = (kind, text) => h("p", { class: "notice", "data-notice": kind, role: "note" }, text);
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
        (endpoint, i) => h(
          "li",
          null,
          h(
            "a",
            { href: `#${endpointId(i)}` },
            `${ENDPOINT_LABELS[endpoint.outcome.kind].emoji} ${displayName(endpoint.endpoint)}`
          )
        )
      ),
      h("li", null, h("a", { href: "#baseline" }, "Baseline and environment"))
    )
  );
}
function footer(input) {
  const link = input.runUrl !== null && SAFE_URL.test(input.runUrl) ? fragment(" \xB7 ", h("a", { href: input.runUrl, rel: "noreferrer" }, "workflow run")) : input.runUrl === null ? null : ` \xB7 workflow run ${input.runUrl}`;
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
        capacitySection(input, ids),
        reportSection(
          "endpoints",
          "Endpoints",
          input.verdict.endpoints.map((endpoint, i) => endpointSection(input, endpoint, i, ids))
        ),
        baselineSection(input)
      ),
      footer(input)
    )
  );
  return `<!doctype html>
${document.html}
`;
}

export {
  renderHtml
};
