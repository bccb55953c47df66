"""Independent check of a `headcount callout` answer: every action against the contracts, availability, rest
and weekly limits, and the remaining-gap file recomputed from the gap file and the actions.

Checks: call_in only for on-demand agents, on a day the roster leaves free, of --call-length, inside one
availability window, within max_days_week, weekend day off and max_consecutive_days; extend/overtime only
adjacent to a rostered shift of the agent (directly or through another added part), the day at most
--max-day-length, added parts inside availability; overtime only for core agents and exactly the hours beyond
max_hours_week (up to overtime_max_hours_week / --overtime-max); on-demand within max_hours_week; costs =
hours x cost_per_hour (x --premium for overtime); move_break: a rostered break of the agent, same length, a
whole number of --step from where it was, inside the shift and its window (template else +-1 h), not onto
another break, one per shift; rest (--min-rest / min_rest_hours) between all of an agent's shifts after the
actions, unless it was already shorter and did not shrink. Usage:
  check_callout.py --agents A --roster R --gap G --actions ACTIONS [--remaining-gap RG] [--shifts S] [options]
Prints OK or the violations (exit 1)."""
import argparse
import csv
import sys
from datetime import timedelta
from zoneinfo import ZoneInfo

from callout_inputs import (allows, covered, local, on_duty, read_agents, read_gap, read_roster, read_templates,
                            span_text, stamp)

ap = argparse.ArgumentParser()
for name, default in [("--agents", None), ("--roster", None), ("--gap", None), ("--actions", None),
                      ("--remaining-gap", ""), ("--shifts", ""), ("--timezone", "Europe/Berlin"),
                      ("--call-length", "4h"), ("--step", "30m"), ("--max-day-length", "10h"), ("--premium", "1.5"),
                      ("--overtime-max", "8h"), ("--min-rest", "11h")]:
    ap.add_argument(name, default=default, required=default is None)
A = ap.parse_args()
tz = ZoneInfo(A.timezone)
L, STEP, MAXDAY = span_text(A.call_length), span_text(A.step), span_text(A.max_day_length)
PREMIUM, OTMAX, REST = float(A.premium), span_text(A.overtime_max) / 3600, span_text(A.min_rest) / 3600
agents = read_agents(A.agents)
shifts = read_roster(A.roster, tz)
templates = read_templates(A.shifts)
errors = []
acts = list(csv.DictReader(open(A.actions, newline="")))
for r in acts:
    r["s"], r["e"], r["h"], r["c"] = stamp(r["start"], tz), stamp(r["end"], tz), float(r["paid_hours"]), float(r["cost"])


def bad(r, why):
    errors.append(f"{r['agent_id']} {r['action']} {r['start']}-{r['end']}: {why}")


# Each agent's shifts after the actions: [start, end, breaks, original (start, end) or None for a call-in, week]
final = {}
for k, s in enumerate(shifts):
    final.setdefault(s["agent"], []).append(dict(start=s["start"], end=s["end"], breaks=list(s["breaks"]),
                                                  orig=(s["start"], s["end"]), week=s["week"], day=s["day"],
                                                  k=k, moved=0))
added_hours = {}
ot_hours = {}
for r in acts:
    ag = agents.get(r["agent_id"])
    if ag is None:
        bad(r, "unknown agent")
        continue
    if r["e"] <= r["s"]:
        bad(r, "empty span")
    day = local(r["s"], tz).date()
    if r["action"] == "call_in":
        if ag["pool"] != "on_demand":
            bad(r, "call-in of a core agent")
        if any(x["day"] == day for x in final.get(ag["id"], [])):
            bad(r, "call-in on a day the agent already works")
        if r["e"] - r["s"] != L:
            bad(r, "call-in length")
        if not allows(ag["avail"], local(r["s"], tz), L):
            bad(r, "outside availability")
        if abs(r["c"] - r["h"] * ag["rate"]) > 0.011 or abs(r["h"] - L / 3600) > 1e-6:
            bad(r, "cost or hours")
        final.setdefault(ag["id"], []).append(dict(start=r["s"], end=r["e"], breaks=[], orig=None,
                                                    week=day.isocalendar()[:2], day=day, k=None, moved=0))
        wk = day.isocalendar()[:2]
        added_hours[(ag["id"], wk)] = added_hours.get((ag["id"], wk), 0) + r["h"]
pending = [r for r in acts if r["action"] in ("extend", "overtime") and r["agent_id"] in agents]
progress = True
while pending and progress:
    progress = False
    for r in list(pending):
        ag = agents[r["agent_id"]]
        target = next((x for x in final.get(ag["id"], []) if x["orig"] is not None
                       and (x["end"] == r["s"] or x["start"] == r["e"])), None)
        if target is None:
            continue
        pending.remove(r)
        progress = True
        if target["end"] == r["s"]:
            target["end"] = r["e"]
        else:
            target["start"] = r["s"]
        if r["action"] == "overtime" and ag["pool"] != "core":
            bad(r, "overtime for an on-demand agent")
        if not allows(ag["avail"], local(r["s"], tz), r["e"] - r["s"]):
            bad(r, "outside availability")
        price = ag["rate"] * (PREMIUM if r["action"] == "overtime" else 1)
        if abs(r["c"] - r["h"] * price) > 0.011 or abs(r["h"] - (r["e"] - r["s"]) / 3600) > 1e-6:
            bad(r, "cost or hours")
        wk = target["week"]
        added_hours[(ag["id"], wk)] = added_hours.get((ag["id"], wk), 0) + r["h"]
        if r["action"] == "overtime":
            ot_hours[(ag["id"], wk)] = ot_hours.get((ag["id"], wk), 0) + r["h"]
for r in pending:
    bad(r, "not adjacent to a shift of the agent")
for r in [r for r in acts if r["action"] == "move_break" and r["agent_id"] in agents]:
    target = next((x for x in final.get(r["agent_id"], []) if x["orig"] is not None
                   and x["orig"][0] <= r["s"] and r["e"] <= x["orig"][1]), None)
    if target is None:
        bad(r, "no rostered shift around the new break")
        continue
    target["moved"] += 1
    orig = shifts[target["k"]]
    length = orig["end"] - orig["start"]
    lens = [b - a for a, b in orig["breaks"]]
    cands = [j for j, (a, b) in enumerate(orig["breaks"]) if b - a == r["e"] - r["s"] and (r["s"] - a) % STEP == 0]
    tpl = next((t for t in templates if t[0] == length and [x[0] for x in t[1]] == lens), None)
    ok = False
    for j in cands:
        a, b = orig["breaks"][j]
        lo, hi = (orig["start"] + tpl[1][j][1], orig["start"] + tpl[1][j][2]) if tpl else (a - 3600, a + 3600)
        others = [x for i, x in enumerate(orig["breaks"]) if i != j]
        if max(lo, orig["start"]) <= r["s"] <= min(hi, orig["end"] - (b - a)) and \
                not any(x < r["e"] and r["s"] < y for x, y in others):
            target["breaks"] = others + [(r["s"], r["e"])]
            ok = True
            break
    if not ok:
        bad(r, "break not movable there (window, length, grid or overlap)")
    if r["h"] != 0 or r["c"] != 0:
        bad(r, "a moved break is not paid time")
for a, xs in final.items():
    ag = agents.get(a)
    if ag is None:
        continue
    rest = (ag["rest"] if ag["rest"] is not None else REST) * 3600
    for x in xs:
        if x["moved"] > 1:
            errors.append(f"{a}: more than one break move in one shift")
        if x["orig"] is not None and (x["start"], x["end"]) != x["orig"] and x["end"] - x["start"] > MAXDAY:
            errors.append(f"{a}: day of {(x['end'] - x['start']) / 3600} h")
    for i, x in enumerate(xs):
        for y in xs[i + 1:]:
            now = max(y["start"] - x["end"], x["start"] - y["end"])
            if now >= rest:
                continue
            xo = x["orig"] or (x["start"], x["end"])
            yo = y["orig"] or (y["start"], y["end"])
            was = max(yo[0] - xo[1], xo[0] - yo[1])
            if x["orig"] is None or y["orig"] is None or now < was or now < 0:
                errors.append(f"{a}: rest of {now / 3600:.2f} h between shifts at {local(x['start'], tz)} "
                              f"and {local(y['start'], tz)}")
    weeks = {x["week"] for x in xs}
    for wk in weeks:
        rostered = sum(s["paid"] for s in shifts if s["agent"] == a and s["week"] == wk)
        total = rostered + added_hours.get((a, wk), 0)
        days = {x["day"] for x in xs if x["week"] == wk}
        if len(days) > ag["max_d"] and any(x["orig"] is None and x["week"] == wk for x in xs):
            errors.append(f"{a}: {len(days)} days in week {wk}")
        added = added_hours.get((a, wk), 0)
        if added == 0:
            continue
        if ag["pool"] == "on_demand" and total > ag["max_h"] + 1e-6:
            errors.append(f"{a}: {total} h in week {wk} > max {ag['max_h']}")
        if ag["pool"] == "core":
            cap = ag["ot"] if ag["ot"] is not None else OTMAX
            over_before = max(0.0, rostered - ag["max_h"])
            expected_ot = max(0.0, total - ag["max_h"]) - over_before
            if abs(ot_hours.get((a, wk), 0) - expected_ot) > 1e-6:
                errors.append(f"{a}: overtime {ot_hours.get((a, wk), 0)} h, expected {expected_ot} h in week {wk}")
            if expected_ot > cap + 1e-6:
                errors.append(f"{a}: overtime {expected_ot} h > cap {cap} in week {wk}")
    called = sorted(x["day"] for x in xs if x["orig"] is None)
    alldays = {x["day"] for x in xs}
    for d in called:
        if ag["weekend"] and d.isoweekday() >= 6:
            sat = d - timedelta(days=d.isoweekday() - 6)
            if sat in alldays and sat + timedelta(days=1) in alldays:
                errors.append(f"{a}: works both weekend days after a call-in")
        if ag["consec"] is not None:
            run, e = 1, d - timedelta(days=1)
            while e in alldays:
                run, e = run + 1, e - timedelta(days=1)
            e = d + timedelta(days=1)
            while e in alldays:
                run, e = run + 1, e + timedelta(days=1)
            if run > ag["consec"]:
                errors.append(f"{a}: {run} consecutive days after a call-in")
gaps, iv = read_gap(A.gap, tz)
uncovered = 0
if A.remaining_gap:
    got = {stamp(r["interval_start"], tz): r for r in csv.DictReader(open(A.remaining_gap, newline=""))}
    for t, g in sorted(gaps.items()):
        added = 0
        for a, xs in final.items():
            for x in xs:
                after = on_duty(x["start"], x["end"], x["breaks"])
                before = [] if x["orig"] is None else on_duty(x["orig"][0], x["orig"][1], shifts[x["k"]]["breaks"])
                added += int(covered(after, t, iv)) - int(covered(before, t, iv))
        rem = max(0, g - added)
        uncovered += rem
        r = got.get(t)
        if r is None or int(r["remaining_gap"]) != rem or int(r["gap"]) != g or int(r["interval_minutes"]) * 60 != iv:
            errors.append(f"remaining gap at {local(t, tz)}: file {r and r['remaining_gap']}, recomputed {rem}")
if errors:
    print("\n".join(errors[:50]))
    print(f"FAILED: {len(errors)} problems in {len(acts)} actions")
    sys.exit(1)
print(f"OK: {len(acts)} actions, cost {sum(r['c'] for r in acts):.2f}" +
      (f", {uncovered} agent-intervals uncovered" if A.remaining_gap else ""))
