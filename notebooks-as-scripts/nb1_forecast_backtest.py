# %% [markdown]
# # 1. Forecasting the bank and reading the backtest
# Run top to bottom from the repository root after `swift build -c release`
# (`make notebooks` runs all four). Uses the real bank data (`data/bank_calls_5min.csv`) and the
# `headcount` CLI; plots go to `analysis-output/`.
#
# A planner trusts a model only after seeing how it did on weeks it had not seen: `headcount
# backtest` re-fits every model on all history before each of the last 8 weeks and scores the
# week after. WAPE is the share of calls mis-forecast; coverage is how often the actuals fell
# inside the 90 % prediction interval (it should be near 0.9).

# %%
import csv, io, os, subprocess
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

H = os.environ.get("HEADCOUNT", ".build/release/headcount")
OUT = "analysis-output"
os.makedirs(OUT, exist_ok=True)

def headcount(*args):
    return subprocess.run([H, *args], check=True, capture_output=True, text=True).stdout

# %% [markdown]
# ## The backtest: 8 weekly folds, every model

# %%
table = list(csv.DictReader(io.StringIO(headcount(
    "backtest", "--history", "data/bank_calls_5min.csv", "--interval", "30m", "--folds", "8", "--horizon", "7d",
    "--format", "csv"))))
for r in table:
    print(f"{r['model']:>20}  WAPE {float(r['wape']):.4f}  coverage {r['coverage']}")
best = min(table, key=lambda r: float(r["wape"]))
print("best by WAPE:", best["model"])

# %%
fig, ax = plt.subplots(figsize=(9, 4))
names = [r["model"] for r in table]
ax.barh(names, [float(r["wape"]) for r in table], color=["#2b5fab" if r is best else "#9ec1f0" for r in table])
ax.set_xlabel("WAPE over 8 held-out weeks (lower is better)")
ax.set_title("Bank data: rolling-origin backtest")
fig.tight_layout()
fig.savefig(f"{OUT}/nb1_backtest_wape.png", dpi=110)

# %% [markdown]
# ## The forecast of the next week with its 90 % interval

# %%
headcount("forecast", "--history", "data/bank_calls_5min.csv", "--interval", "30m", "--horizon", "7d",
          "--output", f"{OUT}/nb1_forecast.csv")
rows = list(csv.DictReader(open(f"{OUT}/nb1_forecast.csv")))
x = range(len(rows))
fig, ax = plt.subplots(figsize=(11, 4))
ax.fill_between(x, [float(r["calls_lower"]) for r in rows], [float(r["calls_upper"]) for r in rows],
                color="#9ec1f0", alpha=0.6, label="90 % interval")
ax.plot(x, [float(r["calls"]) for r in rows], color="#2b5fab", label="forecast")
ax.set_xlabel("open half-hours of the week after the data")
ax.set_ylabel("calls per 30 min")
ax.legend()
fig.tight_layout()
fig.savefig(f"{OUT}/nb1_forecast.png", dpi=110)
print(f"{len(rows)} half-hours forecast, {sum(float(r['calls']) for r in rows):.0f} calls")
