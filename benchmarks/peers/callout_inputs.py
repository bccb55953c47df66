"""Input parsing shared by callout_highs.py and check_callout.py (files only; no rules of Headcount).
Times become (UTC epoch seconds, local wall datetime) pairs; availability strings become windows per ISO weekday."""
import csv
import tomllib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

DAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}


def stamp(text, tz):
    """UTC seconds of an ISO timestamp (offset honoured; naive = wall time in tz)."""
    t = datetime.fromisoformat(text.strip())
    if t.tzinfo is None:
        t = t.replace(tzinfo=tz)
    return int(t.timestamp())


def local(utc, tz):
    return datetime.fromtimestamp(utc, tz)


def span_text(text):
    """'4h', '30m', '1h30m', '90' -> seconds."""
    s, total, num = text.strip(), 0, ""
    if s.isdigit():
        return int(s)
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            total += int(num) * {"h": 3600, "m": 60, "s": 1, "d": 86400}[ch]
            num = ""
    return total


def availability(text):
    if not text or not text.strip():
        return None
    out = {}
    for part in text.split(";"):
        days, times = part.split()
        ds = []
        for tok in days.split(","):
            ends = [DAYS[x.lower()] for x in tok.split("-")]
            ds += list(range(ends[0], ends[-1] + 1))
        a, b = times.split("-")
        ta = int(a[:2]) * 3600 + int(a[3:5]) * 60
        tb = int(b[:2]) * 3600 + int(b[3:5]) * 60
        for d in ds:
            out.setdefault(d, []).append((ta, tb))
    return out


def allows(avail, wall_start, seconds):
    """Whether [wall_start, wall_start+seconds) fits one availability window of its local day."""
    if avail is None:
        return True
    sod = wall_start.hour * 3600 + wall_start.minute * 60 + wall_start.second
    return any(a <= sod and sod + seconds <= b for a, b in avail.get(wall_start.isoweekday(), []))


def read_agents(path):
    agents = {}
    for r in csv.DictReader(open(path, newline="")):
        def opt(name):
            v = (r.get(name) or "").strip()
            return float(v) if v else None
        agents[r["agent_id"]] = dict(
            id=r["agent_id"], pool=r["pool"].strip(), max_h=float(r["max_hours_week"]),
            max_d=int(float(r["max_days_week"])), rate=float(r["cost_per_hour"]),
            avail=availability(r.get("available", "")),
            weekend=(r.get("weekend_day_off") or "").strip().lower() in ("1", "true"),
            rest=opt("min_rest_hours"), consec=opt("max_consecutive_days"), ot=opt("overtime_max_hours_week"))
    return agents


def read_roster(path, tz):
    """Shifts: dicts with agent, start, end, breaks [(s, e)], paid, day (local date), week (ISO (year, week))."""
    shifts = []
    for r in csv.DictReader(open(path, newline="")):
        s, e = stamp(r["shift_start"], tz), stamp(r["shift_end"], tz)
        bs = [x for x in (r.get("break_start") or "").split(";") if x.strip()]
        be = [x for x in (r.get("break_end") or "").split(";") if x.strip()]
        breaks = sorted((stamp(a, tz), stamp(b, tz)) for a, b in zip(bs, be))
        d = local(s, tz).date()
        shifts.append(dict(agent=r["agent_id"], start=s, end=e, breaks=breaks, paid=float(r["paid_hours"]),
                           day=d, week=d.isocalendar()[:2]))
    return shifts


def read_gap(path, tz):
    """{utc start: gap} summed over queues, and the interval length in seconds."""
    gaps = {}
    lengths = set()
    for r in csv.DictReader(open(path, newline="")):
        t = stamp(r["interval_start"], tz)
        g = int(float(r["gap"])) if "gap" in r else int(float(r["required"])) - int(float(r["scheduled"]))
        gaps[t] = gaps.get(t, 0) + g
        if r.get("interval_minutes"):
            lengths.add(int(float(r["interval_minutes"])) * 60)
    ts = sorted(gaps)
    iv = max(lengths) if lengths else min(b - a for a, b in zip(ts, ts[1:]))
    return gaps, iv


def read_templates(path):
    """[(length seconds, [(break length, window lo, window hi)])] of a shifts TOML."""
    if not path:
        return []
    doc = tomllib.load(open(path, "rb"))
    out = []
    for s in doc.get("shift", []):
        brs = [(span_text(b["length"]), span_text(b["window"][0]), span_text(b["window"][1])) for b in s.get("break", [])]
        out.append((span_text(s["length"]), brs))
    return out


def on_duty(start, end, breaks):
    spans, frm = [], start
    for a, b in sorted(breaks):
        if a > frm:
            spans.append((frm, a))
        frm = max(frm, b)
    if end > frm:
        spans.append((frm, end))
    return spans


def covered(spans, t, iv):
    return any(a <= t and t + iv <= b for a, b in spans)
