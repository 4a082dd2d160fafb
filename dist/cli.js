#!/usr/bin/env node
import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);
import {
  processIo
} from "./cli-chunks/chunk-EZTVH4YU.js";
import {
  messageOf
} from "./cli-chunks/chunk-57U746Z7.js";
import {
  EXIT,
  ResultFormatError,
  SampleFileError
} from "./cli-chunks/chunk-U34LIMCD.js";
import {
  isUserError
} from "./cli-chunks/chunk-ACCG5V5L.js";
import "./cli-chunks/chunk-HTDZXV36.js";

// src/cli.ts
import * as nodeModule from "node:module";

// src/cli/main.ts
import { parseArgs } from "node:util";

// src/cli/help.ts
var MAIN_HELP = `tailgate: stop HTTP latency regressions before they merge

Usage:
  tailgate check <profile.yml> [--target URL]
  tailgate run <profile.yml> [--target URL] [--out result.json] [--shard i/N]
  tailgate merge SHARD.json... [--out merged.json]
  tailgate compare --baseline A --candidate B [--format markdown|json|text] [options]
  tailgate import --source k6|autocannon|artillery FILE... [--out result.json] [--rounds N]
  tailgate export --format bmf RESULT [--out FILE]
  tailgate report RESULT.json [--baseline B.json] [--history H.json ...] [--out report.html]
  tailgate calibrate <profile.yml> [--target URL] [--runs K] [--format text|json|markdown]
  tailgate demo [--out tailgate-report.md]
  tailgate serve-sample [--port N] [--slow PREFIX=FACTOR]

Run 'tailgate <command> --help' for a command's options.

Exit codes:
  0    passed (no configured fail-on outcome)
  1    regression, budget violation or invalid run (per fail-on)
  2    usage or configuration error (nothing was measured)
  3    Tailgate itself failed (I/O error or bug)
  130  interrupted; the partial result was written
`;
var RUN_HELP = `tailgate run <profile.yml> [options]

Runs the load profile against the target and writes a RunResult file.

Options:
  --target URL      base URL to load (overrides the profile's target)
  --out FILE        where to write the result (default: tailgate-result.json)
  --shard i/N       run the i-th of N equal slices of the load (arrival rate or VUs divided by N)
  --baseline-target URL
                    live A/B: measure this target too, interleaved with --target (rounds A B B A; a capacity
                    profile searches both, steps interleaved); gate with tailgate compare on the two files
  --baseline-out FILE
                    where the live baseline's result goes (default: tailgate-baseline.json)
  --quiet           no progress output
  -h, --help        this help

Checked before any request: the profile, --target, that --out can be written; a warning when the rounds can never
reach significance. Exit 1 when the run is no evidence (every request failed, too many errors, or the generator fell
behind), naming each error class with its fix.
`;
var COMPARE_HELP = `tailgate compare --baseline A --candidate B [options]

Compares two RunResult files (per-endpoint verdict), or two plain sample files (a JSON array of
numbers, or one number per line: prints the Mann-Whitney U test and the Hodges-Lehmann shift).

Options:
  --baseline FILE       the baseline (RunResult or samples)
  --candidate FILE      the candidate (RunResult or samples)
  --history FILE        an earlier baseline of the base branch (repeat; any order, sorted by startedAt):
                        3 or more measure the job-to-job shift, as the action does with its stored history.
                        A baseline bundle (baseline + history, as the stores save it) works for --baseline too
  --format FORMAT       markdown | json | text (default: text on a terminal, markdown otherwise)
  --profile FILE        take gate settings and budgets from this profile
  --alpha P             significance level after Holm (default 0.05)
  --margin PCT          relative practical margin (default 5%)
  --margin-ms MS        absolute practical margin (default 1ms)
  --fail-on LIST        outcomes that exit 1 (default regression,budget,invalid)
  --out FILE            also write the markdown report here
  --junit FILE          also write the verdict as JUnit XML here (one test case per endpoint and metric)
  samples only:
  --alternative ALT     two-sided | less | greater (default two-sided; 'less' = candidate slower)
  --method M            auto | exact | asymptotic (default auto: exact iff min(n) <= 8 and no ties)
  --no-continuity       no continuity correction in the asymptotic test
  -h, --help            this help
`;
var DEMO_HELP = `tailgate demo [--out tailgate-report.md]

Starts two bundled sample servers on 127.0.0.1 (main, and a PR that makes one endpoint ~30% slower),
measures both side by side with interleaved rounds (A B B A ...), prints the verdict table and writes
the comment markdown.
`;
var SERVE_SAMPLE_HELP = `tailgate serve-sample [--port N] [--slow PREFIX=FACTOR]

Starts the demo's sample server on 127.0.0.1 (GET /api/users/:id, GET /api/search, POST /api/orders, GET /health)
and serves until interrupted (Ctrl-C), for trying profiles and workflows by hand.

Options:
  --port N              port to listen on (default: a free port, printed at start)
  --slow PREFIX=FACTOR  make paths starting with PREFIX slower by FACTOR, e.g. /api/search=1.3
  -h, --help            this help
`;

// src/cli/main.ts
var RUN_FLAGS = {
  target: { type: "string" },
  out: { type: "string" },
  quiet: { type: "boolean" },
  shard: { type: "string" },
  "baseline-target": { type: "string" },
  "baseline-out": { type: "string" },
  help: { type: "boolean", short: "h" }
};
var CHECK_FLAGS = {
  target: { type: "string" },
  help: { type: "boolean", short: "h" }
};
var COMPARE_FLAGS = {
  baseline: { type: "string" },
  candidate: { type: "string" },
  history: { type: "string", multiple: true },
  format: { type: "string" },
  profile: { type: "string" },
  alpha: { type: "string" },
  margin: { type: "string" },
  "margin-ms": { type: "string" },
  "fail-on": { type: "string" },
  out: { type: "string" },
  junit: { type: "string" },
  alternative: { type: "string" },
  method: { type: "string" },
  "no-continuity": { type: "boolean" },
  help: { type: "boolean", short: "h" }
};
var IMPORT_FLAGS = {
  source: { type: "string" },
  out: { type: "string" },
  rounds: { type: "string" },
  help: { type: "boolean", short: "h" }
};
var EXPORT_FLAGS = {
  format: { type: "string" },
  out: { type: "string" },
  prefix: { type: "string" },
  help: { type: "boolean", short: "h" }
};
var CALIBRATE_FLAGS = {
  target: { type: "string" },
  runs: { type: "string" },
  history: { type: "string", multiple: true },
  format: { type: "string" },
  out: { type: "string" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" }
};
var MERGE_FLAGS = { out: { type: "string" }, help: { type: "boolean", short: "h" } };
async function main(argv, io) {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case void 0:
      case "-h":
      case "--help":
      case "help":
        io.stdout.write(MAIN_HELP);
        return command === void 0 ? EXIT.usage : EXIT.pass;
      case "-v":
      case "--version":
        io.stdout.write(`${(await import("./cli-chunks/version-4RC4HBZT.js")).TAILGATE_VERSION}
`);
        return EXIT.pass;
      case "run":
        return await runWithFlags(rest, io);
      case "check":
        return await checkWithFlags(rest, io);
      case "compare": {
        const { values, positionals } = parse(rest, COMPARE_FLAGS);
        if (values.help) return help(io, COMPARE_HELP);
        if (positionals.length > 0) return usage(io, `unexpected argument '${positionals[0]}'`, COMPARE_HELP);
        const { compareCommand } = await import("./cli-chunks/compare-NR5MLKL5.js");
        return await compareCommand(values, io);
      }
      case "demo": {
        const { values } = parse(rest, { out: { type: "string" }, help: { type: "boolean", short: "h" } });
        if (values.help) return help(io, DEMO_HELP);
        const { runDemo } = await import("./cli-chunks/demo-Z34FVOUJ.js");
        return await runDemo({ io, outPath: values.out ?? "tailgate-report.md" });
      }
      case "import": {
        const { IMPORT_HELP, importCommand } = await import("./cli-chunks/import-RPU6LIDA.js");
        return await filesCommand(rest, io, IMPORT_FLAGS, IMPORT_HELP, (options) => importCommand(options, io));
      }
      case "export": {
        const { EXPORT_HELP, exportCommand } = await import("./cli-chunks/import-RPU6LIDA.js");
        return await filesCommand(rest, io, EXPORT_FLAGS, EXPORT_HELP, (options) => exportCommand(options, io));
      }
      case "calibrate": {
        const { CALIBRATE_HELP, calibrateCommand } = await import("./cli-chunks/calibrate-GY7KSHWZ.js");
        return await filesCommand(rest, io, CALIBRATE_FLAGS, CALIBRATE_HELP, (options) => calibrateCommand(options, io));
      }
      case "merge": {
        const { MERGE_HELP, mergeCommand } = await import("./cli-chunks/merge-EH4SGM5T.js");
        return await filesCommand(rest, io, MERGE_FLAGS, MERGE_HELP, (options) => mergeCommand(options, io));
      }
      case "report": {
        const { REPORT_HELP, REPORT_OPTIONS, reportCommand } = await import("./cli-chunks/report-K6AD3SQ5.js");
        return await filesCommand(rest, io, REPORT_OPTIONS, REPORT_HELP, (options) => reportCommand(options, io));
      }
      case "serve-sample":
        return await serveSample(rest, io);
      default:
        return usage(io, `unknown command '${command}'`, MAIN_HELP);
    }
  } catch (error) {
    return await failed(error, io);
  }
}
async function filesCommand(rest, io, flags, helpText, run) {
  const { values, positionals } = parse(rest, flags);
  if (values.help) return help(io, helpText);
  return await run({ ...values, files: positionals });
}
async function runWithFlags(rest, io) {
  const { values, positionals } = parse(rest, RUN_FLAGS);
  if (values.help) return help(io, RUN_HELP);
  if (positionals.length > 1) return usage(io, `run takes one profile, got ${positionals.length}`, RUN_HELP);
  const { runCommand } = await import("./cli-chunks/run-P5AME4WR.js");
  return await runCommand(positionals[0], values, io);
}
async function checkWithFlags(rest, io) {
  const { CHECK_HELP, checkCommand } = await import("./cli-chunks/check-NGJLOCOT.js");
  const { values, positionals } = parse(rest, CHECK_FLAGS);
  if (values.help) return help(io, CHECK_HELP);
  if (positionals.length > 1) return usage(io, `check takes one profile, got ${positionals.length}`, CHECK_HELP);
  return await checkCommand(positionals[0], values, io);
}
async function failed(error, io) {
  if (error instanceof UsageError) return usage(io, error.message, null);
  const userMistake = [ResultFormatError, SampleFileError].some((type) => error instanceof type) || await isDifferenceOverflow(error);
  if (isUserError(error) || userMistake) {
    io.stderr.write(`tailgate: ${messageOf(error)}
`);
    return EXIT.usage;
  }
  io.stderr.write(`tailgate: internal error: ${messageOf(error)}
`);
  if (process.env.TAILGATE_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}
`);
  return EXIT.internal;
}
var UsageError = class extends Error {
};
async function isDifferenceOverflow(error) {
  if (!(error instanceof RangeError) || error.name !== "DifferenceOverflowError") return false;
  return error instanceof (await import("./cli-chunks/hodges-lehmann-62VWXZCD.js")).DifferenceOverflowError;
}
function parse(args, options) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(messageOf(error).replace(/\. To specify a positional argument.*$/, ""));
  }
}
function help(io, text) {
  io.stdout.write(text);
  return EXIT.pass;
}
function usage(io, message, text) {
  io.stderr.write(`tailgate: ${message}
${text ? `
${text}` : "Run 'tailgate --help' for usage.\n"}`);
  return EXIT.usage;
}
async function serveSample(args, io) {
  const { values } = parse(args, {
    port: { type: "string" },
    slow: { type: "string" },
    help: { type: "boolean", short: "h" }
  });
  if (values.help) return help(io, SERVE_SAMPLE_HELP);
  const slowdown = {};
  if (values.slow) {
    const [prefix, factor] = values.slow.split("=");
    if (!prefix || !(Number(factor) > 0)) throw new UsageError(`--slow takes PREFIX=FACTOR, e.g. /api/search=1.3`);
    slowdown[prefix] = Number(factor);
  }
  const port = values.port === void 0 ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number`);
  const { startSampleServer } = await import("./cli-chunks/sample-server-ALMSLAPH.js");
  const server = await startSampleServer({ slowdown, port });
  io.stdout.write(`sample server listening on ${server.url.href}
`);
  await new Promise((resolve) => io.signal.addEventListener("abort", () => resolve(), { once: true }));
  await server.close();
  return EXIT.pass;
}

// src/cli.ts
nodeModule.enableCompileCache?.();
var controller = new AbortController();
var interrupts = 0;
var onSignal = (signal) => {
  interrupts++;
  if (interrupts > 1) process.exit(130);
  process.stderr.write(`
tailgate: ${signal} received: stopping, writing the partial result (again to quit now)
`);
  controller.abort(new Error(`interrupted by ${signal}`));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
process.exitCode = await main(process.argv.slice(2), processIo(controller.signal));
process.off("SIGINT", onSignal);
process.off("SIGTERM", onSignal);
