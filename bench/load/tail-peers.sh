#!/usr/bin/env bash
# Where a client's p99 overhead comes from, side by side against one 20 ms server (CPU TARGET_CPU, measuring its own
# latency): wrk (C, closed, 4 connections), a bare Node `net` client, a bare undici Pool loop (both closed, 4
# connections), `tailgate run` closed with 4 VUs and open at 200 req/s (CPU GEN_CPU), interleaved; prints each run's
# p50/p99 minus the server's own, then the median p99 difference per client (issue 16).
#   bench/load/tail-peers.sh [duration_s=8] [reps=5]      PLAIN=1: the server waits with a bare setTimeout(20)
#   CLI_B=path/to/other/cli.js: also runs that build's closed and open runs in each repetition (rows "b-tailgate-…"),
#   an interleaved A/B of two builds; PEERS=0 leaves out wrk, raw Node and undici.
# Run `npm run build` first. Loopback only; every process is bounded by timeout.
source "$(dirname "$0")/lib.sh"
DURATION="${1:-8}"
REPS="${2:-5}"
PORT="${PORT:-18497}"
CLI="${CLI:-$REPO_DIR/dist/cli.js}"
WORK="$(mktemp -d)"
plain_flag=()
[ "${PLAIN:-0}" = "1" ] && plain_flag=(--plain)
echo "tail-peers: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), node $(node --version)"
start_node_server delay "$PORT" $((REPS * (DURATION * 5 + 40) + 60)) --delay-ms 20 "${plain_flag[@]}"
URL="http://127.0.0.1:$PORT"
stats() { curl -fsS "$URL/__stats" | node -e 'let s="";process.stdin.on("data",(d)=>{s+=d}).on("end",()=>{const j=JSON.parse(s);console.log(j.p50.toFixed(2),j.p99.toFixed(2))})'; }
reset() { curl -fsS -o /dev/null "$URL/__reset"; }
line() { node -e 'const [n,a,b,c,d]=process.argv.slice(1);console.log(n.padEnd(10),"tool",a,b,"server",c,d,"diff p50",(a-c).toFixed(2),"p99",(b-d).toFixed(2))' "$@"; }
profile() { printf 'name: tail\ntarget: %s\n%s\nwarmup: 2s\nduration: %ss\nrounds: 5\nrequests:\n  - GET /\n' "$URL" "$2" "$DURATION" >"$WORK/$1.yml"; }
profile open $'model: constant-arrival-rate\nrate: 200/s\nmax-connections: 20\nmax-in-flight: 10000'
profile closed $'model: constant-vus\nvus: 4'
tailgate() {
  local cli="${2:-$CLI}"
  timeout $((DURATION + 60)) taskset -c "$GEN_CPU" node "$cli" run "$WORK/$1.yml" --quiet --out "$WORK/r.json" >/dev/null 2>"$WORK/err" &
  local pid=$!
  sleep 2.35
  reset
  wait "$pid" || true
  line "${3:-}tailgate-$1" $("$TSX" "$BENCH_DIR/result-percentiles.ts" "$WORK/r.json" | node -e 'let s="";process.stdin.on("data",(d)=>{s+=d}).on("end",()=>{const j=JSON.parse(s);console.log(j.p50,j.p99)})') $(stats)
}
for _ in $(seq 1 "$REPS"); do
  if [ "${PEERS:-1}" != "0" ]; then
  timeout 10 taskset -c "$GEN_CPU" wrk -t1 -c4 -d1 "$URL/" >/dev/null
  reset
  line wrk $(timeout $((DURATION + 30)) taskset -c "$GEN_CPU" wrk -t1 -c4 -d"$DURATION" --latency "$URL/" | awk '$1=="50%"||$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else sub(/ms/,"",v); printf "%s ", v}') $(stats)
  reset
  line raw-net $(timeout $((DURATION + 30)) taskset -c "$GEN_CPU" node "$BENCH_DIR/clients/raw-net.mjs" "$PORT" 4 "$DURATION" | cut -d' ' -f1,2) $(stats)
  reset
  line undici $(timeout $((DURATION + 30)) taskset -c "$GEN_CPU" node "$BENCH_DIR/clients/undici-pool.mjs" "$PORT" 4 "$DURATION" | cut -d' ' -f1,2) $(stats)
  fi
  tailgate closed
  tailgate open
  if [ -n "${CLI_B:-}" ]; then
    tailgate closed "$CLI_B" b-
    tailgate open "$CLI_B" b-
  fi
done | tee "$WORK/lines"
node -e 'const rows={};for(const l of require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n")){const f=l.trim().split(/\s+/);(rows[f[0]]??=[]).push(Number(f.at(-1)))}for(const[k,v]of Object.entries(rows)){v.sort((a,b)=>a-b);console.log(`summary ${k}: median p99 diff ${v[v.length>>1].toFixed(2)} ms (${v.join(" ")})`)}' "$WORK/lines"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$WORK"
