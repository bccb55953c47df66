"""Where a forecast's error lies (issue 11): the 8 weekly folds of shared/tools/forecast_eval.py,
scored as is, with each forecast day rescaled to its actual daily total (the error left to the
intraday profile), and as daily totals alone.
Usage: forecast_error_split.py HEADCOUNT DATA.csv -> 'wape=.. with_oracle_daily_totals=.. daily_total_wape=..'"""
import csv, datetime as dt, os, subprocess, sys, tempfile
from collections import defaultdict
hc, path = sys.argv[1], sys.argv[2]
P=lambda s: dt.datetime.fromisoformat(s.strip()[:19])
rows=[(P(r["interval_start"]),float(r["calls"])) for r in csv.DictReader(open(path))]
last=rows[-1][0].date()
origins=[last-dt.timedelta(days=7*k-1) for k in range(8,0,-1)]
E=Eo=Ed=T=0
tmp = tempfile.mkdtemp()
hist_path, fc_path = os.path.join(tmp, "h.csv"), os.path.join(tmp, "f.csv")
for o in origins:
    with open(hist_path,"w") as g:
        g.write("interval_start,calls\n"); g.writelines(f"{t.isoformat()},{int(c)}\n" for t,c in rows if t.date()<o)
    subprocess.run([hc,"forecast","--history",hist_path,"--horizon","7d","--output",fc_path,"--quiet"],check=True)
    fc={P(r["interval_start"]):float(r["calls"]) for r in csv.DictReader(open(fc_path))}
    test=[(t,c) for t,c in rows if o<=t.date()<o+dt.timedelta(days=7)]
    Fd=defaultdict(float); Yd=defaultdict(float)
    for t,c in test: Fd[t.date()]+=fc.get(t,0); Yd[t.date()]+=c
    for t,c in test:
        f=fc.get(t,0); E+=abs(c-f); T+=c
        fo=f*Yd[t.date()]/Fd[t.date()] if Fd[t.date()] else 0
        Eo+=abs(c-fo)
    for d in Yd: Ed+=abs(Yd[d]-Fd[d])
print(f"wape={E/T:.4f} with_oracle_daily_totals={Eo/T:.4f} daily_total_wape={Ed/T:.4f}")
