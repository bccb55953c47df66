"""Two years of 15-minute interval history for a 24/7 centre (70,080 rows): daily and weekly
shape, slow trend, Poisson noise. Usage: make_history_247.py OUT.csv"""
import datetime as dt, math, random, sys
rng = random.Random(11)
start = dt.datetime(2023, 1, 2)
with open(sys.argv[1], "w") as f:
    f.write("interval_start,calls\n")
    for k in range(730 * 96):
        t = start + dt.timedelta(minutes=15 * k)
        h = t.hour + t.minute / 60
        day = 0.15 + math.exp(-((h - 11) / 3.5) ** 2) + 0.6 * math.exp(-((h - 17) / 3) ** 2)
        week = [1.15, 1.0, 1.0, 0.98, 0.95, 0.55, 0.4][t.weekday()]
        mean = 60 * day * week * (1 + 0.0004 * (k // 96))
        calls = max(0, int(round(rng.gauss(mean, math.sqrt(mean))))) if mean > 30 else sum(1 for _ in range(int(mean * 4)) if rng.random() < 0.25)
        f.write(f"{t.isoformat()},{calls}\n")
