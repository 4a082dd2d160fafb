import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  checkWritable
} from "./chunk-EZTVH4YU.js";
import {
  performanceClock,
  runLiveAb,
  runLoad
} from "./chunk-ZI5RPIZH.js";
import {
  readProfile
} from "./chunk-2I6GUHVV.js";
import {
  localEnvironment,
  localGitContext
} from "./chunk-HEYURCVP.js";
import {
  silentLog
} from "./chunk-57U746Z7.js";
import {
  budgetsFor,
  cannotFailWarning,
  errorCount,
  gatedHistogram,
  holmAdjust,
  marginFor,
  measure,
  measuredRunProblems,
  median,
  meetsBudget,
  mergeHistograms,
  plural,
  poolEndpoint,
  profileFingerprint,
  runFingerprint,
  serializeRunResult
} from "./chunk-OAPMMLO6.js";
import {
  EXIT
} from "./chunk-U34LIMCD.js";
import {
  normalUpperTail
} from "./chunk-BOXC7D7V.js";
import {
  formatMs
} from "./chunk-WSM33NK3.js";
import {
  ConfigError
} from "./chunk-ACCG5V5L.js";

// src/capacity/safety.ts
var SAFETY_FACTOR = 10;
var MIN_ERROR_SAMPLE = 20;
function safetyLimits(slo, maxInFlight) {
  const objectives = Object.values(slo).flat();
  const latency = objectives.filter((b) => b.metric !== "error-rate" && b.metric !== "rps").map((b) => b.threshold);
  const errors = objectives.filter((b) => b.metric === "error-rate").map((b) => b.threshold);
  return {
    latencyMs: latency.length === 0 ? null : SAFETY_FACTOR * Math.max(...latency),
    errorFraction: Math.min(1, SAFETY_FACTOR * (errors.length === 0 ? 0.01 : Math.max(Math.min(...errors), 1e-3))),
    maxInFlight
  };
}
var SafetyWatch = class {
  constructor(ratePerSecond, limits) {
    this.ratePerSecond = ratePerSecond;
    this.limits = limits;
  }
  ratePerSecond;
  limits;
  requests = 0;
  errors = 0;
  lastElapsedMs = 0;
  tripped = null;
  /** Feeds one progress snapshot; returns the trip the first time a stop is due. */
  observe(snapshot) {
    const windowRequests = Math.round(snapshot.ratePerSecond * (snapshot.elapsedMs - this.lastElapsedMs) / 1e3);
    this.lastElapsedMs = snapshot.elapsedMs;
    if (this.tripped !== null) return null;
    const pooled = this.requests + windowRequests >= MIN_ERROR_SAMPLE;
    this.requests += windowRequests;
    this.errors += snapshot.errors;
    const trip = checkSafety(
      { p95Us: snapshot.p95Us, inFlight: snapshot.inFlight, errors: pooled ? this.errors : 0 },
      pooled ? this.requests : windowRequests,
      this.ratePerSecond,
      this.limits
    );
    if (pooled) {
      this.requests = 0;
      this.errors = 0;
    }
    this.tripped = trip;
    return trip;
  }
};
function checkSafety(snapshot, windowRequests, ratePerSecond, limits) {
  if (snapshot.inFlight >= limits.maxInFlight) {
    return {
      stop: "max-in-flight",
      reason: `max-in-flight reached (${snapshot.inFlight} requests under way): the target is not keeping up`
    };
  }
  if (limits.latencyMs !== null) {
    const p95Ms = snapshot.p95Us / 1e3;
    if (windowRequests > 0 && p95Ms > limits.latencyMs) {
      return {
        stop: "latency",
        reason: `safety stop: p95 ${formatMs(p95Ms)} passed ${SAFETY_FACTOR}\xD7 the SLO (${formatMs(limits.latencyMs)})`
      };
    }
    const inFlightLimit = Math.max(10, ratePerSecond * limits.latencyMs / 1e3);
    if (snapshot.inFlight > inFlightLimit) {
      return {
        stop: "in-flight",
        reason: `safety stop: ${snapshot.inFlight} requests in flight at ${ratePerSecond.toFixed(1)}/s means they wait about ${formatMs(snapshot.inFlight / ratePerSecond * 1e3)}, past ${SAFETY_FACTOR}\xD7 the SLO (${formatMs(limits.latencyMs)})`
      };
    }
  }
  if (windowRequests >= MIN_ERROR_SAMPLE && snapshot.errors / windowRequests > limits.errorFraction) {
    return {
      stop: "errors",
      reason: `safety stop: ${(snapshot.errors / windowRequests * 100).toFixed(1)} % of requests failed, past ${SAFETY_FACTOR}\xD7 the SLO's error limit (${(limits.errorFraction * 100).toFixed(1)} %)`
    };
  }
  return null;
}

// src/capacity/search.ts
var MAX_INVALID_ATTEMPTS = 3;
var emptyTally = () => ({ passes: 0, fails: 0, invalid: 0, pooledNext: false });
var CapacitySearch = class {
  constructor(settings) {
    this.settings = settings;
    this.rate = Math.min(settings.startRatePerSecond, settings.maxRatePerSecond);
  }
  settings;
  lowPerSecond = null;
  highPerSecond = null;
  rate;
  attempt = 1;
  tally = emptyTally();
  status = null;
  /** The step to run next, or null when the search is over. */
  next() {
    return this.status === null ? { ratePerSecond: this.rate, attempt: this.attempt, pooled: this.tally.pooledNext } : null;
  }
  /**
   * Records the outcome of the step `next()` returned. `safetyStop`: the step failed on a safety stop, which counts
   * at once (the target is not loaded past its limits again to confirm it).
   */
  record(outcome, { safetyStop = false } = {}) {
    if (this.status !== null) throw new Error("the capacity search is over; no step was planned");
    const tally = this.tally;
    const pooled = tally.pooledNext;
    tally.pooledNext = false;
    if (outcome !== "invalid") tally.invalid = 0;
    switch (outcome) {
      case "stopped":
        this.status = "stopped";
        return;
      case "invalid":
        tally.invalid++;
        if (tally.invalid < MAX_INVALID_ATTEMPTS) this.attempt++;
        else this.status = this.lowPerSecond !== null && this.highPerSecond !== null ? "found" : "invalid";
        return;
      case "undecided":
        if (tally.passes + tally.fails === 0 && !pooled) {
          tally.pooledNext = true;
          this.attempt++;
          return;
        }
        tally.fails += pooled ? 2 : 1;
        break;
      case "fail":
        tally.fails += safetyStop ? 2 : 1;
        break;
      case "pass":
        tally.passes++;
        break;
    }
    this.settle();
  }
  /** Decides the rate from its tally, or plans a fresh repeat. */
  settle() {
    const { passes, fails } = this.tally;
    if (fails >= 2) this.failed();
    else if (passes >= 2 || passes >= 1 && fails === 0) this.passed();
    else this.attempt++;
  }
  /** The finding so far (final once `next()` returns null). */
  conclusion() {
    return {
      status: this.status ?? "stopped",
      sustainedRatePerSecond: this.lowPerSecond,
      firstFailingRatePerSecond: this.highPerSecond
    };
  }
  passed() {
    this.lowPerSecond = this.rate;
    if (this.highPerSecond === null) {
      if (this.rate >= this.settings.maxRatePerSecond) {
        this.status = "at-max-rate";
        return;
      }
      this.moveTo(Math.min(this.rate * this.settings.growthFactor, this.settings.maxRatePerSecond));
      return;
    }
    this.bisect();
  }
  failed() {
    this.highPerSecond = this.rate;
    if (this.lowPerSecond === null) {
      this.status = "below-start-rate";
      return;
    }
    this.bisect();
  }
  /** Next rate: the geometric midpoint (the resolution is relative), until the bracket is narrow enough. */
  bisect() {
    const low = this.lowPerSecond;
    const high = this.highPerSecond;
    if (high / low - 1 <= this.settings.resolution) {
      this.status = "found";
      return;
    }
    this.moveTo(Math.sqrt(low * high));
  }
  moveTo(ratePerSecond) {
    this.rate = ratePerSecond;
    this.attempt = 1;
    this.tally = emptyTally();
  }
};

// src/capacity/generator-stalls.ts
var STALL_SHARE_OF_SLO = 0.2;
var MIN_STALL_MS = 5;
var DEFAULT_STALL_MS = 20;
var LATENESS_PERCENTILE = 99;
var MIN_CLEAN_SHARE = 0.6;
function smallestLatencyMs(slo) {
  const latency = Object.values(slo).flat().filter((b) => b.metric !== "error-rate" && b.metric !== "rps" && b.metric !== "recovery").map((b) => b.threshold);
  return latency.length === 0 ? null : Math.min(...latency);
}
function stallLimitMs(slo) {
  const smallest = smallestLatencyMs(slo);
  return smallest === null ? DEFAULT_STALL_MS : Math.max(MIN_STALL_MS, STALL_SHARE_OF_SLO * smallest);
}
function failedOnItsOwn(run, round, lateMs, thresholdMs) {
  if (thresholdMs === null) return false;
  return run.endpoints.some((endpoint) => {
    const cell = endpoint.rounds[round];
    if (cell === void 0) return false;
    const histogram = gatedHistogram(cell, run.gatedLatency);
    return histogram.count > 0 && histogram.percentileUs(50) / 1e3 > thresholdMs + 2 * lateMs;
  });
}
function screenStalls(run, limitMs, thresholdMs) {
  const lateness = run.generatorLateness ?? [];
  const latenessMs = lateness.map((h) => h.count === 0 ? 0 : h.percentileUs(LATENESS_PERCENTILE) / 1e3);
  const aside = /* @__PURE__ */ new Set();
  for (const [index, ms] of latenessMs.entries()) {
    if (ms <= limitMs) continue;
    for (const round of [index, index + 1]) {
      if (round < run.rounds.length && !failedOnItsOwn(run, round, ms, thresholdMs)) aside.add(round);
    }
  }
  const worstLatenessMs = Math.max(0, ...latenessMs);
  const keep = (_, index) => !aside.has(index);
  const clean = run.rounds.length - aside.size;
  const screened = aside.size === 0 ? run : {
    ...run,
    rounds: run.rounds.filter(keep),
    endpoints: run.endpoints.map((e) => ({ ...e, rounds: e.rounds.filter(keep) })),
    ...run.generatorLateness ? { generatorLateness: run.generatorLateness.filter(keep) } : {}
  };
  return {
    run: screened,
    setAside: [...aside].sort((a, b) => a - b),
    worstLatenessMs,
    tooFew: clean < Math.ceil(MIN_CLEAN_SHARE * run.rounds.length)
  };
}

// src/stats/sign-test.ts
function binomialHalfUpperTail(n, k) {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let logChoose = 0;
  let total = 0;
  for (let i = 0; i <= n; i++) {
    if (i > 0) logChoose += Math.log((n - i + 1) / i);
    if (i >= k) total += Math.exp(logChoose - n * Math.LN2);
  }
  return Math.min(1, total);
}
function signTest(values, threshold) {
  let above = 0;
  let below = 0;
  for (const value of values) {
    if (value > threshold) above++;
    else if (value < threshold) below++;
  }
  const n = above + below;
  return {
    above,
    below,
    ties: values.length - n,
    pAbove: binomialHalfUpperTail(n, above),
    pBelow: binomialHalfUpperTail(n, below)
  };
}

// src/capacity/objectives.ts
function objectiveValue(budget, histogram, requests, errors) {
  return budget.metric === "rps" ? null : measure({ histogram, requests, errors, durationMs: 0 }, budget.metric);
}
var roundValue = (run, budget, round) => objectiveValue(budget, gatedHistogram(round, run.gatedLatency), round.requests, errorCount(round));
function formatObjectiveValue(budget, value) {
  return budget.metric === "error-rate" ? `${(value * 100).toFixed(2)} %` : formatMs(value);
}
function judge(values, budget) {
  const test = signTest(values, budget.threshold);
  const upperLimit = budget.operator === "<" || budget.operator === "<=";
  return upperLimit ? { pBroken: test.pAbove, pHolds: test.pBelow } : { pBroken: test.pBelow, pHolds: test.pAbove };
}
function judgeObjectives(attempts, slo, alpha) {
  const last = attempts[attempts.length - 1];
  const pending = [];
  const rawBroken = [];
  for (const endpoint of last?.endpoints ?? []) {
    const sides = attempts.flatMap((run) => {
      const own = run.endpoints.find((e) => e.name === endpoint.name);
      return own === void 0 ? [] : [{ run, endpoint: own }];
    });
    const pooled = sides.map(({ run, endpoint: own }) => poolEndpoint(run, own));
    const histogram = mergeHistograms(pooled.map((p) => p.histogram));
    const requests = pooled.reduce((n, p) => n + p.requests, 0);
    const errors = pooled.reduce((n, p) => n + p.errors, 0);
    for (const budget of budgetsFor(endpoint.name, slo)) {
      const values = sides.flatMap(
        ({ run, endpoint: own }) => own.rounds.map((round) => roundValue(run, budget, round)).filter((value) => value !== null)
      );
      const { pBroken, pHolds } = judge(values, budget);
      rawBroken.push(pBroken);
      pending.push({
        endpoint: endpoint.name,
        objective: budget.expression,
        roundValues: values,
        pooled: objectiveValue(budget, histogram, requests, errors),
        pHolds
      });
    }
  }
  const adjusted = holmAdjust(rawBroken);
  return pending.map((check, index) => {
    const pBroken = adjusted[index];
    const status = pBroken < alpha ? "broken" : check.pHolds < alpha ? "holds" : "undecided";
    return { ...check, pBroken, status };
  });
}
function sloBudget(slo, check) {
  return budgetsFor(check.endpoint, slo).find((budget) => budget.expression === check.objective);
}
function countOver(slo, check) {
  const budget = sloBudget(slo, check);
  return check.roundValues.filter((value) => !meetsBudget(budget, value)).length;
}
function roundsOver(slo, check) {
  return `${countOver(slo, check)} of ${check.roundValues.length}`;
}

// src/stats/trend.ts
function inversionCounts(n) {
  let counts = new Float64Array([1]);
  for (let size = 2; size <= n; size++) {
    const next = new Float64Array(counts.length + size - 1);
    let window = 0;
    for (let k = 0; k < next.length; k++) {
      window += k < counts.length ? counts[k] : 0;
      if (k - size >= 0) window -= counts[k - size];
      next[k] = window;
    }
    counts = next;
  }
  return counts;
}
var EXACT_MAX_N = 60;
function mannKendall(values) {
  const n = values.length;
  let s = 0;
  let tiedPairs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = values[j] - values[i];
      if (d > 0) s++;
      else if (d < 0) s--;
      else tiedPairs++;
    }
  }
  const pairs = n * (n - 1) / 2;
  if (n < 2) return { s, tiedPairs, pIncreasing: 1 };
  if (n > EXACT_MAX_N) {
    const variance = n * (n - 1) * (2 * n + 5) / 18;
    const z = (s - 1) / Math.sqrt(variance);
    return { s, tiedPairs, pIncreasing: normalUpperTail(z) };
  }
  const counts = inversionCounts(n);
  const maxInversions = Math.floor((pairs - s) / 2);
  let favourable = 0;
  let total = 0;
  for (let k = 0; k < counts.length; k++) {
    total += counts[k];
    if (k <= maxInversions) favourable += counts[k];
  }
  return { s, tiedPairs, pIncreasing: Math.min(1, favourable / total) };
}
function theilSenSlope(x, y) {
  const slopes = [];
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const dx = x[j] - x[i];
      if (dx !== 0) slopes.push((y[j] - y[i]) / dx);
    }
  }
  if (slopes.length === 0) return 0;
  slopes.sort((a, b) => a - b);
  const middle = Math.floor(slopes.length / 2);
  return slopes.length % 2 === 1 ? slopes[middle] : (slopes[middle - 1] + slopes[middle]) / 2;
}

// src/capacity/queue-trend.ts
var TREND_MARGIN_RELATIVE = 0.2;
var TREND_ALPHA_DIVISOR = 10;
var TREND_PERCENTILE = 10;
function risingLatency(run, gate) {
  for (const endpoint of run.endpoints) {
    const lows = [];
    const at = [];
    for (const [index, round] of endpoint.rounds.entries()) {
      const histogram = gatedHistogram(round, run.gatedLatency);
      if (histogram.count === 0) continue;
      lows.push(histogram.percentileUs(TREND_PERCENTILE) / 1e3);
      at.push(index);
    }
    if (lows.length < 4) continue;
    const trend = mannKendall(lows);
    const risePerStep = theilSenSlope(at, lows) * (endpoint.rounds.length - 1);
    const margin = Math.max(marginFor("p50", median(lows), gate), TREND_MARGIN_RELATIVE * median(lows));
    if (trend.pIncreasing < gate.alpha / TREND_ALPHA_DIVISOR / run.endpoints.length && risePerStep > margin) {
      return {
        reason: `${endpoint.name}: latency rose round over round (p${TREND_PERCENTILE} ${formatMs(lows[0])} \u2192 ${formatMs(lows[lows.length - 1])}, +${formatMs(risePerStep)} over the step, beyond the ${formatMs(margin)} margin; Mann-Kendall p = ${trend.pIncreasing.toPrecision(2)}): a growing queue, not sustainable`,
        breaking: { endpoint: endpoint.name, objective: "sustainable (no growing queue)", actual: null }
      };
    }
  }
  return null;
}

// src/capacity/step-decision.ts
function decideStep(attempts, slo, gate) {
  const last = attempts[attempts.length - 1];
  if (last === void 0 || last.health.invalidReasons.length > 0) {
    const unhealthy = attempts.flatMap((run) => run.health.invalidReasons);
    return {
      outcome: "invalid",
      reason: `the generator did not keep up: ${unhealthy.join("; ")}`,
      objectives: [],
      breaking: null
    };
  }
  const usable = attempts.filter((run) => run.health.invalidReasons.length === 0);
  const asMeasured = decideScreened(usable, slo, gate);
  if (asMeasured.outcome === "pass") return asMeasured;
  const limitMs = stallLimitMs(slo);
  const screens = usable.map((run) => screenStalls(run, limitMs, smallestLatencyMs(slo)));
  const aside = screens.reduce((n, screen) => n + screen.setAside.length, 0);
  if (aside === 0) return asMeasured;
  const own = screens[screens.length - 1];
  if (own?.tooFew) {
    return {
      outcome: "invalid",
      reason: `the generator stalled: ${own.setAside.length} of ${last.rounds.length} rounds set aside (their sends up to ${own.worstLatenessMs.toFixed(0)} ms late, past ${limitMs.toFixed(0)} ms, and the round after each); as measured: ${asMeasured.reason}`,
      objectives: [],
      breaking: null
    };
  }
  const decision = decideScreened(
    screens.map((screen) => screen.run),
    slo,
    gate
  );
  return { ...decision, reason: `${decision.reason} (${aside} rounds set aside: the generator stalled)` };
}
function decideScreened(usable, slo, gate) {
  const objectives = judgeObjectives(usable, slo, gate.alpha);
  const broken = objectives.filter((check) => check.status === "broken");
  if (broken.length > 0) {
    const first = broken.reduce((a, b) => b.pBroken < a.pBroken ? b : a);
    const budget = sloBudget(slo, first);
    const value = first.pooled === null ? "no data" : formatObjectiveValue(budget, first.pooled);
    return {
      outcome: "fail",
      reason: `${first.endpoint}: ${first.objective} broken (${value} over the step; ${roundsOver(slo, first)} rounds over; sign test p = ${first.pBroken.toPrecision(2)})`,
      objectives,
      breaking: { endpoint: first.endpoint, objective: first.objective, actual: first.pooled }
    };
  }
  for (const run of usable) {
    const rising = risingLatency(run, gate);
    if (rising !== null) return { outcome: "fail", reason: rising.reason, objectives, breaking: rising.breaking };
  }
  if (objectives.length > 0 && objectives.every((check) => check.status === "holds")) {
    const over = Math.max(...objectives.map((check) => countOver(slo, check)));
    const rounds = objectives[0]?.roundValues.length ?? 0;
    const reason2 = over === 0 ? `every objective held in all ${rounds} rounds` : `every objective held (at most ${over} of ${rounds} rounds over)`;
    return { outcome: "pass", reason: reason2, objectives, breaking: null };
  }
  const open = objectives.filter((check) => check.status !== "holds");
  const reason = open.length === 0 ? "no objective could be measured (no requests finished)" : `neither held nor broken: ${open.map((c) => `${c.endpoint} ${c.objective} (${roundsOver(slo, c)} rounds over)`).join(", ")}`;
  return { outcome: "undecided", reason, objectives, breaking: null };
}

// src/capacity/step-record.ts
function buildStep(index, ratePerSecond, attempt, run, decision, safetyStop) {
  return {
    index,
    ratePerSecond,
    attempt,
    outcome: decision.outcome,
    reason: decision.reason,
    safetyStop,
    warmupMs: run.warmupMs,
    durationMs: run.durationMs,
    rounds: run.rounds,
    endpoints: run.endpoints,
    health: run.health,
    objectives: decision.objectives
  };
}
var countRequests = (run) => run.endpoints.reduce(
  (total, endpoint) => total + endpoint.warmupRequests + endpoint.rounds.reduce((n, r) => n + r.requests, 0),
  0
);
function safetyBreaking(trip, run) {
  const endpoint = run.endpoints[0]?.name ?? "*";
  return { endpoint, objective: `safety stop (${trip.stop})`, actual: null };
}
function firstBreaking(steps, decisions, firstFailing) {
  if (firstFailing === null) return null;
  const index = steps.findLastIndex((step) => step.ratePerSecond === firstFailing);
  return decisions[index]?.breaking ?? null;
}
function describeConclusion(conclusion, settings, steps, stoppedWhy) {
  const rate = (value) => value === null ? "\u2013" : `${value.toFixed(1)}/s`;
  const { sustainedRatePerSecond: low, firstFailingRatePerSecond: high } = conclusion;
  switch (conclusion.status) {
    case "found": {
      const resolution = `${(settings.resolution * 100).toFixed(1)} %`;
      const coarse = low !== null && high !== null && high / low - 1 > settings.resolution + 1e-9;
      const last = steps[steps.length - 1];
      return coarse ? `sustained ${rate(low)}; broke at ${rate(high)} (coarser than the ${resolution} resolution: ${rate(last?.ratePerSecond ?? null)} could not be measured, ${last?.reason ?? "invalid"})` : `sustained ${rate(low)}; broke at ${rate(high)} (within the ${resolution} resolution)`;
    }
    case "at-max-rate":
      return `held up to max-rate ${rate(settings.maxRatePerSecond)}: the capacity is at least that (raise max-rate to search further)`;
    case "below-start-rate":
      return `the first step (${rate(high)}) already broke the SLO: the capacity is below start-rate; lower start-rate`;
    case "invalid": {
      const last = steps[steps.length - 1];
      return `the search stopped without an answer: ${last?.reason ?? "invalid step"} (${last?.attempt ?? 1} attempts at ${rate(last?.ratePerSecond ?? null)})`;
    }
    case "stopped":
      return `the search was cut short (${stoppedWhy ?? "stopped"}); sustained so far ${rate(low)}, first failing ${rate(high)}`;
  }
}

// src/capacity/run-capacity.ts
var SAFETY_CHECK_MS = 200;
function startSearch(options, startMs) {
  const { profile } = options;
  const settings = profile.capacity;
  if (settings === null) throw new Error(`profile '${profile.id}' is not a capacity profile`);
  const limits = safetyLimits(settings.slo, "maxInFlight" in profile.load ? profile.load.maxInFlight : 1e4);
  const gathered = { steps: [], runs: [], decisions: [], totalRequests: 0, stoppedWhy: null };
  return { options, settings, limits, search: new CapacitySearch(settings), gathered, startMs };
}
async function runCapacity(options) {
  const clock = options.clock ?? performanceClock;
  const side = startSearch(options, clock.now());
  while (await stepSearch(side)) {
  }
  return finishSearch(side);
}
async function stepSearch(side) {
  const { options, search, gathered } = side;
  const { profile } = options;
  const planned = search.next();
  if (planned === null) return false;
  const clock = options.clock ?? performanceClock;
  const remainingMs = profile.maxDurationMs === null ? null : profile.maxDurationMs - (clock.now() - side.startMs);
  if (options.signal?.aborted || remainingMs !== null && remainingMs <= 0) {
    gathered.stoppedWhy = options.signal?.aborted ? "stopped by a signal" : `max-duration (${profile.maxDurationMs} ms) reached`;
    search.record("stopped");
    return false;
  }
  const previous = planned.pooled ? gathered.runs[gathered.runs.length - 1] ?? null : null;
  const outcome = await runOneStep(options, side.settings, side.limits, planned, remainingMs, previous, gathered);
  search.record(outcome, { safetyStop: (gathered.steps[gathered.steps.length - 1]?.safetyStop ?? null) !== null });
  return search.next() !== null;
}
function finishSearch(side) {
  const clock = side.options.clock ?? performanceClock;
  return assembleResult(
    side.options,
    side.settings,
    side.search.conclusion(),
    side.gathered,
    clock.now() - side.startMs
  );
}
async function runOneStep(options, settings, limits, planned, remainingMs, previous, gathered) {
  const { profile } = options;
  const { ratePerSecond, attempt } = planned;
  const log = options.log ?? silentLog;
  log.info(
    `Capacity step ${gathered.steps.length + 1}${options.side ? ` (${options.side})` : ""}: ${ratePerSecond.toFixed(1)}/s${attempt > 1 ? " (repeated)" : ""}`
  );
  const { run, trip } = await runStep(options, stepProfile(profile, ratePerSecond, remainingMs), limits);
  gathered.totalRequests += countRequests(run);
  const decision = trip !== null ? { outcome: "fail", reason: trip.reason, objectives: [], breaking: safetyBreaking(trip, run) } : run.completion.status === "partial" ? { outcome: "stopped", reason: run.completion.reason, objectives: [], breaking: null } : decideStep(previous !== null ? [previous, run] : [run], settings.slo, profile.gate);
  const final = decision.outcome === "undecided" && attempt > 1 ? {
    ...decision,
    outcome: "fail",
    reason: `${planned.pooled ? "undecided twice" : "undecided after a failure"}, counted as failed: ${decision.reason}`
  } : decision;
  const step = buildStep(gathered.steps.length, ratePerSecond, attempt, run, final, trip?.stop ?? null);
  gathered.steps.push(step);
  gathered.runs.push(run);
  gathered.decisions.push(final);
  options.onStep?.(step);
  if (decision.outcome === "stopped") {
    gathered.stoppedWhy = options.signal?.aborted ? decision.reason : `max-duration (${profile.maxDurationMs} ms) reached during step ${gathered.steps.length}`;
  }
  return decision.outcome;
}
async function assembleResult(options, settings, conclusion, gathered, totalDurationMs) {
  const { steps, runs, decisions, stoppedWhy } = gathered;
  const capacity = {
    ...conclusion,
    resolution: settings.resolution,
    maxRatePerSecond: settings.maxRatePerSecond,
    breaking: firstBreaking(steps, decisions, conclusion.firstFailingRatePerSecond),
    reason: describeConclusion(conclusion, settings, steps, stoppedWhy),
    slo: Object.fromEntries(Object.entries(settings.slo).map(([key, list]) => [key, list.map((b) => b.expression)])),
    totalDurationMs,
    totalRequests: gathered.totalRequests,
    steps
  };
  const sustainedAt = steps.findLastIndex(
    (s) => s.outcome === "pass" && s.ratePerSecond === conclusion.sustainedRatePerSecond
  );
  const base = runs[sustainedAt] ?? runs[runs.length - 1] ?? await emptyRun(options);
  return {
    ...base,
    profileFingerprint: profileFingerprint(options.profile),
    completion: conclusion.status === "stopped" ? { status: "partial", reason: stoppedWhy ?? "stopped" } : { status: "complete" },
    capacity
  };
}
function stepProfile(profile, ratePerSecond, remainingMs) {
  if (profile.load.model !== "constant-arrival-rate") throw new Error("a capacity profile steps at a constant rate");
  return {
    ...profile,
    model: "constant-arrival-rate",
    load: { ...profile.load, ratePerSecond },
    capacity: null,
    maxDurationMs: remainingMs,
    maxEventLoopLagMs: Number.POSITIVE_INFINITY
  };
}
async function runStep(options, profile, limits) {
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(options.signal?.reason ?? "stopped");
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const rate = profile.load.model === "constant-arrival-rate" ? profile.load.ratePerSecond : 0;
  const watch = new SafetyWatch(rate, limits);
  try {
    const run = await runLoad({
      ...options,
      profile,
      signal: controller.signal,
      progressIntervalMs: SAFETY_CHECK_MS,
      onProgress: (snapshot) => {
        if (snapshot.phase === "drain") return;
        const trip = watch.observe(snapshot);
        if (trip !== null) controller.abort(trip.reason);
      }
    });
    return { run, trip: watch.tripped };
  } finally {
    options.signal?.removeEventListener("abort", onOuterAbort);
  }
}
async function emptyRun(options) {
  const aborted = new AbortController();
  aborted.abort("stopped before the first step");
  return runLoad({
    ...options,
    profile: stepProfile(options.profile, options.profile.capacity?.startRatePerSecond ?? 1, null),
    signal: aborted.signal
  });
}

// src/capacity/live-ab-capacity.ts
async function runLiveAbCapacity(options) {
  const { baselineTarget, candidateTarget, ...common } = options;
  const startMs = (options.clock ?? performanceClock).now();
  const sides = {
    A: startSearch({ ...common, target: baselineTarget, side: "baseline" }, startMs),
    B: startSearch({ ...common, target: candidateTarget, side: "candidate" }, startMs)
  };
  const running = { A: true, B: true };
  const order = [];
  for (let pair = 0; running.A || running.B; pair++) {
    for (const key of pair % 2 === 0 ? ["A", "B"] : ["B", "A"]) {
      if (!running[key]) continue;
      const before = sides[key].gathered.steps.length;
      running[key] = await stepSearch(sides[key]);
      if (sides[key].gathered.steps.length > before) order.push(key);
    }
  }
  return { baseline: await finishSearch(sides.A), candidate: await finishSearch(sides.B), order };
}

// src/capacity/measure.ts
function measureProfile(options) {
  if (options.profile.capacity !== null) {
    const { onProgress: _progress, progressIntervalMs: _interval, ...rest } = options;
    return runCapacity(rest);
  }
  return runLoad(options);
}
function measureLiveAbProfile(options) {
  if (options.profile.capacity !== null) {
    const { onProgress: _progress, progressIntervalMs: _interval, ...rest } = options;
    return runLiveAbCapacity(rest);
  }
  return runLiveAb(options);
}
function stepLine(step) {
  const repeat = step.attempt > 1 ? " (repeat)" : "";
  return `capacity step ${step.index + 1}: ${step.ratePerSecond.toFixed(1)}/s${repeat} ${step.outcome}: ${step.reason}`;
}

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

// src/load/progress.ts
var PHASE_LABELS = { warmup: "warm-up", measure: "measuring", drain: "finishing" };
function percentDone(snapshot) {
  return snapshot.plannedMs > 0 ? Math.min(100, Math.floor(snapshot.elapsedMs / snapshot.plannedMs * 100)) : 100;
}
function progressText(snapshot) {
  const elapsedS = Math.floor(snapshot.elapsedMs / 1e3);
  const plannedS = Math.round(snapshot.plannedMs / 1e3);
  const p95 = snapshot.p95Us > 0 ? formatMs(snapshot.p95Us / 1e3) : "-";
  return `${PHASE_LABELS[snapshot.phase]} ${elapsedS}/${plannedS} s (${percentDone(snapshot)} %): ${Math.round(snapshot.ratePerSecond)} req/s, p95 ${p95}, ${snapshot.errors} errors (${snapshot.totalErrors} total), ${snapshot.inFlight} in flight`;
}
function ttyProgressBar(stream) {
  let drawn = false;
  return {
    update(snapshot) {
      const text = progressText(snapshot);
      const columns = stream.columns ?? 80;
      const barWidth = Math.max(10, Math.min(30, columns - text.length - 4));
      const filled = Math.round(percentDone(snapshot) / 100 * barWidth);
      const line = `[${"#".repeat(filled)}${"-".repeat(barWidth - filled)}] ${text}`;
      stream.write(`\r${line.slice(0, Math.max(0, columns - 1))}\x1B[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\n");
      drawn = false;
    }
  };
}

// src/cli/progress.ts
function cliProgress(io) {
  if (io.stderr.isTTY === true) return ttyProgressBar(io.stderr);
  return {
    update: (snapshot) => io.stderr.write(`${progressText(snapshot)}
`),
    done: () => {
    }
  };
}

// src/report/error-advice.ts
var hostPort = (url) => url.host || url.hostname;
function errorAdvice(errorClass, context) {
  const { target } = context;
  switch (errorClass) {
    case "connection-refused":
      return `nothing accepted the connection at ${hostPort(target)}: is the server up, and listening on this port?`;
    case "connection-reset":
      return "the server closed connections mid-request: is it crashing or overloaded, or a proxy cutting them?";
    case "dns":
      return `the host name ${target.hostname} does not resolve: check the target's spelling, or wait until the preview's DNS exists`;
    case "tls":
      return target.protocol === "https:" ? "the TLS handshake failed: for a preview with a self-signed certificate set `tls: { insecure: true }` in the profile; otherwise check the certificate, or http:// vs https://" : "a TLS error on an http:// target: does the server expect https://?";
    case "timeout":
      return `no answer within the request timeout (${formatMs(context.requestTimeoutMs)}): is the server stuck? Raise \`timeout:\` in the profile if it is only slow`;
    case "check-failed":
      return "responses failed the `expect:` checks: look at what the server answers (status, body, headers), or fix the `expect:` of the step";
    case "http-4xx":
      return "the server answered 4xx: a wrong path, or missing credentials (`headers:` in the profile or the `headers` input)?";
    case "http-5xx":
      return "the server answered 5xx: it fails on these requests; look at the server's logs";
    case "other":
      return "an unclassified failure (not a refusal, reset, DNS, TLS, timeout or HTTP status): look at the server and the network to it";
  }
}

// src/cli/report-invalid.ts
function reportInvalid(result, profile, io) {
  const { problems, errors } = measuredRunProblems(result, profile.gate);
  if (problems.length === 0) return false;
  io.stderr.write(`tailgate: the run is invalid, not evidence either way (exit 1):
`);
  for (const problem of problems) io.stderr.write(`  - ${problem}
`);
  if (errors.length > 0) io.stderr.write("Failed requests by cause:\n");
  const context = { target: profile.target, requestTimeoutMs: profile.requestTimeoutMs };
  for (const { errorClass, count } of errors) {
    io.stderr.write(`  ${errorClass} (${count}): ${errorAdvice(errorClass, context)}
`);
  }
  return true;
}

// src/cli/run-live-ab.ts
async function runLiveAbCommand(profilePath, profile, flags, io) {
  const baselineTarget = readProfile(profilePath, {
    target: flags["baseline-target"],
    targetName: "--baseline-target"
  }).target;
  const baselineOut = flags["baseline-out"] ?? "tailgate-baseline.json";
  await checkWritable(baselineOut, "--baseline-out");
  io.stderr.write(`Live A/B: baseline ${baselineTarget.origin}, candidate ${profile.target.origin}, interleaved
`);
  const { baseline, candidate } = await measureLiveAbProfile({
    profile,
    baselineTarget,
    candidateTarget: profile.target,
    signal: io.signal,
    environment: localEnvironment(),
    git: localGitContext(),
    ...flags.quiet ? {} : { onStep: (step) => io.stderr.write(`${stepLine(step)}
`) }
  });
  const paths = {
    baseline: await io.writeText(baselineOut, serializeRunResult(baseline)),
    candidate: await io.writeText(flags.out, serializeRunResult(candidate))
  };
  for (const [side, result] of [
    ["baseline", baseline],
    ["candidate", candidate]
  ]) {
    const capacity = result.capacity ? `; capacity: ${result.capacity.reason}` : "";
    io.stderr.write(`The ${side} result is at ${paths[side]}${capacity}
`);
  }
  io.stderr.write(`Gate them with: tailgate compare --baseline ${baselineOut} --candidate ${flags.out}
`);
  if (candidate.completion.status === "partial" || baseline.completion.status === "partial") {
    io.stderr.write("The run was cut short; the partial results were written\n");
    return EXIT.interrupted;
  }
  return noEvidence(baseline, profile, io) || noEvidence(candidate, profile, io) ? EXIT.gateFailed : EXIT.pass;
}
function noEvidence(result, profile, io) {
  if (result.capacity) return result.capacity.status === "invalid";
  return reportInvalid(result, profile, io);
}

// src/cli/run.ts
async function runCommand(profilePath, flags, io) {
  if (!profilePath) {
    throw new ConfigError("profile", "is missing", "pass the profile file: tailgate run tailgate.yml");
  }
  const full = readProfile(profilePath, flags.target ? { target: flags.target, targetName: "--target" } : {});
  const shard = parseShard(flags.shard ?? "", "--shard");
  const profile = applyShard(full, shard);
  const out = flags.out ?? "tailgate-result.json";
  await checkWritable(out, "--out");
  const roundsWarning = profile.capacity === null ? roundsTooFew(profile) : null;
  if (roundsWarning) io.stderr.write(`warning: ${roundsWarning}
`);
  if (flags["baseline-target"] !== void 0) {
    if (shard) throw new ConfigError("--shard", "cannot be combined with --baseline-target", "drop one of the two");
    return await runLiveAbCommand(profilePath, profile, { ...flags, out }, io);
  }
  const progress = flags.quiet ? void 0 : cliProgress(io);
  const result = await measureProfile({
    profile,
    signal: io.signal,
    environment: localEnvironment(),
    git: localGitContext(),
    ...progress ? { onProgress: progress.update } : {},
    ...flags.quiet ? {} : { onStep: (step) => io.stderr.write(`${stepLine(step)}
`) }
  });
  progress?.done();
  const outPath = await io.writeText(out, serializeRunResult(result));
  const requests = result.endpoints.reduce((n, e) => n + e.rounds.reduce((m, r) => m + r.requests, 0), 0);
  io.stderr.write(
    `Measured ${plural(requests, "request")} on ${plural(result.endpoints.length, "endpoint")}; result written to ${outPath}
`
  );
  const capacity = result.capacity;
  if (capacity) {
    io.stderr.write(
      `Capacity: ${capacity.reason}. ${capacity.steps.length} steps, ${capacity.totalRequests} requests, ${(capacity.totalDurationMs / 1e3).toFixed(1)} s
`
    );
  }
  if (result.completion.status === "partial") {
    io.stderr.write(`The run was cut short (${result.completion.reason}); the partial result was written
`);
    return EXIT.interrupted;
  }
  if (capacity) return capacity.status === "invalid" ? EXIT.gateFailed : EXIT.pass;
  return reportInvalid(result, profile, io) ? EXIT.gateFailed : EXIT.pass;
}
function roundsTooFew(profile) {
  const endpoints = new Set(profile.scenarios.flatMap((scenario) => scenario.steps.map((step) => step.name)));
  const warning = cannotFailWarning({
    baselineRounds: profile.rounds,
    candidateRounds: profile.rounds,
    comparisons: endpoints.size * profile.gate.metrics.length,
    alpha: profile.gate.alpha
  });
  return warning && `rounds: ${profile.rounds} is too few. ${warning}`;
}

export {
  runCommand,
  roundsTooFew
};
