#!/usr/bin/env bash
# Load on a running demo: wrk with a signed-in session against the strike-table API and the Monitor page
# (requests/s, p99, recio's CPU time a request), then the live push fan-out (bench/load/LiveFanout.java): CLIENTS
# WebSocket clients plus STUCK clients that never read, the delay from each strike table's computation to its
# receipt and recio's CPU time a receipt. Prints the load average beside each figure: on a shared machine the
# latencies measure the queue for the CPU as much as recio.
#
#   bench/load.sh [SECONDS] [CLIENTS] [STUCK] [--key=value ...]   defaults 30, 500, 5; settings go to the demo
#                                                                  (e.g. --recio.web.push-interval=100ms)
#
# Starts its own demo on a fresh data directory (ports 3400/8490/8491; LOAD_PORT etc. change them) with the
# launcher's JVM settings, and stops it at the end. Installs wrk with apt-get when it is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_EACH="${1:-30}"; CLIENTS="${2:-500}"; STUCK="${3:-5}"
shift $(( $# < 3 ? $# : 3 ))
PORT="${LOAD_PORT:-3400}"; KALSHI_PORT="${LOAD_KALSHI_PORT:-8490}"; FEED_PORT="${LOAD_FEED_PORT:-8491}"
CONNECTIONS="${LOAD_CONNECTIONS:-64}"; THREADS="${LOAD_THREADS:-2}"
PASSWORD="load-bench-password"
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "installing wrk" >&2; apt-get install -y -qq wrk >/dev/null; }
"$ROOT/recio" start-cache >/dev/null   # builds the jar and its start-up cache when stale

DATA="$(mktemp -d /tmp/recio-load.XXXXXX)"; JAR_COOKIES="$DATA/cookies"; PID=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT

RECIO_ADMIN_PASSWORD="$PASSWORD" "$ROOT/recio" demo --port="$PORT" --recio.data-dir="$DATA" \
  --recio.ports.simulator-kalshi="$KALSHI_PORT" --recio.ports.simulator-coinbase="$FEED_PORT" "$@" \
  >"$DATA/demo.out" 2>&1 &
PID=$!
until curl -fs "$BASE/health" >/dev/null 2>&1; do
  kill -0 "$PID" 2>/dev/null || { echo "recio demo exited:" >&2; tail -30 "$DATA/demo.out" >&2; exit 1; }
  sleep 0.5
done

# sign in as the admin: the login form's CSRF token, then the form post
csrf=$(curl -fs -c "$JAR_COOKIES" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n1)
curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null --data-urlencode "username=admin" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$JAR_COOKIES")
[ -n "$SESSION" ] || { echo "could not sign in" >&2; exit 1; }

echo "waiting for a fresh BTC strike table (the models build after the demo's history is seeded)..."
until curl -s -H "Cookie: JSESSIONID=$SESSION" "$BASE/api/strike_tables/BTC" | grep -q '"stale":false'; do
  kill -0 "$PID" 2>/dev/null || { echo "recio demo exited:" >&2; tail -30 "$DATA/demo.out" >&2; exit 1; }
  sleep 2
done

# recio's CPU time (all its threads: requests, JIT, GC, its background services) in milliseconds; the machine is
# shared, so CPU time per request says more than requests per second, which depend on what else runs
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$PID/stat"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

echo "machine: $(nproc) cores, load average $(loadavg)"
before=$(cpu_ms); sleep 10; idle=$(( ($(cpu_ms) - before) / 10 ))
echo "recio idle (its own services, no clients): ${idle} ms of CPU a second"
for path in /api/strike_tables/BTC /; do
  echo "== wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_EACH}s $path (load average before: $(loadavg))"
  before=$(cpu_ms)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -H "Cookie: JSESSIONID=$SESSION" "$BASE$path")
  used=$(( $(cpu_ms) - before ))
  echo "$out" | grep -E "Requests/sec|^ +99%|^ +50%|Non-2xx|Socket errors"
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  echo "  recio CPU: $used ms for $requests requests = $(( used * 1000 / (requests > 0 ? requests : 1) )) us a request (idle's share included); load average after: $(loadavg)"
done

echo "== live fan-out: $CLIENTS clients + $STUCK stuck, ${SECONDS_EACH}s (load average before: $(loadavg))"
"$(dirname "$(readlink -f "/proc/$PID/exe")")/java" "$ROOT/bench/load/LiveFanout.java" "ws://127.0.0.1:$PORT/ws/live" "$SESSION" \
  "$CLIENTS" "$SECONDS_EACH" "$STUCK" | while IFS= read -r line; do
    case "$line" in
      measuring*) before=$(cpu_ms) ;;
      measured) used=$(( $(cpu_ms) - before )) ;;
      *"receipts"*) receipts=$(echo "$line" | sed -n 's/.*; \([0-9]*\) receipts/\1/p')
                    echo "$line"
                    echo "  recio CPU while measuring: $used ms for $receipts receipts = $(( used * 1000 / (receipts > 0 ? receipts : 1) )) us a receipt (idle's share included)" ;;
      *) echo "$line" ;;
    esac
  done
echo "load average after: $(loadavg)"
echo "recio RSS after the load: $(awk '/^VmRSS:/ {printf "%.0f MB", $2 / 1024}' "/proc/$PID/status")"
