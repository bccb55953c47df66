"""Peer for the shift-plan benchmark: the same set-covering program (4/6/8-hour shifts starting
every 30 minutes inside each day's rows, no breaks, minimise paid hours) solved by HiGHS through
scipy.optimize.milp. Reproduces the 20,184-hour optimum of data/README. Usage: schedule_highs.py REQ.csv"""
import csv, datetime as dt, sys, time
import numpy as np
from scipy.optimize import milp, LinearConstraint, Bounds
from scipy.sparse import lil_matrix

rows = [(dt.datetime.fromisoformat(r["interval_start"]), int(r["required"])) for r in csv.DictReader(open(sys.argv[1]))]
t0 = time.perf_counter()
days = sorted({t.date() for t, _ in rows})
cols, costs, A_rows, b = [], [], [], []
index = {t: i for i, (t, _) in enumerate(rows)}
for d in days:
    ts = [t for t, _ in rows if t.date() == d]
    first, end = min(ts), max(ts) + dt.timedelta(minutes=30)
    for h in (4, 6, 8):
        s = first
        while s + dt.timedelta(hours=h) <= end:
            cols.append([index[t] for t in ts if s <= t and t + dt.timedelta(minutes=30) <= s + dt.timedelta(hours=h)])
            costs.append(h)
            s += dt.timedelta(minutes=30)
A = lil_matrix((len(rows), len(cols)))
for j, cov in enumerate(cols):
    for i in cov: A[i, j] = 1
req = np.array([r for _, r in rows], dtype=float)
res = milp(c=np.array(costs, dtype=float), constraints=LinearConstraint(A.tocsr(), lb=req, ub=np.inf),
           integrality=np.ones(len(cols)), bounds=Bounds(0, np.inf))
print(f"HiGHS (scipy.optimize.milp) paid_hours={res.fun:.1f} columns={len(cols)} seconds={time.perf_counter() - t0:.3f} status={res.message}")
