import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  renderHtml
} from "./chunk-QUHFWBAR.js";
import {
  runLiveAb
} from "./chunk-ZI5RPIZH.js";
import {
  parseProfile
} from "./chunk-2I6GUHVV.js";
import {
  startSampleServer
} from "./chunk-R6EN6BL2.js";
import {
  localEnvironment
} from "./chunk-HEYURCVP.js";
import "./chunk-57U746Z7.js";
import {
  localReport,
  renderMarkdown,
  renderTerminal,
  sourceOfResult
} from "./chunk-OAPMMLO6.js";
import {
  EXIT
} from "./chunk-U34LIMCD.js";
import "./chunk-KJRNQGKV.js";
import "./chunk-BOXC7D7V.js";
import "./chunk-WSM33NK3.js";
import "./chunk-ACCG5V5L.js";
import "./chunk-HTDZXV36.js";

// src/cli/demo/demo.ts
var DEMO_PROFILE_YAML = `name: demo
model: constant-vus
vus: 8
warmup: 2s
duration: 16s
rounds: 16
max-event-loop-lag: 1s
requests:
  - GET /api/users/{{iteration}}
  - GET /api/search?q=shoes
  - method: POST
    path: /api/orders
    json: { sku: "A-1", quantity: 1 }
budgets:
  "*": ["p95 < 250ms", "error-rate < 1%"]
gate:
  metrics: [p50]
`;
var DEMO_SLOWDOWN = { "/api/search": 1.3 };
var DEMO_LATENCY_SCALE = 3;
async function runDemo({ io, outPath, profileYaml = DEMO_PROFILE_YAML }) {
  const log = (line) => io.stderr.write(`${line}
`);
  const main = await startSampleServer({ seed: 1, latencyScale: DEMO_LATENCY_SCALE });
  const pr = await startSampleServer({ seed: 2, latencyScale: DEMO_LATENCY_SCALE, slowdown: DEMO_SLOWDOWN });
  let baseline;
  let candidate;
  const profile = parseProfile({ text: profileYaml, file: "demo-profile.yml", overrides: { target: main.url.href } });
  try {
    log("Tailgate demo: two sample servers on 127.0.0.1 \u2014 main, and a PR that makes GET /api/search ~30% slower.");
    log(
      `Measuring both side by side: ${profile.rounds} rounds each, interleaved A B B A \u2026, about ${Math.round(2 * (profile.durationMs + profile.warmupMs) / 1e3 + profile.rounds * 0.5)} s ...`
    );
    const measured = await runLiveAb({
      profile,
      baselineTarget: main.url,
      candidateTarget: pr.url,
      signal: io.signal,
      environment: localEnvironment(),
      git: demoGit("main")
    });
    baseline = { ...measured.baseline, git: demoGit("main") };
    candidate = { ...measured.candidate, git: demoGit("feature/slow-search") };
  } finally {
    await Promise.all([main.close(), pr.close()]);
  }
  if (io.signal.aborted) return EXIT.interrupted;
  const input = localReport({
    baseline,
    candidate,
    design: "live-ab",
    source: sourceOfResult(baseline, {
      store: "live-ab",
      reference: `${main.url.href} (main) vs ${pr.url.href} (PR), rounds interleaved ABBA`
    }),
    gate: profile.gate,
    budgets: profile.budgets,
    baselineLines: ["Baseline: measured live, side by side with the candidate (rounds interleaved A B B A)."],
    profileId: profile.id,
    mode: "demo (live A/B)",
    pairing: "abba"
  });
  const { verdict } = input;
  io.stdout.write(`
${renderTerminal(input)}
`);
  const written = await io.writeText(outPath, renderMarkdown(input));
  const html = await io.writeText(htmlPathFor(outPath), renderHtml(input));
  log(`
The PR comment markdown is in ${written}.`);
  log(`Open the full report (one self-contained HTML file): ${html}`);
  log(
    verdict.failed ? "In CI this step would fail (exit 1) and block the merge." : "In CI this step would pass (exit 0)."
  );
  return EXIT.pass;
}
function htmlPathFor(markdownPath) {
  return markdownPath.endsWith(".md") ? `${markdownPath.slice(0, -3)}.html` : `${markdownPath}.html`;
}
function demoGit(branch) {
  return { repository: "demo/app", ref: `refs/heads/${branch}`, branch, sha: null, runId: null, workflow: "demo" };
}
export {
  DEMO_LATENCY_SCALE,
  DEMO_PROFILE_YAML,
  DEMO_SLOWDOWN,
  htmlPathFor,
  runDemo
};
