#!/usr/bin/env bash
# Precision of the generator through the public CLI: a server that answers every request after 20 ms (pinned to
# TARGET_CPU, measuring its own latency), `node dist/cli.js run` of an open-model profile (pinned to GEN_CPU) at
# 200 and 2,000 req/s, and autocannon -R at the same rates beside it. Prints, per rate and repetition, the server's
# own p50/p99 (requests after the warm-up), each tool's p50/p99 and the difference, and Tailgate's own send
# lateness. Acceptance (issue 16): Tailgate within 0.5 ms at p50 and 1.0 ms at p99 of the server, median of 3.
#   bench/load/precision.sh [duration_s=10] [reps=3] [warmup_s=3]
#   CLI=path/to/cli.js: measure another build (an A/B of two builds); AUTOCANNON_RUNS=0: Tailgate only.
#   PLAIN=1: the server waits with a bare setTimeout (fires 0.3-2 ms late, like most servers) instead of
#   timer + final spin.
# Run `npm run build` first (dist/cli.js is what is measured). Loopback only; every process is bounded by timeout.
source "$(dirname "$0")/lib.sh"
DURATION="${1:-10}"
REPS="${2:-3}"
WARMUP="${3:-3}"
PORT="${PORT:-18496}"
RATES="${RATES:-200 2000}"
CLI="${CLI:-$REPO_DIR/dist/cli.js}"
[ -f "$CLI" ] || { echo "no $CLI: run 'npm run build' first" >&2; exit 1; }
WORK="$(mktemp -d)"
plain_flag=()
[ "${PLAIN:-0}" = "1" ] && plain_flag=(--plain)

echo "precision: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), node $(node --version)," \
  "server on CPU $TARGET_CPU, generator on CPU $GEN_CPU, ${DURATION}s after a ${WARMUP}s warm-up, server" \
  "$([ ${#plain_flag[@]} -gt 0 ] && echo 'setTimeout(20)' || echo '20 ms (timer + spin)')"

# connections: enough for the rate at 20 ms each (rate × 0.02 in flight) with room, for both tools
connections_for() { [ "$1" -ge 1000 ] && echo 100 || echo 20; }

# report TOOL RATE REP TOOL_JSON SERVER_JSON: one line with both views and the difference
report() {
  node -e '
    const [tool, rate, rep, toolJson, serverJson, load] = process.argv.slice(1)
    const t = JSON.parse(toolJson), s = JSON.parse(serverJson)
    const d = (a, b) => `${a - b >= 0 ? "+" : ""}${(a - b).toFixed(2)}`
    const late = t.latenessP99 === undefined ? "" : `; generator lateness p50 ${t.latenessP50} p99 ${t.latenessP99} ms`
    console.log(`${tool.padEnd(10)} rate=${rate.padStart(4)}/s rep=${rep} rps=${t.rps} | server p50 ${s.p50.toFixed(2)} p99 ${s.p99.toFixed(2)}` +
      ` | tool p50 ${t.p50} p99 ${t.p99} | diff p50 ${d(t.p50, s.p50)} p99 ${d(t.p99, s.p99)} ms${late} | load ${load}`)
  ' "$@" "$(cut -d' ' -f1 /proc/loadavg)"
}

for REP in $(seq 1 "$REPS"); do
  for RATE in $RATES; do
    CONNS="$(connections_for "$RATE")"
    TTL=$((WARMUP + DURATION + 120))

    # Tailgate, through the CLI; the server forgets the warm-up's latencies when the warm-up ends
    start_node_server delay "$PORT" "$TTL" --delay-ms 20 "${plain_flag[@]}"
    cat >"$WORK/profile.yml" <<YAML
name: precision-$RATE
target: http://127.0.0.1:$PORT
model: constant-arrival-rate
rate: $RATE/s
max-connections: $CONNS
max-in-flight: 10000
warmup: ${WARMUP}s
duration: ${DURATION}s
rounds: 5
requests:
  - GET /
YAML
    timeout $((WARMUP + DURATION + 60)) taskset -c "$GEN_CPU" node "$CLI" run "$WORK/profile.yml" --quiet \
      --out "$WORK/result.json" >/dev/null 2>"$WORK/run.err" &
    RUN_PID=$!
    STARTED_PIDS+=("$RUN_PID")
    sleep "$WARMUP"
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/__reset"
    wait "$RUN_PID" || { echo "tailgate run exited non-zero (an invalid run still writes its result):" >&2; cat "$WORK/run.err" >&2; }
    server="$(curl -fsS "http://127.0.0.1:$PORT/__stats")"
    stop_pid "$SERVER_PID"
    report tailgate "$RATE" "$REP" "$("$TSX" "$BENCH_DIR/result-percentiles.ts" "$WORK/result.json")" "$server" | tee -a "$WORK/lines"
    sleep 1

    [ "${AUTOCANNON_RUNS:-1}" = "0" ] && continue
    # autocannon -R (its own warm-up run first, then the measured run; whole-millisecond latencies). -C: with -R,
    # autocannon 9 records every latency with recordValueWithExpectedInterval(latency, ceil(1 / per-connection
    # rate)) = an expected interval of 1 ms, so each 20 ms answer also adds phantom samples at 19, 18, ... 1 ms and
    # its p50 reads ~11 ms against a 20 ms server (lib/run.js, onResponse). -C records what it measured.
    start_node_server delay "$PORT" "$TTL" --delay-ms 20 "${plain_flag[@]}"
    timeout $((WARMUP + 30)) taskset -c "$GEN_CPU" node "$AUTOCANNON" -c "$CONNS" -R "$RATE" -d "$WARMUP" \
      "http://127.0.0.1:$PORT/" >/dev/null 2>&1 || true
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/__reset"
    ac="$(timeout $((DURATION + 30)) taskset -c "$GEN_CPU" node "$AUTOCANNON" -j -C -c "$CONNS" -R "$RATE" \
      -d "$DURATION" "http://127.0.0.1:$PORT/" 2>/dev/null)"
    server="$(curl -fsS "http://127.0.0.1:$PORT/__stats")"
    stop_pid "$SERVER_PID"
    acj="$(node -e 'const a = JSON.parse(process.argv[1]); console.log(JSON.stringify({ rps: a.requests.average,
      p50: a.latency.p50, p99: a.latency.p99 }))' "$ac")"
    report autocannon-C "$RATE" "$REP" "$acj" "$server" | tee -a "$WORK/lines"
    sleep 1
  done
done
# Medians over the repetitions of each tool's difference from the server (the acceptance figure)
node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n")
  const groups = {}
  for (const line of lines) {
    const m = line.match(/^(\S+)\s+rate=\s*(\d+)\/s .* diff p50 ([-+][\d.]+) p99 ([-+][\d.]+) ms/)
    if (m) (groups[`${m[1]} ${m[2]}/s`] ??= []).push([Number(m[3]), Number(m[4])])
  }
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const k = s.length >> 1; return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2 }
  for (const [key, rows] of Object.entries(groups)) {
    console.log(`summary ${key}: median diff p50 ${median(rows.map((r) => r[0])).toFixed(2)} p99 ${median(rows.map((r) => r[1])).toFixed(2)} ms over ${rows.length} repetition(s)`)
  }
' "$WORK/lines"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$WORK"
