import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  prepareSecureTarget
} from "./chunk-N5Y72AQT.js";
import "./chunk-YLPATJRA.js";
import {
  REWARM_MS,
  abbaOrder,
  joinRuns,
  markHalves,
  performanceClock
} from "./chunk-IBM4CIJB.js";
import {
  baselineQuery,
  gateWithStore
} from "./chunk-UJZXJGRA.js";
import {
  writeResult
} from "./chunk-ZSYZHNSO.js";
import {
  keepMeasuredResult
} from "./chunk-4JS4PVKQ.js";
import "./chunk-JWIS7KBH.js";
import "./chunk-XRAW6IL2.js";
import "./chunk-H6BQHNXA.js";
import {
  decide,
  gateAndPublish,
  gateWithOverrides,
  wilcoxonSignedRank
} from "./chunk-ADRYNUIH.js";
import "./chunk-YKWO64P6.js";
import {
  RESOLVABLE_MARGIN_MULTIPLE,
  WORSE_DIRECTION,
  formatP,
  normalQuantile,
  normalUpperTail,
  shiftedTest
} from "./chunk-WW26TF7L.js";
import "./chunk-VSHOYYU7.js";
import {
  serializeRunResult
} from "./chunk-HUK7SR2E.js";
import "./chunk-R6EOTZPH.js";
import "./chunk-AQQRMPL3.js";
import {
  runFingerprint
} from "./chunk-U4VOYMDS.js";
import {
  ConfigError
} from "./chunk-K32UBI76.js";
import "./chunk-5DOGR3KY.js";

// src/config/shard.ts
function parseShard(text, field = "shard") {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(trimmed);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count || count > 256) {
    throw new ConfigError(field, `'${trimmed}' is not a shard`, "write i/N with 1 \u2264 i \u2264 N, e.g. 2/4 (from a matrix)");
  }
  return { index, count };
}
function applyShard(profile, shard) {
  if (shard === null || shard.count === 1) return profile;
  if (profile.capacity !== null) {
    throw new ConfigError("shard", "a capacity search cannot be sharded", "run it in one job (drop shard)");
  }
  const { index, count } = shard;
  const share = (total) => Math.floor(total / count) + (index <= total % count ? 1 : 0);
  const load = profile.load;
  const whole = { ...profile, wholeProfileFingerprint: runFingerprint(profile) };
  switch (load.model) {
    case "constant-arrival-rate":
      return { ...whole, load: { ...load, ratePerSecond: load.ratePerSecond / count } };
    case "ramping-arrival-rate":
      return {
        ...whole,
        load: {
          ...load,
          startRatePerSecond: load.startRatePerSecond / count,
          stages: load.stages.map((s) => ({ ...s, target: s.target / count }))
        }
      };
    case "constant-vus": {
      const vus = share(load.vus);
      if (vus === 0) throw tooFewVus(load.vus, count);
      return { ...whole, load: { ...load, vus } };
    }
    case "ramping-vus": {
      const peak = Math.max(load.startVus, ...load.stages.map((s) => s.target));
      if (share(peak) === 0) throw tooFewVus(peak, count);
      return {
        ...whole,
        load: {
          ...load,
          startVus: share(load.startVus),
          stages: load.stages.map((s) => ({ ...s, target: share(s.target) }))
        }
      };
    }
  }
}
function tooFewVus(vus, count) {
  return new ConfigError("shard", `${vus} VUs cannot be split into ${count} shards`, `use at most ${vus} shards`);
}

// src/stats/group-sequential.ts
function obrienFlemingSpending(alpha) {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha ${alpha} is not in (0, 1)`);
  const z = normalQuantile(1 - alpha / 2);
  return (t) => t <= 0 ? 0 : t >= 1 ? alpha : Math.min(alpha, 2 * normalUpperTail(z / Math.sqrt(t)));
}
var POINTS_PER_SD = 4;
var TAIL_SD = 8;
var MAX_POINTS = 4e3;
var GroupSequentialBoundary = class _GroupSequentialBoundary {
  /** Looks already computed, by design key and fractions so far (the grids are never mutated, so they are shared). */
  static #cache = /* @__PURE__ */ new Map();
  #spending;
  #cacheKey;
  #history = "";
  #points = Float64Array.of(0);
  #mass = Float64Array.of(1);
  #fraction = 0;
  #spent = 0;
  #looks = [];
  /**
   * @param cacheKey names the spending function (e.g. `obf:0.05`): designs with the same key and the same looks
   * reuse each other's boundaries (a simulation makes thousands of identical designs). Null: no cache.
   */
  constructor(spending, cacheKey = null) {
    this.#spending = spending;
    this.#cacheKey = cacheKey;
  }
  get looks() {
    return this.#looks;
  }
  /** True once a look at fraction 1 was made: the design is used up. */
  get finished() {
    return this.#fraction >= 1;
  }
  /** Adds a look at information fraction `fraction` (above the previous one; capped at 1) and returns its boundary. */
  next(fraction) {
    if (this.finished) throw new RangeError("the design is used up: its last look was at information fraction 1");
    if (!(fraction > this.#fraction)) {
      throw new RangeError(`information fraction ${fraction} is not above the previous look's ${this.#fraction}`);
    }
    const t = Math.min(1, fraction);
    this.#history += `,${t}`;
    const cacheKey = this.#cacheKey === null ? null : `${this.#cacheKey}|${this.#history}`;
    const cached = cacheKey === null ? void 0 : _GroupSequentialBoundary.#cache.get(cacheKey);
    if (cached !== void 0) {
      this.#points = cached.points;
      this.#mass = cached.mass;
      this.#fraction = t;
      this.#spent = cached.look.spent;
      this.#looks.push(cached.look);
      return cached.look;
    }
    const sd = Math.sqrt(t - this.#fraction);
    const scale = Math.sqrt(t);
    const target = Math.max(0, this.#spending(t) - this.#spent);
    const exit = (z) => {
      let p = 0;
      for (let i = 0; i < this.#points.length; i++)
        p += this.#mass[i] * normalUpperTail((z * scale - this.#points[i]) / sd);
      return p;
    };
    let boundaryZ = Number.POSITIVE_INFINITY;
    let exited = 0;
    if (target > 1e-15) {
      let lo = -20;
      let hi = 40;
      for (let iteration = 0; iteration < 100 && hi - lo > 1e-10; iteration++) {
        const mid = (lo + hi) / 2;
        if (exit(mid) > target) lo = mid;
        else hi = mid;
      }
      boundaryZ = (lo + hi) / 2;
      exited = exit(boundaryZ);
    }
    this.#advance(t, sd, boundaryZ);
    this.#fraction = t;
    this.#spent += exited;
    const look = {
      fraction: t,
      boundaryZ,
      nominalP: Number.isFinite(boundaryZ) ? normalUpperTail(boundaryZ) : 0,
      spent: this.#spent
    };
    this.#looks.push(look);
    if (cacheKey !== null) {
      if (_GroupSequentialBoundary.#cache.size > 2e4) _GroupSequentialBoundary.#cache.clear();
      _GroupSequentialBoundary.#cache.set(cacheKey, { look, points: this.#points, mass: this.#mass });
    }
    return look;
  }
  /** The sub-density of the score S = Z√t on the continuation region (S < b√t), as masses on a Simpson grid. */
  #advance(t, sd, boundaryZ) {
    const hi = Number.isFinite(boundaryZ) ? boundaryZ * Math.sqrt(t) : TAIL_SD * Math.sqrt(t);
    const lo = Math.min(hi, -TAIL_SD * Math.sqrt(t));
    if (hi - lo <= 0) {
      this.#points = new Float64Array(0);
      this.#mass = new Float64Array(0);
      return;
    }
    let intervals = Math.ceil((hi - lo) / sd * POINTS_PER_SD);
    intervals = Math.min(MAX_POINTS, Math.max(2, intervals + intervals % 2));
    const h = (hi - lo) / intervals;
    const points = new Float64Array(intervals + 1);
    const mass = new Float64Array(intervals + 1);
    const norm = 1 / (sd * Math.sqrt(2 * Math.PI));
    for (let j = 0; j <= intervals; j++) {
      const s = lo + j * h;
      let density = 0;
      for (let i = 0; i < this.#points.length; i++) {
        const u = (s - this.#points[i]) / sd;
        density += this.#mass[i] * Math.exp(-0.5 * u * u);
      }
      const simpson = j === 0 || j === intervals ? 1 : j % 2 === 1 ? 4 : 2;
      points[j] = s;
      mass[j] = simpson * h / 3 * density * norm;
    }
    this.#points = points;
    this.#mass = mass;
  }
};

// src/gate/sequential.ts
var key = (endpoint, metric) => `${endpoint}
${metric}`;
var SequentialMonitor = class {
  #designs;
  #planned;
  #decisions = /* @__PURE__ */ new Map();
  #looks = 0;
  constructor(alpha, plannedComparisons2) {
    this.#planned = Math.max(1, plannedComparisons2);
    this.#designs = new LevelDesigns(alpha);
  }
  get looks() {
    return this.#looks;
  }
  /** True once the last look (information fraction 1) was made. */
  get finished() {
    return this.#designs.finished;
  }
  /**
   * One look: the verdict of the data so far (decide() on both runs), at information fraction `fraction` (1 for the
   * last look). Records the comparisons that cross a boundary and returns whether every gated comparison of the
   * verdict is now decided.
   */
  look(verdict, fraction, rounds) {
    this.#designs.look(Math.min(1, fraction));
    this.#looks++;
    const open = [];
    for (const endpoint of verdict.endpoints) {
      for (const comparison of endpoint.comparisons) {
        const id = key(endpoint.endpoint, comparison.metric);
        if (!this.#decisions.has(id)) open.push({ id, p: oneSidedPValues(comparison) });
      }
    }
    const comparisons = verdict.endpoints.reduce((n, endpoint) => n + endpoint.comparisons.length, 0);
    this.#holm(open, "regression", rounds);
    this.#holm(open, "improvement", rounds);
    const noChangeP = this.#designs.nominalP(1);
    for (const { id, p } of open) {
      if (!this.#decisions.has(id) && p.noChange <= noChangeP)
        this.#decisions.set(id, { outcome: "no-change", look: this.#looks, rounds, nominalP: noChangeP });
    }
    return { allDecided: open.every(({ id }) => this.#decisions.has(id)), comparisons };
  }
  /** Holm's step-down at this look for one family: level alpha/(m − r) until no further comparison reaches it. */
  #holm(open, outcome, rounds) {
    for (; ; ) {
      const found = [...this.#decisions.values()].filter((decision) => decision.outcome === outcome).length;
      const nominalP = this.#designs.nominalP(Math.max(1, this.#planned - found));
      const crossing = open.filter(({ id, p }) => !this.#decisions.has(id) && p[outcome] <= nominalP);
      if (crossing.length === 0) return;
      for (const { id } of crossing) this.#decisions.set(id, { outcome, look: this.#looks, rounds, nominalP });
    }
  }
  /** The decision of a comparison, or null while (or if, at the end) it is undecided. */
  decisionOf(endpoint, metric) {
    return this.#decisions.get(key(endpoint, metric)) ?? null;
  }
  /**
   * The comparison with the sequential outcome: the decision recorded at its look; when no boundary was crossed, a
   * pass if the fixed-length rule on all the rounds shows no regression and resolves the margin, else inconclusive.
   * The explanation says at which round it was decided and at what nominal level.
   */
  conclude(endpoint, comparison) {
    const decision = this.decisionOf(endpoint, comparison.metric);
    const resolved = comparison.detectableShift !== null && comparison.detectableShift <= RESOLVABLE_MARGIN_MULTIPLE * comparison.margin;
    const outcome = decision?.outcome ?? (comparison.outcome !== "regression" && resolved ? "pass" : "inconclusive");
    const note = decision === null ? `rounds: auto: not decided by the last look (${this.#looks} looks)` : `rounds: auto: ${decision.outcome === "no-change" ? "no change" : decision.outcome} decided at look ${decision.look} (${decision.rounds} rounds), one-sided p \u2264 ${formatP(decision.nominalP)} needed`;
    const explanation = `${comparison.explanation.replace(/ → [a-z -]+$/, "")}; ${note} \u2192 ${outcome === "no-change" ? "no change" : outcome}`;
    return { ...comparison, outcome, explanation };
  }
  /** What decide() takes for the final verdict: this monitor's outcomes and the run's summary. */
  conclusion(summary) {
    return { conclude: (endpoint, comparison) => this.conclude(endpoint, comparison), summary };
  }
};
var LevelDesigns = class {
  #alpha;
  #designs = /* @__PURE__ */ new Map();
  #fractions = [];
  constructor(alpha) {
    this.#alpha = alpha;
  }
  get finished() {
    return this.#fractions.at(-1) === 1;
  }
  /** A new look at information fraction t, for every design. */
  look(t) {
    const previous = this.#fractions.at(-1) ?? 0;
    const fraction = t > previous ? t : Math.min(1, previous + 1e-9);
    this.#fractions.push(fraction);
    for (const design of this.#designs.values()) design.next(fraction);
  }
  /** The one-sided nominal p the current look must reach at level alpha/k. */
  nominalP(k) {
    let design = this.#designs.get(k);
    if (design === void 0) {
      const level = this.#alpha / k;
      design = new GroupSequentialBoundary(obrienFlemingSpending(level), `obf:${level}`);
      for (const fraction of this.#fractions) design.next(fraction);
      this.#designs.set(k, design);
    }
    return design.looks.at(-1)?.nominalP ?? 0;
  }
};
function oneSidedPValues(comparison) {
  const direction = WORSE_DIRECTION[comparison.metric];
  const margin = comparison.margin;
  let noChange;
  if (comparison.noChangePValue !== void 0) {
    noChange = comparison.noChangePValue;
  } else if (comparison.paired) {
    const differences = comparison.candidateRounds.map((value, i) => value - comparison.baselineRounds[i]);
    noChange = wilcoxonSignedRank(differences, { alternative: direction === 1 ? "less" : "greater", mu: direction * margin }).pValue ?? 1;
  } else {
    noChange = shiftedTest(
      comparison.baselineRounds,
      comparison.candidateRounds,
      -direction * margin,
      direction === 1 ? "greater" : "less"
    );
  }
  return { regression: comparison.pValue, improvement: comparison.improvementPValue ?? 1, noChange };
}

// src/sequential/stop-reason.ts
function reasonOf(stopped, n, looks, horizon, live) {
  const what = `${n} ${live ? "A/B pairs" : "rounds"} (${looks} look${looks === 1 ? "" : "s"}, up to ${horizon} planned)`;
  switch (stopped) {
    case "decided":
      return `rounds: auto stopped after ${what}: every gated comparison was decided.`;
    case "max-rounds":
      return `rounds: auto stopped after ${what}: the planned rounds were measured; an undecided comparison is a pass when it shows no regression and resolves the margin, else inconclusive.`;
    case "max-duration":
      return `rounds: auto stopped after ${what}: max-duration left no room for another round; an undecided comparison is a pass when it shows no regression and resolves the margin, else inconclusive.`;
    case "stopped":
      return `rounds: auto was stopped after ${what}.`;
    case "nothing-to-decide":
      return `rounds: auto stopped after ${what}: no comparison to decide (no baseline data or invalid endpoints).`;
  }
}

// src/sequential/run-until-decided.ts
async function runUntilDecided(options) {
  const { profile } = options;
  if (profile.autoRounds === null || profile.maxDurationMs === null) {
    throw new ConfigError(
      "rounds",
      "runUntilDecided needs rounds: auto with max-duration",
      "set rounds: auto and max-duration"
    );
  }
  const run = new AutoRun(options, profile.autoRounds.maxRounds);
  let stopped = await run.firstLook();
  while (stopped === null) {
    stopped = run.look();
    if (stopped === null) stopped = await run.nextRound();
  }
  if (stopped === "max-duration" && run.looked && !run.monitor.finished) stopped = run.look(true) ?? stopped;
  return run.finish(stopped);
}
var AutoRun = class {
  #options;
  #profile;
  #live;
  #clock;
  #startMs;
  #rewarmMs;
  #horizon;
  #single;
  #pieces = { A: [], B: [] };
  monitor;
  #rounds = 0;
  #slowestRoundMs = 0;
  #lastLookMs = 0;
  constructor(options, maxRounds) {
    const { profile } = options;
    this.#options = options;
    this.#profile = profile;
    this.#live = options.baseline.kind === "live";
    this.#clock = options.clock ?? performanceClock;
    this.#startMs = this.#clock.now();
    const roundMs = profile.durationMs / profile.rounds;
    this.#rewarmMs = Math.min(REWARM_MS, profile.warmupMs);
    this.#horizon = Math.max(
      profile.rounds,
      Math.min(maxRounds, plannedRounds(profile, roundMs, this.#rewarmMs, this.#live))
    );
    this.#single = { ...profile, rounds: 1, durationMs: roundMs };
    this.monitor = new SequentialMonitor(profile.gate.alpha, plannedComparisons(profile));
  }
  /** The first look's rounds: single rounds in A B B A order (live), or one run of min-rounds rounds (stored). */
  async firstLook() {
    const order = this.#live ? abbaOrder(this.#profile.rounds) : ["B"];
    for (const side of order) {
      const stop = await this.#piece(side, this.#live ? 1 : this.#profile.rounds);
      if (stop !== null) return stop;
    }
    this.#rounds = this.#profile.rounds;
    return null;
  }
  /** True once a look was made (the first min-rounds rounds were all measured). */
  get looked() {
    return this.monitor.looks > 0;
  }
  /**
   * A look at the data so far; the look after which no round fits is the last (it spends all remaining alpha).
   * `final`: no further round will be measured (the next one was cut by max-duration), so this look is the last.
   */
  look(final = false) {
    const now = this.#clock.now();
    const first = this.#lastLookMs === 0;
    this.#slowestRoundMs = Math.max(
      this.#slowestRoundMs,
      first ? (now - this.#startMs) / this.#rounds : now - this.#lastLookMs
    );
    this.#lastLookMs = now;
    const n = this.#rounds;
    if (final && this.#live) {
      this.#pieces.A.splice(n);
      this.#pieces.B.splice(n);
    }
    const last = final || n >= this.#horizon || this.#remainingMs() < 1.2 * this.#slowestRoundMs;
    const verdict = this.#options.decideLook(this.#baseline(), joinRuns(this.#pieces.B, this.#profile, COMPLETE));
    const look = this.monitor.look(verdict, last ? 1 : this.#fraction(n), n);
    if (look.comparisons === 0) return "nothing-to-decide";
    if (look.allDecided) return "decided";
    if (last) return n >= this.#horizon ? "max-rounds" : "max-duration";
    return null;
  }
  /** One more round per side; live A/B continues the A B B A order (pair n + 1 is B A when n is odd). */
  async nextRound() {
    const order = this.#live ? this.#rounds % 2 === 0 ? ["A", "B"] : ["B", "A"] : ["B"];
    for (const side of order) {
      const stop = await this.#piece(side, 1);
      if (stop !== null) return stop;
    }
    this.#rounds++;
    return null;
  }
  finish(stopped) {
    const n = this.#rounds;
    if (this.#live) {
      this.#pieces.A.splice(n);
      this.#pieces.B.splice(n);
    }
    if (this.#pieces.B.length === 0) throw new Error("rounds: auto was stopped before any round ran");
    const completion = completionOf(stopped, n, this.#profile);
    const summary = {
      rounds: n,
      looks: this.monitor.looks,
      maxRounds: this.#horizon,
      stopped,
      reason: reasonOf(stopped, n, this.monitor.looks, this.#horizon, this.#live)
    };
    const candidate = joinRuns(this.#pieces.B, this.#profile, completion);
    const sides = this.#live ? markHalves(joinRuns(this.#pieces.A, this.#profile, completion), candidate, abbaOrder(n)) : { baseline: this.#baseline(), candidate };
    return { ...sides, monitor: this.monitor, summary };
  }
  #fraction(n) {
    const { baseline } = this.#options;
    if (baseline.kind === "live" || baseline.run.rounds.length === 0) return n / this.#horizon;
    const nx = baseline.run.rounds.length;
    return (1 / nx + 1 / this.#horizon) / (1 / nx + 1 / n);
  }
  #remainingMs() {
    return this.#profile.maxDurationMs - (this.#clock.now() - this.#startMs);
  }
  #baseline() {
    const { baseline } = this.#options;
    return baseline.kind === "stored" ? baseline.run : joinRuns(this.#pieces.A, this.#profile, COMPLETE);
  }
  /** Measures one piece of a side; a stop reason when it could not (signal, no time left, cut short). */
  async #piece(side, rounds) {
    const { signal, baseline } = this.#options;
    const left = this.#remainingMs();
    if (left <= 0 || signal?.aborted) return signal?.aborted ? "stopped" : "max-duration";
    const shape = {
      ...rounds === 1 ? this.#single : this.#profile,
      warmupMs: this.#pieces[side].length === 0 ? this.#profile.warmupMs : this.#rewarmMs,
      maxDurationMs: left
    };
    const target = side === "B" || baseline.kind !== "live" ? this.#options.candidateTarget : baseline.target;
    const run = await this.#options.measure(shape, target, signal);
    if (run.completion.status === "partial") return signal?.aborted ? "stopped" : "max-duration";
    this.#pieces[side].push(run);
    return null;
  }
};
var COMPLETE = { status: "complete" };
function plannedRounds(profile, roundMs, rewarmMs, live) {
  const budgetMs = profile.maxDurationMs;
  if (live) return Math.floor((budgetMs - 2 * profile.warmupMs + 2 * rewarmMs) / (2 * (roundMs + rewarmMs)));
  const firstMs = profile.warmupMs + profile.durationMs;
  return profile.rounds + Math.floor(Math.max(0, budgetMs - firstMs) / (roundMs + rewarmMs));
}
function plannedComparisons(profile) {
  const endpoints = new Set(profile.scenarios.flatMap((scenario) => scenario.steps.map((step) => step.name)));
  return endpoints.size * profile.gate.metrics.length;
}
function completionOf(stopped, n, profile) {
  if (stopped === "stopped") return { status: "partial", reason: `stopped after ${n} rounds (rounds: auto)` };
  if (stopped === "max-duration" && n < profile.rounds) {
    return { status: "partial", reason: `max-duration (${profile.maxDurationMs} ms) reached after ${n} rounds` };
  }
  return { status: "complete" };
}

// src/action/auto-rounds.ts
async function measureAuto(target, profile, context) {
  const { settings, mode, deps } = context;
  if (profile.autoRounds === null) return null;
  let restored = null;
  if (!target.baselineTarget) {
    if (mode !== "compare") return null;
    restored = await deps.baselines(settings).restore(baselineQuery(profile.id, runFingerprint(profile), mode, deps.context));
    if (restored.outcome.kind !== "found") return { restored };
  }
  const gate = gateWithOverrides(profile.gate, settings);
  const baselineTarget = target.baselineTarget;
  const stored = restored?.outcome.kind === "found" ? restored.outcome.result : null;
  const storedHistory = restored?.outcome.kind === "found" ? restored.outcome.history : [];
  try {
    const result = await runUntilDecided({
      profile,
      candidateTarget: profile.target,
      baseline: baselineTarget ? { kind: "live", target: baselineTarget } : { kind: "stored", run: stored },
      measure: (piece, url, signal) => deps.measure({ ...piece, target: url }, { signal: signal ?? deps.signal }),
      decideLook: (baseline, candidate) => decide({
        candidate,
        // A stored baseline's looks use its history too, as the final verdict does (gateWithStore): the same
        // across-jobs test decides regression and "no change" at every look.
        baseline: { kind: "found", result: baseline, history: storedHistory },
        gate,
        budgets: profile.budgets,
        pairing: baselineTarget ? "abba" : null
      }),
      signal: deps.signal
    });
    deps.log.info(result.summary.reason);
    return {
      candidate: result.candidate,
      live: baselineTarget ? result.baseline : null,
      restored,
      sequential: result.monitor.conclusion(result.summary)
    };
  } finally {
    await target.stop();
  }
}

// src/action/live-baseline.ts
import { join } from "node:path";
async function liveBaseline(baseline, target, { deps, outputDir }) {
  await deps.files.writeText(join(outputDir, "baseline-live.json"), serializeRunResult(baseline));
  return {
    outcome: {
      kind: "found",
      result: baseline,
      history: [],
      source: liveSource(baseline, target, deps.context),
      warnings: []
    },
    lines: [
      `Baseline: measured live in this job from ${target.origin}, rounds interleaved with the candidate (A B B A), which cancels most runner noise.`
    ]
  };
}
function liveSource(baseline, target, context) {
  return {
    store: "live-ab",
    reference: `${target.origin} (baseline-target), rounds interleaved A B B A`,
    branch: context.pullRequest?.baseBranch ?? context.defaultBranch,
    sha: context.pullRequest?.baseSha ?? null,
    exactSha: false,
    measuredAt: baseline.startedAt,
    commitsBehind: null,
    runId: context.runId
  };
}

// src/action/mode-measure.ts
async function runMeasureMode(settings, mode, rawDeps) {
  const { deps, target } = await prepareSecureTarget(settings, rawDeps);
  if (target.kind === "skip") {
    deps.log.info(`Nothing measured: ${target.reason}`);
    deps.outputs.set("verdict", "skipped");
    await deps.writeSummary(`### Tailgate: skipped

${target.reason}
`);
    return;
  }
  const shard = parseShard(settings.shard, "shard");
  const profile = applyShard(target.profile, shard);
  if (target.notice) deps.annotate({ level: "notice", title: "Tailgate target", message: target.notice });
  deps.log.info(
    `Target: ${profile.target.origin} (from ${target.from})${target.servedSha ? `, serving ${target.servedSha}` : ""}`
  );
  const auto = shard ? null : await measureAuto(target, profile, { settings, mode, deps });
  const measured = auto !== null && "candidate" in auto ? auto : await measure(target, profile, deps);
  const { candidate, live } = measured;
  const sequential = auto !== null && "sequential" in auto ? auto.sequential : null;
  const resultPath = await writeResult(candidate, settings.outputDir, deps);
  if (candidate.completion.status === "partial") {
    deps.log.warning(`The run was cut short (${candidate.completion.reason}); partial result written to ${resultPath}`);
  }
  if (deps.signal.aborted) return deps.fail(`Interrupted: the partial result is at ${resultPath}; no verdict was made`);
  if (shard) return await shardMeasured(shard, resultPath, deps);
  if (live && target.baselineTarget) {
    const restored = await liveBaseline(live, target.baselineTarget, { deps, outputDir: settings.outputDir });
    await keepMeasuredResult(deps, { profileId: profile.id, candidate, restored });
    return await gateAndPublish(candidate, restored, {
      deps,
      settings,
      profile,
      mode: "live A/B",
      target: profile.target,
      pairing: "abba",
      sequential
    });
  }
  await gateWithStore(candidate, {
    settings,
    mode,
    deps,
    profile,
    restored: auto?.restored ?? null,
    sequential,
    target: profile.target
  });
}
async function measure(target, profile, deps) {
  try {
    if (!target.baselineTarget) return { candidate: await deps.measure(profile, { signal: deps.signal }), live: null };
    const both = await deps.measureLiveAb(profile, { baselineTarget: target.baselineTarget, signal: deps.signal });
    return { candidate: both.candidate, live: both.baseline };
  } finally {
    await target.stop();
  }
}
async function shardMeasured(shard, resultPath, deps) {
  deps.outputs.set("verdict", "shard");
  deps.log.info(
    `Shard ${shard.index}/${shard.count} measured; upload ${resultPath} as an artifact and gate in a job with mode: merge`
  );
  await deps.writeSummary(
    `### Tailgate: shard ${shard.index} of ${shard.count} measured

The verdict comes from the merge job.
`
  );
}
export {
  runMeasureMode
};
