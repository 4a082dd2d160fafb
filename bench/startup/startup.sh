#!/usr/bin/env bash
# Start-up cost of the bundles, with hyperfine, beside bare `node -e 0` (issue 16):
#   - `node dist/cli.js --version` and `--help` (target: < 100 ms above bare node)
#   - `node dist/cli.js compare` of two RunResult files (target: < 300 ms), files made by `tailgate import` from the
#     repository's autocannon fixtures
#   - `node dist/index.js` until its first log line: without a runner environment the action logs one error line
#     and exits, so the whole process is start-up + input parsing + first log line (target: < 300 ms)
#   bench/startup/startup.sh [runs=20]
# Run `npm run build` first. Prints the load average beside the table: on a busy machine the figures are upper bounds.
set -euo pipefail
REPO_DIR="$(cd "$(dirname "$0")/../.." && pwd)"
RUNS="${1:-20}"
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$REPO_DIR"
fixtures=(test/fixtures/import/autocannon-slow-{1,2,3}.json)
node dist/cli.js import --source autocannon "${fixtures[@]}" --out "$WORK/base.json" >/dev/null 2>&1
node dist/cli.js import --source autocannon "${fixtures[@]}" --out "$WORK/cand.json" >/dev/null 2>&1
echo "startup: $(date -u +%FT%TZ), node $(node --version), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$WORK/table.json" --style none \
  'node -e 0' \
  'node dist/cli.js --version' \
  'node dist/cli.js --help' \
  "node dist/cli.js compare --baseline $WORK/base.json --candidate $WORK/cand.json --format text" \
  'env -u GITHUB_EVENT_NAME -u GITHUB_ACTIONS node dist/index.js' -i
# wall time is what a user waits for; user CPU time is steadier when other jobs share the cores
node -e '
  const { results } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
  const ms = (s) => (s * 1000).toFixed(0)
  const bare = results[0]
  console.log("| command | wall mean ± sd [ms] | wall min [ms] | user CPU mean [ms] | min above node -e 0 [ms] |")
  console.log("|---|---|---|---|---|")
  for (const r of results) console.log(`| \`${r.command.replaceAll(process.argv[2] + "/", "")}\` | ${ms(r.mean)} ± ${ms(r.stddev)} | ${ms(r.min)} | ${ms(r.user)} | ${ms(r.min - bare.min)} |`)
' "$WORK/table.json" "$WORK"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
