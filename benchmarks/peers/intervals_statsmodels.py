"""Peer for the prediction-interval benchmark (issue 11): statsmodels' ETS state-space model
(ETSModel: multiplicative error, no trend, multiplicative seasonality of one week of open days)
fitted on the daily totals before each fold, its 90 % prediction interval for the fold's daily
totals (`get_prediction(...).summary_frame(alpha=0.1)`), and the share of actual daily totals
inside — the same 8 weekly folds as shared/tools/coverage_eval.py's `daily_cov`.
Usage: intervals_statsmodels.py DATA.csv [FOLDS]  -> prints 'statsmodels_ets daily_cov=.. n_day=.. seconds=..'"""
import csv, datetime as dt, sys, time, warnings
from collections import defaultdict
import numpy as np
import pandas as pd
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

warnings.filterwarnings("ignore")
path = sys.argv[1]
folds = int(sys.argv[2]) if len(sys.argv) > 2 else 8
daily = defaultdict(float)
for r in csv.DictReader(open(path)):
    daily[dt.datetime.fromisoformat(r["interval_start"].strip()[:19]).date()] += float(r["calls"])
days = sorted(daily)
last = days[-1]
period = len({d.weekday() for d in days})  # open days per week
origins = [last - dt.timedelta(days=7 * k - 1) for k in range(folds, 0, -1)]
hit = n = 0
t0 = time.perf_counter()
for o in origins:
    train = [daily[d] for d in days if d < o]
    test = [daily[d] for d in days if o <= d < o + dt.timedelta(days=7)]
    m = ETSModel(pd.Series(np.maximum(train, 1.0)), error="mul", seasonal="mul", seasonal_periods=period).fit(disp=False)
    frame = m.get_prediction(start=len(train), end=len(train) + len(test) - 1).summary_frame(alpha=0.1)
    for y, lo, hi in zip(test, frame["pi_lower"], frame["pi_upper"]):
        n += 1
        hit += lo <= y <= hi
print(f"statsmodels_ets daily_cov={hit / max(n, 1):.3f} n_day={n} seconds={time.perf_counter() - t0:.1f}")
