import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  TAILGATE_VERSION
} from "./chunk-KJRNQGKV.js";

// src/load/environment.ts
import { execFileSync } from "node:child_process";
import { arch, cpus, platform } from "node:os";
function localEnvironment(runner = null) {
  const cpuList = cpus();
  return {
    os: platform(),
    arch: arch(),
    cpuModel: cpuList[0]?.model.trim() ?? "unknown",
    cores: cpuList.length,
    nodeVersion: process.version,
    tailgateVersion: TAILGATE_VERSION,
    runner
  };
}
function localGitContext() {
  const git = (...args) => {
    try {
      return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 2e3 }).trim() || null;
    } catch {
      return null;
    }
  };
  const branch = git("rev-parse", "--abbrev-ref", "HEAD");
  return {
    repository: null,
    ref: branch ? `refs/heads/${branch}` : null,
    branch,
    sha: git("rev-parse", "HEAD"),
    runId: null,
    workflow: null
  };
}

// src/load/classify.ts
var CODE_CLASSES = {
  TAILGATE_HTTP_PROTOCOL: "other",
  UND_ERR_HEADERS_TIMEOUT: "timeout",
  UND_ERR_BODY_TIMEOUT: "timeout",
  UND_ERR_CONNECT_TIMEOUT: "timeout",
  TAILGATE_TIMEOUT: "timeout",
  ETIMEDOUT: "timeout",
  ECONNREFUSED: "connection-refused",
  ECONNRESET: "connection-reset",
  EPIPE: "connection-reset",
  UND_ERR_SOCKET: "connection-reset",
  ECONNABORTED: "connection-reset",
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  EAI_FAIL: "dns",
  EAI_NONAME: "dns",
  EPROTO: "tls",
  DEPTH_ZERO_SELF_SIGNED_CERT: "tls",
  SELF_SIGNED_CERT_IN_CHAIN: "tls",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "tls",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "tls",
  CERT_HAS_EXPIRED: "tls",
  ERR_TLS_CERT_ALTNAME_INVALID: "tls"
};
function classifyError(error) {
  let current = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === "object"; depth++) {
    const code = current.code;
    if (typeof code === "string") {
      const known = CODE_CLASSES[code];
      if (known) return known;
      if (code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_") || code.includes("CERT")) return "tls";
    }
    current = current.cause;
  }
  return "other";
}
function classifyStatus(statusCode) {
  if (statusCode >= 500) return "http-5xx";
  if (statusCode >= 400) return "http-4xx";
  return null;
}

export {
  localEnvironment,
  localGitContext,
  classifyError,
  classifyStatus
};
