# %% [markdown]
# # 4. A month of nightly plans, and how accurate the past plans were
# Run from the repository root after `swift build -c release`. Plots go to `analysis-output/`.
#
# We replay cron: `headcount plan` for every run date of four weeks of the Berlin sample (a
# shift-plan variant of `data/plan.toml`, 7-day horizon), each into the same output folder, then
# score every plan's forecast against what actually happened, by how many days ahead it was made.
# A plan for a date is byte-identical whenever it is rerun, so this is also what an auditor sees.

# %%
import csv, datetime as dt, os, subprocess
from collections import defaultdict
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

H = os.environ.get("HEADCOUNT", ".build/release/headcount")
OUT = "analysis-output"
PLANS = f"{OUT}/nb4_plans"
os.makedirs(OUT, exist_ok=True)
root = os.getcwd()
config = f"{OUT}/nb4_plan.toml"
open(config, "w").write(f"""
[defaults]
time_zone = "Europe/Berlin"
history = "{root}/data/sample_call_log.csv"
shifts = "{root}/data/shifts.toml"
horizon = "7d"
model = "level-profile"
erlang = "erlang-a"
patience = 120
shrinkage = 0.3
[[queue]]
name = "retail"
[[queue]]
name = "business"
special_days = "{root}/data/special_days.csv"
""")
start = dt.date(2025, 3, 16)
dates = [start + dt.timedelta(days=k) for k in range(28)]
for d in dates:
    subprocess.run([H, "plan", "--config", config, "--output-dir", PLANS, "--date", d.isoformat(), "--quiet"], check=True)
print("planned", len(dates), "run dates; latest ->", os.readlink(f"{PLANS}/latest"))

# %% [markdown]
# ## What happened: the call log aggregated to the same half-hours

# %%
subprocess.run([H, "aggregate", "--calls", "data/sample_call_log.csv", "--interval", "30m", "--timezone",
                "Europe/Berlin", "--output", f"{OUT}/nb4_actuals.csv"], check=True)
actual = {(r["queue"], r["interval_start"]): float(r["calls"]) for r in csv.DictReader(open(f"{OUT}/nb4_actuals.csv"))}
last_actual = max(t for _, t in actual)[:10]

# %%
err = defaultdict(float)
tot = defaultdict(float)
daily = defaultdict(lambda: [0.0, 0.0])
for d in dates:
    for q in ["retail", "business"]:
        for r in csv.DictReader(open(f"{PLANS}/{d.isoformat()}/{q}/forecast.csv")):
            day = r["interval_start"][:10]
            if day > last_actual:
                continue
            lead = (dt.date.fromisoformat(day) - d).days
            a = actual.get((q, r["interval_start"]), 0.0)
            err[(q, lead)] += abs(a - float(r["calls"]))
            tot[(q, lead)] += a
            if lead == 1:
                daily[(q, day)][0] += a
                daily[(q, day)][1] += float(r["calls"])
for q in ["retail", "business"]:
    print(q, "WAPE by days ahead:", {l: round(err[(q, l)] / tot[(q, l)], 3) for l in range(1, 8) if tot[(q, l)] > 0})

# %%
fig, (a1, a2) = plt.subplots(1, 2, figsize=(12, 4))
for q, c in [("retail", "#2b5fab"), ("business", "#e8710a")]:
    leads = [l for l in range(1, 8) if tot[(q, l)] > 0]
    a1.plot(leads, [err[(q, l)] / tot[(q, l)] for l in leads], marker="o", color=c, label=q)
    days = sorted(k[1] for k in daily if k[0] == q)
    a2.plot(days, [daily[(q, d)][0] for d in days], color=c, label=f"{q} actual")
    a2.plot(days, [daily[(q, d)][1] for d in days], color=c, ls="--", label=f"{q} planned the night before")
a1.set_xlabel("days ahead")
a1.set_ylabel("WAPE per half-hour")
a1.set_title("Accuracy of past nightly plans")
a1.legend()
a2.set_title("Daily calls: actual vs the night-before plan")
a2.tick_params(axis="x", labelrotation=60, labelsize=7)
a2.legend(fontsize=7)
fig.tight_layout()
fig.savefig(f"{OUT}/nb4_plan_accuracy.png", dpi=110)
