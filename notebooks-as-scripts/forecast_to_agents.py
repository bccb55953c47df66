#!/usr/bin/env python3
"""From a week of history to agents, the way a planner checks a forecast before trusting it.

Run top to bottom from the repository root after `swift build -c release`:
    python3 notebooks-as-scripts/forecast_to_agents.py            # writes plots to analysis-output/
It uses the bundled real bank data (data/bank_calls_5min.csv) and the headcount CLI.
Needs matplotlib for the plots (`pip install matplotlib`); everything else is the standard library.

1. Hold out the last week, forecast it from everything before (auto model, 90 % intervals),
   and plot forecast, interval and actuals for each half-hour.
2. Print the accuracy of that week (WAPE) and how many actuals fell inside the interval.
3. Turn the forecast into agents with Erlang C and Erlang A (patience 180 s) and plot both:
   the gap between them is what ignoring abandonment costs (or saves) in a staffing plan.
"""
import csv, datetime as dt, os, subprocess, tempfile
from collections import defaultdict

H = ".build/release/headcount"
OUT = "analysis-output"
os.makedirs(OUT, exist_ok=True)
tmp = tempfile.mkdtemp()

# --- 1. hold out the last week -------------------------------------------------------------
rows = [(dt.datetime.fromisoformat(r["interval_start"]), int(r["calls"])) for r in csv.DictReader(open("data/bank_calls_5min.csv"))]
last = rows[-1][0].date()
origin = last - dt.timedelta(days=6)
history = os.path.join(tmp, "history.csv")
with open(history, "w") as f:
    f.write("interval_start,calls\n")
    f.writelines(f"{t.isoformat()},{c}\n" for t, c in rows if t.date() < origin)
forecast = os.path.join(tmp, "forecast.csv")
subprocess.run([H, "forecast", "--history", history, "--horizon", "7d", "--interval", "30m", "--output", forecast], check=True)
fc = list(csv.DictReader(open(forecast)))

actual = defaultdict(int)  # half-hour actuals of the held-out week
for t, c in rows:
    if t.date() >= origin:
        actual[t.replace(minute=t.minute - t.minute % 30)] += c

# --- 2. accuracy -------------------------------------------------------------------------
err = tot = inside = 0
for r in fc:
    t = dt.datetime.fromisoformat(r["interval_start"][:19])
    y = actual.get(t, 0)
    err += abs(y - float(r["calls"])); tot += y
    inside += float(r["calls_lower"]) <= y <= float(r["calls_upper"])
print(f"held-out week from {origin}: WAPE {err / tot:.3f}; {inside}/{len(fc)} half-hours inside the 90% interval")

# --- 3. agents ---------------------------------------------------------------------------
def staff(model_args):
    out = os.path.join(tmp, "staff.csv")
    subprocess.run([H, "staff", "--forecast", forecast, "--aht", "300", "--target-sl", "0.8", "--target-seconds", "20", "--output", out]
                   + model_args, check=True)
    return [int(r["agents"]) for r in csv.DictReader(open(out))]
erlang_c, erlang_a = staff([]), staff(["--model", "erlang-a", "--patience", "180"])
print(f"agent-half-hours for the week: Erlang C {sum(erlang_c)}, Erlang A {sum(erlang_a)} "
      f"({100 * (sum(erlang_a) - sum(erlang_c)) / sum(erlang_c):+.1f}%)")

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    print("matplotlib is not installed: skipping the plots (pip install matplotlib)")
    raise SystemExit(0)

x = list(range(len(fc)))
fig, ax = plt.subplots(2, 1, figsize=(12, 7), sharex=True)
ax[0].fill_between(x, [float(r["calls_lower"]) for r in fc], [float(r["calls_upper"]) for r in fc], alpha=0.3, label="90% interval")
ax[0].plot(x, [float(r["calls"]) for r in fc], label="forecast (auto)")
ax[0].plot(x, [actual.get(dt.datetime.fromisoformat(r["interval_start"][:19]), 0) for r in fc], ".", ms=3, color="k", label="actual")
ax[0].set_ylabel("calls per half-hour"); ax[0].legend(loc="upper right")
ax[0].set_title(f"Bank, held-out week from {origin}: WAPE {err / tot:.3f}")
ax[1].step(x, erlang_c, where="post", label="Erlang C")
ax[1].step(x, erlang_a, where="post", label="Erlang A (patience 180 s)")
ax[1].set_ylabel("agents (80% in 20 s)"); ax[1].set_xlabel("half-hour of the week (open hours only)"); ax[1].legend(loc="upper right")
fig.tight_layout()
path = os.path.join(OUT, "forecast_to_agents.png")
fig.savefig(path, dpi=110)
print(f"plot written to {path}")
