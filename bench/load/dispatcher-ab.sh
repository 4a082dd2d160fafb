#!/usr/bin/env bash
# The engine's HTTP/1.1 client against undici's Client, in one process (bench/load/dispatcher-ab.ts), against nginx
# pinned to TARGET_CPU (1), the generator on GEN_CPU (0). Ratios within each pair hold on a busy machine.
#   bench/load/dispatcher-ab.sh [pairs=6] [slice_ms=3000] [vus=50]
source "$(dirname "$0")/lib.sh"
PAIRS="${1:-6}"
SLICE_MS="${2:-3000}"
VUS="${3:-50}"
PORT="${PORT:-18483}"
echo "dispatcher-ab: $(date -u +%FT%TZ), node $(node --version), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start_nginx "$PORT" $((PAIRS * SLICE_MS * 2 / 1000 + 120))
timeout $((PAIRS * SLICE_MS * 2 / 1000 + 90)) taskset -c "$GEN_CPU" node "$REPO_DIR/node_modules/tsx/dist/cli.mjs" \
  "$BENCH_DIR/dispatcher-ab.ts" --url "http://127.0.0.1:$PORT/" --pairs "$PAIRS" --slice-ms "$SLICE_MS" --vus "$VUS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
