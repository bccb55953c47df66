"""Independent check of a roster against the agents file and requirements: one shift per agent-day,
max days, min/max weekly hours, availability windows, and coverage recomputed from the roster
(breaks absent) against the coverage file. Usage: check_roster.py ROSTER AGENTS REQUIREMENTS COVERAGE"""
import csv, collections, datetime as dt, sys
from availability import allowed as fits
roster, agents, reqs, cov = sys.argv[1:5]
ag = {r["agent_id"]: r for r in csv.DictReader(open(agents))}
hours, days, errors = collections.Counter(), collections.defaultdict(set), []
ts = lambda s: dt.datetime.fromisoformat(s)
shifts = list(csv.DictReader(open(roster)))
for r in shifts:
    a = ag[r["agent_id"]]
    if r["date"] in days[r["agent_id"]]: errors.append(f"{r['agent_id']} works twice on {r['date']}")
    days[r["agent_id"]].add(r["date"]); hours[r["agent_id"]] += float(r["paid_hours"])
    start, end = ts(r["shift_start"]), ts(r["shift_end"])
    if not fits(a["available"], start.weekday(), start.hour * 60 + start.minute, (end - start).total_seconds() / 60): errors.append(f"{r['agent_id']} outside availability {r['shift_start']}")
for i, a in ag.items():
    if len(days[i]) > int(a["max_days_week"]): errors.append(f"{i} works {len(days[i])} days")
    if not float(a["min_hours_week"]) - 1e-9 <= hours[i] <= float(a["max_hours_week"]) + 1e-9: errors.append(f"{i} works {hours[i]} h")
scheduled = collections.Counter()
covrows = list(csv.DictReader(open(cov)))
for c in covrows:
    t = ts(c["interval_start"]); n = 0
    for r in shifts:
        if ts(r["shift_start"]) <= t and t + dt.timedelta(minutes=30) <= ts(r["shift_end"]):
            on_break = any(ts(b) < t + dt.timedelta(minutes=30) and t < ts(e) for b, e in zip(r["break_start"].split(";"), r["break_end"].split(";")) if b)
            n += not on_break
    if n != int(c["scheduled"]): errors.append(f"coverage {c['interval_start']}: file {c['scheduled']} recomputed {n}")
short = sum(max(0, int(c["required"]) - int(c["scheduled"])) for c in covrows)
print(f"shifts={len(shifts)} agents_used={len(days)} paid_hours={sum(hours.values())} agent_intervals_short={short} violations={len(errors)}")
for e in errors[:5]: print(" ", e)
sys.exit(1 if errors else 0)
