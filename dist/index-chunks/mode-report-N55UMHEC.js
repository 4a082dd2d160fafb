import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  parseBundle
} from "./chunk-XTJEJFVL.js";
import {
  gateAndPublish
} from "./chunk-ADRYNUIH.js";
import "./chunk-YKWO64P6.js";
import "./chunk-WW26TF7L.js";
import "./chunk-VSHOYYU7.js";
import {
  ResultFormatError,
  parseRunResult
} from "./chunk-HUK7SR2E.js";
import "./chunk-R6EOTZPH.js";
import "./chunk-AQQRMPL3.js";
import "./chunk-U4VOYMDS.js";
import {
  ConfigError,
  messageOf
} from "./chunk-K32UBI76.js";
import "./chunk-5DOGR3KY.js";

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

// src/action/mode-report.ts
async function runReportMode(settings, deps) {
  const { candidate, baseline, history, baselineLines } = await readResultPair(settings, deps);
  const restored = {
    outcome: baseline ? {
      kind: "found",
      result: baseline,
      history,
      source: sourceOfResult(baseline, { store: "file", reference: settings.baselinePath ?? "" }),
      warnings: []
    } : { kind: "missing", reason: baselineLines[0] ?? "no baseline file", warnings: [] },
    lines: baselineLines
  };
  await gateAndPublish(candidate, restored, { deps, settings, profile: null, mode: "report" });
}
async function readResultPair(settings, deps) {
  if (!settings.resultPath) {
    throw new ConfigError(
      "result-path",
      "mode: report needs the candidate result file",
      "set result-path to the RunResult downloaded from the measuring run (e.g. tailgate-results/result.json)"
    );
  }
  let candidateText;
  try {
    candidateText = await deps.files.readText(settings.resultPath);
  } catch (error) {
    throw new ConfigError("result-path", `cannot read '${settings.resultPath}' (${messageOf(error)})`, "check the path");
  }
  const candidate = parseRunResult(candidateText, settings.resultPath);
  if (!settings.baselinePath) {
    return { candidate, baseline: null, history: [], baselineLines: ["no baseline-path was given to mode: report"] };
  }
  try {
    const bundle = parseBundle(await deps.files.readText(settings.baselinePath), settings.baselinePath);
    for (const warning of bundle.warnings) deps.log.warning(warning);
    return {
      candidate,
      baseline: bundle.current,
      // The earlier baselines the bundle carries measure the job-to-job shift (the same gate as mode: compare).
      history: [...bundle.history],
      baselineLines: [`Baseline: file ${settings.baselinePath}.`]
    };
  } catch (error) {
    const why = error instanceof ResultFormatError ? error.message : `cannot read ${settings.baselinePath}: ${messageOf(error)}`;
    deps.log.warning(`Baseline not usable: ${why}`);
    return { candidate, baseline: null, history: [], baselineLines: [`baseline not usable: ${why}`] };
  }
}
export {
  readResultPair,
  runReportMode
};
