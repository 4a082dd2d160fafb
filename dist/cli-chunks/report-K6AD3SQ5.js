import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  readOrExplain
} from "./chunk-ASFILNMF.js";
import {
  renderHtml
} from "./chunk-QUHFWBAR.js";
import {
  readProfile
} from "./chunk-2I6GUHVV.js";
import {
  decide,
  localReport,
  parseRunResult,
  sourceOfResult
} from "./chunk-OAPMMLO6.js";
import {
  EXIT
} from "./chunk-U34LIMCD.js";
import "./chunk-KJRNQGKV.js";
import "./chunk-BOXC7D7V.js";
import {
  DEFAULT_GATE
} from "./chunk-WSM33NK3.js";
import {
  ConfigError
} from "./chunk-ACCG5V5L.js";
import "./chunk-HTDZXV36.js";

// src/cli/report.ts
var REPORT_HELP = `tailgate report RESULT.json [--baseline B.json] [--history H.json ...] [--out report.html]

Writes one self-contained HTML file (no network needed to view it, no script): the verdict and why, run
health and latency per second, per endpoint the latency distribution, the rounds the gate compared with the
margin and confidence interval, and the base branch's p95 trend (from --history). Numbers are in tables under
every chart.

Options:
  --baseline FILE   the baseline RunResult to compare with (without it: a no-baseline report, budgets only)
  --history FILE    an earlier baseline of the base branch, for the trend (repeat the option for more)
  --profile FILE    take gate settings and budgets from this profile
  --out FILE        where to write the HTML (default: tailgate-report.html)
  -h, --help        this help
`;
var REPORT_OPTIONS = {
  baseline: { type: "string" },
  history: { type: "string", multiple: true },
  profile: { type: "string" },
  out: { type: "string" },
  help: { type: "boolean", short: "h" }
};
async function reportCommand(flags, io) {
  if (flags.files.length !== 1) {
    throw new ConfigError(
      "RESULT.json",
      `expected one result file, got ${flags.files.length}`,
      "pass one RunResult file"
    );
  }
  const candidatePath = flags.files[0];
  const read = async (path, what) => parseRunResult(await readOrExplain(io, path, what), path);
  const candidate = await read(candidatePath, "RESULT.json");
  const baseline = flags.baseline === void 0 ? null : await read(flags.baseline, "--baseline");
  const history = await Promise.all((flags.history ?? []).map((path) => read(path, "--history")));
  const profile = flags.profile ? readProfile(flags.profile, { target: "http://report.invalid" }) : null;
  const gate = profile?.gate ?? DEFAULT_GATE;
  const budgets = profile?.budgets ?? {};
  let input;
  if (baseline !== null) {
    const compared = localReport({
      baseline,
      candidate,
      source: sourceOfResult(baseline, { store: "file", reference: flags.baseline }),
      gate,
      budgets,
      baselineLines: [`Baseline: file ${flags.baseline}.`],
      profileId: candidate.profileId,
      mode: "cli"
    });
    const newestFirst = [...history].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    input = { ...compared, baseline: { ...compared.baseline, history: newestFirst } };
  } else {
    const reason = "no baseline was given (tailgate report --baseline FILE compares with one)";
    input = {
      verdict: decide({ candidate, baseline: { kind: "missing", reason }, gate, budgets, accepted: null }),
      candidate,
      baseline: null,
      baselineLines: [`No baseline: ${reason}.`],
      profileId: candidate.profileId,
      runUrl: null,
      accepted: null,
      mode: "cli"
    };
  }
  const html = renderHtml(input);
  const written = await io.writeText(flags.out ?? "tailgate-report.html", html);
  io.stderr.write(
    `HTML report (${input.verdict.outcome}, ${Math.ceil(html.length / 1024)} KiB) written to ${written}
`
  );
  return EXIT.pass;
}
export {
  REPORT_HELP,
  REPORT_OPTIONS,
  reportCommand
};
