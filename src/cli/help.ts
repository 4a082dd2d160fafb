// Help texts of the CLI, one per command.

export const MAIN_HELP = `tailgate: stop HTTP latency regressions before they merge

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
`

export const RUN_HELP = `tailgate run <profile.yml> [options]

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
`

export const COMPARE_HELP = `tailgate compare --baseline A --candidate B [options]

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
`

export const DEMO_HELP = `tailgate demo [--out tailgate-report.md]

Starts two bundled sample servers on 127.0.0.1 (main, and a PR that makes one endpoint ~30% slower),
measures both side by side with interleaved rounds (A B B A ...), prints the verdict table and writes
the comment markdown.
`

export const SERVE_SAMPLE_HELP = `tailgate serve-sample [--port N] [--slow PREFIX=FACTOR]

Starts the demo's sample server on 127.0.0.1 (GET /api/users/:id, GET /api/search, POST /api/orders, GET /health)
and serves until interrupted (Ctrl-C), for trying profiles and workflows by hand.

Options:
  --port N              port to listen on (default: a free port, printed at start)
  --slow PREFIX=FACTOR  make paths starting with PREFIX slower by FACTOR, e.g. /api/search=1.3
  -h, --help            this help
`
