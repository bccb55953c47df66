"""Surge benchmark: reforecast benefit on planted surges vs peers, normal-day cost, detection vs ruptures
PELT, and the time of 500 queues x one day. Usage: surge_bench.py HEADCOUNT DATA.csv
Prints one line per figure (copied into BENCHMARKS.md)."""
import csv, datetime as dt, math, os, random, subprocess, sys, tempfile, time
from collections import defaultdict
import numpy as np
sys.path.insert(0, os.path.dirname(__file__)); sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "peers"))
from plant import plant
import surge_peers as peers

hc, path = sys.argv[1], sys.argv[2]
P = lambda s: dt.datetime.fromisoformat(s.strip().replace("Z", "")).replace(tzinfo=None)
rows = [(P(r["interval_start"]), float(r["calls"])) for r in csv.DictReader(open(path))]
days = sorted({t.date() for t, _ in rows})
dayset = set(days)
REAL_INCIDENT = dt.date(2003, 10, 21)

def to30(rs):
    agg = defaultdict(float)
    for t, c in rs: agg[t.replace(minute=t.minute - t.minute % 30)] += c
    return sorted(agg.items())

def write(p, rs):
    with open(p, "w") as g:
        g.write("interval_start,calls\n"); g.writelines(f"{t.isoformat()},{int(c)}\n" for t, c in rs)

def read(p):
    return {P(r["interval_start"]): float(r["calls"]) for r in csv.DictReader(open(p))}

# ---- 1. reforecast: test days Tue-Fri whose previous day is in the data (forecast --horizon 1d hits them)
test_days = [d for d in days[-45:] if d.weekday() in (1, 2, 3, 4) and d - dt.timedelta(days=1) in dayset
             and d != REAL_INCIDENT][-20:]
rng = random.Random(11)
res = defaultdict(float)
lams = [0.1, 1, 10, 100]
with tempfile.TemporaryDirectory() as tmp:
    H, F, A, R = (os.path.join(tmp, x) for x in ("h.csv", "f.csv", "a.csv", "r.csv"))
    for d in test_days:
        hist = [r for r in rows if r[0].date() < d]
        write(H, hist)
        subprocess.run([hc, "forecast", "--history", H, "--horizon", "1d", "--interval", "30m", "--output", F], check=True,
                       capture_output=True)
        fc = read(F)
        slots = sorted(t for t in fc if t.date() == d)
        f = np.array([fc[t] for t in slots])
        # Shen-Huang basis from the last 40 history days at 30 minutes, same slots
        h30 = defaultdict(dict)
        for t, c in to30(hist[-40 * 170:]): h30[t.date()][t.time()] = c
        mat = [[h30[x].get(t.time(), 0.0) for t in slots] for x in sorted(h30)[-40:]]
        basis = peers.svd_basis(mat)
        day_rows = [r for r in rows if r[0].date() == d]
        for kind in ("surge", "normal"):
            truth_rows = plant(day_rows, d, 10, 3, 3, rng, 300)[0] if kind == "surge" else day_rows
            tr = dict(to30(truth_rows)); y = np.array([tr.get(t, 0.0) for t in slots])
            for cut in (11, 12):
                n = sum(1 for t in slots if t.hour < cut)
                write(A, [(t, y[i]) for i, t in enumerate(slots[:n])])
                p = subprocess.run([hc, "reforecast", "--forecast", F, "--actuals", A, "--output", R], capture_output=True, text=True)
                if p.returncode: print("reforecast failed:", p.stderr[:200]); sys.exit(1)
                rf = read(R); r2 = np.array([rf[t] for t in slots[n:]])
                rest = y[n:]
                res[(kind, cut, "tot")] += rest.sum()
                res[(kind, cut, "plain")] += np.abs(rest - f[n:]).sum()
                res[(kind, cut, "headcount")] += np.abs(rest - r2).sum()
                res[(kind, cut, "ratio")] += np.abs(rest - peers.ratio_method(f, y, n)).sum()
                for lam in lams:
                    res[(kind, cut, f"sh{lam}")] += np.abs(rest - peers.shen_huang(basis, f, y, n, lam * n)).sum()
# Shen-Huang's lambda: the one best on normal days (its most favourable setting, chosen in-sample)
for cut in (11, 12):
    best = min(lams, key=lambda l: res[("normal", cut, f"sh{l}")])
    for kind in ("surge", "normal"):
        tot = res[(kind, cut, "tot")]
        w = {m: res[(kind, cut, m)] / tot for m in ("plain", "headcount", "ratio")}
        w["shen_huang"] = res[(kind, cut, f"sh{best}")] / tot
        print(f"reforecast {kind:6s} seen={cut - 10 if kind == 'surge' else cut - 7}h(cut {cut}:00) days={len(test_days)} "
              + " ".join(f"{m}={v:.4f}" for m, v in w.items())
              + f" headcount/plain={w['headcount'] / w['plain']:.3f} ratio/plain={w['ratio'] / w['plain']:.3f}"
              + f" shen_huang/plain={w['shen_huang'] / w['plain']:.3f} (lambda={best}n)")

# ---- 2. detection: 10 planted surges (peak x2-x6, half-life 1-12 h, onset 09:00-14:00) in distinct weeks
rng = random.Random(5)
cands = [d for d in days if d.weekday() in (1, 2, 3) and d != REAL_INCIDENT]
weeks = sorted({d.isocalendar()[1] for d in cands})
chosen = [[d for d in cands if d.isocalendar()[1] == w][0] for w in weeks[2::3]][:10]
planted_rows = rows
onsets = {}
for d in chosen:
    x = rng.uniform(2, 6); h = math.exp(rng.uniform(0, math.log(12))); hour = rng.choice([9, 10, 11, 12, 13])
    planted_rows, onset = plant(planted_rows, d, hour, x, h, rng, 300)
    onsets[d] = onset
with tempfile.TemporaryDirectory() as tmp:
    H, I = os.path.join(tmp, "h.csv"), os.path.join(tmp, "i.csv")
    write(H, planted_rows)
    t0 = time.perf_counter()
    subprocess.run([hc, "incidents", "--history", H, "--output", I], check=True, capture_output=True)
    secs = time.perf_counter() - t0
    found = [(P(r["start"])) for r in csv.DictReader(open(I))]
normal_days = [d for d in days if d not in onsets and d != REAL_INCIDENT]
def score(found):
    delays, false = [], 0
    for d, o in onsets.items():
        hits = [(f - o).total_seconds() / 300 for f in found if f.date() == d and -3 <= (f - o).total_seconds() / 300 <= 24]
        delays.append(min(hits, key=abs) if hits else None)
    false = sum(1 for f in found if f.date() in set(normal_days))
    got = [x for x in delays if x is not None]
    return len(got), (float(np.median(np.abs(got))) if got else float("nan")), false * 30 / len(normal_days)
n, med, fa = score(found)
print(f"detection headcount: found {n}/{len(onsets)} median |onset delay|={med:.1f} intervals (5 min) "
      f"false alarms per 30 normal days={fa:.2f} seconds={secs:.2f}")
# PELT on the same series, per day, against a same-weekday mean profile scaled to the day's median level
t0 = time.perf_counter()
by = defaultdict(list)
for t, c in planted_rows: by[t.date()].append((t, c))
pelt_found = []
for d, rs in by.items():
    nb = [x for x in days if x.weekday() == d.weekday() and x != d and abs((x - d).days) <= 56 and x not in onsets]
    if not nb: continue
    prof = defaultdict(list)
    for x in nb:
        tot = sum(c for _, c in by[x])
        for t, c in by[x]: prof[t.time()].append(c / tot)
    shares = np.array([np.mean(prof.get(t.time(), [0.0])) for t, _ in rs])
    y = np.array([c for _, c in rs])
    level = np.median(y[shares > 0] / shares[shares > 0])
    for i in peers.pelt_onsets(y, shares * level):
        pelt_found.append(rs[i][0])
psecs = time.perf_counter() - t0
n, med, fa = score(pelt_found)
print(f"detection ruptures-PELT: found {n}/{len(onsets)} median |onset delay|={med:.1f} intervals (5 min) "
      f"false alarms per 30 normal days={fa:.2f} seconds={psecs:.2f}")

# ---- 3. 500 queues x one day: forecast of the last day, actuals to 12:00 with a surge in every other queue
with tempfile.TemporaryDirectory() as tmp:
    H, F, A, R = (os.path.join(tmp, x) for x in ("h.csv", "f.csv", "a.csv", "r.csv"))
    d = test_days[-1]
    write(H, [r for r in rows if r[0].date() < d])
    subprocess.run([hc, "forecast", "--history", H, "--horizon", "1d", "--interval", "30m", "--output", F], check=True, capture_output=True)
    fl = list(csv.DictReader(open(F)))
    day_rows = [r for r in rows if r[0].date() == d]
    with open(F, "w") as g, open(A, "w") as a:
        g.write("interval_start,queue,calls,calls_lower,calls_upper,aht_seconds\n"); a.write("interval_start,queue,calls\n")
        for q in range(500):
            for r in fl:
                g.write(f"{r['interval_start']},q{q},{r['calls']},{r['calls_lower']},{r['calls_upper']},{r['aht_seconds']}\n")
            truth = to30(plant(day_rows, d, 10, 3, 3, rng, 300)[0] if q % 2 == 0 else day_rows)
            a.writelines(f"{t.isoformat()},q{q},{int(c)}\n" for t, c in truth if t.hour < 12)
    best = 1e9
    for _ in range(3):
        t0 = time.perf_counter()
        p = subprocess.run([hc, "reforecast", "--forecast", F, "--actuals", A, "--output", R], capture_output=True, text=True)
        best = min(best, time.perf_counter() - t0)
    print(f"reforecast 500 queues x 1 day (250 surging): seconds={best:.3f} surges reported={p.stderr.count('surge in queue')}")
