#!/usr/bin/env python3
"""The outage playbook: a 470,000-customer fixed-line outage at 08:00 on a weekday.

Run from the repository root after `swift build -c release`:
    python3 notebooks-as-scripts/outage_playbook.py          # plots to analysis-output/ (needs matplotlib)
History: the bundled real bank data (data/bank_calls_5min.csv) with three past outages planted into it
(known affected customers, Poisson counts, benchmarks/surges/plant.py), standing in for a telecom's
own incident history.

1. Detect the past incidents (`headcount incidents`), add the affected customers a planner knows.
2. Fit their surge shapes and the scaling with affected customers (`incidents --fit`).
3. Forecast the outage day with the incidents left out of the baseline and the scenario switched on
   (`forecast --incidents --scenario`): baseline + surge, widened intervals.
4. Agents per interval without and with the playbook's levers from 09:00 (`staff --scenario`): bots
   contain 40 % of calls, an SMS deflects 30 %.
5. At 10:00 the actuals so far come in: `reforecast` re-fits the surge and projects the rest of the day.
"""
import csv, datetime as dt, os, random, subprocess, sys, tempfile
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "benchmarks", "surges"))
from plant import plant

H = ".build/release/headcount"
OUT = "analysis-output"
os.makedirs(OUT, exist_ok=True)
tmp = tempfile.mkdtemp()
P = lambda s: dt.datetime.fromisoformat(s).replace(tzinfo=None)
def run(*args):
    p = subprocess.run([H, *args], capture_output=True, text=True)
    if p.returncode: sys.exit(f"headcount {args[0]} failed: {p.stderr.strip()}")
    if p.stderr.strip(): print(p.stderr.strip())
    return p.stdout
def rows_of(path): return list(csv.DictReader(open(path)))

# --- the history with three past outages -----------------------------------------------------
rows = [(P(r["interval_start"]), float(r["calls"])) for r in csv.DictReader(open("data/bank_calls_5min.csv"))]
PEAK_X_PER_100K = 1.0          # peak multiplier above 1 per 100,000 affected customers in this made-up history
past = [(dt.date(2003, 5, 14), 120_000, 2.0), (dt.date(2003, 7, 16), 300_000, 3.5), (dt.date(2003, 9, 10), 200_000, 2.5)]
rng = random.Random(2026)
for day, customers, half_life in past:
    rows, _ = plant(rows, day, 9, 1 + PEAK_X_PER_100K * customers / 100_000, half_life, rng, 300)
history = os.path.join(tmp, "history.csv")
with open(history, "w") as f:
    f.write("interval_start,calls\n"); f.writelines(f"{t.isoformat()},{int(c)}\n" for t, c in rows)

# --- 1. detect, then add what the planner knows ------------------------------------------------
incidents = os.path.join(tmp, "incidents.csv")
run("incidents", "--history", history, "--output", incidents)
found = rows_of(incidents)
known = {d: c for d, c, _ in past}
for r in found:
    r["affected_customers"] = str(known.get(P(r["start"]).date(), ""))
with open(incidents, "w") as f:
    w = csv.DictWriter(f, fieldnames=list(found[0].keys())); w.writeheader(); w.writerows(found)
print(open(incidents).read())

# --- 2. shapes and scaling ---------------------------------------------------------------------
print(run("incidents", "--history", history, "--incidents", incidents, "--fit"))

# --- 3. forecast the outage day (the Monday after the history) ------------------------------------
outage_day = dt.date(2003, 10, 27)
scenario = os.path.join(tmp, "surge.toml")
with open(scenario, "w") as f:
    f.write(f'start = {outage_day}T08:00:00\naffected_customers = 470_000\n'
            f'bot_containment = 0.4\ndeflection = 0.3\nfrom = {outage_day}T09:00:00\n')
base, surge = os.path.join(tmp, "base.csv"), os.path.join(tmp, "surge.csv")
common = ["--history", history, "--interval", "30m", "--horizon", "3d", "--incidents", incidents]
run("forecast", *common, "--output", base)
run("forecast", *common, "--scenario", scenario, "--output", surge)
b = [r for r in rows_of(base) if P(r["interval_start"]).date() == outage_day]
s = [r for r in rows_of(surge) if P(r["interval_start"]).date() == outage_day]
print(f"outage day calls: baseline {sum(float(r['calls']) for r in b):,.0f}, with the surge {sum(float(r['calls']) for r in s):,.0f}")

# --- 4. agents without and with the levers --------------------------------------------------------
no_levers, levers = os.path.join(tmp, "staff0.csv"), os.path.join(tmp, "staff1.csv")
staff = ["--forecast", surge, "--aht", "300", "--target-sl", "0.8", "--target-seconds", "20"]
run("staff", *staff, "--output", no_levers)
run("staff", *staff, "--scenario", scenario, "--output", levers)
a0 = {r["interval_start"]: int(r["agents"]) for r in rows_of(no_levers)}
a1 = {r["interval_start"]: int(r["agents"]) for r in rows_of(levers)}
print("interval            calls  agents  agents with levers")
for r in s:
    t = r["interval_start"]
    print(f"{t[:16]}  {float(r['calls']):7.0f}  {a0[t]:6d}  {a1[t]:6d}")

# --- 5. 10:00: actuals so far, reforecast ------------------------------------------------------------
# Stand-in actuals: the real Friday before, 30-minute, with a 470,000-customer surge planted at 08:00.
proxy = dt.date(2003, 10, 24)
day_rows, _ = plant([r for r in rows if r[0].date() == proxy], proxy, 8, 1 + PEAK_X_PER_100K * 4.7, 2.5, rng, 300)
agg = {}
for t, c in day_rows:
    k = dt.datetime.combine(outage_day, t.time()).replace(minute=t.minute - t.minute % 30)
    agg[k] = agg.get(k, 0) + c
actuals, re = os.path.join(tmp, "actuals.csv"), os.path.join(tmp, "reforecast.csv")
with open(actuals, "w") as f:
    f.write("interval_start,calls\n"); f.writelines(f"{t.isoformat()},{int(c)}\n" for t, c in sorted(agg.items()) if t.hour < 10)
run("reforecast", "--forecast", base, "--actuals", actuals, "--history", history, "--incidents", incidents, "--output", re)
r2 = [r for r in rows_of(re) if P(r["interval_start"]).date() == outage_day]

try:
    import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
except ImportError:
    print("matplotlib not installed: no plots"); sys.exit(0)
x = [P(r["interval_start"]) for r in s]
fig, ax = plt.subplots(2, 1, figsize=(11, 8), sharex=True)
ax[0].plot(x, [float(r["calls"]) for r in b], label="baseline forecast")
ax[0].plot(x, [float(r["calls"]) for r in s], label="with 470k-customer scenario")
ax[0].fill_between(x, [float(r["calls_lower"]) for r in s], [float(r["calls_upper"]) for r in s], alpha=0.2)
xt = sorted(agg); ax[0].plot(xt, [agg[t] for t in xt], "k.", label="stand-in actuals")
ax[0].plot([P(r["interval_start"]) for r in r2], [float(r["calls"]) for r in r2], "--", label="reforecast at 10:00")
ax[0].set_ylabel("calls per 30 min"); ax[0].legend()
ax[1].step(x, [a0[r["interval_start"]] for r in s], where="post", label="agents, no levers")
ax[1].step(x, [a1[r["interval_start"]] for r in s], where="post", label="agents, bots 40 % + SMS 30 % from 09:00")
ax[1].set_ylabel("agents"); ax[1].legend()
fig.tight_layout(); fig.savefig(os.path.join(OUT, "outage_playbook.png"), dpi=110)
print(f"wrote {OUT}/outage_playbook.png")
