import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  parseBundle,
  serializeBundle
} from "./chunk-XTJEJFVL.js";
import "./chunk-HUK7SR2E.js";
import {
  artifactClient,
  downloadRunArtifact,
  formatTimeout,
  withDeadline
} from "./chunk-R6EOTZPH.js";
import {
  describeApiError
} from "./chunk-AQQRMPL3.js";
import {
  PROFILE_CHANGED
} from "./chunk-U4VOYMDS.js";
import {
  messageOf
} from "./chunk-K32UBI76.js";
import "./chunk-5DOGR3KY.js";

// src/baseline/artifact-store.ts
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

// src/baseline/judge.ts
function judgeBaseline(options) {
  const { bundle, query, machine, source } = options;
  const warnings = [...options.warnings ?? [], ...bundle.warnings];
  const baseline = bundle.current;
  if (baseline.profileFingerprint !== query.profileFingerprint) {
    warnings.push(
      `The baseline of ${source.branch ?? query.branch} (${source.reference}) was measured with another load profile (fingerprint ${short(baseline.profileFingerprint)}, this run ${short(query.profileFingerprint)}), so it is not compared; the next baseline run on that branch measures the new profile`
    );
    return { kind: "missing", reason: PROFILE_CHANGED, warnings };
  }
  const machineWarning = differentMachine(baseline, machine);
  if (machineWarning) warnings.push(machineWarning);
  return {
    kind: "found",
    result: baseline,
    history: bundle.history.filter((r) => r.profileFingerprint === query.profileFingerprint),
    source,
    warnings
  };
}
function differentMachine(baseline, machine) {
  const then = baseline.environment;
  if (then.cpuModel === machine.cpuModel && then.cores === machine.cores) return null;
  return `The baseline was measured on a different machine (${then.cpuModel}, ${then.cores} cores; this run: ${machine.cpuModel}, ${machine.cores} cores): part of any difference may be the hardware`;
}
function short(fingerprint) {
  return fingerprint.length > 12 ? fingerprint.slice(0, 12) : fingerprint;
}

// src/baseline/artifact-store.ts
var RUNS_SEARCHED = 10;
var BUNDLE_FILE = "baseline.json";
function baselineArtifactName(profileId) {
  return `tailgate-baseline-${profileId.replace(/[^A-Za-z0-9._-]+/g, "-")}`;
}
function createArtifactStore(options) {
  const store = {
    ...options,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    pollIntervalMs: options.pollIntervalMs ?? 15e3,
    now: options.now ?? Date.now
  };
  return {
    name: "artifact",
    restore: (query) => restoreWaiting(store, query),
    save: (result, history) => saveArtifact(store, result, history)
  };
}
async function restoreWaiting(store, query) {
  const github = store.github;
  if (!github) return missing("no GitHub token to read earlier runs (input github-token)", false);
  const name = baselineArtifactName(query.profileId);
  const startedMs = store.now();
  for (; ; ) {
    const attempt = await lookOnce(store, { query, name, github });
    if (attempt.kind === "answer") return attempt.outcome;
    const pauseMs = await pauseBeforeNextLook(store, query.branch, github, store.now() - startedMs);
    if (pauseMs === null) return attempt.outcome;
    await store.sleep(pauseMs);
  }
}
async function lookOnce(store, look) {
  const attempt = await withDeadline(findAndDownload(store, look), store.timeoutMs).catch((error) => ({
    kind: "error",
    error
  }));
  if (attempt.kind === "done") return attempt.value;
  const reason = attempt.kind === "timeout" ? `the artifact lookup did not finish within ${formatTimeout(store.timeoutMs)} (baseline-timeout)` : `the artifact lookup failed: ${describeApiError(attempt.error)}`;
  return { kind: "answer", outcome: missing(reason, true) };
}
async function pauseBeforeNextLook(store, branch, github, waitedMs) {
  if (waitedMs >= store.waitMs) return null;
  const active = await github.lookup.activeRuns(branch).catch(() => []);
  if (active.length === 0) return null;
  return Math.min(store.pollIntervalMs, store.waitMs - waitedMs);
}
async function findAndDownload(store, look) {
  const { query, name, github } = look;
  const runs = (await github.lookup.successfulRuns(query.branch, 20)).filter((r) => String(r.id) !== store.currentRunId);
  const workflow = github.lookup.workflowLabel;
  if (runs.length === 0) {
    return none(`no successful run of ${workflow} on ${query.branch} yet, so no baseline artifact`);
  }
  for (const run of preferExactSha(runs, query.sha).slice(0, RUNS_SEARCHED)) {
    const artifact = await github.lookup.artifactOfRun(run.id, name);
    if (artifact) return { kind: "answer", outcome: await downloadAndJudge(store, look, run, artifact.id) };
  }
  return none(
    `no artifact ${name} in the last ${Math.min(runs.length, RUNS_SEARCHED)} successful runs of ${workflow} on ${query.branch}`
  );
}
async function downloadAndJudge(store, look, run, artifactId) {
  const { query, name, github } = look;
  const dir = join(store.workDir, "tailgate-baseline-download", String(run.id));
  await downloadRunArtifact({ artifactId, runId: run.id, dir, ...github });
  let bundle;
  try {
    bundle = parseBundle(await readFile(join(dir, BUNDLE_FILE), "utf8"), `artifact ${name} of run ${run.id}`);
  } catch (error) {
    const reason = messageOf(error);
    return { kind: "missing", reason, warnings: [`Baseline not used: ${reason}`] };
  }
  const exactSha = query.sha !== null && run.headSha === query.sha;
  const commitsBehind = !exactSha && query.sha ? await github.commitsBehind(run.headSha, query.sha) : null;
  return judgeBaseline({
    bundle,
    query,
    machine: store.machine,
    source: {
      store: "artifact",
      reference: `${name} (artifact ${artifactId} of run ${run.id})`,
      branch: query.branch,
      sha: run.headSha,
      exactSha,
      measuredAt: bundle.current.startedAt,
      commitsBehind,
      runId: String(run.id)
    }
  });
}
async function saveArtifact(store, result, history) {
  const name = baselineArtifactName(result.profileId);
  const dir = join(store.workDir, "tailgate-baseline-upload", name);
  try {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, BUNDLE_FILE), serializeBundle({ current: result, history }));
    const upload = await withDeadline(
      (await artifactClient()).uploadArtifact(name, [join(dir, BUNDLE_FILE)], dir),
      store.timeoutMs
    );
    if (upload.kind === "timeout")
      return notSaved(`the artifact upload did not finish within ${formatTimeout(store.timeoutMs)} (baseline-timeout)`);
    return { kind: "saved", reference: `artifact ${name} (id ${upload.value.id ?? "?"})`, warnings: [] };
  } catch (error) {
    return notSaved(`the artifact upload failed: ${firstLine(error)}`);
  }
}
function none(reason) {
  return { kind: "none", outcome: { kind: "missing", reason, warnings: [] } };
}
function preferExactSha(runs, sha) {
  const exact = runs.filter((r) => r.headSha === sha);
  return [...exact, ...runs.filter((r) => r.headSha !== sha)];
}
function missing(reason, warn) {
  return { kind: "missing", reason, warnings: warn ? [`Could not restore the baseline from artifacts: ${reason}`] : [] };
}
function notSaved(reason) {
  return { kind: "not-saved", reason, warnings: [`Could not save the baseline as an artifact: ${reason}`] };
}
function firstLine(error) {
  return messageOf(error).split("\n")[0] ?? "";
}

// src/baseline/cache-store.ts
import { mkdir as mkdir2, readFile as readFile2, rm as rm2, writeFile as writeFile2 } from "node:fs/promises";
import { dirname, join as join2 } from "node:path";

// src/baseline/cache-keys.ts
var CACHE_KEY_VERSION = "tailgate-v1";
function keyPart(text) {
  return text.replace(/,/g, "_");
}
function cacheKeyPrefix(query) {
  return `${CACHE_KEY_VERSION}-${keyPart(query.profileFingerprint)}-${keyPart(query.branch)}-`;
}
function cacheKey(query, sha) {
  return `${cacheKeyPrefix(query)}${keyPart(sha)}`;
}
function shaOfKey(key, prefix) {
  if (!key.startsWith(prefix)) return null;
  const rest = key.slice(prefix.length);
  return /^[0-9a-f]{7,64}$/i.test(rest) ? rest : null;
}

// src/baseline/toolkit-messages.ts
var EXPLAINING = /^(?:Failed to (?:save|restore)|Cache (?:restore|save) skipped|Cache reservation failed|You've hit a rate limit|Unable to (?:reserve|finalize)|Cache service responded)/;
async function withToolkitMessages(operation) {
  const messages = [];
  const stdout = process.stdout;
  const original = stdout.write;
  let pending = "";
  const listen = ((chunk, ...rest) => {
    pending += typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : "";
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const message = explainingMessage(line.replace(/\r$/, ""));
      if (message !== null) messages.push(message);
    }
    return original.call(stdout, chunk, ...rest);
  });
  stdout.write = listen;
  try {
    return { value: await operation(), messages };
  } finally {
    if (stdout.write === listen) stdout.write = original;
  }
}
function explainingMessage(line) {
  const annotation = /^::(warning|error)(?: [^:]*)?::(.*)$/.exec(line);
  if (annotation) return unescapeData(annotation[2] ?? "");
  if (line.startsWith("::")) return null;
  return EXPLAINING.test(line) ? line : null;
}
function unescapeData(text) {
  return text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}

// src/baseline/cache-store.ts
function cacheBundlePath(workDir) {
  return join2(workDir, "tailgate-baseline-cache", "bundle.json");
}
function createCacheStore(options) {
  const store = { ...options, file: cacheBundlePath(options.workDir) };
  return {
    name: "cache",
    restore: (query) => restoreFromCache(store, query),
    save: (result, history, query) => saveToCache(store, { result, history, query })
  };
}
var loadCache = () => import("./cache-KGDSLZKL.js");
async function restoreFromCache(store, query) {
  const cache = await loadCache();
  if (!cache.isFeatureAvailable()) return unavailable();
  const prefix = cacheKeyPrefix(query);
  const primary = query.sha ? cacheKey(query, query.sha) : prefix;
  const dir = dirname(store.file);
  try {
    await rm2(dir, { recursive: true, force: true });
    const call = await withToolkitMessages(
      () => withDeadline(cache.restoreCache([store.file], primary, [prefix]), store.timeoutMs)
    );
    if (call.value.kind === "timeout") {
      return failed(`the Actions cache did not answer within ${formatTimeout(store.timeoutMs)} (baseline-timeout)`);
    }
    const matched = call.value.value;
    if (matched === void 0) return restoreMiss(query, call.messages);
    return await judgeRestored(store, { query, matched, primary, prefix });
  } catch (error) {
    return failed(`the Actions cache failed: ${messageOf(error)}`);
  } finally {
    await rm2(dir, { recursive: true, force: true }).catch(() => {
    });
  }
}
function restoreMiss(query, messages) {
  const why = messages[0];
  if (why?.startsWith("Cache restore skipped")) return failed(`the Actions cache was not read: ${why}`);
  if (why) return failed(`the Actions cache failed: ${why}`);
  return { kind: "missing", reason: `no baseline in the Actions cache for ${query.branch} yet`, warnings: [] };
}
async function saveToCache(store, { result, history, query }) {
  const cache = await loadCache();
  if (!cache.isFeatureAvailable())
    return notSaved2("the Actions cache is not available in this run (ACTIONS_RESULTS_URL is not set)");
  const key = cacheKey(query, query.sha ?? result.git.sha ?? "unknown");
  const dir = dirname(store.file);
  try {
    await mkdir2(dir, { recursive: true });
    await writeFile2(store.file, serializeBundle({ current: result, history }));
    const call = await withToolkitMessages(() => withDeadline(cache.saveCache([store.file], key), store.timeoutMs));
    if (call.value.kind === "timeout")
      return notSaved2(`the Actions cache did not answer within ${formatTimeout(store.timeoutMs)} (baseline-timeout)`);
    if (call.value.value !== -1) return { kind: "saved", reference: `cache key ${key}`, warnings: [] };
    return notSaved2(saveFailure(key, call.messages));
  } catch (error) {
    return notSaved2(`the Actions cache failed: ${messageOf(error)}`);
  } finally {
    await rm2(dir, { recursive: true, force: true }).catch(() => {
    });
  }
}
async function judgeRestored(store, found) {
  const { query, matched } = found;
  const sha = shaOfKey(matched, found.prefix);
  if (sha === null) {
    return { kind: "missing", reason: `no baseline in the Actions cache for ${query.branch} yet`, warnings: [] };
  }
  const origin = `cache entry ${matched}`;
  let bundle;
  try {
    bundle = parseBundle(await readFile2(store.file, "utf8"), origin);
  } catch (error) {
    return { kind: "missing", reason: messageOf(error), warnings: [`Baseline not used: ${messageOf(error)}`] };
  }
  const exactSha = query.sha !== null && matched === found.primary;
  const commitsBehind = !exactSha && query.sha && store.commitsBehind ? await countBehind(store.commitsBehind, { fromSha: sha, toSha: query.sha }, store.timeoutMs) : null;
  return judgeBaseline({
    bundle,
    query,
    machine: store.machine,
    source: {
      store: "cache",
      reference: matched,
      branch: query.branch,
      sha,
      exactSha,
      measuredAt: bundle.current.startedAt,
      commitsBehind,
      runId: bundle.current.git.runId
    }
  });
}
async function countBehind(commitsBehind, { fromSha, toSha }, timeoutMs) {
  const answer = await withDeadline(commitsBehind(fromSha, toSha), timeoutMs).catch(() => null);
  return answer?.kind === "done" ? answer.value : null;
}
function unavailable() {
  return failed("the Actions cache is not available in this run (ACTIONS_RESULTS_URL is not set)");
}
function failed(reason) {
  return {
    kind: "missing",
    reason,
    warnings: [`Could not restore the baseline from the Actions cache: ${dropPrefix(reason)}`]
  };
}
function notSaved2(reason) {
  return {
    kind: "not-saved",
    reason,
    warnings: [`Could not save the baseline to the Actions cache: ${dropPrefix(reason)}`]
  };
}
function saveFailure(key, messages) {
  const skipped = messages.find((m) => m.startsWith("Cache save skipped"));
  if (skipped) return `the Actions cache was not written: ${skipped}`;
  if (messages.some((m) => /Unable to reserve cache/.test(m))) {
    return `the Actions cache already has an entry ${key} (entries cannot be overwritten; this SHA already has a baseline)`;
  }
  return messages[0] ? `the Actions cache failed: ${messages[0]}` : "the Actions cache did not save it (no reason given)";
}
function dropPrefix(reason) {
  return reason.replace(/^the Actions cache failed: /, "");
}

// src/baseline/describe.ts
var STORE_LABELS = {
  cache: "Actions cache entry",
  artifact: "artifact",
  file: "file",
  "live-ab": "live A/B run"
};
function describeRestore(outcome, nowMs) {
  const warnings = outcome.warnings.map((w) => `Warning: ${w}`);
  if (outcome.kind === "missing") return [`No baseline: ${outcome.reason}`, ...warnings];
  const source = outcome.source;
  const at = source.sha ? ` at ${source.sha.slice(0, 7)}` : "";
  const measured = `measured ${formatInstant(source.measuredAt)}${age(source.measuredAt, nowMs)}`;
  const line = `Baseline: ${source.branch ?? "unknown branch"}${at} (${closeness(source)}), ${measured}; from ${STORE_LABELS[source.store]} ${source.reference}`;
  const trend = outcome.history.length > 0 ? [`Trend: ${outcome.history.length} earlier baselines`] : [];
  return [line, ...trend, ...warnings];
}
function describeSave(outcome, query) {
  const warnings = outcome.warnings.map((w) => `Warning: ${w}`);
  if (outcome.kind === "saved")
    return [`Saved this run as the baseline of ${query.branch}: ${outcome.reference}`, ...warnings];
  return [`Baseline NOT saved: ${outcome.reason}`, ...warnings];
}
function closeness(source) {
  if (source.exactSha) return "the exact base SHA";
  if (source.commitsBehind === null) return "the newest baseline of the branch; not the exact base SHA";
  if (source.commitsBehind === 0) return "the newest baseline of the branch; 0 commits behind the base SHA";
  const commits = source.commitsBehind === 1 ? "1 commit" : `${source.commitsBehind} commits`;
  return `the newest baseline of the branch, ${commits} behind the base SHA`;
}
function formatInstant(iso) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
function age(iso, nowMs) {
  const ms = nowMs - Date.parse(iso);
  if (Number.isNaN(ms) || ms < 0) return "";
  const minutes = Math.round(ms / 6e4);
  if (minutes < 60) return `, ${minutes} min before this run`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `, ${hours} h before this run`;
  return `, ${Math.round(hours / 24)} days before this run`;
}

// src/baseline/file-store.ts
import { mkdir as mkdir3, readFile as readFile3, writeFile as writeFile3 } from "node:fs/promises";
import { dirname as dirname2 } from "node:path";
function createFileStore(options) {
  const { path } = options;
  return {
    name: "file",
    async restore(query) {
      let text;
      try {
        text = await readFile3(path, "utf8");
      } catch (error) {
        if (error.code === "ENOENT") {
          return { kind: "missing", reason: `no baseline file at ${path}`, warnings: [] };
        }
        const reason = `cannot read the baseline file ${path}: ${messageOf(error)}`;
        return { kind: "missing", reason, warnings: [`Baseline not used: ${reason}`] };
      }
      try {
        const bundle = parseBundle(text, path);
        const sha = bundle.current.git.sha;
        return judgeBaseline({
          bundle,
          query,
          machine: options.machine,
          source: {
            store: "file",
            reference: path,
            branch: bundle.current.git.branch,
            sha,
            exactSha: query.sha !== null && sha === query.sha,
            measuredAt: bundle.current.startedAt,
            commitsBehind: null,
            runId: bundle.current.git.runId
          }
        });
      } catch (error) {
        return { kind: "missing", reason: messageOf(error), warnings: [`Baseline not used: ${messageOf(error)}`] };
      }
    },
    async save(result, history) {
      try {
        await mkdir3(dirname2(path), { recursive: true });
        await writeFile3(path, serializeBundle({ current: result, history }));
        return { kind: "saved", reference: path, warnings: [] };
      } catch (error) {
        const reason = `cannot write ${path}: ${messageOf(error)}`;
        return { kind: "not-saved", reason, warnings: [`Could not save the baseline file: ${reason}`] };
      }
    }
  };
}

// src/baseline/orchestrate.ts
function createBaselineStores(settings, runtime) {
  const github = runtime.github;
  const commitsBehind = github?.commitsBehind ?? null;
  const cacheStore = () => createCacheStore({
    machine: runtime.machine,
    timeoutMs: settings.timeoutMs,
    workDir: runtime.workDir,
    commitsBehind
  });
  const artifactStore = () => createArtifactStore({
    machine: runtime.machine,
    timeoutMs: settings.timeoutMs,
    waitMs: settings.waitMs,
    workDir: runtime.workDir,
    currentRunId: runtime.currentRunId,
    ...runtime.sleep ? { sleep: runtime.sleep } : {},
    ...runtime.now ? { now: runtime.now } : {},
    github
  });
  switch (settings.store) {
    case "auto":
      return [cacheStore(), artifactStore()];
    case "cache":
      return [cacheStore()];
    case "artifact":
      return [artifactStore()];
    case "file":
      return [createFileStore({ path: settings.path ?? "tailgate-baseline.json", machine: runtime.machine })];
  }
}
async function restoreBaseline(options) {
  const warnings = [];
  const reasons = [];
  for (const store of options.stores) {
    const outcome = await store.restore(options.query).catch(
      (error) => ({
        kind: "missing",
        reason: `the ${store.name} store failed: ${messageOf(error)}`,
        warnings: [`Baseline restore from the ${store.name} store failed: ${messageOf(error)}`]
      })
    );
    warnings.push(...outcome.warnings);
    if (outcome.kind === "found") {
      const found = { ...outcome, warnings };
      return { outcome: found, lines: describeRestore(found, options.now?.() ?? Date.now()) };
    }
    reasons.push(outcome.reason);
  }
  const reason = reasons.includes(PROFILE_CHANGED) ? PROFILE_CHANGED : reasons.length > 0 ? reasons.join("; ") : "no baseline store is configured";
  const missing2 = { kind: "missing", reason, warnings };
  return { outcome: missing2, lines: describeRestore(missing2, options.now?.() ?? Date.now()) };
}
async function saveBaseline(options) {
  const outcomes = [];
  for (const store of options.stores) {
    outcomes.push(
      await store.save(options.result, options.history, options.query).catch(
        (error) => ({
          kind: "not-saved",
          reason: `the ${store.name} store failed: ${messageOf(error)}`,
          warnings: [`Baseline save to the ${store.name} store failed: ${messageOf(error)}`]
        })
      )
    );
  }
  const warnings = outcomes.flatMap((o) => o.warnings);
  const saved = outcomes.filter((o) => o.kind === "saved");
  const outcome = saved.length > 0 ? { kind: "saved", reference: saved.map((o) => o.reference).join(" and "), warnings } : {
    kind: "not-saved",
    reason: outcomes.map((o) => o.kind === "not-saved" ? o.reason : "").join("; ") || "no baseline store is configured",
    warnings
  };
  return { outcome, lines: describeSave(outcome, options.query) };
}
export {
  createBaselineStores,
  restoreBaseline,
  saveBaseline
};
