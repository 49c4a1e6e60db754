#!/usr/bin/env python3
"""Derives the simulator's price-model figures from the real data in ../shared/data.

Run from the repository root:  python3 tools/calibration/calibrate.py [SHARED_DIR]
Needs numpy. Prints every figure that io.recio.simulator.prices.internal.ModelParameters uses,
with the file it came from. The data files are read in place, never copied.
"""
import csv, gzip, json, sys, math
from datetime import datetime, timezone
import numpy as np

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
data = shared + "/data"

def rows(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        yield from csv.DictReader(f)

def ts(value):
    if value.isdigit():
        return int(value)
    return int(datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc).timestamp())

def kurt(x):
    x = x - x.mean()
    return float((x ** 4).mean() / (x ** 2).mean() ** 2 - 3)

# 1. BTC one-minute Bitstamp, Jan-Feb 2025: level of volatility, tails, seasonality, clustering.
f1 = data + "/btc/bitstamp_btcusd_1min_2025-01-07_2025-02-03.csv.gz"
m = [(ts(r["timestamp"]), float(r["close"])) for r in rows(f1)]
t = np.array([a for a, _ in m]); c = np.array([b for _, b in m])
r1 = np.diff(np.log(c)); t1 = t[1:]
print(f"[{f1}] 1-min returns n={len(r1)} stdev={r1.std():.6f} excess_kurtosis={kurt(r1):.2f}")
hourly = {}
for tt, cc in zip(t, c):
    if tt % 3600 == 0:
        hourly[tt] = cc
hk = sorted(hourly)
rh = np.array([math.log(hourly[b] / hourly[a]) for a, b in zip(hk, hk[1:]) if b - a == 3600])
print(f"  hourly returns n={len(rh)} stdev={rh.std():.6f} annualised={rh.std()*math.sqrt(24*365):.4f} excess_kurtosis={kurt(rh):.2f}")
hours = (t1 // 3600) % 24
var_by_hour = np.array([np.mean(r1[hours == h] ** 2) for h in range(24)])
season = np.sqrt(var_by_hour / var_by_hour.mean())
print("  vol multiplier by UTC hour (mean variance = 1):")
print("   ", ", ".join(f"{s:.3f}" for s in season))
# hourly realised variance from 1-min returns: log RV persistence (AR(1) per hour) and dispersion
rv = {}
for tt, rr in zip(t1, r1):
    rv.setdefault(tt // 3600, []).append(rr * rr)
keys = sorted(k for k, v in rv.items() if len(v) >= 50)
lrv = np.array([math.log(sum(rv[k]) / hours_mult + 1e-12) for k in keys for hours_mult in [season[k % 24] ** 2]])
lrv = lrv - lrv.mean()
phi_h = float(np.corrcoef(lrv[:-1], lrv[1:])[0, 1])
print(f"  deseasonalised log realised hourly variance: stdev={lrv.std():.3f} AR(1) per hour={phi_h:.3f}")

# 2. BTC-ETH correlation and ETH/BTC volatility ratio from the 2-hour series, 2024-2025.
fb = data + "/btc/bitstamp_btcusd_2h_2011-08-18_2025-08-26.csv.gz"
fe = data + "/eth/binance_ethusdt_2h.csv.gz"
b2 = {ts(r["timestamp"]): float(r["close"]) for r in rows(fb)}
e2 = {ts(r["timestamp"]): float(r["close"]) for r in rows(fe)}
since = int(datetime(2024, 1, 1, tzinfo=timezone.utc).timestamp())
common = sorted(k for k in b2 if k in e2 and k >= since)
pairs = [(math.log(b2[b] / b2[a]), math.log(e2[b] / e2[a])) for a, b in zip(common, common[1:]) if b - a == 7200]
pb = np.array([p[0] for p in pairs]); pe = np.array([p[1] for p in pairs])
print(f"[{fb} x {fe}] 2h returns 2024-01..2025-08 n={len(pairs)} corr={np.corrcoef(pb, pe)[0,1]:.3f} "
      f"stdev btc={pb.std():.5f} eth={pe.std():.5f} eth/btc={pe.std()/pb.std():.3f}")

# 3. ETH spot every ~0.5 s inside the Kalshi ETH snapshots (Aug 2026): short-horizon ETH volatility.
fs = data + "/kalshi/kxeth15m_book_snapshots_2026-08-17_2026-08-18.jsonl.gz"
pts = []
with gzip.open(fs, "rt") as f:
    for line in f:
        j = json.loads(line)
        if j.get("spot_ok") and j.get("spot"):
            pts.append((j["ts"], j["spot"]))
pts.sort()
mins = {}
for tt, p in pts:
    mins[int(tt) // 60] = p
mk = sorted(mins)
re = np.array([math.log(mins[b] / mins[a]) for a, b in zip(mk, mk[1:]) if b - a == 1])
print(f"[{fs}] ETH 1-min returns n={len(re)} stdev={re.std():.6f} annualised={re.std()*math.sqrt(60*24*365):.4f} "
      f"excess_kurtosis={kurt(re):.2f} span_hours={(pts[-1][0]-pts[0][0])/3600:.1f}")
