"""Peer for the roster benchmark: the same roster as one CP-SAT model (OR-tools), agent by agent
(no aggregation), on the same instance: requirements and agents from make_roster_instance.py,
the shifts of data/shifts.toml (full 8 h with an unpaid 30-minute lunch 3-5 h in, part 6 h with a
paid 30-minute break 2-4 h in, peak 4 h; starts every 30 minutes inside each day's rows; breaks
on the 30-minute grid), contracts and availability hard, understaffing at 20 per agent-interval,
cost = agent rate x paid hours. Writes the roster and its coverage for check_roster.py when OUT_ROSTER and
OUT_COVERAGE are given. Usage: roster_ortools.py REQ.csv AGENTS.csv SECONDS [WORKERS [OUT_ROSTER OUT_COVERAGE]]"""
import csv, datetime as dt, sys, time
from ortools.sat.python import cp_model
from availability import allowed as fits

req_path, agents_path, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
t0 = time.perf_counter()
rows = [(dt.datetime.fromisoformat(r["interval_start"]), int(r["required"])) for r in csv.DictReader(open(req_path))]
days = sorted({t.date() for t, _ in rows})
slot = {t: i for i, (t, _) in enumerate(rows)}
H = 30  # minutes per interval
templates = [("full", 480, 30, False, (180, 300)), ("part", 360, 30, True, (120, 240)), ("peak", 240, 0, True, None)]
options = []  # (day, start, minutes, paid_hours, covered slots, break offset, break length)
for d in days:
    ts = [t for t, _ in rows if t.date() == d]
    first, end = min(ts), max(ts) + dt.timedelta(minutes=H)
    for name, length, brk, paid, window in templates:
        s = first
        while s + dt.timedelta(minutes=length) <= end:
            placements = [None] if window is None else list(range(window[0], window[1] + 1, H))
            for b in placements:
                cov = [slot[t] for t in ts if s <= t and t + dt.timedelta(minutes=H) <= s + dt.timedelta(minutes=length)
                       and not (b is not None and s + dt.timedelta(minutes=b) < t + dt.timedelta(minutes=H) and t < s + dt.timedelta(minutes=b + brk))]
                hours = (length - (0 if paid or b is None else brk)) / 60
                options.append((d, s, length, hours, cov, b, brk))
            s += dt.timedelta(minutes=H)

agents = list(csv.DictReader(open(agents_path)))
model = cp_model.CpModel()
x = {}
for ai, a in enumerate(agents):
    for oi, (d, s, length, hours, cov, _, _) in enumerate(options):
        if fits(a["available"], d.weekday(), s.hour * 60 + s.minute, length): x[ai, oi] = model.NewBoolVar("")
short = [model.NewIntVar(0, r, "") for _, r in rows]
cover = [[] for _ in rows]
for (ai, oi), v in x.items():
    for i in options[oi][4]: cover[i].append(v)
for i, (_, r) in enumerate(rows):
    model.Add(sum(cover[i]) + short[i] >= r)
by_agent = {}
for (ai, oi), v in x.items(): by_agent.setdefault(ai, []).append((oi, v))
for ai, a in enumerate(agents):
    vs = by_agent.get(ai, [])
    for d in days:
        model.Add(sum(v for oi, v in vs if options[oi][0] == d) <= 1)
    model.Add(sum(v for _, v in vs) <= int(a["max_days_week"]))
    tenths = sum(int(round(options[oi][3] * 10)) * v for oi, v in vs)
    model.Add(tenths >= int(round(float(a["min_hours_week"]) * 10)))
    model.Add(tenths <= int(round(float(a["max_hours_week"]) * 10)))
cost = sum(int(round(float(agents[ai]["cost_per_hour"]) * options[oi][3] * 10)) * v for (ai, oi), v in x.items()) + sum(200 * s for s in short)
model.Minimize(cost)
solver = cp_model.CpSolver()
solver.parameters.max_time_in_seconds = seconds
solver.parameters.num_workers = int(sys.argv[4]) if len(sys.argv) > 4 else 1
status = solver.Solve(model)
bound = solver.BestObjectiveBound() / 10
found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
obj = solver.ObjectiveValue() / 10 if found else float("nan")
result = f"cost={obj:.1f} gap={(obj - bound) / obj:.3%}" if found else "no feasible roster found"
print(f"OR-tools CP-SAT ({solver.parameters.num_workers} worker(s)) status={solver.StatusName(status)} {result} "
      f"bound={bound:.1f} booleans={len(x)} seconds={time.perf_counter() - t0:.1f}")
if found and len(sys.argv) > 6:
    scheduled = [0] * len(rows)
    with open(sys.argv[5], "w") as f:
        f.write("agent_id,pool,date,shift_start,shift_end,break_start,break_end,paid_hours\n")
        for (ai, oi), v in sorted(x.items()):
            if solver.Value(v):
                d, s, length, hours, cov, b, brk = options[oi]
                for i in cov: scheduled[i] += 1
                bs = "" if b is None else (s + dt.timedelta(minutes=b)).isoformat()
                be = "" if b is None else (s + dt.timedelta(minutes=b + brk)).isoformat()
                f.write(f"{agents[ai]['agent_id']},{agents[ai]['pool']},{d},{s.isoformat()},{(s + dt.timedelta(minutes=length)).isoformat()},{bs},{be},{hours:.2f}\n")
    with open(sys.argv[6], "w") as f:
        f.write("interval_start,queue,required,scheduled,gap\n")
        for i, (t, r) in enumerate(rows): f.write(f"{t.isoformat()},all,{r},{scheduled[i]},{r - scheduled[i]}\n")
