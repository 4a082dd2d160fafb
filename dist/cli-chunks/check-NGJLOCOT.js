import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  roundsTooFew
} from "./chunk-CU4SZBO6.js";
import "./chunk-EZTVH4YU.js";
import {
  shapeLevelAt
} from "./chunk-ZI5RPIZH.js";
import {
  isOpenModel,
  readProfile
} from "./chunk-2I6GUHVV.js";
import "./chunk-HEYURCVP.js";
import "./chunk-57U746Z7.js";
import {
  EVERY_ENDPOINT,
  formatP,
  plural,
  roundsNeeded
} from "./chunk-OAPMMLO6.js";
import {
  EXIT
} from "./chunk-U34LIMCD.js";
import "./chunk-KJRNQGKV.js";
import {
  minimumExactPValue
} from "./chunk-BOXC7D7V.js";
import {
  formatMs
} from "./chunk-WSM33NK3.js";
import {
  ConfigError
} from "./chunk-ACCG5V5L.js";
import "./chunk-HTDZXV36.js";

// src/load/expected-load.ts
function measuredIterations(profile) {
  const load = profile.load;
  switch (load.model) {
    case "constant-arrival-rate":
      return load.ratePerSecond * profile.durationMs / 1e3;
    case "ramping-arrival-rate": {
      let from = load.startRatePerSecond;
      let total = 0;
      for (const stage of load.stages) {
        total += (from + stage.target) / 2 * (stage.durationMs / 1e3);
        from = stage.target;
      }
      return total;
    }
    default:
      return 0;
  }
}
function expectedLoad(profile) {
  const totalWeight = profile.scenarios.reduce((sum, s) => sum + s.weight, 0);
  const requestsPerIteration = profile.scenarios.reduce((sum, s) => sum + s.weight / totalWeight * s.steps.length, 0);
  const perEndpoint = /* @__PURE__ */ new Map();
  for (const scenario of profile.scenarios) {
    for (const step of scenario.steps) {
      perEndpoint.set(step.name, (perEndpoint.get(step.name) ?? 0) + scenario.weight / totalWeight);
    }
  }
  const endpoints = [...perEndpoint].map(([name, perIteration]) => ({
    name,
    share: perIteration / requestsPerIteration
  }));
  const open = isOpenModel(profile.model);
  return {
    warmupIterations: open ? shapeLevelAt(profile.load, -1) * profile.warmupMs / 1e3 : null,
    measuredIterations: open ? measuredIterations(profile) : null,
    requestsPerIteration,
    endpoints
  };
}

// src/cli/check.ts
var CHECK_HELP = `tailgate check <profile.yml> [--target URL]

Validates a profile (syntax, keys, load model, data files, template variables, \${ENV} references) without sending
a request, and prints what 'tailgate run' would do: the endpoints, the schedule, how many requests, the rounds and
what the gate can detect with them. Exit 0: valid; exit 2: not (every problem with file:line and the fix).

Options:
  --target URL      base URL (overrides the profile's target)
  -h, --help        this help
`;
var count = (n) => Math.round(n).toLocaleString("en-US");
var percent = (fraction) => `${Math.round(fraction * 1e3) / 10} %`;
var duration = (ms) => ms >= 1e3 && ms % 1e3 === 0 ? `${ms / 1e3} s` : ms === 0 ? "0 s" : formatMs(ms);
function loadLines(profile) {
  const load = profile.load;
  switch (load.model) {
    case "constant-arrival-rate":
      return [`${count(load.ratePerSecond)} iterations/s, started on schedule (open model)`];
    case "ramping-arrival-rate":
      return [
        `from ${count(load.startRatePerSecond)}/s, ${load.stages.map((s) => `${duration(s.durationMs)} to ${count(s.target)}/s`).join(", ")} (open model)`
      ];
    case "constant-vus":
      return [`${plural(load.vus, "virtual user")}, each sending its next iteration when the last ends (closed model)`];
    case "ramping-vus":
      return [
        `from ${plural(load.startVus, "virtual user")}, ${load.stages.map((s) => `${duration(s.durationMs)} to ${count(s.target)}`).join(", ")} (closed model)`
      ];
  }
}
function detectionLines(profile, endpoints) {
  const { alpha, metrics, marginRelative, marginAbsoluteMs } = profile.gate;
  const comparisons = endpoints * metrics.length;
  const level = alpha / comparisons;
  const smallest = minimumExactPValue(profile.rounds, profile.rounds);
  const canFail = smallest < level;
  const lines = [
    `${metrics.join(", ")} per endpoint: ${plural(comparisons, "comparison")} at alpha ${alpha} (Holm: the first needs p < ${formatP(level)})`,
    `a change counts only above the margin, max(${percent(marginRelative)}, ${formatMs(marginAbsoluteMs)}) of the baseline`,
    canFail ? `${profile.rounds} rounds per side: the smallest possible p-value is ${formatP(smallest)}, below ${formatP(level)}, so a regression beyond the margin can be confirmed when the candidate's rounds are consistently slower` : `${profile.rounds} rounds per side: the smallest possible p-value is ${formatP(smallest)}, not below ${formatP(level)}: the gate can never report a regression; use rounds: ${roundsNeeded(alpha, comparisons)} or more`,
    `how small a change this runner's noise lets the gate see: tailgate calibrate ${profile.file ?? "<profile.yml>"}`
  ];
  return { lines, canFail };
}
function describeProfile(profile) {
  const expected = expectedLoad(profile);
  const roundMs = profile.durationMs / profile.rounds;
  const measuredRequests = expected.measuredIterations === null ? null : expected.measuredIterations * expected.requestsPerIteration;
  const warmupRequests = expected.warmupIterations === null ? null : expected.warmupIterations * expected.requestsPerIteration;
  const requests = measuredRequests === null || warmupRequests === null ? ["not known before the run: a closed model's rate follows the server's latency"] : [
    `${count(warmupRequests + measuredRequests)} in all: ${count(warmupRequests)} in the warm-up, ${count(measuredRequests)} measured (${count(measuredRequests / profile.rounds)} per round)`
  ];
  const endpointLines = expected.endpoints.map(({ name, share }) => {
    const measured = measuredRequests === null ? "" : `, ${count(share * measuredRequests)} measured`;
    return `${name}  (${percent(share)} of requests${measured})`;
  });
  const detection = detectionLines(profile, expected.endpoints.length);
  const budgets = Object.entries(profile.budgets).map(
    ([endpoint, list]) => `${endpoint === EVERY_ENDPOINT ? "* (every endpoint)" : endpoint}: ${list.map((b) => b.expression).join(", ")}`
  );
  const sections = [
    ["Profile", [profile.id]],
    ["Target", [profile.target.href]],
    ["Model", [profile.model]],
    ["Load", loadLines(profile)],
    [
      "Schedule",
      [
        `${duration(profile.warmupMs)} warm-up (excluded from every statistic), then ${duration(profile.durationMs)} measured in ${plural(profile.rounds, "round")} of ${duration(roundMs)}`
      ]
    ],
    ["Requests", [...requests, `timeout ${duration(profile.requestTimeoutMs)} per request`]],
    [plural(expected.endpoints.length, "endpoint").replace(/^\d+ e/, "E"), endpointLines],
    ["Gate", detection.lines],
    ["Budgets", budgets.length > 0 ? budgets : ["none"]]
  ];
  const width = Math.max(...sections.map(([label]) => label.length)) + 2;
  const text = sections.flatMap(([label, lines]) => lines.map((line, i) => `${(i === 0 ? label : "").padEnd(width)}${line}`)).join("\n");
  return { text, canFail: detection.canFail };
}
async function checkCommand(profilePath, flags, io) {
  if (!profilePath) throw new ConfigError("profile", "is missing", "pass the profile file: tailgate check tailgate.yml");
  const profile = readProfile(profilePath, flags.target ? { target: flags.target, targetName: "--target" } : {});
  const { text, canFail } = describeProfile(profile);
  io.stdout.write(`${profilePath}: valid; nothing was sent. 'tailgate run' would do this:

${text}
`);
  const roundsWarning = canFail ? null : roundsTooFew(profile);
  if (roundsWarning) io.stderr.write(`warning: ${roundsWarning}
`);
  return EXIT.pass;
}
export {
  CHECK_HELP,
  checkCommand,
  describeProfile,
  detectionLines
};
