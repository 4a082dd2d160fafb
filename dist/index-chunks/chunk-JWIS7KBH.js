import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);

// src/action/modes.ts
var LABEL_ACTIONS = /* @__PURE__ */ new Set(["labeled", "unlabeled"]);
function resolveMode(mode, context) {
  switch (mode) {
    case "auto":
      if (context.pullRequest && LABEL_ACTIONS.has(context.eventAction ?? "")) return "relabel";
      return context.eventName === "push" && context.branch !== null && context.branch === context.defaultBranch ? "baseline" : "compare";
    case "baseline":
    case "compare":
    case "report":
    case "merge":
    case "calibrate":
      return mode;
  }
}
function baselineBranchOf(context) {
  if (context.pullRequest) return { branch: context.pullRequest.baseBranch, sha: context.pullRequest.baseSha };
  return { branch: context.defaultBranch ?? context.branch ?? "main", sha: null };
}

export {
  resolveMode,
  baselineBranchOf
};
