# %% [markdown]
# # 3. A roster, an outage surge, and the call-ins that recover it
# Run from the repository root after `swift build -c release`. Plots go to `analysis-output/`.
#
# The Berlin sample: forecast the week after the call log, staff it (Erlang A), roster the named
# agents, then an outage doubles Wednesday's late morning: `headcount callout` recovers it with
# call-ins of on-demand agents, extensions, core overtime and moved breaks, and we plot the
# shortfall before and after.

# %%
import csv, os, subprocess
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

H = os.environ.get("HEADCOUNT", ".build/release/headcount")
OUT = "analysis-output"
os.makedirs(OUT, exist_ok=True)

def headcount(*args):
    subprocess.run([H, *args], check=True, capture_output=True, text=True)

headcount("aggregate", "--calls", "data/sample_call_log.csv", "--interval", "30m", "--timezone", "Europe/Berlin",
          "--output", f"{OUT}/nb3_intervals.csv")
headcount("forecast", "--history", f"{OUT}/nb3_intervals.csv", "--timezone", "Europe/Berlin", "--horizon", "7d",
          "--output", f"{OUT}/nb3_forecast.csv")
headcount("staff", "--forecast", f"{OUT}/nb3_forecast.csv", "--model", "erlang-a", "--patience", "120",
          "--shrinkage", "0.3", "--timezone", "Europe/Berlin", "--output", f"{OUT}/nb3_staffing.csv")
# The on-demand pool is kept in reserve for surges: the roster uses core staff only.
with open(f"{OUT}/nb3_core_agents.csv", "w") as f:
    f.writelines(line for k, line in enumerate(open("data/agents.csv")) if k == 0 or ",core," in line)
headcount("schedule", "--requirements", f"{OUT}/nb3_staffing.csv", "--shifts", "data/shifts.toml", "--agents",
          f"{OUT}/nb3_core_agents.csv", "--timezone", "Europe/Berlin", "--time-limit", "30s", "--allow-understaffing", "20",
          "--output", f"{OUT}/nb3_roster.csv",
          "--coverage", f"{OUT}/nb3_coverage.csv")
roster = list(csv.DictReader(open(f"{OUT}/nb3_roster.csv")))
print(f"{len(roster)} agent-days, {sum(float(r['paid_hours']) for r in roster):.1f} paid hours")

# %% [markdown]
# ## The surge: +8 agents needed on Wednesday 10:00-14:00

# %%
cov = list(csv.DictReader(open(f"{OUT}/nb3_coverage.csv")))
days = sorted({r["interval_start"][:10] for r in cov})
wednesday = days[2]
with open(f"{OUT}/nb3_gap.csv", "w") as f:
    f.write("interval_start,gap\n")
    for r in cov:
        g = int(r["gap"]) + (8 if r["interval_start"].startswith(wednesday) and "T10:" <= r["interval_start"][10:14] <= "T13:" else 0)
        f.write(f"{r['interval_start']},{g}\n")
headcount("callout", "--roster", f"{OUT}/nb3_roster.csv", "--gap", f"{OUT}/nb3_gap.csv", "--agents", "data/agents.csv",
          "--shifts", "data/shifts.toml", "--timezone", "Europe/Berlin", "--output", f"{OUT}/nb3_callout.csv",
          "--remaining-gap", f"{OUT}/nb3_remaining_gap.csv")
calls = list(csv.DictReader(open(f"{OUT}/nb3_callout.csv")))
for c in calls:
    print(c["agent_id"], c["action"], c["date"], c["start"][11:16], "-", c["end"][11:16], c["cost"])

# %%
gap = [(r["interval_start"], int(r["gap"])) for r in csv.DictReader(open(f"{OUT}/nb3_gap.csv")) if r["interval_start"].startswith(wednesday)]
remaining = {r["interval_start"]: int(r["remaining_gap"]) for r in csv.DictReader(open(f"{OUT}/nb3_remaining_gap.csv"))}
fig, ax = plt.subplots(figsize=(9, 4))
x = [t[11:16] for t, _ in gap]
ax.bar(x, [max(g, 0) for _, g in gap], color="#d93025", alpha=0.5, label="short before the recovery")
ax.bar(x, [remaining.get(t, max(g, 0)) for t, g in gap], color="#d93025", label="short after the recovery")
ax.set_xticks(x[::2])
ax.set_ylabel("agents short")
ax.set_title(f"Surge on {wednesday}: {sum(c['date'] == wednesday for c in calls)} recovery actions that day")
ax.legend()
fig.tight_layout()
fig.savefig(f"{OUT}/nb3_surge_recovery.png", dpi=110)
