"""Peer for the forecasting benchmark: statsmodels on the same rolling-origin protocol as
`headcount backtest` / shared/tools/forecast_eval.py (8 weekly folds, 7-day horizon, train on
everything before the fold). The series is the sequence of open intervals (closed hours and
days dropped), with a weekly period of rows-per-week, as a planner would feed it.

Models: Holt-Winters (ExponentialSmoothing, additive trend off, multiplicative weekly
seasonality) and MSTL (daily + weekly periods) with an ETS/ARIMA-free STL forecast of the
remainder. Usage: forecast_statsmodels.py DATA.csv [FOLDS]"""
import csv, datetime as dt, sys, time, warnings
import numpy as np
from statsmodels.tsa.holtwinters import ExponentialSmoothing
from statsmodels.tsa.seasonal import MSTL

warnings.filterwarnings("ignore")
path = sys.argv[1]
folds = int(sys.argv[2]) if len(sys.argv) > 2 else 8
rows = [(dt.datetime.fromisoformat(r["interval_start"][:19]), float(r["calls"])) for r in csv.DictReader(open(path))]
last = rows[-1][0].date()
origins = [last - dt.timedelta(days=7 * k - 1) for k in range(folds, 0, -1)]
per_day = len({t.time() for t, _ in rows})
days_per_week = len({t.weekday() for t, _ in rows})
period = per_day * days_per_week


def hw(y, h):
    m = ExponentialSmoothing(np.maximum(y, 0.5), seasonal="mul", seasonal_periods=period).fit()
    return m.forecast(h)


def mstl(y, h):
    res = MSTL(y, periods=(per_day, period)).fit()
    seas = res.seasonal
    # Seasonal-naive continuation of each seasonal component plus the last trend level.
    last_week = seas[-period:].sum(axis=1) if seas.ndim > 1 else seas[-period:]
    reps = np.resize(last_week, h)
    return np.maximum(0, reps + res.trend[-1])


for name, fn in [("statsmodels ExponentialSmoothing (Holt-Winters, mul, weekly)", hw), ("statsmodels MSTL (daily+weekly)", mstl)]:
    err = tot = 0.0
    t0 = time.perf_counter()
    for o in origins:
        train = np.array([c for t, c in rows if t.date() < o])
        test = np.array([c for t, c in rows if o <= t.date() < o + dt.timedelta(days=7)])
        f = fn(train, len(test))
        err += np.abs(test - f).sum()
        tot += test.sum()
    print(f"{name}: wape={err / tot:.4f} seconds={time.perf_counter() - t0:.1f}", flush=True)
