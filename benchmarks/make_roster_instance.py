"""The roster benchmark instance: a week of 30-minute requirements (data/week_bank_calls_requirements.csv,
the bank's week, scaled by 0.14 to a ~200-agent centre: peak 119) and 150 core + 50 on-demand agents
(notebooks-as-scripts/make_agents.py, seed 5). Usage: make_roster_instance.py OUTDIR"""
import csv, os, subprocess, sys
here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]
rows = list(csv.DictReader(open(os.path.join(here, "../data/week_bank_calls_requirements.csv"))))
with open(os.path.join(out, "roster_requirements.csv"), "w") as f:
    f.write("interval_start,required\n")
    for r in rows:
        f.write(f"{r['interval_start']},{round(int(r['required']) * 0.14)}\n")
subprocess.run([sys.executable, os.path.join(here, "../notebooks-as-scripts/make_agents.py"),
                "--core", "150", "--on-demand", "50", "--seed", "5", "--out", os.path.join(out, "roster_agents.csv")], check=True)
