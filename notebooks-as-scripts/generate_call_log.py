#!/usr/bin/env python3
"""Generate a realistic per-call log (one row per call) with an outage surge.

Planners can run this top to bottom; it needs only the Python standard library.

Model (all parameters are arguments):
- Two queues, `retail` (70 % of calls, AHT ~300 s) and `business` (30 %, AHT ~420 s).
- Open Mon-Fri 08:00-20:00 and Sat 09:00-14:00 local time; closed on Sundays.
- Intraday profile with a morning peak (~10:30) and a smaller afternoon peak (~15:00);
  Mondays +15 %, Fridays -8 %, Saturdays at 45 %; slow upward trend.
- Arrivals are a non-homogeneous Poisson process (per-minute Poisson counts, uniform seconds).
- An outage on `--outage-day` at `--outage-time` multiplies arrivals by `--multiplier`,
  decaying exponentially with half-life `--half-life-hours` (the shape of real incident surges).
- Waits grow with the load (busy periods are crude: exponential waits whose mean rises with
  the surge); callers abandon after exponential patience (mean 120 s).
- Timestamps carry the UTC offset of the planning zone, so DST changes are explicit.

Example:
    python3 notebooks-as-scripts/generate_call_log.py --start 2025-03-03 --days 42 \
        --outage-day 2025-04-08 --out data/sample_call_log.csv
"""
import argparse
import datetime as dt
import math
import random
from zoneinfo import ZoneInfo

p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
p.add_argument("--start", default="2025-03-03")
p.add_argument("--days", type=int, default=42)
p.add_argument("--calls-per-day", type=float, default=1000.0, help="mean calls on an ordinary weekday")
p.add_argument("--timezone", default="Europe/Berlin")
p.add_argument("--outage-day", default="2025-04-08")
p.add_argument("--outage-time", default="10:30")
p.add_argument("--multiplier", type=float, default=4.0)
p.add_argument("--half-life-hours", type=float, default=2.0)
p.add_argument("--seed", type=int, default=7)
p.add_argument("--out", default="data/sample_call_log.csv")
args = p.parse_args()

rng = random.Random(args.seed)
zone = ZoneInfo(args.timezone)
start = dt.date.fromisoformat(args.start)
outage_at = dt.datetime.combine(dt.date.fromisoformat(args.outage_day), dt.time.fromisoformat(args.outage_time), tzinfo=zone) if args.outage_day else None


def poisson(mean):
    if mean < 30:
        limit, k, prod = math.exp(-mean), 0, rng.random()
        while prod > limit:
            k += 1
            prod *= rng.random()
        return k
    return max(0, int(round(rng.gauss(mean, math.sqrt(mean)))))


def profile(minute_of_day):
    h = minute_of_day / 60
    return 0.35 + math.exp(-((h - 10.5) / 1.6) ** 2) + 0.7 * math.exp(-((h - 15.0) / 2.0) ** 2)


hours = {0: (8, 20), 1: (8, 20), 2: (8, 20), 3: (8, 20), 4: (8, 20), 5: (9, 14)}
day_factor = {0: 1.15, 1: 1.0, 2: 1.0, 3: 0.98, 4: 0.92, 5: 0.45}
weekday_mass = sum(profile(m) for m in range(8 * 60, 20 * 60))
rows = 0
with open(args.out, "w") as f:
    f.write("arrived_at,queue,handle_seconds,wait_seconds,abandoned\n")
    for d in range(args.days):
        day = start + dt.timedelta(days=d)
        if day.weekday() not in hours:
            continue
        open_h, close_h = hours[day.weekday()]
        trend = 1 + 0.002 * d
        for minute in range(open_h * 60, close_h * 60):
            local = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), tzinfo=zone)
            surge = 1.0
            if outage_at and local >= outage_at:
                age_h = (local - outage_at).total_seconds() / 3600
                surge = 1 + (args.multiplier - 1) * 0.5 ** (age_h / args.half_life_hours)
            mean = args.calls_per_day * day_factor[day.weekday()] * trend * profile(minute) / weekday_mass * surge
            for _ in range(poisson(mean)):
                at = local + dt.timedelta(seconds=rng.random() * 60)
                business = rng.random() < 0.3
                aht = 420 if business else 300
                wait = rng.expovariate(1 / (12 * surge ** 2))
                patience = rng.expovariate(1 / 120)
                abandoned = patience < wait
                if abandoned:
                    wait, handle = patience, ""
                else:
                    handle = f"{rng.lognormvariate(math.log(aht) - 0.18, 0.6):.0f}"
                f.write(f"{at.isoformat(timespec='seconds')},{'business' if business else 'retail'},{handle},{wait:.0f},{int(abandoned)}\n")
                rows += 1
print(f"wrote {rows} calls to {args.out}")
