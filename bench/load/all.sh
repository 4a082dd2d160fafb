#!/usr/bin/env bash
# Runs the four load benchmarks in one go and keeps everything they print, with the machine, versions, date and
# what else was running (the machine is shared), in bench/load/results/<date>.log (git-ignored figures go into
# docs/benchmarks/load.md by hand). About 10 minutes.
#   bench/load/all.sh
source "$(dirname "$0")/lib.sh"
ensure_tools
mkdir -p "$BENCH_DIR/results"
LOG="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ).log"
others() { ps -eo pcpu,etime,args --sort=-pcpu | awk 'NR > 1 && $1 > 5' | cut -c1-140 | head -8; }
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) vCPU, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
  echo "versions: node $(node --version), nginx $(nginx -v 2>&1 | cut -d/ -f2), wrk $(wrk --version 2>&1 | head -1 | awk '{print $2}'), autocannon $(node -p "require('$REPO_DIR/node_modules/autocannon/package.json').version"), undici $(node -p "require('$REPO_DIR/node_modules/undici/package.json').version")"
  echo "pinning: target on cpu $TARGET_CPU, generators on cpu $GEN_CPU"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "other processes above 5 % CPU before:"
  others
  echo "--- throughput (50 connections, 10 s, 3 reps, rotating order)"
  "$BENCH_DIR/throughput.sh" 50 10 3
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "--- accuracy (20 ms server, 200 req/s, 20 s, 3 reps)"
  "$BENCH_DIR/accuracy.sh" 20 3
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "--- coordinated omission (stall 1 s every 5 s, 200 req/s, 20 s, 3 reps)"
  "$BENCH_DIR/coordinated-omission.sh" 3
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "--- memory (50 endpoints, 50 VUs, 20 s and 60 s)"
  "$BENCH_DIR/memory.sh"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "other processes above 5 % CPU after:"
  others
} 2>&1 | tee "$LOG"
echo "log: $LOG"
