"""Peer for the ingest benchmark: pandas.read_csv + resample to 30-minute intervals (offered,
answered, abandoned, mean handle time), the same work `headcount aggregate` does."""
import sys, time
import pandas as pd

path = sys.argv[1]
t0 = time.perf_counter()
df = pd.read_csv(path)
ts = pd.to_datetime(df["arrived_at"], utc=True).dt.tz_convert("Europe/Berlin")
df = df.assign(t=ts).set_index("t")
g = df.groupby("queue").resample("30min")
out = pd.DataFrame({
    "calls": g["abandoned"].count(),
    "abandoned": g["abandoned"].sum(),
    "aht": g["handle_seconds"].mean(),
})
t1 = time.perf_counter()
print(f"pandas read_csv+resample rows={len(df)} seconds={t1 - t0:.3f} rows_per_s={len(df) / (t1 - t0):.0f} intervals={len(out)}")
