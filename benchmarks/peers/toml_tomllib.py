"""Peer for the TOML benchmark: Python's tomllib (C-accelerated regexes, pure-Python parser) on the
same 1,000-shift file, best of N runs, reading only (no schema checks); process CPU time, as the
Swift side measures it."""
import sys
import time
import tomllib

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
data = open(path, "rb").read()
best = float("inf")
for _ in range(runs):
    t0 = time.process_time()
    doc = tomllib.loads(data.decode("utf-8"))
    best = min(best, time.process_time() - t0)
print(f"tomllib.loads bytes={len(data)} shifts={len(doc['shift'])} best_cpu_ms={best * 1000:.2f} "
      f"MB_per_s={len(data) / best / 1e6:.1f}")
