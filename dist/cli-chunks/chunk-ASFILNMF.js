import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  compareSamples,
  historyPaths,
  localReport,
  parseBundle,
  parseRunResult,
  readHistoryFiles,
  renderJsonReport,
  renderJunit,
  renderMarkdown,
  renderTerminal,
  sourceOfResult
} from "./chunk-OAPMMLO6.js";
import {
  EXIT,
  parseSampleText
} from "./chunk-U34LIMCD.js";
import {
  DEFAULT_GATE,
  FAIL_ON,
  parseDurationMs,
  parsePercentFraction
} from "./chunk-WSM33NK3.js";
import {
  ConfigError
} from "./chunk-ACCG5V5L.js";

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
  const profile = flags.profile ? (await import("./load-profile-6ZXETNJS.js")).readProfile(flags.profile, { gateOnly: true }) : null;
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
function looksLikeRunResult(text) {
  return /^\s*\{/.test(text);
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
