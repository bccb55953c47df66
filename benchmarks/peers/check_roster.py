"""Independent check of a roster against the agents file and requirements: one shift per agent-day,
max days, min/max weekly hours, availability windows, coverage recomputed from the roster (breaks
absent) against the coverage file, and the rules of issue 13:
  - rest: next shift start - previous shift end (timestamps with offsets, so real time) >= the
    agent's min_rest_hours, else --min-rest (hours, default 11; 0 = only no overlap), also after the
    last shift of --previous ROSTER before the first requirement day;
  - days in a row (dates of the roster's `date` column, or of shift_start) <= max_consecutive_days,
    counting the previous roster's trailing run;
  - start spread per agent and ISO week: violations = fewest shifts to drop so that the other start
    times of day differ by at most --spread hours; reported, and errors with --spread-hard.
Informational: rest gaps below 11 h whatever the rule (`rest_below_11h`) and the smallest rest.
Contracts hold per ISO week of the roster's dates (a 14-day plan spans two). With
--prorate-min-hours the weekly minimum is scaled as `plan` does when its horizon cuts ISO weeks: by the
shortest week's share of 7 days in the requirements' date range, rounded down to half hours.
Usage: check_roster.py ROSTER AGENTS REQUIREMENTS COVERAGE [--previous ROSTER] [--min-rest H]
       [--spread H [--spread-hard]] [--prorate-min-hours]"""
import argparse, csv, collections, datetime as dt, sys
from availability import allowed as fits

p = argparse.ArgumentParser()
for name in ["roster", "agents", "reqs", "cov"]: p.add_argument(name)
p.add_argument("--previous"); p.add_argument("--min-rest", type=float, default=11.0)
p.add_argument("--spread", type=float); p.add_argument("--spread-hard", action="store_true")
p.add_argument("--prorate-min-hours", action="store_true")
args = p.parse_args()
ag = {r["agent_id"]: r for r in csv.DictReader(open(args.agents))}
hours, days, errors = collections.Counter(), collections.defaultdict(set), []
ts = lambda s: dt.datetime.fromisoformat(s)
week = lambda date: dt.date.fromisoformat(date).isocalendar()[:2]
shifts = list(csv.DictReader(open(args.roster)))
for r in shifts:
    a = ag[r["agent_id"]]
    if r["date"] in days[r["agent_id"], week(r["date"])]: errors.append(f"{r['agent_id']} works twice on {r['date']}")
    days[r["agent_id"], week(r["date"])].add(r["date"]); hours[r["agent_id"], week(r["date"])] += float(r["paid_hours"])
    start, end = ts(r["shift_start"]), ts(r["shift_end"])
    if not fits(a["available"], start.weekday(), start.hour * 60 + start.minute, (end - start).total_seconds() / 60): errors.append(f"{r['agent_id']} outside availability {r['shift_start']}")
req_dates = sorted({ts(r["interval_start"]).date() for r in csv.DictReader(open(args.reqs))})
span = collections.Counter(
    (req_dates[0] + dt.timedelta(days=k)).isocalendar()[:2] for k in range((req_dates[-1] - req_dates[0]).days + 1))
share = min(span.values()) / 7 if args.prorate_min_hours else 1.0
for i, a in ag.items():
    low = int(float(a["min_hours_week"]) * share * 2) / 2
    for w in sorted(span):
        if len(days[i, w]) > int(a["max_days_week"]): errors.append(f"{i} works {len(days[i, w])} days in week {w[0]}-W{w[1]:02d}")
        if not low - 1e-9 <= hours[i, w] <= float(a["max_hours_week"]) + 1e-9: errors.append(f"{i} works {hours[i, w]} h in week {w[0]}-W{w[1]:02d}")
scheduled = collections.Counter()
covrows = list(csv.DictReader(open(args.cov)))
for c in covrows:
    t = ts(c["interval_start"]); n = 0; length = dt.timedelta(minutes=float(c.get("interval_minutes") or 30))
    for r in shifts:
        if ts(r["shift_start"]) <= t and t + length <= ts(r["shift_end"]):
            on_break = any(ts(b) < t + length and t < ts(e) for b, e in zip(r["break_start"].split(";"), r["break_end"].split(";")) if b)
            n += not on_break
    if n != int(c["scheduled"]): errors.append(f"coverage {c['interval_start']}: file {c['scheduled']} recomputed {n}")
short = sum(max(0, int(c["required"]) - int(c["scheduled"])) for c in covrows)

# Rules: every shift of an agent in time order, the previous roster's before the horizon first.
first_day = min(ts(r["interval_start"]).date() for r in csv.DictReader(open(args.reqs)))
day_of = lambda r: dt.date.fromisoformat(r["date"]) if r.get("date") else ts(r["shift_start"]).date()
by_agent = collections.defaultdict(list)
if args.previous:
    for r in csv.DictReader(open(args.previous)):
        if r["agent_id"] in ag and day_of(r) < first_day: by_agent[r["agent_id"]].append((ts(r["shift_start"]), ts(r["shift_end"]), day_of(r), False))
for r in shifts: by_agent[r["agent_id"]].append((ts(r["shift_start"]), ts(r["shift_end"]), day_of(r), True))
blank = lambda v: v is None or v.strip() == ""
rest_below_11, smallest_rest, spread_violations = 0, None, 0
for i, rows in by_agent.items():
    rows.sort(key=lambda x: x[0])
    need = args.min_rest if blank(ag[i].get("min_rest_hours")) else float(ag[i]["min_rest_hours"])
    cap = None if blank(ag[i].get("max_consecutive_days")) else int(float(ag[i]["max_consecutive_days"]))
    for (s0, e0, _, _), (s1, e1, _, new) in zip(rows, rows[1:]):
        if not new: continue
        rest = (s1 - e0).total_seconds() / 3600
        smallest_rest = rest if smallest_rest is None else min(smallest_rest, rest)
        if rest < 11 - 1e-9: rest_below_11 += 1
        if rest < max(need, 0) - 1e-9 or rest < 0: errors.append(f"{i} rests {rest:.2f} h before {s1.isoformat()} (needs {need:g} h)")
    dates = sorted({d for _, _, d, _ in rows})
    run, last = 0, None
    for d in dates:
        run = run + 1 if last is not None and (d - last).days == 1 else 1
        last = d
        if cap is not None and run > cap and d >= first_day: errors.append(f"{i} works {run} days in a row up to {d}")
    if args.spread is not None:
        weeks = collections.defaultdict(list)
        for s, _, d, new in rows:
            if new: weeks[d.isocalendar()[:2]].append(s.hour * 3600 + s.minute * 60 + s.second)
        for w, starts in weeks.items():
            fit = max(sum(1 for x in starts if lo <= x <= lo + args.spread * 3600) for lo in starts)
            v = len(starts) - fit
            spread_violations += v
            if args.spread_hard and v: errors.append(f"{i} week {w[0]}-W{w[1]:02d}: {v} start(s) outside a {args.spread:g} h window")
line = f"shifts={len(shifts)} agents_used={len({k[0] for k, v in days.items() if v})} paid_hours={sum(hours.values())} agent_intervals_short={short}"
line += f" rest_below_11h={rest_below_11} min_rest_h={'-' if smallest_rest is None else f'{smallest_rest:.2f}'}"
if args.spread is not None: line += f" start_spread_violations={spread_violations}"
print(line + f" violations={len(errors)}")
for e in errors[:5]: print(" ", e)
sys.exit(1 if errors else 0)
