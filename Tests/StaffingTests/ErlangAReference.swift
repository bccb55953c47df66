@testable import Staffing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Erlang A evaluation as it was before the incremental solver (commit 150359b), kept verbatim
/// as a test-only reference: Erlang B from scratch for every count, the whole queue tail summed in
/// one pass with its own loop (no partial sums, no remainder bounds, no stepped Erlang B). Agrees
/// with the 50-digit references to ~1e-14 (`ReferenceCaseTests` checked it before the change).
enum ErlangAReference {
    /// Metrics for `agents ≥ 1` on `load` with mean patience `patienceSeconds > 0`.
    static func metrics(agents n: Int, load: QueueLoad, patienceSeconds: Double, targetSeconds t: Double)
        -> QueueMetrics
    {
        metrics(
            agents: n, load: load, blocking: ErlangB.blocking(servers: n, traffic: load.trafficErlangs),
            patienceSeconds: patienceSeconds, targetSeconds: t)
    }

    /// Relative size below which tail weights are dropped (e⁻⁵⁰ ≈ 2e-22 of the largest weight).
    static let negligibleWeight = exp(-50.0)
    /// Tail weights are rescaled by this factor (and the running sums with them) before they overflow.
    static let rescale = 0x1p-600
    static let rescaleAbove = 0x1p600

    /// Metrics from a precomputed Erlang B value `blocking = B(n, a)`, so a solver stepping n
    /// pays O(queue tail) per count instead of O(√a + tail).
    ///
    /// One pass over the tail: the weights `w_j = Π λ/(nμ + iθ)` are built by multiplication
    /// (rescaled by 2⁻⁶⁰⁰ whenever they pass 2⁶⁰⁰, together with every running sum, so overloaded
    /// queues do not overflow), the metrics accumulate unnormalised and are divided by the total
    /// weight at the end. The incomplete-beta step terms are kept as mantissa · 2^exponent (their first
    /// term `(1 − x)^β` underflows for large n), so no state costs a logarithm or an exponential.
    static func metrics(
        agents n: Int, load: QueueLoad, blocking b: Double, patienceSeconds: Double, targetSeconds t: Double
    ) -> QueueMetrics {
        let a = load.trafficErlangs
        let lambda = load.arrivalRate
        guard lambda > 0 else { return .idle(agents: n) }
        let mu = 1 / load.ahtSeconds
        let theta = 1 / patienceSeconds
        let nmu = Double(n) * mu
        if b == 0 {  // B < 1e-308: nobody waits to any precision that matters
            return QueueMetrics(
                trafficErlangs: a, agents: n, waitProbability: 0, serviceLevel: 1, asaSeconds: 0,
                occupancy: a / Double(n), abandonRate: 0, stable: true)
        }
        // Incomplete beta I_x(j+1, β) by the downward-stepping recurrence, in logs for the step terms.
        let beta = nmu / theta + 1
        let hasThreshold = t > 0
        let logX = hasThreshold ? log(-expm1(-theta * t)) : -Double.infinity
        let log1mX = -theta * t
        var incompleteBeta = hasThreshold ? -expm1(-(nmu + theta) * t) : 0  // I_x(1, β)
        // T_k kept as mantissa · 2^exponent: log T_1 can be far below the smallest double while later
        // terms matter, and this avoids a log and an exp per tail state.
        let x = hasThreshold ? -expm1(-theta * t) : 0
        let logT1 = logX + beta * log1mX + log(beta)
        var stepExponent = hasThreshold && logT1.isFinite ? Int((logT1 / M_LN2).rounded(.down)) : 0
        var stepMantissa = hasThreshold && logT1.isFinite ? exp(logT1 - Double(stepExponent) * M_LN2) : 0
        // Unnormalised sums (relative to π_n · scale).
        var scale = 1.0  // current weight unit relative to π_n
        var w = 1.0  // w_j in the current unit
        var maxW = 1.0
        var sumW = 0.0
        var sumJW = 0.0
        var servedQueued = 0.0
        var answeredWithin = 0.0
        var waitServed = 0.0
        var pServed = 1.0  // Π r_i / (r_i + θ)
        var harmonic = 0.0  // Σ 1/(r_i + θ)
        var j = 0
        let cap = 20_000_000
        while true {
            let r = nmu + Double(j) * theta
            pServed *= r / (r + theta)
            harmonic += 1 / (r + theta)
            sumW += w
            sumJW += Double(j) * w
            servedQueued += w * pServed
            waitServed += w * pServed * harmonic
            if hasThreshold {
                answeredWithin += w * pServed * max(0, incompleteBeta)
                // I_x(k+1) = I_x(k) − T_k;  log T_{k+1} = log T_k + log x + log((k + β)/(k + 1)), k = j + 1.
                let k = Double(j + 1)
                incompleteBeta -= scalbn(stepMantissa, stepExponent)
                stepMantissa *= x * (k + beta) / (k + 1)
                if stepMantissa > 0x1p500 || (stepMantissa < 0x1p-500 && stepMantissa > 0) {
                    let e = Int(stepMantissa.exponent)
                    stepMantissa = scalbn(stepMantissa, -e)
                    stepExponent += e
                }
            }
            j += 1
            if j >= cap { break }
            let rate = nmu + Double(j) * theta
            w *= lambda / rate
            if w > maxW { maxW = w }
            if rate > lambda, w < maxW * negligibleWeight { break }
            if w > rescaleAbove {
                w *= rescale
                maxW *= rescale
                sumW *= rescale
                sumJW *= rescale
                servedQueued *= rescale
                answeredWithin *= rescale
                waitServed *= rescale
                scale *= rescale
            }
        }
        // States below n relative to π_n: 1/B − 1, in the current unit (underflows harmlessly when the tail dominates).
        let below = (1 / b - 1) * scale
        let z = below + sumW
        let pNoWait = below / z
        let pAnswered = pNoWait + servedQueued / z
        return QueueMetrics(
            trafficErlangs: a, agents: n, waitProbability: sumW / z,
            serviceLevel: pNoWait + answeredWithin / z,
            asaSeconds: pAnswered > 0 ? (waitServed / z) / pAnswered : 0,
            occupancy: a * pAnswered / Double(n), abandonRate: theta * (sumJW / z) / lambda, stable: true)
    }
}
