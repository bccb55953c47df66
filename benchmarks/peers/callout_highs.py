"""Independent peer of `headcount callout`: the intraday recovery MIP built from the same CSV inputs
(agents, roster, gap, optional shifts TOML) and solved by HiGHS (scipy.optimize.milp), lexicographically:
first the fewest uncovered agent-intervals, then the least cost at that coverage (two solves, no penalty).

Actions: call-ins of on-demand agents on gap days the roster leaves free (--call-length on the --step grid,
availability, max_days_week, max_hours_week, weekend day off, consecutive days); extensions before/after of
rostered shifts on gap days by whole steps up to --max-day-length (availability of the added parts, hour room:
on-demand max_hours_week; core max_hours_week + overtime cap, overtime at --premium); break moves by whole steps
inside the window (the template with the same length and break lengths, else +-1 h) inside the shift, not onto
another break, only into intervals of the gap file. Rest (--min-rest or min_rest_hours) to every other shift,
never shortened below the rest (or below what it was). At most one extension and one move per shift, one
call-in per agent-day. Usage:
  callout_highs.py --agents A --roster R --gap G [--shifts S] [--timezone Z] [--call-length 4h] [--step 30m]
                   [--max-day-length 10h] [--premium 1.5] [--overtime-max 8h] [--min-rest 11h]
Prints: uncovered=U cost=C"""
import argparse
import itertools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from scipy.optimize import LinearConstraint, milp, Bounds
from scipy.sparse import coo_matrix

from callout_inputs import (allows, covered, local, on_duty, read_agents, read_gap, read_roster, read_templates,
                            span_text)

ap = argparse.ArgumentParser()
for name, default in [("--agents", None), ("--roster", None), ("--gap", None), ("--shifts", ""),
                      ("--timezone", "Europe/Berlin"), ("--call-length", "4h"), ("--step", "30m"),
                      ("--max-day-length", "10h"), ("--premium", "1.5"), ("--overtime-max", "8h"),
                      ("--min-rest", "11h")]:
    ap.add_argument(name, default=default, required=default is None)
A = ap.parse_args()
tz = ZoneInfo(A.timezone)
L, STEP, MAXDAY = span_text(A.call_length), span_text(A.step), span_text(A.max_day_length)
PREMIUM, OTMAX, REST = float(A.premium), span_text(A.overtime_max) / 3600, span_text(A.min_rest)
agents = read_agents(A.agents)
shifts = read_roster(A.roster, tz)
gaps, iv = read_gap(A.gap, tz)
templates = read_templates(A.shifts)
times = sorted(gaps)
gap_days = {local(t, tz).date() for t in times if gaps[t] > 0}
mine = {a: sorted([k for k, s in enumerate(shifts) if s["agent"] == a], key=lambda k: shifts[k]["start"]) for a in agents}
days_of = {a: {shifts[k]["day"] for k in mine[a]} for a in agents}


def week_hours(a, wk):
    return sum(shifts[k]["paid"] for k in mine[a] if shifts[k]["week"] == wk)


def rest_of(ag):
    return int(round((ag["rest"] if ag["rest"] is not None else REST / 3600) * 3600))


def sep(x, y):
    return max(y[0] - x[1], x[0] - y[1])


def rest_ok(ag, span, replacing):
    for k in mine[ag["id"]]:
        if k == replacing:
            continue
        o = (shifts[k]["start"], shifts[k]["end"])
        now = sep(span, o)
        if now >= rest_of(ag):
            continue
        if replacing is None:
            return False
        was = sep((shifts[replacing]["start"], shifts[replacing]["end"]), o)
        if now < was or now < 0:
            return False
    return True


def room(ag, wk):
    used = week_hours(ag["id"], wk)
    normal = max(0.0, ag["max_h"] - used)
    if ag["pool"] != "core":
        return normal, 0.0
    cap = ag["ot"] if ag["ot"] is not None else OTMAX
    return normal, max(0.0, cap - max(0.0, used - ag["max_h"]))


def effects(before, after, lo, hi):
    out = {}
    for t in times:
        if t + iv <= lo or t >= hi:
            continue
        d = int(covered(after, t, iv)) - int(covered(before, t, iv))
        if d:
            out[t] = d
    return out


cols = []  # dicts: kind, agent, shift, day, week, span, base, hours, cost, eff


ROWS = {t for t in times if gaps[t] > 0}  # grows by the intervals break moves may take an agent from


def useful(eff):
    return any(d > 0 and t in ROWS for t, d in eff.items())


moves = []


for a, ag in agents.items():
    for k in mine[a]:
        s = shifts[k]
        if s["day"] not in gap_days:
            continue
        length = s["end"] - s["start"]
        duty = on_duty(s["start"], s["end"], s["breaks"])
        # break moves
        lens = [b - a_ for a_, b in s["breaks"]]
        tpl = next((t for t in templates if t[0] == length and [x[0] for x in t[1]] == lens), None)
        for j, (bs, be) in enumerate(s["breaks"]):
            blen = be - bs
            if tpl:
                lo, hi = s["start"] + tpl[1][j][1], s["start"] + tpl[1][j][2]
            else:
                lo, hi = bs - 3600, bs + 3600
            lo, hi = max(lo, s["start"]), min(hi, s["end"] - blen)
            others = [b for i, b in enumerate(s["breaks"]) if i != j]
            for n in range(-48, 49):
                nb = bs + n * STEP
                if n == 0 or nb < lo or nb > hi:
                    continue
                if any(x < nb + blen and nb < y for x, y in others):
                    continue
                inside = [t for t in times if t < nb + blen and t + iv > nb]
                if not inside or inside[0] > nb or inside[-1] + iv < nb + blen or len(inside) * iv < blen:
                    continue
                eff = effects(duty, on_duty(s["start"], s["end"], others + [(nb, nb + blen)]), s["start"], s["end"])
                if eff:
                    moves.append(dict(kind="move", agent=a, shift=k, day=s["day"], week=s["week"],
                                     span=(s["start"], s["end"]), base=(s["start"], s["end"]), hours=0.0, cost=0.0,
                                     eff=eff))

for m in moves:
    ROWS |= {t for t, d in m["eff"].items() if d < 0}
cols += [m for m in moves if useful(m["eff"])]

for a, ag in agents.items():
    for k in mine[a]:
        s = shifts[k]
        if s["day"] not in gap_days:
            continue
        length = s["end"] - s["start"]
        nr, orr = room(ag, s["week"])
        duty = on_duty(s["start"], s["end"], s["breaks"])
        for n, m in itertools.product(range(0, 49), repeat=2):
            if n + m == 0 or length + (n + m) * STEP > MAXDAY:
                continue
            ns, ne = s["start"] - n * STEP, s["end"] + m * STEP
            h = (n + m) * STEP / 3600
            if h > nr + orr + 1e-9:
                continue
            if n and not allows(ag["avail"], local(ns, tz), n * STEP):
                continue
            if m and not allows(ag["avail"], local(s["end"], tz), m * STEP):
                continue
            if not rest_ok(ag, (ns, ne), k):
                continue
            after = [list(x) for x in duty]
            after[0][0] = min(after[0][0], ns)
            after[-1][1] = max(after[-1][1], ne)
            eff = effects(duty, [tuple(x) for x in after], ns, ne)
            if useful(eff):
                cols.append(dict(kind="extend", agent=a, shift=k, day=s["day"], week=s["week"], span=(ns, ne),
                                 base=(s["start"], s["end"]), hours=h,
                                 cost=0.0 if ag["pool"] == "core" else h * ag["rate"], eff=eff))
    if ag["pool"] != "on_demand":
        continue
    for day in sorted(gap_days):
        if day in days_of[a]:
            continue
        wk = day.isocalendar()[:2]
        if sum(1 for d in days_of[a] if d.isocalendar()[:2] == wk) >= ag["max_d"]:
            continue
        if week_hours(a, wk) + L / 3600 > ag["max_h"] + 1e-9:
            continue
        if ag["weekend"] and day.isoweekday() >= 6:
            sat = day - timedelta(days=day.isoweekday() - 6)
            if sat in days_of[a] or sat + timedelta(days=1) in days_of[a]:
                continue
        if ag["consec"] is not None:
            run, d = 1, day - timedelta(days=1)
            while d in days_of[a]:
                run, d = run + 1, d - timedelta(days=1)
            d = day + timedelta(days=1)
            while d in days_of[a]:
                run, d = run + 1, d + timedelta(days=1)
            if run > ag["consec"]:
                continue
        for wall in range(0, 86400, STEP):
            t0 = datetime(day.year, day.month, day.day, tzinfo=tz) + timedelta(seconds=wall)
            st = int(t0.timestamp())
            if local(st, tz).replace(tzinfo=None) != t0.replace(tzinfo=None):
                continue  # a wall time in a DST gap
            span = (st, st + L)
            if not allows(ag["avail"], local(st, tz), L) or not rest_ok(ag, span, None):
                continue
            eff = {t: 1 for t in times if span[0] <= t and t + iv <= span[1]}
            if useful(eff):
                cols.append(dict(kind="call", agent=a, shift=None, day=day, week=wk, span=span, base=span,
                                 hours=L / 3600, cost=L / 3600 * ag["rate"], eff=eff))

nx = len(cols)
cost = [c["cost"] for c in cols]
integrality = [1] * nx
upper = [1.0] * nx
rows = []  # (dict, lo, hi)


def add_var(c, ub):
    cost.append(c)
    integrality.append(0)
    upper.append(ub)
    return len(cost) - 1


core_weeks = {}
for i, c in enumerate(cols):
    if c["kind"] == "extend" and agents[c["agent"]]["pool"] == "core":
        core_weeks.setdefault((c["agent"], c["week"]), []).append(i)
for (a, wk), ks in core_weeks.items():
    nr, orr = room(agents[a], wk)
    nv = add_var(agents[a]["rate"], nr)
    ov = add_var(agents[a]["rate"] * PREMIUM, orr)
    row = {i: cols[i]["hours"] for i in ks}
    row[nv], row[ov] = -1.0, -1.0
    rows.append((row, -np.inf, 0.0))
uvars = []
touch = {}
for i, c in enumerate(cols):
    for t, d in c["eff"].items():
        touch.setdefault(t, {})[i] = d
for t in times:
    terms = touch.get(t, {})
    if gaps[t] > 0 or any(d < 0 for d in terms.values()):
        u = add_var(0.0, np.inf)
        uvars.append((t, u))
        row = dict(terms)
        row[u] = 1.0
        rows.append((row, gaps[t], np.inf))


def group(key_fn, pred):
    g = {}
    for i, c in enumerate(cols):
        if pred(c):
            g.setdefault(key_fn(c), []).append(i)
    return g


for ks in group(lambda c: c["shift"], lambda c: c["kind"] == "extend").values():
    rows.append(({i: 1 for i in ks}, -np.inf, 1))
for ks in group(lambda c: c["shift"], lambda c: c["kind"] == "move").values():
    rows.append(({i: 1 for i in ks}, -np.inf, 1))
for ks in group(lambda c: (c["agent"], c["day"]), lambda c: c["kind"] == "call").values():
    rows.append(({i: 1 for i in ks}, -np.inf, 1))
for (a, wk), ks in group(lambda c: (c["agent"], c["week"]),
                         lambda c: agents[c["agent"]]["pool"] == "on_demand" and c["hours"] > 0).items():
    rows.append(({i: cols[i]["hours"] for i in ks}, -np.inf, room(agents[a], wk)[0]))
    calls = [i for i in ks if cols[i]["kind"] == "call"]
    used = sum(1 for d in days_of[a] if d.isocalendar()[:2] == wk)
    if calls:
        rows.append(({i: 1 for i in calls}, -np.inf, max(0, agents[a]["max_d"] - used)))
for (a, wk), ks in group(lambda c: (c["agent"], c["week"]),
                         lambda c: c["kind"] == "call" and agents[c["agent"]]["weekend"]
                         and c["day"].isoweekday() >= 6).items():
    rows.append(({i: 1 for i in ks}, -np.inf, 1))
for a, ks in group(lambda c: c["agent"], lambda c: c["kind"] == "call" and agents[c["agent"]]["consec"]).items():
    lim = int(agents[a]["consec"])
    days = sorted({cols[i]["day"] for i in ks})
    for start in [days[0] + timedelta(days=x) for x in range(-lim, (days[-1] - days[0]).days + 1)]:
        window = [start + timedelta(days=x) for x in range(lim + 1)]
        inside = [i for i in ks if cols[i]["day"] in window]
        worked = sum(1 for d in window if d in days_of[a])
        rows.append(({i: 1 for i in inside}, -np.inf, max(0, lim - worked))) if inside else None
for a, ks in group(lambda c: c["agent"], lambda c: c["kind"] != "move").items():
    rest = rest_of(agents[a])
    for x, y in itertools.combinations(ks, 2):
        p, q = cols[x], cols[y]
        if (p["kind"] == "call" and q["kind"] == "call" and p["day"] == q["day"]) or \
                (p["shift"] is not None and p["shift"] == q["shift"]):
            continue
        now = sep(p["span"], q["span"])
        if now < rest and now < sep(p["base"], q["base"]):
            rows.append(({x: 1, y: 1}, -np.inf, 1))

nv = len(cost)
r_i, c_i, v_i, lo, hi = [], [], [], [], []
for r, (row, l, h) in enumerate(rows):
    for j, v in row.items():
        r_i.append(r), c_i.append(j), v_i.append(v)
    lo.append(l), hi.append(h)
M = coo_matrix((v_i, (r_i, c_i)), shape=(len(rows), nv)).tocsr()
cons = [LinearConstraint(M, lo, hi)]
bounds = Bounds(np.zeros(nv), np.array(upper))
u_obj = np.zeros(nv)
for _, u in uvars:
    u_obj[u] = 1
s1 = milp(u_obj, constraints=cons, integrality=np.array(integrality), bounds=bounds)
best_u = round(s1.fun)
s2 = milp(np.array(cost), constraints=cons + [LinearConstraint(u_obj.reshape(1, -1), -np.inf, best_u + 1e-6)],
          integrality=np.array(integrality), bounds=bounds)
print(f"uncovered={best_u} cost={s2.fun:.2f} candidates={nx}")
