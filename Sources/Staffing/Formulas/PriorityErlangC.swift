#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Two classes in an M/M/n queue with non-preemptive priority and equal service rates
/// (Cobham 1954; Kella & Yechiali 1985).
///
/// Every call waits with the Erlang C probability `C`, whatever its class.
/// - **Priority class** (rate λ₁ = share·λ): given it waits, it sees a geometric number of
///   priority calls ahead served at rate nμ, so `W₁ | wait ~ Exp(nμ − λ₁)`:
///   `SL₁(t) = 1 − C·e^{−(nμ−λ₁)t}`, `E[W₁] = C / (nμ − λ₁)`.
/// - **Standard class**: a waiting call must see the `Q + 1` calls ahead of it through
///   (`Q | wait` geometric with ratio ρ = a/n) plus every priority call that arrives
///   meanwhile: the first passage of a random walk down at rate nμ, up at rate λ₁.
///   `E[W₂] = C / (nμ(1 − ρ₁)(1 − ρ))`; `P(W₂ ≤ t)` by uniformisation of that walk
///   (Poisson-weighted step probabilities; all terms positive).
public enum PriorityErlangC {
    /// Class metrics for `agents` on `load` (unstable `n ≤ a`: SL 0, ASA ∞).
    public static func metrics(agents n: Int, load: QueueLoad, priority: PriorityClass, targetSeconds t: Double)
        -> PriorityMetrics
    {
        let overall = ErlangC.metrics(agents: n, load: load, targetSeconds: t)
        guard overall.stable else {
            return PriorityMetrics(
                prioritySL: 0, priorityASASeconds: .infinity, standardSL: 0, standardASASeconds: .infinity)
        }
        let c = overall.waitProbability
        let mu = 1 / load.ahtSeconds
        let nmu = Double(n) * mu
        let lambda1 = priority.share * load.arrivalRate
        let rho = overall.trafficErlangs / Double(n)
        let rho1 = lambda1 / nmu
        let sl1 = 1 - c * exp(-(nmu - lambda1) * priority.targetSeconds)
        let asa1 = c / (nmu - lambda1)
        let asa2 = c / (nmu * (1 - rho1) * (1 - rho))
        let reached = firstPassageProbability(down: nmu, up: lambda1, ratio: rho, within: t)
        let sl2 = 1 - c + c * reached
        return PriorityMetrics(prioritySL: sl1, priorityASASeconds: asa1, standardSL: sl2, standardASASeconds: asa2)
    }

    /// P(a walk started at K ~ Geometric(ratio) on {1, 2, …} hits 0 within `t`), the walk
    /// stepping down at rate `down` and up at rate `up` (uniformised at rate down + up).
    static func firstPassageProbability(down: Double, up: Double, ratio: Double, within t: Double) -> Double {
        guard t > 0 else { return 0 }
        let rate = down + up
        let mean = rate * t
        // Beyond this many expected steps the walk (drift down > up) has hit 0 with certainty to
        // double precision; the bound keeps memory finite for absurd thresholds.
        guard mean < 20_000_000 else { return 1 }
        let steps = Int(mean + 12 * mean.squareRoot() + 30)
        let capValue = ratio > 0 ? log(1e-18) / log(ratio) + 1 : 1
        let startCap = capValue.isFinite ? Int(min(2_000_000, max(1, capValue))) : 2_000_000
        let width = startCap + steps + 2
        var mass = [Double](repeating: 0, count: width)
        var weight = 1 - ratio
        for k in 1...max(1, startCap) where k < width {
            mass[k] = weight
            weight *= ratio
        }
        let pDown = down / rate
        let pUp = up / rate
        var absorbed = 0.0
        var logPoisson = -mean
        var result = 0.0
        var next = [Double](repeating: 0, count: width)
        var highest = min(width - 2, max(1, startCap))  // last index that may hold mass
        for m in 0...steps {
            // absorbed = P(hit 0 within m uniformised steps), weighted by P(N = m).
            if m > 0 { logPoisson += log(mean) - log(Double(m)) }
            result += exp(logPoisson) * absorbed
            absorbed += mass[1] * pDown
            for k in 0...(highest + 1) { next[k] = 0 }
            for k in 1...highest where mass[k] != 0 {
                if k > 1 { next[k - 1] += mass[k] * pDown }
                next[k + 1] += mass[k] * pUp
            }
            swap(&mass, &next)
            highest = min(width - 2, highest + 1)
        }
        // Poisson tail beyond `steps`: absorbed probability there is at most `absorbed`.
        return min(1, result + max(0, 1 - cumulativePoisson(mean: mean, upTo: steps)) * absorbed)
    }

    static func cumulativePoisson(mean: Double, upTo m: Int) -> Double {
        var logP = -mean
        var sum = exp(-mean)
        if m > 0 {
            for k in 1...m {
                logP += log(mean) - log(Double(k))
                sum += exp(logP)
            }
        }
        return sum
    }
}
