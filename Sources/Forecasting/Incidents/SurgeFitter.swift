import LinearAlgebra

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fits a `SurgeShape` to the excess of observed calls over a baseline.
///
/// Model: `y_i ~ Poisson(μ_i)`, `μ_i = b_i + ∫_{interval i} x(u) du` with `x` the shape of
/// `SurgeShape`. The loss is the Poisson deviance `2 Σ [y log(y/μ) − (y − μ)]` (plus the prior's
/// penalty), minimised over `θ = (ln A, ln τ, ln halfLife)` by Levenberg–Marquardt on Fisher
/// scoring steps (Gauss–Newton on Pearson residuals `(y − μ)/√μ`, McCullagh & Nelder 1989, §2.5),
/// the damped normal equations solved by Cholesky (`LinearAlgebra`). The onset is profiled over
/// the given candidates (the one with the least penalised deviance wins).
///
/// Uncertainty: the inverse observed information `(JᵀWJ + P)⁻¹` at the optimum, scaled by the
/// Pearson over-dispersion when it exceeds 1.
///
/// *Edge Cases*: no observation with positive excess, or fewer than 2 observations: `nil`.
/// Parameters are kept in `[1 min, 12 h]` (rise) and `[5 min, 72 h]` (half-life).
public enum SurgeFitter {
    static let riseBounds = (log(1.0 / 60), log(12.0))
    static let halfLifeBounds = (log(5.0 / 60), log(72.0))
    /// Relative decrease of the penalised deviance below which the iterations stop.
    static let convergence = 1e-7

    /// Fits the surge; `nil` when the data show no excess to fit.
    public static func fit(_ obs: [SurgeObservation], onsets: [Int], prior: SurgePrior? = .weak) -> SurgeFit? {
        guard obs.count >= 2, !onsets.isEmpty else { return nil }
        var best: (fit: SurgeFit, objective: Double)? = nil
        for onset in onsets {
            if let r = fit(obs, onset: onset, prior: prior), r.1 < (best?.objective ?? .infinity) {
                best = (r.0, r.1)
            }
        }
        return best?.fit
    }

    static func mean(_ obs: [SurgeObservation], _ shape: SurgeShape) -> [Double] {
        obs.map { max(1e-9, $0.baseline + shape.excess(from: $0.start, to: $0.end)) }
    }

    static func deviance(_ obs: [SurgeObservation], _ mu: [Double]) -> Double {
        var d = 0.0
        for (o, m) in zip(obs, mu) {
            let y = o.actual
            d += 2 * ((y > 0 ? y * log(y / m) : 0) - (y - m))
        }
        return d
    }

    static func penalty(_ t: [Double], _ prior: SurgePrior?) -> Double {
        guard let p = prior else { return 0 }
        let a = (t[1] - log(p.riseHours)) / p.riseLogSD
        let b = (t[2] - log(p.halfLifeHours)) / p.halfLifeLogSD
        return a * a + b * b
    }

    static func clamp(_ t: inout [Double]) {
        t[0] = min(max(t[0], -20), 30)
        t[1] = min(max(t[1], riseBounds.0), riseBounds.1)
        t[2] = min(max(t[2], halfLifeBounds.0), halfLifeBounds.1)
    }

    /// One onset: LM iterations; returns the fit and its penalised objective.
    static func fit(_ obs: [SurgeObservation], onset: Int, prior: SurgePrior?) -> (SurgeFit, Double)? {
        let after = obs.filter { $0.end > onset }
        let excessRates = after.map { ($0.actual - $0.baseline) / max(1e-9, Double($0.end - $0.start) / 3600) }
        guard let peak = excessRates.max(), peak > 0 else { return nil }
        var theta = [
            log(peak * 1.2), log(prior?.riseHours ?? 1.0 / 6), log(prior?.halfLifeHours ?? 2),
        ]
        clamp(&theta)
        func objective(_ t: [Double]) -> Double {
            deviance(obs, mean(obs, SurgeFit.shape(t, onset: onset))) + penalty(t, prior)
        }
        var current = objective(theta)
        var damping = 1e-3
        var (jtj, jtr) = normalEquations(obs, theta, onset: onset, prior: prior)
        for _ in 0..<100 {
            var improved = false
            while damping < 1e12 {
                var a = jtj
                for j in 0..<3 { a[3 * j + j] += damping * max(jtj[3 * j + j], 1e-9) }
                guard let step = solve3(a, jtr) else {
                    damping *= 10
                    continue
                }
                var trial = zip(theta, step).map { $0 + $1 }
                clamp(&trial)
                let value = objective(trial)
                if value.isFinite, value < current {
                    let gain = current - value
                    theta = trial
                    current = value
                    damping = max(damping / 10, 1e-9)
                    improved = gain > convergence * max(1, current)
                    break
                }
                damping *= 10
            }
            if !improved { break }
            (jtj, jtr) = normalEquations(obs, theta, onset: onset, prior: prior)
        }
        let shape = SurgeFit.shape(theta, onset: onset)
        let mu = mean(obs, shape)
        var pearson = 0.0
        for (o, m) in zip(obs, mu) { pearson += (o.actual - m) * (o.actual - m) / m }
        let dispersion = obs.count > 3 ? max(1, pearson / Double(obs.count - 3)) : 1
        var info = normalEquations(obs, theta, onset: onset, prior: prior).0
        for j in 0..<3 { info[3 * j + j] += 1e-9 }
        let inverse = invert3(info) ?? [Double](repeating: 0, count: 9)
        let covariance = inverse.map { $0 * dispersion }
        // Baseline rate at the peak: the observation containing onset + time to peak (else the last one).
        let peakAt = onset + Int((shape.timeToPeakHours * 3600).rounded())
        let o = obs.first { $0.start <= peakAt && peakAt < $0.end } ?? obs[obs.count - 1]
        let baseRate = o.baseline / max(1e-9, Double(o.end - o.start) / 3600)
        let fit = SurgeFit(
            shape: shape, covariance: covariance, deviance: deviance(obs, mu), dispersion: dispersion,
            observations: obs.count, baselineRateAtPeak: baseRate)
        return (fit, current)
    }

    /// `JᵀWJ + P` and `JᵀW(y − μ) − P(θ − m)` at `θ` (Fisher scoring with the prior's precision).
    static func normalEquations(_ obs: [SurgeObservation], _ t: [Double], onset: Int, prior: SurgePrior?) -> (
        [Double], [Double]
    ) {
        let mu = mean(obs, SurgeFit.shape(t, onset: onset))
        // ∂μ/∂ln A is the excess itself; the other two by forward differences.
        var jac = obs.indices.map { [mu[$0] - obs[$0].baseline, 0, 0] }
        for j in 1..<3 {
            let h = 1e-6 * max(1, abs(t[j]))
            var up = t
            up[j] += h
            let mu1 = mean(obs, SurgeFit.shape(up, onset: onset))
            for i in obs.indices { jac[i][j] = (mu1[i] - mu[i]) / h }
        }
        var jtj = [Double](repeating: 0, count: 9)
        var jtr = [Double](repeating: 0, count: 3)
        for i in obs.indices {
            let w = 1 / mu[i]
            let r = obs[i].actual - mu[i]
            for a in 0..<3 {
                jtr[a] += jac[i][a] * w * r
                for b in 0..<3 { jtj[3 * a + b] += jac[i][a] * w * jac[i][b] }
            }
        }
        if let p = prior {
            let pr = 1 / (p.riseLogSD * p.riseLogSD)
            let ph = 1 / (p.halfLifeLogSD * p.halfLifeLogSD)
            jtj[4] += pr
            jtj[8] += ph
            jtr[1] -= pr * (t[1] - log(p.riseHours))
            jtr[2] -= ph * (t[2] - log(p.halfLifeHours))
        }
        return (jtj, jtr)
    }

    /// Solves a symmetric positive-definite 3 × 3 system by Cholesky (LAPACK `dpotrf`/`dpotrs`).
    static func solve3(_ a: [Double], _ b: [Double]) -> [Double]? {
        guard a.allSatisfy(\.isFinite), b.allSatisfy(\.isFinite),
            let m = try? Matrix(rows: 3, columns: 3, columnMajor: a),
            let x = try? m.choleskySolve(b), x.allSatisfy(\.isFinite)
        else { return nil }
        return x
    }

    static func invert3(_ a: [Double]) -> [Double]? {
        guard a.allSatisfy(\.isFinite), let m = try? Matrix(rows: 3, columns: 3, columnMajor: a),
            let x = try? m.choleskySolve(Matrix.identity(3))
        else { return nil }
        return x.elements
    }
}
