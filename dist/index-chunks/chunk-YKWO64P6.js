import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  DURATION_HINT,
  parseDurationMs,
  parsePercentFraction
} from "./chunk-VSHOYYU7.js";
import {
  NEVER,
  _enum,
  array,
  artifactClient,
  formatTimeout,
  number,
  record,
  strictObject,
  string,
  union,
  withDeadline
} from "./chunk-R6EOTZPH.js";
import {
  describeApiError,
  httpStatusOf,
  isRateLimitError
} from "./chunk-AQQRMPL3.js";
import {
  messageOf
} from "./chunk-K32UBI76.js";

// src/action/report-upload.ts
import { dirname } from "node:path";
function reportArtifactName(profileId) {
  return `tailgate-report-${profileId.replace(/[^A-Za-z0-9._-]+/g, "-")}`;
}
function artifactReportUpload(options) {
  const uploadArtifact = options.uploadArtifact ?? (async (name, files, root) => (await artifactClient()).uploadArtifact(name, files, root));
  return {
    async upload(name, filePath) {
      if (!options.env.ACTIONS_RUNTIME_TOKEN) {
        return { kind: "not-uploaded", reason: "no artifact service in this job (ACTIONS_RUNTIME_TOKEN is unset)" };
      }
      try {
        const upload = await withDeadline(uploadArtifact(name, [filePath], dirname(filePath)), options.timeoutMs);
        if (upload.kind === "timeout") {
          return {
            kind: "not-uploaded",
            reason: `the upload did not finish within ${formatTimeout(options.timeoutMs)}`
          };
        }
        const id = upload.value.id;
        const url = id !== void 0 && options.runUrl !== null ? `${options.runUrl}/artifacts/${id}` : null;
        return { kind: "uploaded", name, url };
      } catch (error) {
        return { kind: "not-uploaded", reason: `the upload failed: ${messageOf(error).split("\n")[0]}` };
      }
    }
  };
}

// src/config/gate-schema.ts
var GATED_METRICS = ["p50", "p90", "p95", "p99", "mean", "error-rate", "throughput"];
var FAIL_ON = ["regression", "budget", "invalid", "inconclusive", "no-baseline"];
var BUDGET_METRICS = [
  "p50",
  "p90",
  "p95",
  "p99",
  "p99.9",
  "max",
  "mean",
  "error-rate",
  "rps",
  "recovery"
];
var BUDGET_OPERATORS = ["<", "<=", ">", ">="];
var DEFAULT_GATE = Object.freeze({
  metrics: Object.freeze(["p50", "p95"]),
  marginRelative: 0.05,
  marginAbsoluteMs: 1,
  alpha: 0.05,
  failOn: Object.freeze(["regression", "budget", "invalid"]),
  maxErrorRate: 0.5
});
var EVERY_ENDPOINT_KEY = "*";
var BUDGET_PATTERN = /^\s*([a-z0-9.-]+)\s*(<=|>=|<|>)\s*(.+?)\s*$/;
function parseBudget(expression) {
  const match = BUDGET_PATTERN.exec(expression);
  if (!match) return `'${expression}' is not a budget; write e.g. "p95 < 300ms", "error-rate < 1%" or "rps >= 50"`;
  const [, metricText, operator, valueText] = match;
  if (!BUDGET_METRICS.includes(metricText)) {
    return `unknown budget metric '${metricText}'; use one of ${BUDGET_METRICS.join(", ")}`;
  }
  const metric = metricText;
  let threshold;
  if (metric === "error-rate") {
    threshold = parsePercentFraction(valueText);
    if (threshold === void 0) return `'${valueText}' is not a rate for error-rate; write a percentage like 1%`;
  } else if (metric === "rps") {
    threshold = Number(valueText);
    if (!Number.isFinite(threshold) || threshold < 0) return `'${valueText}' is not a rate; write requests/s like 50`;
  } else {
    threshold = parseDurationMs(valueText);
    if (threshold === void 0) return `'${valueText}' is not a duration for ${metric}; ${DURATION_HINT}`;
  }
  return { expression: expression.trim(), metric, operator, threshold };
}
var budgetSchema = string().transform((text, ctx) => {
  const parsed = parseBudget(text);
  if (typeof parsed === "string") {
    ctx.addIssue({ code: "custom", message: parsed });
    return NEVER;
  }
  return parsed;
});
var BudgetsSchema = record(string(), union([budgetSchema, array(budgetSchema)])).transform((record2) => {
  const out = {};
  for (const [endpoint, value] of Object.entries(record2)) out[endpoint] = Array.isArray(value) ? value : [value];
  return out;
});
var SloSchema = union([array(budgetSchema).min(1, 'the SLO needs at least one objective, e.g. "p95 < 50ms"'), BudgetsSchema]).transform((value, ctx) => {
  const slo = Array.isArray(value) ? { [EVERY_ENDPOINT_KEY]: value } : value;
  for (const budget of Object.values(slo).flat()) {
    if (budget.metric === "rps" || budget.metric === "recovery") {
      ctx.addIssue({
        code: "custom",
        message: `'${budget.expression}' cannot be an SLO: a step is judged by latency or error-rate; use e.g. "p95 < 50ms"`
      });
      return NEVER;
    }
  }
  return slo;
});
var percentSchema = union([string(), number()]).transform((value, ctx) => {
  const fraction = parsePercentFraction(value);
  if (fraction === void 0) {
    ctx.addIssue({ code: "custom", message: `'${value}' is not a percentage; write e.g. 5%` });
    return NEVER;
  }
  return fraction;
});
var msSchema = union([string(), number()]).transform((value, ctx) => {
  const ms = parseDurationMs(value, "ms");
  if (ms === void 0) {
    ctx.addIssue({ code: "custom", message: `'${value}' is not a duration; ${DURATION_HINT}` });
    return NEVER;
  }
  return ms;
});
var GateSchema = strictObject({
  metrics: array(_enum(GATED_METRICS)).min(1).optional(),
  margin: strictObject({ relative: percentSchema.optional(), absolute: msSchema.optional() }).optional(),
  alpha: number().gt(0).lt(1).optional(),
  "fail-on": array(_enum(FAIL_ON)).optional(),
  "max-error-rate": percentSchema.optional()
}).transform(
  (gate) => ({
    metrics: gate.metrics ?? DEFAULT_GATE.metrics,
    marginRelative: gate.margin?.relative ?? DEFAULT_GATE.marginRelative,
    marginAbsoluteMs: gate.margin?.absolute ?? DEFAULT_GATE.marginAbsoluteMs,
    alpha: gate.alpha ?? DEFAULT_GATE.alpha,
    failOn: gate["fail-on"] ?? DEFAULT_GATE.failOn,
    maxErrorRate: gate["max-error-rate"] ?? DEFAULT_GATE.maxErrorRate
  })
);

// src/github/comments.ts
function commentMarker(profileId) {
  return `<!-- tailgate:${encodeURIComponent(profileId.toWellFormed())} -->`;
}
function withMarker(body, marker) {
  return body.includes(marker) ? body : `${body.trimEnd()}

${marker}`;
}
var READ_ONLY_TOKEN_FIX = "for pull requests from forks, use the two-workflow pattern: the pull_request workflow measures and uploads the result as an artifact, and a workflow_run workflow runs Tailgate with 'mode: report' to comment (it never checks out PR code); for same-repository PRs, grant 'permissions: pull-requests: write' to the job";
async function findComment(target) {
  try {
    const comments = await target.rest.paginate(target.rest.rest.issues.listComments, {
      owner: target.repository.owner,
      repo: target.repository.repo,
      issue_number: target.pullRequest,
      per_page: 100
    });
    const author = target.author.toLowerCase();
    const chosen = comments.find((c) => c.user?.login?.toLowerCase() === author && c.body?.includes(target.marker));
    return chosen ? { kind: "found", id: chosen.id, url: chosen.html_url, body: chosen.body ?? "" } : { kind: "absent" };
  } catch (error) {
    return {
      kind: "unknown",
      reason: `could not list the comments of PR #${target.pullRequest}: ${describeApiError(error)}`,
      error
    };
  }
}
async function upsertComment(target) {
  const body = withMarker(target.body, target.marker);
  const { owner, repo } = target.repository;
  const existing = await findComment(target);
  if (existing.kind === "unknown") return notPosted(existing.error, target.pullRequest);
  try {
    if (existing.kind === "found") {
      const { data: data2 } = await target.rest.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      return { kind: "updated", url: data2.html_url, id: data2.id };
    }
    const { data } = await target.rest.rest.issues.createComment({
      owner,
      repo,
      issue_number: target.pullRequest,
      body
    });
    return { kind: "created", url: data.html_url, id: data.id };
  } catch (error) {
    return notPosted(error, target.pullRequest);
  }
}
function notPosted(error, pullRequest) {
  const status = httpStatusOf(error);
  if (status === 403 && /not accessible by integration/i.test(messageOf(error))) {
    return {
      kind: "not-posted",
      reason: `the PR comment was not posted: this run's token is read-only (403 Resource not accessible by integration), as it always is for pull requests from forks; the report is in the job summary`,
      fix: READ_ONLY_TOKEN_FIX
    };
  }
  const reason = `the comment on PR #${pullRequest} was not posted: ${describeApiError(error)}; the report is in the job summary`;
  if (isRateLimitError(error)) {
    return {
      kind: "not-posted",
      reason,
      fix: "GitHub's API rate limit was hit (the token's permissions are fine): re-run the job once the limit resets, and spread out workflows that share this token"
    };
  }
  return {
    kind: "not-posted",
    reason,
    fix: status === 403 || status === 404 ? "give the token 'pull-requests: write' (or 'issues: write') permission" : "re-run the job once the GitHub API answers again"
  };
}

export {
  commentMarker,
  withMarker,
  findComment,
  upsertComment,
  reportArtifactName,
  artifactReportUpload,
  GATED_METRICS,
  FAIL_ON,
  BUDGET_METRICS,
  BUDGET_OPERATORS,
  DEFAULT_GATE,
  EVERY_ENDPOINT_KEY,
  parseBudget,
  BudgetsSchema,
  SloSchema,
  percentSchema,
  GateSchema
};
