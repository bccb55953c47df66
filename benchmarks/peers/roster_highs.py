"""Peer for the roster benchmark: the same agent-by-agent MIP as roster_ortools.py (binary x[agent, option],
integer shortfall per interval at 20 per agent-interval, one shift per agent-day, max days, min/max weekly
hours, availability; data/shifts.toml's options: full 8 h with an unpaid 30-minute lunch 3-5 h in, part 6 h
with a paid break 2-4 h in, peak 4 h; starts every 30 minutes inside each day's rows; breaks on the grid),
solved by HiGHS (highspy, 1 thread) within SECONDS. Writes the roster and its coverage for check_roster.py
when OUT_ROSTER and OUT_COVERAGE are given.
Usage: roster_highs.py REQ.csv AGENTS.csv SECONDS [OUT_ROSTER OUT_COVERAGE]"""
import csv, datetime as dt, sys, time
import highspy
import numpy as np
from availability import allowed as fits

req_path, agents_path, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
t0 = time.perf_counter()
rows = [(dt.datetime.fromisoformat(r["interval_start"]), int(r["required"])) for r in csv.DictReader(open(req_path))]
days = sorted({t.date() for t, _ in rows})
slot = {t: i for i, (t, _) in enumerate(rows)}
H = 30
templates = [("full", 480, 30, False, (180, 300)), ("part", 360, 30, True, (120, 240)), ("peak", 240, 0, True, None)]
options = []  # (day, start, minutes, paid_hours, covered slots, break minute offset or None, break length)
for d in days:
    ts = [t for t, _ in rows if t.date() == d]
    first, end = min(ts), max(ts) + dt.timedelta(minutes=H)
    for name, length, brk, paid, window in templates:
        s = first
        while s + dt.timedelta(minutes=length) <= end:
            for b in ([None] if window is None else range(window[0], window[1] + 1, H)):
                cov = [slot[t] for t in ts if s <= t and t + dt.timedelta(minutes=H) <= s + dt.timedelta(minutes=length)
                       and not (b is not None and s + dt.timedelta(minutes=b) < t + dt.timedelta(minutes=H)
                                and t < s + dt.timedelta(minutes=b + brk))]
                options.append((d, s, length, (length - (0 if paid or b is None else brk)) / 60, cov, b, brk))
            s += dt.timedelta(minutes=H)

agents = list(csv.DictReader(open(agents_path)))
h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.setOptionValue("time_limit", seconds)
h.setOptionValue("threads", 1)
inf = highspy.kHighsInf
x = {}
costs, lower, upper = [], [], []
for ai, a in enumerate(agents):
    for oi, (d, s, length, hours, cov, b, brk) in enumerate(options):
        if fits(a["available"], d.weekday(), s.hour * 60 + s.minute, length):
            x[ai, oi] = len(costs)
            costs.append(float(a["cost_per_hour"]) * hours); lower.append(0.0); upper.append(1.0)
short0 = len(costs)
for _, r in rows:
    costs.append(20.0); lower.append(0.0); upper.append(float(r))
n = len(costs)
h.addVars(n, np.array(lower), np.array(upper))
idx = np.arange(n, dtype=np.int32)
h.changeColsCost(n, idx, np.array(costs))
h.changeColsIntegrality(n, idx, np.array([highspy.HighsVarType.kInteger] * n))


def row(cols, coef, lo, hi):
    h.addRow(lo, hi, len(cols), np.array(cols, dtype=np.int32), np.array(coef, dtype=float))


cover = [[] for _ in rows]
by_agent = {}
for (ai, oi), v in x.items():
    for i in options[oi][4]: cover[i].append(v)
    by_agent.setdefault(ai, []).append((oi, v))
for i, (_, r) in enumerate(rows):
    row(cover[i] + [short0 + i], [1.0] * (len(cover[i]) + 1), float(r), inf)
for ai, a in enumerate(agents):
    vs = by_agent.get(ai, [])
    for d in days:
        day_vs = [v for oi, v in vs if options[oi][0] == d]
        if day_vs: row(day_vs, [1.0] * len(day_vs), -inf, 1.0)
    row([v for _, v in vs], [1.0] * len(vs), -inf, float(a["max_days_week"]))
    row([v for _, v in vs], [options[oi][3] for oi, _ in vs], float(a["min_hours_week"]), float(a["max_hours_week"]))
h.run()
info = h.getInfo()
status = h.modelStatusToString(h.getModelStatus())
bound = info.mip_dual_bound
if info.primal_solution_status == 2:  # a feasible solution exists
    sol = h.getSolution().col_value
    obj = info.objective_function_value
    print(f"HiGHS status={status} "
          f"cost={obj:.1f} bound={bound:.1f} gap={(obj - bound) / obj:.3%} booleans={len(x)} "
          f"seconds={time.perf_counter() - t0:.1f}")
    if len(sys.argv) > 5:
        scheduled = [0] * len(rows)
        with open(sys.argv[4], "w") as f:
            f.write("agent_id,pool,date,shift_start,shift_end,break_start,break_end,paid_hours\n")
            for (ai, oi), v in sorted(x.items()):
                if sol[v] > 0.5:
                    d, s, length, hours, cov, b, brk = options[oi]
                    for i in cov: scheduled[i] += 1
                    bs = "" if b is None else (s + dt.timedelta(minutes=b)).isoformat()
                    be = "" if b is None else (s + dt.timedelta(minutes=b + brk)).isoformat()
                    f.write(f"{agents[ai]['agent_id']},{agents[ai]['pool']},{d},{s.isoformat()},"
                            f"{(s + dt.timedelta(minutes=length)).isoformat()},{bs},{be},{hours:.2f}\n")
        with open(sys.argv[5], "w") as f:
            f.write("interval_start,queue,required,scheduled,gap\n")
            for i, (t, r) in enumerate(rows): f.write(f"{t.isoformat()},all,{r},{scheduled[i]},{r - scheduled[i]}\n")
else:
    print(f"HiGHS status={status} no feasible roster found bound={bound:.1f} booleans={len(x)} "
          f"seconds={time.perf_counter() - t0:.1f}")
