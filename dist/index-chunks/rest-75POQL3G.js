import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  getOctokit
} from "./chunk-IVIL6PR6.js";
import "./chunk-TFM4LPPW.js";
import {
  headersOf,
  httpStatusOf,
  isRateLimitError
} from "./chunk-AQQRMPL3.js";
import {
  silentLog
} from "./chunk-K32UBI76.js";
import "./chunk-5DOGR3KY.js";

// src/github/rest.ts
var DEFAULT_RETRY_POLICY = { maxRetries: 3, baseDelayMs: 1e3, maxTotalWaitMs: 6e4 };
var GITHUB_API_VERSION = "2022-11-28";
var DEFAULT_REQUEST_TIMEOUT_MS = 3e4;
function createRestClient(options) {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const log = options.log ?? silentLog;
  const cancel = options.signal;
  const sleep = options.sleep ?? ((ms) => cancellableDelay(ms, cancel));
  const now = options.now ?? Date.now;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const octokit = getOctokit(options.token, { baseUrl: options.baseUrl.replace(/\/+$/, "") });
  octokit.hook.wrap("request", async (request, requestOptions) => {
    requestOptions.headers["x-github-api-version"] = GITHUB_API_VERSION;
    let waitedMs = 0;
    for (let attempt = 0; ; attempt++) {
      const what = `${requestOptions.method} ${String(requestOptions.url)}`;
      if (cancel?.aborted) throw cancelledError(what, cancel);
      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = cancel ? AbortSignal.any([cancel, deadline]) : deadline;
      requestOptions.request = { ...requestOptions.request, signal };
      try {
        return await request(requestOptions);
      } catch (error) {
        if (cancel?.aborted) throw cancelledError(what, cancel);
        if (deadline.aborted) throw new Error(`no answer from the GitHub API within ${seconds(timeoutMs)} (${what})`);
        const delayMs = retryDelayMs(error, attempt, policy, now);
        if (delayMs === null || attempt >= policy.maxRetries) throw error;
        if (waitedMs + delayMs > policy.maxTotalWaitMs) {
          log.warning(`GitHub API ${what}: ${describe(error)}; not retrying (would wait ${seconds(delayMs)})`);
          throw error;
        }
        log.info(
          `GitHub API ${what}: ${describe(error)}; retry ${attempt + 1} of ${policy.maxRetries} in ${seconds(delayMs)}`
        );
        await sleep(delayMs);
        waitedMs += delayMs;
      }
    }
  });
  return octokit;
}
function retryDelayMs(error, attempt, policy, now) {
  const status = httpStatusOf(error);
  const headers = headersOf(error);
  const retryAfterSeconds = Number.parseInt(headers["retry-after"] ?? "", 10);
  const backoffMs = policy.baseDelayMs * 2 ** attempt;
  if (isRateLimitError(error)) {
    if (Number.isFinite(retryAfterSeconds)) return Math.max(0, retryAfterSeconds * 1e3);
    const resetSeconds = Number.parseInt(headers["x-ratelimit-reset"] ?? "", 10);
    if (headers["x-ratelimit-remaining"] === "0" && Number.isFinite(resetSeconds)) {
      return Math.max(0, resetSeconds * 1e3 - now());
    }
    return Math.max(backoffMs, 6e4);
  }
  if (status !== null && status >= 500) return Number.isFinite(retryAfterSeconds) ? retryAfterSeconds * 1e3 : backoffMs;
  return null;
}
function describe(error) {
  const status = httpStatusOf(error);
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return status === null ? message : `${status} ${message}`;
}
function cancellableDelay(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
function cancelledError(what, signal) {
  const reason = signal.reason instanceof Error ? signal.reason.message : "cancelled";
  return new Error(`GitHub API ${what} not sent: ${reason}`);
}
function seconds(ms) {
  return ms < 1e3 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
export {
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_RETRY_POLICY,
  GITHUB_API_VERSION,
  createRestClient,
  isRateLimitError,
  retryDelayMs
};
