#!/usr/bin/env bash
# The stall server through the public CLI (issue 16): every answer held until the end of the first second of each
# 5 s window (otherwise at once), `tailgate run` at a constant 500 req/s for 30 s. A uniformly random arrival waits
# y ms or more with probability 0.2 (1 - y / 1000), so the schedule implies p90 500, p99 950, p99.9 995 ms.
# Acceptance: p90 500 +- 50, p99 950 +- 15, p99.9 995 +- 10 ms, achieved rate within 1 % of 500/s.
#   bench/load/stall.sh [reps=3] [duration_s=30]
# Run `npm run build` first. Loopback only; every process is bounded by timeout.
source "$(dirname "$0")/lib.sh"
cd "$REPO_DIR"
REPS="${1:-3}"
DURATION="${2:-30}"
PORT="${PORT:-18498}"
CLI="${CLI:-$REPO_DIR/dist/cli.js}"
WORK="$(mktemp -d)"
echo "stall: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), node $(node --version), 500 req/s, ${DURATION}s"
cat >"$WORK/profile.yml" <<YAML
name: stall
target: http://127.0.0.1:$PORT
model: constant-arrival-rate
rate: 500/s
max-connections: 1000
max-in-flight: 10000
warmup: 2s
duration: ${DURATION}s
rounds: 5
requests:
  - GET /
YAML
for REP in $(seq 1 "$REPS"); do
  start_node_server stall "$PORT" $((DURATION + 120))
  timeout $((DURATION + 60)) taskset -c "$GEN_CPU" node "$CLI" run "$WORK/profile.yml" --quiet --out "$WORK/result.json" \
    >/dev/null 2>"$WORK/run.err" || { echo "tailgate run exited non-zero:" >&2; cat "$WORK/run.err" >&2; }
  stop_pid "$SERVER_PID"
  "$TSX" "$BENCH_DIR/result-percentiles.ts" "$WORK/result.json" | node -e '
    const r = JSON.parse(require("fs").readFileSync(0, "utf8")), rep = process.argv[1]
    const ok = Math.abs(r.p90 - 500) <= 50 && Math.abs(r.p99 - 950) <= 15 && Math.abs(r.p999 - 995) <= 10 &&
      Math.abs(r.rps - 500) <= 5
    console.log(`stall rep=${rep}: p90 ${r.p90} p99 ${r.p99} p99.9 ${r.p999} ms, ${r.count} requests, achieved ` +
      `${r.rps} req/s, invalid: ${r.invalid.join("; ") || "none"}: ${ok ? "PASS" : "FAIL"}`)
  ' "$REP"
  sleep 1
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$WORK"
