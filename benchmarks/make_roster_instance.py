"""The roster benchmark instance: a week of 30-minute requirements (data/week_bank_calls_requirements.csv,
the bank's week, scaled by 0.14 to a ~200-agent centre: peak 119) and 150 core + 50 on-demand agents
(notebooks-as-scripts/make_agents.py, seed 5). Usage: make_roster_instance.py OUTDIR [SCALE]
SCALE (default 1) multiplies requirements and both agent pools (x2: 400 agents, x5: 1,000 agents,
0.25: 50 agents);
files for SCALE > 1 are named roster_x{SCALE}_requirements.csv and roster_x{SCALE}_agents.csv."""
import csv, os, subprocess, sys
here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]
scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
scale = int(scale) if scale == int(scale) else scale  # x0.25: 50 agents, requirements scaled before rounding
tag = "roster" if scale == 1 else f"roster_x{scale}"
rows = list(csv.DictReader(open(os.path.join(here, "../data/week_bank_calls_requirements.csv"))))
with open(os.path.join(out, f"{tag}_requirements.csv"), "w") as f:
    f.write("interval_start,required\n")
    for r in rows:
        f.write(f"{r['interval_start']},{(round(int(r['required']) * 0.14) * scale if isinstance(scale, int) else round(int(r['required']) * 0.14 * scale))}\n")
subprocess.run([sys.executable, os.path.join(here, "../notebooks-as-scripts/make_agents.py"),
                "--core", str(round(150 * scale)), "--on-demand", str(round(50 * scale)), "--seed", "5", "--out", os.path.join(out, f"{tag}_agents.csv")], check=True)
