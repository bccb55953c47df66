#!/usr/bin/env python3
"""Generate an agents file (agents.csv) with realistic contracts: full-time and part-time
core staff, and an on-demand pool of part-timers who cost more per hour and are available
in windows. Deterministic for a given seed. Needs only the standard library.

Example: python3 notebooks-as-scripts/make_agents.py --core 24 --on-demand 10 --out data/agents.csv
"""
import argparse, random

p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
p.add_argument("--core", type=int, default=24)
p.add_argument("--on-demand", type=int, default=10)
p.add_argument("--seed", type=int, default=3)
p.add_argument("--weekend", action="store_true", help="centre also opens on Saturdays (availability includes Sat)")
p.add_argument("--out", default="data/agents.csv")
a = p.parse_args()
rng = random.Random(a.seed)
days = "Mon-Sat" if a.weekend else "Mon-Fri"
rows = ["agent_id,pool,min_hours_week,max_hours_week,max_days_week,cost_per_hour,available"]
for k in range(a.core):
    kind = rng.random()
    if kind < 0.55:  # full-time, any time
        rows.append(f"c{k + 1:03d},core,34,40,5,1.0,")
    elif kind < 0.8:  # part-time mornings
        rows.append(f"c{k + 1:03d},core,16,24,4,1.0,{days} 07:00-15:00")
    else:  # part-time late
        rows.append(f"c{k + 1:03d},core,16,24,4,1.0,{days} 13:00-21:30")
windows = ["Mon-Fri 07:00-13:00", "Mon-Fri 12:00-21:30", "Mon,Wed,Fri 07:00-21:30", "Tue,Thu 07:00-21:30;Sat 08:00-15:00"]
for k in range(a.on_demand):
    rows.append(f"d{k + 1:03d},on_demand,0,16,3,1.4,\"{rng.choice(windows)}\"")
open(a.out, "w").write("\n".join(rows) + "\n")
print(f"wrote {a.core} core and {a.on_demand} on-demand agents to {a.out}")
