# Shared helpers of the load benchmarks (sourced). Every tool is bounded by `timeout`; every process started
# here is stopped by its own PID (never by name).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/../.." && pwd)"
TSX="$REPO_DIR/node_modules/.bin/tsx"
AUTOCANNON="$REPO_DIR/node_modules/autocannon/autocannon.js"
GEN_CPU="${GEN_CPU:-0}"
TARGET_CPU="${TARGET_CPU:-1}"
STARTED_PIDS=()

cleanup() {
  for pid in "${STARTED_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

# Installs nginx-light and wrk from Debian when they are missing.
ensure_tools() {
  if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light wrk >/dev/null
  fi
}

# Refuses a port that is already open, so that a stale server is never measured.
assert_port_free() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "port $1 is already in use on 127.0.0.1; refusing to measure a server this script did not start" >&2
    exit 1
  fi
}

wait_for_http() {
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "no answer from $1" >&2
  exit 1
}

# start_nginx PORT TTL_S: nginx (one worker) on 127.0.0.1:PORT pinned to TARGET_CPU; sets NGINX_PID.
start_nginx() {
  local port="$1" ttl="$2" prefix
  assert_port_free "$port"
  prefix="$(mktemp -d)"
  mkdir -p "$prefix/tmp"
  sed "s/__PORT__/$port/" "$BENCH_DIR/nginx.conf" >"$prefix/nginx.conf"
  timeout "$ttl" taskset -c "$TARGET_CPU" nginx -p "$prefix" -c "$prefix/nginx.conf" &
  NGINX_PID=$!
  NGINX_PREFIX="$prefix"
  STARTED_PIDS+=("$NGINX_PID")
  wait_for_http "http://127.0.0.1:$port/"
}

# start_node_server KIND PORT TTL_S [ARGS...]: servers.mjs (delay | stall) pinned to TARGET_CPU; sets SERVER_PID.
# The server runs its garbage collector on its main thread and tiers its code up early (src/load/tier-up.ts): V8's
# background threads share its one pinned core and, in perf sched traces of a 200 req/s run (docs/benchmarks.md,
# "fifth session"), delayed 9 of the 20 slowest requests outside the span the server times itself, which the
# benchmarks would have charged to the load tool. SERVER_NODE_FLAGS=" " turns this off.
server_node_flags() {
  if [ -z "${SERVER_NODE_FLAGS:-}" ]; then
    SERVER_NODE_FLAGS="--single-threaded-gc $(cd "$REPO_DIR" && "$TSX" -e \
      "import('./src/load/tier-up.ts').then((m) => console.log(m.tierUpFlags(process.versions.v8).join(' ')))")"
  fi
  echo "$SERVER_NODE_FLAGS"
}

start_node_server() {
  local kind="$1" port="$2" ttl="$3" flags
  shift 3
  assert_port_free "$port"
  flags="$(server_node_flags)"
  # shellcheck disable=SC2086 # the flags are words
  timeout "$ttl" taskset -c "$TARGET_CPU" node $flags "$BENCH_DIR/servers.mjs" "$kind" --port "$port" --ttl "$ttl" "$@" &
  SERVER_PID=$!
  STARTED_PIDS+=("$SERVER_PID")
  wait_for_http "http://127.0.0.1:$port/__ready"
}

# CPU seconds (user + system) used so far by the processes whose command line contains PATTERN, and their
# children (nginx's worker renames itself "nginx: worker process"). Read-only.
cpu_seconds_of() {
  local total=0 pid ticks parents
  parents="$(pgrep -f -- "$1" || true)"
  for pid in $parents $(for p in $parents; do pgrep -P "$p" || true; done); do
    ticks="$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)"
    total=$((total + ticks))
  done
  awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}'
}

# Busy CPU seconds of the whole machine so far (both cores), from /proc/stat.
machine_busy_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / {printf "%.2f", ($2 + $3 + $4 + $7 + $8) / hz}' /proc/stat
}

# CPU seconds stolen from this VM by the hypervisor so far (both cores), from /proc/stat: other tenants of the host.
# The busy figures above do not include it, and a run with much steal is slowed whatever the foreign CPU says.
machine_steal_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / {printf "%.2f", $9 / hz}' /proc/stat
}

stop_pid() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# Bundles bench-engine.ts with esbuild (as the action's dist is bundled), once per script run.
ENGINE_JS=""
build_engine() {
  ENGINE_JS="$(mktemp -d)/bench-engine.mjs"
  "$REPO_DIR/node_modules/.bin/esbuild" "$BENCH_DIR/bench-engine.ts" --bundle --platform=node --format=esm \
    --target=node20 --outfile="$ENGINE_JS" --log-level=warning \
    --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
}

# Tailgate's engine (bench-engine.ts, bundled), pinned to GEN_CPU; prints its JSON line.
run_tailgate() {
  local seconds="$1"
  shift
  [ -n "$ENGINE_JS" ] || build_engine
  timeout $((seconds + 60)) taskset -c "$GEN_CPU" node "$ENGINE_JS" "$@"
}

# Busy share of each CPU over a command's run, from /proc/stat: prints "cpu0=NN% cpu1=NN%".
cpu_snapshot() { awk '/^cpu[0-9]/ {print $1, $2+$3+$4+$6+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat; }
cpu_busy() {
  awk 'NR==FNR {busy[$1]=$2; total[$1]=$3; next} {printf "%s=%d%% ", $1, 100*($2-busy[$1])/($3-total[$1]+0.0001)}' "$1" "$2"
}
