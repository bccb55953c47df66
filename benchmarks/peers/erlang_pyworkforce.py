"""Peer for the staffing benchmark: pyworkforce ErlangC.required_positions on the same inputs
(written by staffing-bench). pyworkforce takes minutes per call at large loads, so it runs on
the first N inputs (default 2,000) and reports intervals per second."""
import csv, sys, time
from pyworkforce.queuing import ErlangC

path = sys.argv[1]
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
rows = list(csv.DictReader(open(path)))[:limit]
t0 = time.perf_counter()
total = 0
for r in rows:
    e = ErlangC(transactions=float(r["calls"]), aht=float(r["aht_seconds"]) / 60, asa=20 / 60, interval=30)
    total += e.required_positions(service_level=0.8)["raw_positions"]
t1 = time.perf_counter()
print(f"pyworkforce ErlangC intervals={len(rows)} seconds={t1 - t0:.3f} intervals_per_s={len(rows) / (t1 - t0):.1f} agents_sum={total}")
