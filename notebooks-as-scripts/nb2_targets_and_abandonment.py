# %% [markdown]
# # 2. How many agents for 80/20 vs 90/30, and what abandonment changes (Erlang C vs A)
# Run from the repository root after `swift build -c release`. Plots go to `analysis-output/`.
#
# For half-hours of 50 to 600 calls at AHT 300 s we ask `headcount erlang` for the fewest agents
# meeting 80 % in 20 s and 90 % in 30 s, with Erlang C (nobody hangs up) and Erlang A (mean
# patience 120 s; abandoned calls count as failures). Then, at a fixed load, we evaluate agent
# counts around the answer to see the abandonment each agent buys back.

# %%
import json, os, subprocess
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

H = os.environ.get("HEADCOUNT", ".build/release/headcount")
OUT = "analysis-output"
os.makedirs(OUT, exist_ok=True)

def erlang(calls, sl, secs, model="erlang-c", agents=None):
    args = [H, "erlang", "--calls", str(calls), "--interval", "30m", "--aht", "300",
            "--target-seconds", str(secs), "--model", model, "--format", "json"]
    if model == "erlang-a":
        args += ["--patience", "120"]
    # A given agent count is evaluated (service level within --target-seconds); else the count for --target-sl is found.
    args += ["--agents", str(agents)] if agents is not None else ["--target-sl", str(sl)]
    return json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)

# %%
loads = list(range(50, 601, 50))
curves = {}
for sl, secs in [(0.8, 20), (0.9, 30)]:
    for model in ["erlang-c", "erlang-a"]:
        curves[(sl, secs, model)] = [erlang(c, sl, secs, model)["agents"] for c in loads]
for key, agents in curves.items():
    print(key, agents)
extra = [b - a for a, b in zip(curves[(0.8, 20, "erlang-c")], curves[(0.9, 30, "erlang-c")])]
print("extra agents for 90/30 over 80/20 (Erlang C):", extra)

# %%
fig, ax = plt.subplots(figsize=(8, 4.5))
for (sl, secs, model), agents in curves.items():
    ax.plot(loads, agents, marker="o", ms=3, ls="-" if model == "erlang-c" else "--",
            label=f"{int(sl * 100)}/{secs} {model}")
ax.set_xlabel("calls per half-hour (AHT 300 s)")
ax.set_ylabel("agents on the phones")
ax.legend()
ax.set_title("Agents for two service targets, with and without abandonment")
fig.tight_layout()
fig.savefig(f"{OUT}/nb2_agents_by_target.png", dpi=110)

# %% [markdown]
# ## The cost of abandonment at 300 calls per half-hour
# Each agent fewer than the Erlang C answer saves a salary and loses callers: Erlang A says how many.

# %%
need = erlang(300, 0.8, 20)["agents"]
counts = list(range(need - 8, need + 3))
evals = [erlang(300, 0.8, 20, "erlang-a", n) for n in counts]
for n, e in zip(counts, evals):
    print(f"{n:3d} agents: SL {e['service_level']:.3f}  abandon {e['abandon_rate']:.3f}")
fig, ax = plt.subplots(figsize=(8, 4))
ax.plot(counts, [e["service_level"] for e in evals], marker="o", label="service level (20 s)")
ax.plot(counts, [e["abandon_rate"] for e in evals], marker="s", label="abandonment rate")
ax.axvline(need, color="#888", ls=":", label=f"Erlang C answer ({need})")
ax.set_xlabel("agents")
ax.legend()
fig.tight_layout()
fig.savefig(f"{OUT}/nb2_abandonment.png", dpi=110)
