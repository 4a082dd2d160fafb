#!/usr/bin/env bash
# Accuracy: a server that answers every request after exactly 20 ms (timer + final spin; it reports its own
# latency), Tailgate's open model at 200 req/s. Passes when the measured p50 is within 1 ms of 20 ms.
#   bench/load/accuracy.sh [duration_s=20] [reps=3]
source "$(dirname "$0")/lib.sh"
DURATION="${1:-20}"
REPS="${2:-3}"
PORT="${PORT:-18490}"
build_engine
for REP in $(seq 1 "$REPS"); do
  start_node_server delay "$PORT" $((DURATION + 90)) --delay-ms 20
  busy0="$(machine_busy_seconds)"
  json="$(run_tailgate "$DURATION" --url "http://127.0.0.1:$PORT/" --model constant-arrival-rate --rate 200 \
    --connections 50 --duration "${DURATION}s" --warmup 2s --rounds 1)"
  stats="$(curl -fsS "http://127.0.0.1:$PORT/__stats")"
  # Busy CPU of the whole machine during the run beyond what this benchmark needs (about 0.5 core): other work.
  busy="$(awk -v a="$(machine_busy_seconds)" -v b="$busy0" -v d="$DURATION" 'BEGIN {printf "%d", (a - b) / (d + 3) * 100}')"
  stop_pid "$SERVER_PID"
  node -e '
    const [json, stats, rep] = process.argv.slice(1)
    const r = JSON.parse(json), s = JSON.parse(stats)
    const ok = Math.abs(r.intended.p50 - 20) <= 1
    console.log(`accuracy rep=${rep} rate=200/s rps=${r.rps.toFixed(1)} p50=${r.intended.p50} ms (actual-send p50 ${r.actual.p50}) ` +
      `p99=${r.intended.p99} ms; server-side p50=${s.p50.toFixed(3)} p99=${s.p99.toFixed(3)} ms; |p50-20|<=1: ${ok ? "PASS" : "FAIL"}`)
    console.log(`accuracy rep=${rep} machine busy during the run: ${process.argv[4]} % of one core (scheduler + server + others)`)
  ' "$json" "$stats" "$REP" "$busy"
  sleep 1
done
