import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  LocalServerError,
  TARGET_INPUTS,
  TargetNotReadyError,
  looksLikeSha,
  notReadyError,
  plural,
  shaFromBody,
  shaFromHeader,
  shaMatches,
  shortSha
} from "./chunk-YLPATJRA.js";
import {
  require_undici
} from "./chunk-IBM4CIJB.js";
import {
  readProfile
} from "./chunk-4JS4PVKQ.js";
import {
  formatMs
} from "./chunk-VSHOYYU7.js";
import {
  ConfigError,
  ConfigErrors
} from "./chunk-K32UBI76.js";
import {
  __toESM
} from "./chunk-5DOGR3KY.js";

// src/action/prepare-target.ts
var import_undici2 = __toESM(require_undici(), 1);

// src/action/preview/local-server.ts
import { spawn } from "node:child_process";
import { once } from "node:events";
import { stat } from "node:fs/promises";
import { setTimeout as delay3 } from "node:timers/promises";

// src/action/preview/redact.ts
var REDACTED = "***";
var noRedaction = (text) => text;
function secretForms(secret) {
  if (secret === "") return [];
  const percent = encodeURIComponent(secret);
  const forms = [
    secret,
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    percent.replace(/%20/g, "+"),
    encodeURI(secret),
    Buffer.from(secret, "utf8").toString("base64"),
    Buffer.from(secret, "utf8").toString("base64url"),
    JSON.stringify(secret).slice(1, -1)
  ];
  return [...new Set(forms)].filter((form) => form !== "");
}
var escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function createRedactor(secrets) {
  const forms = [...new Set([...secrets].flatMap(secretForms))].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return noRedaction;
  const pattern = new RegExp(forms.map(escapeRegExp).join("|"), "g");
  return (text) => text.replace(pattern, REDACTED);
}

// src/action/preview/output-ring.ts
var MAX_LINE_CHARS = 1e3;
function createOutputRing(capacity, redact = noRedaction) {
  const kept = [];
  const partial = /* @__PURE__ */ new Map();
  const keep = (line) => {
    kept.push(redact(line.slice(0, MAX_LINE_CHARS).replace(/\r$/, "")));
    if (kept.length > capacity) kept.splice(0, kept.length - capacity);
  };
  return {
    push(stream, chunk) {
      const text = (partial.get(stream) ?? "") + chunk.toString();
      const parts = text.split("\n");
      const rest = parts.pop() ?? "";
      for (const line of parts) keep(line);
      partial.set(stream, rest.slice(0, MAX_LINE_CHARS));
    },
    lines() {
      const pending = [...partial.values()].filter((line) => line !== "").map((line) => redact(line));
      return [...kept, ...pending].slice(-capacity);
    }
  };
}

// src/action/preview/process-group.ts
import { readdirSync, readFileSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
var POLL_MS = 25;
var AFTER_KILL_MS = 2e3;
function signalGroup(groupId, signal) {
  try {
    process.kill(-groupId, signal);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function groupExists(groupId) {
  return signalGroup(groupId, 0) && hasLivingMember(groupId);
}
function hasLivingMember(groupId) {
  let entries;
  try {
    entries = readdirSync("/proc");
  } catch {
    return true;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const state = processStat(entry);
    if (state !== null && state.groupId === groupId && state.state !== "Z" && state.state !== "X") return true;
  }
  return false;
}
function processStat(pid) {
  try {
    const stat2 = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat2.slice(stat2.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", groupId: Number(fields[2]) };
  } catch {
    return null;
  }
}
async function waitGroupGone(groupId, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (groupExists(groupId)) {
    if (Date.now() >= deadline) return false;
    await delay(POLL_MS);
  }
  return true;
}
function terminateGroup(groupId, graceMs) {
  signalGroup(groupId, "SIGTERM");
  return (async () => {
    if (await waitGroupGone(groupId, graceMs)) return "terminated";
    signalGroup(groupId, "SIGKILL");
    return await waitGroupGone(groupId, AFTER_KILL_MS) ? "killed" : "survived";
  })();
}

// src/action/preview/readiness.ts
import { performance } from "node:perf_hooks";
import { setTimeout as delay2 } from "node:timers/promises";

// src/action/preview/probe.ts
var import_undici = __toESM(require_undici(), 1);
var DEFAULT_MAX_BODY_BYTES = 64 * 1024;
var FAILURE_TEXTS = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset by the server",
  EPIPE: "connection reset by the server",
  UND_ERR_SOCKET: "the server closed the connection",
  ENOTFOUND: "DNS lookup failed (no such host)",
  EAI_AGAIN: "DNS lookup failed (temporary failure)",
  EAI_FAIL: "DNS lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable"
};
var TIMEOUT_CODES = ["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_CONNECT_TIMEOUT", "ETIMEDOUT"];
async function probe(options) {
  const deadline = AbortSignal.timeout(Math.max(1, Math.ceil(options.timeoutMs)));
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  try {
    const response = await (0, import_undici.request)(options.url, {
      method: "GET",
      headers: { ...options.headers },
      signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      ...options.dispatcher ? { dispatcher: options.dispatcher } : {}
    });
    const body = options.readBody ? await readText(response.body, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES) : await response.body.dump().then(() => "");
    return { kind: "answer", status: response.statusCode, headers: response.headers, body };
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (deadline.aborted) return { kind: "failure", problem: `no answer within ${formatMs(options.timeoutMs)}` };
    return { kind: "failure", problem: describeFailure(error, options.url, options.timeoutMs) };
  }
}
function describeFailure(error, url, timeoutMs) {
  const where = url.host;
  let current = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === "object"; depth++) {
    const { code, message: message2 } = current;
    if (typeof code === "string") {
      if (TIMEOUT_CODES.includes(code)) return `no answer from ${where} within ${formatMs(timeoutMs)}`;
      const text = FAILURE_TEXTS[code];
      if (text) return `${text} (${where})`;
      if (code.includes("CERT") || code.startsWith("ERR_TLS_") || code.startsWith("ERR_SSL_") || code === "EPROTO") {
        return `TLS error with ${where}: ${typeof message2 === "string" ? message2 : code}`;
      }
    }
    current = current.cause;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `request to ${where} failed: ${message}`;
}
async function readText(body, maxBytes) {
  const chunks = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= maxBytes) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString("utf8");
}

// src/action/preview/status-set.ts
var DEFAULT_READY_STATUS = "200-299";
var PART = /^(?:([1-5])xx|(\d{3})(?:\s*-\s*(\d{3}))?)$/i;
function parseStatusSet(text, field = TARGET_INPUTS.readyStatus) {
  const parts = text.split(",").map((part) => part.trim()).filter((part) => part !== "");
  if (parts.length === 0)
    throw new ConfigError(field, "no status given", `write e.g. ${DEFAULT_READY_STATUS} or 200,401`);
  const ranges = parts.map((part) => {
    const match = PART.exec(part);
    if (match === null) {
      throw new ConfigError(field, `'${part}' is not a status, a range or a class`, "write e.g. 200-299,401 or 2xx");
    }
    if (match[1] !== void 0) return [Number(match[1]) * 100, Number(match[1]) * 100 + 99];
    const low = Number(match[2]);
    const high = match[3] === void 0 ? low : Number(match[3]);
    if (low < 100 || high > 599 || high < low) {
      throw new ConfigError(field, `'${part}' is not within 100-599 (low to high)`, "write e.g. 200-299,401");
    }
    return [low, high];
  });
  return statusSet(ranges);
}
function statusSet(items) {
  const ranges = items.map((item) => typeof item === "number" ? [item, item] : item);
  return {
    ranges,
    has: (status) => ranges.some(([low, high]) => status >= low && status <= high),
    text: ranges.map(([low, high]) => low === high ? String(low) : `${low}-${high}`).join(",")
  };
}

// src/action/preview/readiness.ts
var DEFAULT_WAIT_TIMEOUT_MS = 3e5;
var DEFAULT_ATTEMPT_TIMEOUT_MS = 1e4;
var BACKOFF_MS = { first: 250, max: 5e3, jitter: 0.2 };
function backoffDelayMs(attempt2, random = Math.random) {
  const base = Math.min(BACKOFF_MS.max, BACKOFF_MS.first * 2 ** Math.max(0, attempt2 - 1));
  const draw = random();
  const unit = Number.isFinite(draw) ? Math.min(1, Math.max(0, draw)) : 0.5;
  const jittered = base * (1 - BACKOFF_MS.jitter + 2 * BACKOFF_MS.jitter * unit);
  return Math.min(BACKOFF_MS.max, Math.max(BACKOFF_MS.first, jittered));
}
async function waitForReady(options) {
  const clock = options.clock ?? { now: () => performance.now() };
  const sleep = options.sleep ?? realSleep;
  const redact = options.redact ?? noRedaction;
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const healthPath = options.healthPath ?? "/";
  const healthUrl = pathUrl(options.url, healthPath, TARGET_INPUTS.healthPath);
  const accept = toStatusSet(options.acceptStatus);
  const expected = expectedSha(options, redact);
  const check = { ...options, healthUrl, accept, expected };
  const startedMs = clock.now();
  const deadlineMs = startedMs + timeoutMs;
  let attempts = 0;
  let previous = "";
  let servedSha = null;
  for (; ; ) {
    options.signal?.throwIfAborted();
    attempts++;
    const remainingMs = deadlineMs - clock.now();
    const attemptLimitMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
    const attemptTimeoutMs = Math.ceil(Math.min(attemptLimitMs, Math.max(1e3, remainingMs)));
    const outcome = await attempt(check, attemptTimeoutMs);
    servedSha = outcome.servedSha ?? servedSha;
    const waitedMs = clock.now() - startedMs;
    if (outcome.problem === null) {
      const commit = servedSha === null ? "" : `, serving commit ${shortSha(servedSha)}`;
      options.log.info(
        redact(`Target ${healthUrl.href} is ready after ${plural(attempts)} (${formatMs(waitedMs)})${commit}`)
      );
      return { url: healthUrl, attempts, waitedMs, servedSha };
    }
    options.log.debug(redact(`Readiness attempt ${attempts} on ${healthUrl.href}: ${outcome.problem}`));
    if (outcome.problem !== previous) {
      options.log.info(redact(`Waiting for ${healthUrl.href} (up to ${formatMs(timeoutMs)}): ${outcome.problem}`));
      previous = outcome.problem;
    }
    if (clock.now() >= deadlineMs) {
      throw notReadyError({
        healthUrl,
        healthPath,
        accept,
        expected,
        timeoutMs,
        attempts,
        waitedMs,
        servedSha,
        redact,
        outcome
      });
    }
    await sleep(Math.min(backoffDelayMs(attempts, options.random), deadlineMs - clock.now()), options.signal);
  }
}
async function attempt(check, timeoutMs) {
  const common = { timeoutMs, dispatcher: check.dispatcher, signal: check.signal, headers: check.headers };
  const health = await probe({ ...common, url: check.healthUrl });
  if (health.kind === "failure") return { problem: health.problem, servedSha: null };
  if (!check.accept.has(health.status))
    return { problem: statusProblem(health), servedSha: null, status: health.status };
  const expect = check.expectSha;
  if (expect === void 0) return { problem: null, servedSha: null };
  let served;
  let source;
  if ("header" in expect) {
    served = shaFromHeader(health.headers, expect.header);
    source = `header ${expect.header}`;
  } else {
    const url = pathUrl(check.url, expect.path, TARGET_INPUTS.expectShaPath);
    source = url.pathname;
    const version = await probe({ ...common, url, readBody: true });
    if (version.kind === "failure") return { problem: `${source}: ${version.problem}`, servedSha: null };
    if (version.status < 200 || version.status > 299) {
      return { problem: `${source} answered HTTP ${version.status}`, servedSha: null, shaProblem: true };
    }
    served = shaFromBody(version.body, expect.jsonField);
    source = `${source} field ${expect.jsonField ?? "sha/commit/version"}`;
  }
  if (check.expected === null) return { problem: null, servedSha: served };
  if (served === null) return { problem: `no commit in ${source}`, servedSha: null, shaProblem: true };
  if (!shaMatches(served, check.expected)) {
    return {
      problem: `serves commit ${shortSha(served)} (${source}), this run measures ${shortSha(check.expected)}`,
      servedSha: served,
      shaProblem: true
    };
  }
  return { problem: null, servedSha: served };
}
function statusProblem(answer) {
  const location = answer.headers.location;
  const redirect = answer.status >= 300 && answer.status < 400 && typeof location === "string" ? ` to ${location}` : "";
  return `HTTP ${answer.status}${redirect}`;
}
function expectedSha(options, redact) {
  if (options.expectSha === void 0) return null;
  const sha = options.sha?.trim() ?? "";
  if (looksLikeSha(sha)) return sha.toLowerCase();
  options.log.warning(
    redact(
      sha === "" ? "The commit this run measures is unknown (not a pull_request or deployment_status event): the served commit is not checked" : `'${sha}' is not a commit SHA (7+ hexadecimal characters): the served commit is not checked`
    )
  );
  return null;
}
function toStatusSet(accept) {
  if (accept === void 0) return parseStatusSet(DEFAULT_READY_STATUS);
  if (typeof accept === "string") return parseStatusSet(accept);
  if ("has" in accept) return accept;
  return statusSet(accept);
}
function pathUrl(base, path, field) {
  if (!path.startsWith("/") || path.startsWith("//")) {
    throw new ConfigError(field, `'${path}' is not a path`, "write a path starting with a single /, e.g. /health");
  }
  return new URL(base.pathname.replace(/\/+$/, "") + path, base.origin);
}
async function realSleep(durationMs, signal) {
  try {
    await delay2(durationMs, void 0, { signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
}

// src/action/preview/local-server.ts
var DEFAULT_GRACE_MS = 5e3;
var DEFAULT_OUTPUT_LINES = 100;
var QUOTED_LINES = 20;
async function startLocalServer(options) {
  options.signal?.throwIfAborted();
  const redact = options.redact ?? noRedaction;
  const command = options.command.trim();
  if (command === "") {
    throw new ConfigError(
      TARGET_INPUTS.startCommand,
      "is empty",
      "write the command that starts your server, e.g. npm start"
    );
  }
  if (options.cwd !== void 0) await checkDirectory(options.cwd);
  const ring = createOutputRing(options.outputLines ?? DEFAULT_OUTPUT_LINES, redact);
  const { pid, exited, closed } = await spawnGroup(command, options, ring, redact);
  const stop = stopper(pid, options.graceMs ?? DEFAULT_GRACE_MS, exited);
  options.log.info(redact(`Started '${TARGET_INPUTS.startCommand}' (process group ${pid}): ${command}`));
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const readiness = waitForReady({ ...options.readiness, log: options.log, redact, signal: controller.signal });
  readiness.catch(() => {
  });
  try {
    const first = await Promise.race([readiness.then((ready) => ({ ready })), exited.then((exit) => ({ exit }))]);
    if ("exit" in first) {
      controller.abort();
      await stop();
      await Promise.race([closed, delay3(1e3, void 0, { ref: false })]);
      throw new LocalServerError(earlyExitMessage(command, first.exit, ring.lines(), redact), ring.lines());
    }
    const killNow = () => {
      signalGroup(pid, "SIGKILL");
    };
    return { pid, ready: first.ready, output: () => ring.lines(), stop, killNow };
  } catch (error) {
    controller.abort();
    await stop();
    if (error instanceof LocalServerError) throw error;
    if (error instanceof TargetNotReadyError) {
      throw new LocalServerError(`${error.message}${quote(ring.lines())}`, ring.lines());
    }
    throw error;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
}
async function spawnGroup(command, options, ring, redact) {
  const child = spawn("/bin/sh", ["-c", command], {
    cwd: options.cwd,
    env: { ...options.env ?? serverEnvironment(process.env) },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"]
  });
  const spawnError = once(child, "spawn").then(
    () => null,
    (error) => error
  );
  const closed = once(child, "close").catch(() => {
  });
  child.on("error", (error) => options.log.debug(redact(`start-command process error: ${error.message}`)));
  child.stdout?.on("data", (chunk) => ring.push("stdout", chunk));
  child.stderr?.on("data", (chunk) => ring.push("stderr", chunk));
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const failedToSpawn = await spawnError;
  if (failedToSpawn !== null || child.pid === void 0) {
    throw new LocalServerError(
      redact(`'${TARGET_INPUTS.startCommand}' could not be started: ${failedToSpawn?.message}`),
      []
    );
  }
  return { pid: child.pid, exited, closed };
}
var PRIVATE_VARIABLE = /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_CACHE_URL$|ACTIONS_RESULTS_URL$)/;
function serverEnvironment(env) {
  const kept = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== void 0 && !PRIVATE_VARIABLE.test(name)) kept[name] = value;
  }
  return kept;
}
function stopper(pid, graceMs, exited) {
  let stopping;
  return () => {
    stopping ??= (groupExists(pid) ? terminateGroup(pid, graceMs) : Promise.resolve("terminated")).then(
      async (outcome) => {
        await Promise.race([exited, delay3(1e3, void 0, { ref: false })]);
        return outcome;
      }
    );
    return stopping;
  };
}
async function checkDirectory(cwd) {
  const info = await stat(cwd).catch(() => null);
  if (info === null || !info.isDirectory()) {
    throw new ConfigError(
      TARGET_INPUTS.startCwd,
      `'${cwd}' is not a directory`,
      "write a directory relative to the workspace"
    );
  }
}
function earlyExitMessage(command, exit, lines, redact) {
  const how = exit.signal !== null ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  return redact(
    `'${TARGET_INPUTS.startCommand}' (${command}) ${how} before the target was ready; no load was sent; fix the command or its '${TARGET_INPUTS.startCwd}'`
  ).concat(quote(lines));
}
function quote(lines) {
  if (lines.length === 0) return "\n(the command wrote no output)";
  const shown = lines.slice(-QUOTED_LINES);
  return `
last ${shown.length} output line${shown.length === 1 ? "" : "s"}:
${shown.map((line) => `  ${line}`).join("\n")}`;
}

// src/action/preview/resolve.ts
var FIELD = "target";
var URL_EXAMPLE = "write an absolute http(s) URL, e.g. https://pr-42.preview.example.com";
var SHA = /^[0-9a-f]{7,64}$/i;
function resolveTarget(options) {
  const deployment = options.deployment ?? null;
  if (deployment !== null && deployment.state.toLowerCase() !== "success") {
    return {
      kind: "skip",
      reason: `deployment_status is '${deployment.state}', not 'success': nothing to measure until the deployment succeeds`
    };
  }
  const sha = deploymentSha(deployment);
  const input = nonEmpty(options.input);
  if (input !== null) return { kind: "measure", url: parseTargetUrl(input, "the target input"), sha, from: "input" };
  const environmentUrl = nonEmpty(deployment?.environmentUrl);
  if (environmentUrl !== null) {
    return {
      kind: "measure",
      url: parseTargetUrl(environmentUrl, "the deployment's environment_url"),
      sha,
      from: "deployment_status"
    };
  }
  const noEnvironmentUrl = "The deployment_status event has no environment_url";
  const fix = "set the environment URL in your deploy step (or pass the 'target' input) to measure the deployment itself";
  const targetUrl = nonEmpty(deployment?.targetUrl);
  if (targetUrl !== null) {
    const url = parseTargetUrl(targetUrl, "the deployment's target_url");
    const notice = `${noEnvironmentUrl}: measuring its target_url ${url.origin}; ${fix}`;
    return { kind: "measure", url, sha, from: "deployment_status", notice };
  }
  const profileTarget = options.profileTarget instanceof URL ? options.profileTarget.href : nonEmpty(options.profileTarget);
  if (profileTarget !== null) {
    const url = parseTargetUrl(profileTarget, "the profile's target");
    return deployment === null ? { kind: "measure", url, sha, from: "profile" } : {
      kind: "measure",
      url,
      sha,
      from: "profile",
      notice: `${noEnvironmentUrl}: measuring the profile's target ${url.origin} instead; ${fix}`
    };
  }
  throw new ConfigError(
    FIELD,
    deployment === null ? "no target URL" : "no target URL: the deployment_status event has no environment_url",
    `pass the 'target' input (e.g. target: \${{ steps.deploy.outputs.url }}), set 'target:' in the profile, or run on deployment_status`
  );
}
function parseTargetUrl(text, what) {
  const trimmed = text.trim();
  if (trimmed.includes("${{")) {
    throw new ConfigError(
      FIELD,
      `${what} still holds an unexpanded expression '${trimmed}'`,
      `pass it through a step output the workflow expands, e.g. target: \${{ steps.deploy.outputs.url }}`
    );
  }
  let url;
  try {
    url = new URL(trimmed);
  } catch {
    throw new ConfigError(FIELD, `${what} '${trimmed}' is not a URL`, URL_EXAMPLE);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(FIELD, `${what} uses '${url.protocol}'`, URL_EXAMPLE);
  }
  if (url.username !== "" || url.password !== "") {
    throw new ConfigError(
      FIELD,
      `${what} carries a user name or password`,
      `remove them from the URL and pass 'basic-auth: user:\${PASSWORD}' in the 'headers' input`
    );
  }
  return url;
}
function deploymentSha(deployment) {
  const sha = nonEmpty(deployment?.sha);
  return sha !== null && SHA.test(sha) ? sha.toLowerCase() : null;
}
function nonEmpty(text) {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

// src/action/redaction.ts
import { readFile } from "node:fs/promises";

// src/action/preview/secret-headers.ts
var BASIC_AUTH = "basic-auth";
var FORBIDDEN_HEADERS = [
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade"
];
var HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var ENV_REFERENCE = /\$\{([^}]*)\}/g;
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var VALUE_CHARS = /^[\t\x20-\x7E\x80-\xFF]*$/;
function parseSecretHeaders(options) {
  const input = options.input ?? "headers";
  const headers = {};
  const firstLine = /* @__PURE__ */ new Map();
  const secrets = /* @__PURE__ */ new Set();
  const errors = [];
  const fail = (line, problem, fix) => errors.push(new ConfigError(input, `line ${line.number} ${problem}`, fix));
  for (const line of significantLines(options.text)) {
    const colon = line.text.indexOf(":");
    if (colon <= 0) {
      fail(line, "is not a header line (no name before a colon)", "write one 'Name: value' per line");
      continue;
    }
    const name = line.text.slice(0, colon).trim().toLowerCase();
    if (!HEADER_NAME.test(name)) {
      fail(
        line,
        "has a header name with spaces or symbols",
        `write one 'Name: value' per line, e.g. 'x-api-key: \${API_KEY}'`
      );
      continue;
    }
    if (FORBIDDEN_HEADERS.includes(name)) {
      fail(line, `sets '${name}', which the HTTP client manages itself`, "remove this line");
      continue;
    }
    const resolved = resolveReferences(line.text.slice(colon + 1).trim(), options.env);
    if (!resolved.ok) {
      fail(line, resolved.problem, resolved.fix);
      continue;
    }
    for (const value of resolved.referenced) secrets.add(value);
    const problem = valueProblem(resolved.value);
    if (problem) {
      fail(line, `has a value for '${name}' that ${problem}`, "set a non-empty value on one line");
      continue;
    }
    const header = name === BASIC_AUTH ? basicAuth(resolved.value) : { name, value: resolved.value, extra: [] };
    if (header === null) {
      fail(line, `has a '${BASIC_AUTH}' value without a colon`, `write '${BASIC_AUTH}: user:password'`);
      continue;
    }
    const earlier = firstLine.get(header.name);
    if (earlier !== void 0) {
      fail(line, `sets '${header.name}' again (first set on line ${earlier})`, "keep one line per header");
      continue;
    }
    firstLine.set(header.name, line.number);
    headers[header.name] = header.value;
    secrets.add(resolved.value);
    secrets.add(header.value);
    for (const value of header.extra) secrets.add(value);
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new ConfigErrors(errors);
  return { headers: Object.freeze(headers), secrets: Object.freeze([...secrets].filter((s) => s !== "")) };
}
function significantLines(text) {
  return text.split(/\r?\n/).map((raw, index) => ({ number: index + 1, text: raw.trim() })).filter((line) => line.text !== "" && !line.text.startsWith("#"));
}
function resolveReferences(value, env) {
  const referenced = [];
  for (const match of value.matchAll(ENV_REFERENCE)) {
    const envName = match[1].trim();
    if (!ENV_NAME.test(envName)) {
      return { ok: false, problem: "has a $-reference that is not an environment variable name", fix: `write \${NAME}` };
    }
    const envValue = env[envName];
    if (envValue === void 0 || envValue === "") {
      return {
        ok: false,
        problem: `refers to the environment variable ${envName}, which is ${envValue === void 0 ? "not set" : "empty"}`,
        fix: `pass it to the step, e.g. 'env: { ${envName}: \${{ secrets.${envName} }} }' (secrets are empty in workflows from forks)`
      };
    }
    referenced.push(envValue);
  }
  const resolved = value.replace(ENV_REFERENCE, (_whole, envName) => env[envName.trim()] ?? "");
  return { ok: true, value: resolved, referenced };
}
function valueProblem(value) {
  if (value === "") return "is empty";
  if (!VALUE_CHARS.test(value)) return "contains a line break, a control character or a non-Latin-1 character";
  return null;
}
function basicAuth(credential) {
  const colon = credential.indexOf(":");
  if (colon < 0) return null;
  const encoded = Buffer.from(credential, "latin1").toString("base64");
  const password = credential.slice(colon + 1);
  return { name: "authorization", value: `Basic ${encoded}`, extra: [credential, encoded, password] };
}

// src/action/redaction.ts
function redactedDeps(deps, redact) {
  return {
    ...deps,
    log: {
      info: (message) => deps.log.info(redact(message)),
      warning: (message) => deps.log.warning(redact(message)),
      error: (message) => deps.log.error(redact(message)),
      debug: (message) => deps.log.debug(redact(message))
    },
    outputs: { set: (name, value) => deps.outputs.set(name, redact(value)) },
    writeSummary: (markdown) => deps.writeSummary(redact(markdown)),
    annotate: (annotation) => deps.annotate({ ...annotation, title: redact(annotation.title), message: redact(annotation.message) }),
    fail: (message) => deps.fail(redact(message)),
    files: { ...deps.files, writeText: (path, text) => deps.files.writeText(path, redact(text)) },
    comments: {
      exists: deps.comments.exists,
      upsert: (pullRequest, marker, body) => deps.comments.upsert(pullRequest, marker, redact(body))
    }
  };
}
var PROFILE_VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
async function profileVariableSecrets(profilePath, deps) {
  let text;
  try {
    text = await readFile(profilePath, "utf8");
  } catch {
    return [];
  }
  const names = new Set([...text.matchAll(PROFILE_VARIABLE)].map((m) => m[1]));
  return [...names].map((name) => deps.env[name] ?? "").filter((value) => value.trim() !== "");
}
function withSecretHeaders(headersInput, deps, extraSecrets = []) {
  const secret = parseSecretHeaders({ text: headersInput, env: deps.env });
  const secrets = [.../* @__PURE__ */ new Set([...secret.secrets, ...extraSecrets])];
  for (const value of secrets) deps.registerSecret(value);
  if (secrets.length === 0) return { deps, redact: noRedaction, headers: secret.headers };
  const redact = createRedactor(secrets);
  return { deps: redactedDeps(deps, redact), redact, headers: secret.headers };
}

// src/action/prepare-target.ts
async function prepareSecureTarget(settings, rawDeps) {
  const profileSecrets = await profileVariableSecrets(settings.profilePath, rawDeps);
  const { deps, redact, headers } = withSecretHeaders(settings.headers, rawDeps, profileSecrets);
  const target = await prepareTarget({
    settings,
    context: deps.context,
    log: deps.log,
    redact,
    headers,
    workspace: deps.workspace,
    signal: deps.signal,
    env: deps.env
  });
  return { deps, target };
}
async function prepareTarget(args) {
  const { settings } = args;
  const resolved = resolveProfileTarget(args);
  if (resolved.kind === "skip") return resolved;
  const { profile, resolution, baselineTarget } = resolved;
  const headers = { ...profile.headers, ...lowerCaseKeys(args.headers) };
  const dispatcher = profile.tls.insecure ? new import_undici2.Agent({ connect: { rejectUnauthorized: false } }) : void 0;
  const probe2 = {
    ...dispatcher ? { dispatcher } : {},
    healthPath: settings.healthPath,
    acceptStatus: settings.readyStatus,
    timeoutMs: settings.waitTimeoutMs,
    headers
  };
  const sha = resolution.sha ?? args.context.pullRequest?.headSha ?? args.context.sha;
  const expectSha = expectShaOf(settings);
  const { server, servedSha } = await startOrAwait(args, {
    ...probe2,
    url: resolution.url,
    sha,
    ...expectSha ? { expectSha } : {}
  });
  try {
    if (baselineTarget) {
      await waitForReady({ ...probe2, url: baselineTarget, log: args.log, signal: args.signal, redact: args.redact });
    }
  } catch (error) {
    await server?.stop();
    throw error;
  } finally {
    await dispatcher?.close();
  }
  return {
    kind: "measure",
    profile: { ...profile, target: resolution.url, headers },
    baselineTarget,
    servedSha,
    from: resolution.from,
    notice: resolution.notice ?? null,
    async stop() {
      await server?.stop();
    }
  };
}
function resolveProfileTarget(args) {
  const { settings, context } = args;
  const deployment = context.deployment ? {
    state: context.deployment.state,
    environmentUrl: context.deployment.url,
    targetUrl: context.deployment.targetUrl ?? null,
    sha: context.deployment.sha
  } : null;
  if (deployment && deployment.state.toLowerCase() !== "success") {
    const early = resolveTarget({ deployment });
    if (early.kind === "skip") return early;
  }
  const deployed = deployment?.state === "success" ? deployment.environmentUrl ?? deployment.targetUrl : null;
  const override = settings.target ?? deployed ?? void 0;
  const targetName = settings.target ? "target" : deployment?.environmentUrl ? "the deployment_status event's environment_url" : "the deployment_status event's target_url";
  const profile = readProfile(settings.profilePath, override ? { target: override, targetName } : {}, args.env);
  const resolution = resolveTarget({ input: settings.target ?? null, profileTarget: profile.target, deployment });
  if (resolution.kind === "skip") return resolution;
  const baselineTarget = settings.baselineTarget ? parseTargetUrl(settings.baselineTarget, "the baseline-target input") : null;
  return { kind: "measure", profile, resolution, baselineTarget };
}
async function startOrAwait(args, readiness) {
  const { settings } = args;
  if (!settings.startCommand) {
    const ready = await waitForReady({ ...readiness, log: args.log, signal: args.signal, redact: args.redact });
    return { server: null, servedSha: ready.servedSha };
  }
  args.log.info(
    `Starting the target with start-command, then waiting for ${readiness.url.origin}${settings.healthPath}`
  );
  const server = await startLocalServer({
    command: settings.startCommand,
    cwd: settings.startCwd ?? args.workspace,
    log: args.log,
    readiness,
    redact: args.redact,
    signal: args.signal
  });
  args.onServerStarted?.(server);
  return { server, servedSha: server.ready.servedSha };
}
function expectShaOf(settings) {
  if (settings.expectShaHeader) return { header: settings.expectShaHeader };
  if (settings.expectShaPath) return { path: settings.expectShaPath };
  return void 0;
}
function lowerCaseKeys(headers) {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

export {
  prepareSecureTarget
};
