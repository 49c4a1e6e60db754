#!/usr/bin/env bash
# Runs `./recio demo` on a fresh data directory for N minutes and prints, over time, its resident memory,
# Java heap, threads and database size, after the time from start to /health UP.
#
#   bench/footprint.sh N [--key=value ...]    N minutes (default 10), a sample every minute; settings go
#                                               to the demo (e.g. --recio.feeds.retention=1h)
#   FOOTPRINT_EVERY=10 bench/footprint.sh 2      a sample every 10 seconds
#
# The launcher's JVM settings apply (RECIO_JAVA_OPTS overrides them). Ports default to 3300/8390/8391 so a
# demo already running on 3000 is left alone; FOOTPRINT_PORT, FOOTPRINT_KALSHI_PORT, FOOTPRINT_FEED_PORT
# change them. FOOTPRINT_DATA keeps the data directory (default: a temporary one, removed at the end).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MINUTES="${1:-10}"
shift || true
EVERY="${FOOTPRINT_EVERY:-60}"
PORT="${FOOTPRINT_PORT:-3300}"
KALSHI_PORT="${FOOTPRINT_KALSHI_PORT:-8390}"
FEED_PORT="${FOOTPRINT_FEED_PORT:-8391}"
case "$MINUTES" in ''|*[!0-9]*) echo "usage: bench/footprint.sh MINUTES" >&2; exit 2 ;; esac

if [ -n "${FOOTPRINT_DATA:-}" ]; then
  DATA="$FOOTPRINT_DATA"; mkdir -p "$DATA"; KEEP=1
else
  DATA="$(mktemp -d /tmp/recio-footprint.XXXXXX)"; KEEP=0
fi
LOG="$DATA/footprint-demo.out"

"$ROOT/recio" start-cache >/dev/null   # builds the jar and its start-up cache when stale: the time below is a start
PID=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID"; wait "$PID" 2>/dev/null || true
  fi
  [ "$KEEP" = 1 ] || rm -rf "$DATA"
}
trap cleanup EXIT

START_NS=$(date +%s%N)
RECIO_ADMIN_PASSWORD="${RECIO_ADMIN_PASSWORD:-footprint-bench-password}" \
  "$ROOT/recio" demo --port="$PORT" --recio.data-dir="$DATA" \
  --recio.ports.simulator-kalshi="$KALSHI_PORT" --recio.ports.simulator-coinbase="$FEED_PORT" "$@" >"$LOG" 2>&1 &
PID=$!

until curl -fs "http://127.0.0.1:$PORT/health" 2>/dev/null | grep -q '"UP"'; do
  if ! kill -0 "$PID" 2>/dev/null; then echo "recio demo exited; its output:" >&2; cat "$LOG" >&2; exit 1; fi
  sleep 0.05
done
UP_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
# CPU seconds the JVM spent until then (user + system): the start's cost, whatever else the machine runs
UP_CPU=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$PID/stat")

JAVA_BIN="$(dirname "$(readlink -f "/proc/$PID/exe")")"
echo "recio demo pid $PID, JVM options: $(tr '\0' ' ' <"/proc/$PID/cmdline" | sed 's/ -jar .*//; s/^[^ ]*java *//')"
printf 'start to /health UP: %d.%03d s (%s CPU seconds; load average %s)\n' $((UP_MS / 1000)) $((UP_MS % 1000)) \
  "$UP_CPU" "$(cut -d' ' -f1 /proc/loadavg)"
printf '%8s %8s %10s %10s %8s %9s %9s\n' minute rss_mb heap_used heap_comm threads db_mb data_mb

sample() { # prints one line of figures at minute $1
  local rss threads heap used committed db data
  rss=$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status")
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$PID/status")
  # jstat -gc: survivor, eden, old capacities and usages in KB (columns vary by JDK, so by name)
  heap=$("$JAVA_BIN/jstat" -gc "$PID" 2>/dev/null | awk '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"];
      comm = $col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"];
      printf "%.0f %.0f", used / 1024, comm / 1024 }')
  used=${heap% *}; committed=${heap#* }
  db=$(du -sm "$DATA"/recio.mv.db 2>/dev/null | cut -f1)
  data=$(du -sm "$DATA" | cut -f1)
  printf '%8s %8s %10s %10s %8s %9s %9s\n' "$1" "$rss" "${used:-?}" "${committed:-?}" "$threads" "${db:-0}" "$data"
}

ELAPSED=0
sample "0"
while [ "$ELAPSED" -lt $((MINUTES * 60)) ]; do
  sleep "$EVERY"
  ELAPSED=$((ELAPSED + EVERY))
  kill -0 "$PID" 2>/dev/null || { echo "recio demo exited early; its output:" >&2; tail -50 "$LOG" >&2; exit 1; }
  sample "$(awk -v s="$ELAPSED" 'BEGIN { printf (s % 60 ? "%.2f" : "%d"), s / 60 }')"
done
