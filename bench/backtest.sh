#!/usr/bin/env bash
# Backtest speed, printed as figures for the README's performance section:
#  1. one month of one-second prices (Bitstamp BTC one-minute candles bridged to seconds, hourly events with the
#     live strike grid, auto-entry and auto-stop on): wall time and seconds replayed per second;
#  2. a 100-setting sweep (10 minimum probabilities × 10 stop probabilities) on 1 thread and on every core:
#     the speed-up. SWEEP_FROM/SWEEP_TO choose its period (default: the month's first 3 days, so it ends in minutes;
#     SWEEP_FROM=2025-01-08 SWEEP_TO=2025-02-02 sweeps the whole month).
# Each figure comes with the CPU seconds the process used (on a shared machine the wall time mostly measures the
# other work) and the load average when it started. Runs under nice, so it yields to interactive work.
# Usage: bench/backtest.sh   (HISTORY=FILE to use another one-minute candle file)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HISTORY="${HISTORY:-$ROOT/../shared/data/btc/bitstamp_btcusd_1min_2025-01-07_2025-02-03.csv.gz}"
FROM="${FROM:-2025-01-08}"
TO="${TO:-2025-02-02}"
SWEEP_FROM="${SWEEP_FROM:-2025-01-08}"
SWEEP_TO="${SWEEP_TO:-2025-01-10}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
CORES="$(nproc)"

echo "== one month: $FROM .. $TO, auto-entry and auto-stop on ($CORES cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
nice "$ROOT/recio" backtest --symbol BTC --from "$FROM" --to "$TO" --history "$HISTORY" --out "$OUT" \
  | tr '\r' '\n' | grep -E 'seconds replayed|^trades'

SWEEP=(--sweep auto-entry.min-probability=60,65,70,75,80,85,90,93,95,97
       --sweep auto-stop.stop-probability=5,10,15,20,25,30,35,40,45,50)
for threads in 1 "$CORES"; do
  echo "== 100-setting sweep, $SWEEP_FROM .. $SWEEP_TO, $threads thread(s) (load $(cut -d' ' -f1-3 /proc/loadavg))"
  nice "$ROOT/recio" backtest --symbol BTC --from "$SWEEP_FROM" --to "$SWEEP_TO" --history "$HISTORY" --out "$OUT" \
    --threads "$threads" "${SWEEP[@]}" | tr '\r' '\n' | grep -E 'settings on'
done
