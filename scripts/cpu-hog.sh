#!/usr/bin/env bash
# A CPU hog for proving that tests and the demo hold on a busy runner.
#   scripts/cpu-hog.sh start [N]   start N busy loops (default: one per core), record their process ids
#   scripts/cpu-hog.sh stop        stop exactly those processes, by id
#   scripts/cpu-hog.sh status      list the recorded processes that are still running
# Each loop also stops by itself after TAILGATE_HOG_MAX_S seconds (default 3600), so a forgotten hog cannot run on.
# The process ids are kept in ${TAILGATE_HOG_PIDFILE:-${TMPDIR:-/tmp}/tailgate-cpu-hog.pids}.
set -euo pipefail

pidfile="${TAILGATE_HOG_PIDFILE:-${TMPDIR:-/tmp}/tailgate-cpu-hog.pids}"
max_s="${TAILGATE_HOG_MAX_S:-3600}"

running_pids() {
  [ -f "${pidfile}" ] || return 0
  local pid
  while read -r pid; do
    [ -n "${pid}" ] && kill -0 "${pid}" 2>/dev/null && echo "${pid}"
  done <"${pidfile}"
  return 0
}

case "${1:-}" in
  start)
    if [ -n "$(running_pids)" ]; then
      echo "a hog is already running (pids: $(running_pids | tr '\n' ' ')); run '$0 stop' first" >&2
      exit 1
    fi
    count="${2:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc)}"
    : >"${pidfile}"
    for _ in $(seq 1 "${count}"); do
      # A pure-shell busy loop with its own deadline; `exec` makes the recorded pid the loop itself.
      bash -c 'end=$((SECONDS + $1)); while [ "${SECONDS}" -lt "${end}" ]; do :; done' cpu-hog "${max_s}" \
        </dev/null >/dev/null 2>&1 &
      echo "$!" >>"${pidfile}"
    done
    echo "started ${count} busy loop(s): pids $(tr '\n' ' ' <"${pidfile}")(${pidfile})"
    ;;
  stop)
    pids="$(running_pids)"
    if [ -n "${pids}" ]; then
      # shellcheck disable=SC2086
      kill ${pids}
      echo "stopped pids: $(echo ${pids} | tr '\n' ' ')"
    else
      echo "no hog running"
    fi
    rm -f "${pidfile}"
    ;;
  status)
    pids="$(running_pids)"
    if [ -n "${pids}" ]; then echo "running: $(echo ${pids} | tr '\n' ' ')"; else echo "no hog running"; fi
    ;;
  *)
    echo "usage: $0 start [N] | stop | status" >&2
    exit 2
    ;;
esac
