"""The nightly-plan benchmark instance: 10 queues, each with 2 years of 15-minute history
(07:00-21:00 every day, daily and weekly shape, slow trend, Poisson-like noise, ~150-180 calls per
15 minutes at the Monday peak), a 200-agent pool (150 core + 50 on-demand, 5,840 contracted hours a
week at most, notebooks-as-scripts/make_agents.py) and plan.toml for a 14-day horizon. Sized so the
pool can cover the requirement (8-10 k agent-hours per queue and fortnight, after 30 % shrinkage):
an earlier scale (3.2-5.0, 16-24 k agent-hours) left half the intervals short, a benchmark of
understaffing rather than of rostering.
Usage: make_plan_instance.py OUTDIR [WORK_LIMIT]   (deterministic roster budget, default 2000)"""
import datetime as dt, math, os, random, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]
work = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
os.makedirs(out, exist_ok=True)
start = dt.datetime(2023, 1, 2)
days = 730
queues = [f"q{k:02d}" for k in range(10)]
for k, q in enumerate(queues):
    path = os.path.join(out, f"{q}.csv")
    if os.path.exists(path):
        continue
    rng = random.Random(100 + k)
    scale = 1.6 + 0.04 * k
    lines = ["interval_start,calls,aht_seconds"]
    for d in range(days):
        day0 = start + dt.timedelta(days=d)
        week = [1.15, 1.0, 1.0, 0.98, 0.95, 0.55, 0.4][day0.weekday()]
        for s in range(28, 84):  # 07:00 .. 20:45
            h = s / 4
            shape = 0.15 + math.exp(-((h - 11) / 3.5) ** 2) + 0.6 * math.exp(-((h - 17) / 3) ** 2)
            mean = 60 * scale * shape * week * (1 + 0.0004 * d)
            calls = max(0, int(round(rng.gauss(mean, math.sqrt(mean)))))
            aht = 280 + 40 * math.sin(h / 24 * 2 * math.pi) + rng.gauss(0, 8)
            lines.append(f"{(day0 + dt.timedelta(minutes=15 * s)).isoformat()},{calls},{aht:.1f}")
    open(path, "w").write("\n".join(lines) + "\n")
    subprocess.run([sys.executable, os.path.join(here, "../notebooks-as-scripts/make_agents.py"), "--core", "150",
                    "--on-demand", "50", "--seed", str(k + 1), "--weekend", "--out", os.path.join(out, f"{q}_agents.csv")],
                   check=True, stdout=subprocess.DEVNULL)
with open(os.path.join(out, "plan.toml"), "w") as f:
    f.write(f"""# 10 queues x 2 years of 15-minute history, 14-day horizon, 200-agent rosters (benchmarks/make_plan_instance.py)
[defaults]
interval = "15m"
horizon = "14d"
model = "level-profile"
erlang = "erlang-c"
target_sl = 0.8
target_seconds = 20
shrinkage = 0.3
shifts = "{os.path.join(here, '../data/shifts.toml')}"
allow_understaffing = 20
work_limit = {work}             # deterministic: the same rosters on any machine, however loaded
""")
    for q in queues:
        f.write(f'\n[[queue]]\nname = "{q}"\nhistory = "{q}.csv"\nagents = "{q}_agents.csv"\n')
print(f"wrote {len(queues)} queues x {days} days of 15-minute history and plan.toml to {out}")
