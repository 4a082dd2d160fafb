#!/usr/bin/env bash
# Coordinated omission: a server that holds every response for the first second of each 5 s window (otherwise
# answers at once). Tailgate at a constant arrival rate of 200 req/s for 20 s (4 stall seconds in any 20 s
# window) must report p99 within 15 % of the value the schedule implies; autocannon's figures are printed beside.
#   bench/load/coordinated-omission.sh [reps=3]
source "$(dirname "$0")/lib.sh"
REPS="${1:-3}"
PORT="${PORT:-18491}"
DURATION=20
build_engine
# P(latency > y) = 0.2 (1 - y / 1000 ms) for a uniformly random arrival, so p99 = 950 ms, p90 = 500 ms.
IMPLIED_P99=950
for REP in $(seq 1 "$REPS"); do
  start_node_server stall "$PORT" $((DURATION * 3 + 120))
  json="$(run_tailgate "$DURATION" --url "http://127.0.0.1:$PORT/" --model constant-arrival-rate --rate 200 \
    --connections 250 --duration "${DURATION}s" --warmup 2s --rounds 4 --timeout 5s)"
  ac_closed="$(timeout $((DURATION + 30)) taskset -c "$GEN_CPU" node "$AUTOCANNON" -c 50 -d "$DURATION" -j \
    "http://127.0.0.1:$PORT/" 2>/dev/null)"
  ac_rate="$(timeout $((DURATION + 30)) taskset -c "$GEN_CPU" node "$AUTOCANNON" -c 50 -R 200 -d "$DURATION" -j \
    "http://127.0.0.1:$PORT/" 2>/dev/null)"
  stop_pid "$SERVER_PID"
  node -e '
    const [json, acClosed, acRate, implied, rep] = process.argv.slice(1)
    const r = JSON.parse(json), c = JSON.parse(acClosed), a = JSON.parse(acRate)
    const off = (r.intended.p99 - implied) / implied
    console.log(`co rep=${rep} tailgate 200/s: p50=${r.intended.p50} p90=${r.intended.p90} p99=${r.intended.p99} ` +
      `p99.9=${r.intended.p999} max=${r.intended.max} ms (actual-send p99 ${r.actual.p99} ms), rps=${r.rps.toFixed(1)}; ` +
      `implied p99=${implied} ms, off by ${(off * 100).toFixed(1)} %: ${Math.abs(off) <= 0.15 ? "PASS" : "FAIL"}`)
    console.log(`co rep=${rep} autocannon -c 50: p50=${c.latency.p50} p90=${c.latency.p90} p99=${c.latency.p99} max=${c.latency.max} ms, rps=${c.requests.average}`)
    console.log(`co rep=${rep} autocannon -c 50 -R 200: p50=${a.latency.p50} p90=${a.latency.p90} p99=${a.latency.p99} max=${a.latency.max} ms, rps=${a.requests.average}`)
  ' "$json" "$ac_closed" "$ac_rate" "$IMPLIED_P99" "$REP"
  sleep 1
done
