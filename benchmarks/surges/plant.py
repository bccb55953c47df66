"""Plants outage surges into the bank data (shared by the surge benchmark and its peers).

plant(rows, day, onset_hour, peak_x, half_life_h, rng): adds Poisson counts of the excess
x(u) = A(1 - e^{-u/tau}) e^{-lambda u} (tau = 10 min) with peak excess rate (peak_x - 1) x the day's
mean rate, only on that day. Rows are (datetime, calls) at any interval."""
import math, datetime as dt

TAU_H = 1.0 / 6

def poisson(lam, rng):
    total, remaining = 0, lam
    while remaining > 0:
        part = min(remaining, 20.0); remaining -= part
        limit, k, p = math.exp(-part), 0, rng.random()
        while p > limit:
            k += 1; p *= rng.random()
        total += k
    return total

def kernel_integral(u, lam, kap):
    if u <= 0: return 0.0
    return -math.expm1(-lam * u) / lam + math.expm1(-kap * u) / kap

def shape(peak_rate, half_life_h):
    lam = math.log(2) / half_life_h; kap = lam + 1 / TAU_H
    t_star = TAU_H * math.log1p(1 / (lam * TAU_H))
    unit = -math.expm1(-t_star / TAU_H) * math.exp(-lam * t_star)
    return peak_rate / unit, lam, kap

def plant(rows, day, onset_hour, peak_x, half_life_h, rng, interval_s):
    day_rows = [c for t, c in rows if t.date() == day]
    mean_rate = sum(day_rows) / (len(day_rows) * interval_s / 3600)
    A, lam, kap = shape((peak_x - 1) * mean_rate, half_life_h)
    onset = dt.datetime.combine(day, dt.time(0)) + dt.timedelta(hours=onset_hour)
    out = []
    for t, c in rows:
        if t.date() == day:
            u0 = (t - onset).total_seconds() / 3600; u1 = u0 + interval_s / 3600
            x = A * (kernel_integral(u1, lam, kap) - kernel_integral(u0, lam, kap))
            if x > 0: c = c + poisson(x, rng)
        out.append((t, c))
    return out, onset
