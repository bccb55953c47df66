"""Peers of `headcount reforecast` and `headcount incidents` (benchmarks/surges/surge_bench.py runs them).

ratio_method(forecast, actual_so_far, n_seen): the practitioners' rule, rest of day x actual/forecast so far.
shen_huang(history_matrix, forecast, actual_so_far, n_seen, lam): penalised least-squares intraday update in
  the spirit of Shen & Huang (2008, Ann. Appl. Stat. 2(2), "Interday forecasting and intraday updating of call
  center arrivals"): sqrt(y + 1/4) = F beta + e with F the first K right singular vectors of the history's
  day x interval matrix; the day's beta from the seen intervals by ridge toward the forecast's own beta,
  beta = argmin |x_e - F_e b|^2 + lam |b - b0|^2; the rest of the day is (F_l beta)^2 - 1/4.
pelt_onsets(day_series, baseline): ruptures PELT (l2 cost, BIC-style penalty) on the Anscombe residuals
  2(sqrt(y+3/8) - sqrt(e+3/8)); an upward change to a segment mean above 5 (and calls >= 1.5 x baseline) is
  a detection."""
import numpy as np

K_COMPONENTS = 3

def ratio_method(forecast, actual, n_seen):
    f = np.asarray(forecast, float); a = np.asarray(actual[:n_seen], float)
    r = (a.sum() + 1) / (f[:n_seen].sum() + 1)
    return f[n_seen:] * r

def svd_basis(history_matrix, k=K_COMPONENTS):
    x = np.sqrt(np.asarray(history_matrix, float) + 0.25)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    return vt[:k].T  # intervals x k, orthonormal columns

def shen_huang(basis, forecast, actual, n_seen, lam):
    F = basis; f = np.sqrt(np.maximum(np.asarray(forecast, float), 0) + 0.25)
    b0 = F.T @ f
    xe = np.sqrt(np.asarray(actual[:n_seen], float) + 0.25)
    Fe = F[:n_seen]
    A = Fe.T @ Fe + lam * np.eye(F.shape[1])
    b = np.linalg.solve(A, Fe.T @ xe + lam * b0)
    rest = (F[n_seen:] @ b) ** 2 - 0.25
    # the basis reconstructs the forecast only approximately: keep its residual shape
    resid = np.asarray(forecast, float)[n_seen:] - np.maximum((F[n_seen:] @ b0) ** 2 - 0.25, 0)
    return np.maximum(rest + resid, 0)

def pelt_onsets(y, e, min_size=2):
    import ruptures as rpt
    y = np.asarray(y, float); e = np.asarray(e, float)
    z = 2 * (np.sqrt(y + 0.375) - np.sqrt(e + 0.375))
    n = len(z)
    if n < 2 * min_size: return []
    sigma2 = max(np.median(np.abs(z - np.median(z))) * 1.4826, 1e-6) ** 2
    bkps = rpt.Pelt(model="l2", min_size=min_size, jump=1).fit(z.reshape(-1, 1)).predict(pen=3 * np.log(n) * sigma2)
    out, start = [], 0
    for end in bkps:
        seg = slice(start, end)
        if start > 0 and z[seg].mean() >= 5 and y[seg].sum() >= 1.5 * e[seg].sum():
            out.append(start)
        start = end
    return out
