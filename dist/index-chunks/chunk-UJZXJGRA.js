import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  keepMeasuredResult
} from "./chunk-4JS4PVKQ.js";
import {
  baselineBranchOf
} from "./chunk-JWIS7KBH.js";
import {
  gateAndPublish
} from "./chunk-ADRYNUIH.js";
import {
  profileFingerprint
} from "./chunk-U4VOYMDS.js";

// src/action/stored-baseline.ts
async function gateWithStore(candidate, args) {
  const { settings, mode, deps, profile } = args;
  const gateOptions = {
    deps,
    settings,
    profile,
    mode,
    sequential: args.sequential ?? null,
    ...args.target ? { target: args.target } : {}
  };
  const store = deps.baselines(settings);
  const query = baselineQuery(profile.id, candidate.profileFingerprint, mode, deps.context);
  const restore = args.restored ?? await store.restore(query);
  if (mode === "compare") {
    await keepMeasuredResult(deps, { profileId: profile.id, candidate, restored: restore });
    return gateAndPublish(candidate, restore, gateOptions);
  }
  const previous = restore.outcome;
  const history = previous.kind === "found" ? [previous.result, ...previous.history].slice(0, settings.history) : [];
  const saved = await store.save(candidate, history, query);
  for (const warning of saved.outcome.warnings) deps.log.warning(warning);
  deps.outputs.set("baseline-saved", saved.outcome.kind === "saved" ? "true" : "false");
  const measures = `This run measures the baseline of ${query.branch}${query.sha ? ` at ${query.sha.slice(0, 7)}` : ""}.`;
  const outcome = { kind: "missing", reason: "this run measures the baseline", warnings: previous.warnings };
  await gateAndPublish(candidate, { outcome, lines: [measures, ...saved.lines] }, { ...gateOptions, sequential: null });
}
async function storedBaselines(profile, settings, deps) {
  const { outcome } = await deps.baselines(settings).restore({
    profileId: profile.id,
    profileFingerprint: profileFingerprint(profile),
    branch: deps.context.defaultBranch ?? "main",
    sha: null
  });
  for (const warning of outcome.warnings) deps.log.warning(warning);
  return outcome.kind === "found" ? [outcome.result, ...outcome.history] : [];
}
function baselineQuery(profileId, profileFingerprint2, mode, context) {
  const { branch, sha } = mode === "baseline" ? { branch: context.branch ?? "main", sha: context.sha } : baselineBranchOf(context);
  return { profileId, profileFingerprint: profileFingerprint2, branch, sha };
}

export {
  gateWithStore,
  storedBaselines,
  baselineQuery
};
