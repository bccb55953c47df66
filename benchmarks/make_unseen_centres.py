"""Synthetic "unseen" centres for checking that forecasts and prediction intervals generalise
(issue 11). Each is ~1 year of interval counts with the features real centres show and the
bundled bank data lacks: a day-level multiplicative shock (gamma, variance PHI_DAY), count noise
with extra dispersion (negative binomial, Var = f + PHI_SLOT f^2), a slow trend, yearly
seasonality, closed public holidays with a catch-up on the next working day, and drifting
opening hours.
Usage: make_unseen_centres.py OUTDIR   -> writes
  c247.csv      24/7 centre, 30 min, every day, night trough, weekend dip
  fri_sat.csv   Sun–Thu centre (Fri–Sat closed), 08:00–20:00, 15 min, holidays closed
  sat_half.csv  Mon–Sat centre, Sat mornings only, 30 min, evening closing drifts with the season
  c247_de.csv   24/7 centre, 30 min, 2024-01-01 to 2025-06-13, German national holidays at 55 % of the
                volume, Christmas Eve and New Year's Eve at 75 % (open, not closed; public holidays, issue 11)
  uk_bank.csv   Mon–Fri centre, 08:00–20:00, 15 min, 2024-01-01 to 2025-09-12, closed on the bank holidays of
                England and Wales (gov.uk) with a catch-up on the next working day (public holidays, issue 11)
Seeded (deterministic)."""
import datetime as dt, math, os, random, sys
import numpy as np

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

def nb(rng, mean, phi):
    if mean <= 0: return 0
    if phi <= 0: return int(rng.poisson(mean))
    return int(rng.poisson(rng.gamma(1 / phi, mean * phi)))

def centre(path, seed, start, days, step_min, open_fn, level, weekday_factor, shape_fn, phi_day, phi_slot,
           holidays=(), catchup=1.3, dips=None):
    rng = np.random.default_rng(seed)
    with open(path, "w") as f:
        f.write("interval_start,calls\n")
        prev_closed = False
        for k in range(days):
            d = start + dt.timedelta(days=k)
            wd = d.weekday()
            if d in holidays or weekday_factor[wd] == 0:
                prev_closed = prev_closed or d in holidays
                continue
            shock = rng.gamma(1 / phi_day, phi_day)
            yearly = 1 + 0.12 * math.sin(2 * math.pi * (d.timetuple().tm_yday - 30) / 365.25)
            trend = 1 + 0.0006 * k
            total = level * weekday_factor[wd] * shock * yearly * trend * (catchup if prev_closed else 1)
            total *= (dips or {}).get(d, 1)
            prev_closed = False
            slots = [s for s in range(24 * 60 // step_min) if open_fn(d, s * step_min / 60)]
            w = np.array([shape_fn(wd, s * step_min / 60) for s in slots])
            w = w / w.sum()
            for s, share in zip(slots, w):
                t = dt.datetime.combine(d, dt.time()) + dt.timedelta(minutes=s * step_min)
                f.write(f"{t.isoformat()},{nb(rng, total * share, phi_slot)}\n")

start = dt.date(2024, 1, 1)
def easter_like(y):  # a few fixed and moving closed days per year
    return {dt.date(y, 1, 1), dt.date(y, 5, 1), dt.date(y, 12, 25), dt.date(y, 12, 26), dt.date(y, 4, 1) + dt.timedelta(days=(y * 11) % 20)}
hol = easter_like(2024) | easter_like(2025)

# 24/7: every slot open, strong night trough, weekend dip, no closed days.
centre(os.path.join(out, "c247.csv"), 1, start, 364, 30, lambda d, h: True, 9000,
       [1.1, 1.05, 1.0, 1.0, 0.95, 0.6, 0.5],
       lambda wd, h: 0.08 + math.exp(-((h - 10.5) / 3) ** 2) + 0.7 * math.exp(-((h - 16 - (wd >= 5)) / 3.5) ** 2),
       phi_day=0.004, phi_slot=0.01)
# Sun–Thu working week (Fri, Sat closed), 08–20, 15-minute grid, closed holidays + catch-up.
ar_hol = {dt.date(2024, 4, 10), dt.date(2024, 4, 11), dt.date(2024, 6, 16), dt.date(2024, 6, 17), dt.date(2024, 9, 15),
          dt.date(2024, 12, 2), dt.date(2025, 1, 1)}
centre(os.path.join(out, "fri_sat.csv"), 2, start, 364, 15, lambda d, h: 8 <= h < 20, 4200,
       [1.05, 0.95, 0.9, 0.0, 0.0, 1.2, 1.1],
       lambda wd, h: math.exp(-((h - 10) / 2.5) ** 2) + 0.8 * math.exp(-((h - 15) / 3) ** 2),
       phi_day=0.006, phi_slot=0.02, holidays=ar_hol)
# Mon–Sat; Saturday 09–13; weekday closing moves from 18:00 (winter) to 20:00 (summer) by 30 min steps.
def close_hour(d):
    m = d.month
    return 18 + 0.5 * min(4, max(0, min(m - 3, 10 - m)))
centre(os.path.join(out, "sat_half.csv"), 3, start, 364, 30,
       lambda d, h: (9 <= h < 13) if d.weekday() == 5 else (8 <= h < close_hour(d)), 2500,
       [1.15, 1.0, 0.95, 0.95, 0.9, 0.35, 0.0],
       lambda wd, h: math.exp(-((h - 11) / 2.5) ** 2) + 0.6 * math.exp(-((h - 16) / 2.5) ** 2),
       phi_day=0.008, phi_slot=0.015, holidays=hol)

# Mon–Fri, 08–20, 15 min, closed on the England and Wales bank holidays (gov.uk lists) with a +30 % catch-up; the
# last 8 weeks hold the summer bank holiday (25 August 2025).
uk_hol = {dt.date(2024, 1, 1), dt.date(2024, 3, 29), dt.date(2024, 4, 1), dt.date(2024, 5, 6), dt.date(2024, 5, 27),
          dt.date(2024, 8, 26), dt.date(2024, 12, 25), dt.date(2024, 12, 26), dt.date(2025, 1, 1), dt.date(2025, 4, 18),
          dt.date(2025, 4, 21), dt.date(2025, 5, 5), dt.date(2025, 5, 26), dt.date(2025, 8, 25)}
centre(os.path.join(out, "uk_bank.csv"), 4, start, (dt.date(2025, 9, 12) - start).days + 1, 15, lambda d, h: 8 <= h < 20,
       3000, [1.2, 1.0, 0.95, 0.95, 0.9, 0.0, 0.0],
       lambda wd, h: math.exp(-((h - 10.5) / 2.5) ** 2) + 0.7 * math.exp(-((h - 15) / 3) ** 2),
       phi_day=0.005, phi_slot=0.01, holidays=uk_hol)

# 24/7, 30 min, open every day; the German national holidays run at 55 % of normal volume (a Sunday-like day), the
# 24th and 31st of December at 75 %; the last 8 weeks hold Easter Monday, 1 May, Ascension and Whit Monday 2025.
def easter(y):
    a, b, c = y % 19, y // 100, y % 100
    d, e, f = b // 4, b % 4, (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    return dt.date(y, (h + l - 7 * m + 114) // 31, (h + l - 7 * m + 114) % 31 + 1)
de_dips = {}
for y in (2024, 2025):
    e = easter(y)
    for d in [dt.date(y, 1, 1), e - dt.timedelta(days=2), e + dt.timedelta(days=1), dt.date(y, 5, 1),
              e + dt.timedelta(days=39), e + dt.timedelta(days=50), dt.date(y, 10, 3), dt.date(y, 12, 25),
              dt.date(y, 12, 26)]:
        de_dips[d] = 0.55
    de_dips[dt.date(y, 12, 24)] = de_dips[dt.date(y, 12, 31)] = 0.75
centre(os.path.join(out, "c247_de.csv"), 5, start, (dt.date(2025, 6, 13) - start).days + 1, 30, lambda d, h: True, 7000,
       [1.1, 1.05, 1.0, 1.0, 0.95, 0.6, 0.5],
       lambda wd, h: 0.08 + math.exp(-((h - 10.5) / 3) ** 2) + 0.7 * math.exp(-((h - 16 - (wd >= 5)) / 3.5) ** 2),
       phi_day=0.004, phi_slot=0.01, dips=de_dips)
