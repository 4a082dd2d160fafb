#!/usr/bin/env bash
# Memory: Tailgate's closed model at full speed (50 VUs) against nginx with 50 endpoints, for 20 s and for 60 s
# (or the durations given, in seconds: `bench/load/memory.sh 20 600` adds the 10-minute run). Peak RSS (sampled
# every 250 ms in the engine, and the kernel's high-water mark from /usr/bin/time) must stay under 200 MB and must
# not grow with the duration (histograms, not sample arrays; each endpoint's per-second timeline keeps a histogram
# only for its open seconds).
# TRACE_MEMORY_S=10 adds one stderr line per 10 s (RSS, V8 heap used/total, external): what grows, live heap or RSS.
# MODEL=open RATE=8000 runs the open model instead (constant arrival rate over 50 connections; pick a rate the
# machine sustains, or the backlog of late arrivals is what you measure).
#   bench/load/memory.sh [DURATION_S ...]
source "$(dirname "$0")/lib.sh"
PORT="${PORT:-18492}"
ensure_tools
build_engine
DURATIONS=("$@")
[ ${#DURATIONS[@]} -gt 0 ] || DURATIONS=(20 60)
TOTAL_S=0
for DURATION in "${DURATIONS[@]}"; do TOTAL_S=$((TOTAL_S + DURATION + 10)); done
# nginx must outlive every run (a 300 s TTL once ended a 10-minute run half-way).
start_nginx "$PORT" $((TOTAL_S + 60))
LOAD_ARGS=(--model constant-vus --vus 50)
[ "${MODEL:-closed}" = closed ] || LOAD_ARGS=(--model constant-arrival-rate --rate "${RATE:-8000}" --connections 50)
TRACE_ARGS=()
[ -z "${TRACE_MEMORY_S:-}" ] || TRACE_ARGS=(--trace-memory-s "$TRACE_MEMORY_S")
for DURATION in "${DURATIONS[@]}"; do
  /usr/bin/time -f '%M' -o /tmp/tailgate-memory-maxrss \
    timeout $((DURATION + 60)) taskset -c "$GEN_CPU" node "$ENGINE_JS" --url "http://127.0.0.1:$PORT/" "${LOAD_ARGS[@]}" \
    --duration "${DURATION}s" --warmup 2s --endpoints 50 "${TRACE_ARGS[@]}" >/tmp/tailgate-memory.json
  node -e '
    const [file, maxRssKb, duration] = process.argv.slice(1)
    const r = JSON.parse(require("fs").readFileSync(file, "utf8"))
    const peakMb = Number(maxRssKb) / 1024
    console.log(`memory model=${process.env.MODEL ?? "closed"} duration=${duration}s endpoints=50 requests=${r.requests} rps=${Math.round(r.rps)} ` +
      `peak RSS ${peakMb.toFixed(1)} MB (sampled ${r.peakRssMb} MB): ${peakMb < 200 ? "PASS" : "FAIL"} (< 200 MB)`)
  ' /tmp/tailgate-memory.json "$(cat /tmp/tailgate-memory-maxrss)" "$DURATION"
  sleep 1
done
