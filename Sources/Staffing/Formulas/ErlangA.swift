#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Erlang A: the M/M/n+M queue — Poisson arrivals, exponential service (mean `aht`),
/// exponential patience (mean `patience`), FCFS (Palm 1943; Garnett, Mandelbaum &
/// Reiman 2002; Mandelbaum & Zeltyn 2007).
///
/// **Stationary law.** A birth–death chain with birth rate λ and death rate kμ for k ≤ n,
/// nμ + (k − n)θ above (θ = 1/patience). Below n the weights are Poisson, summarised by
/// Erlang B: `Σ_{k≤n} π_k / π_n = 1/B(n, a)`. Above n, `π_{n+j}/π_n = Π_{i=1..j} λ/(nμ + iθ)`,
/// kept in logarithms so overloaded queues (n ≪ a) neither overflow nor underflow.
///
/// **Waiting.** A call that finds j others waiting moves up at rate `r_i = nμ + iθ` with
/// i calls ahead, and abandons at rate θ, independently. Its virtual wait
/// `V_j = Σ_{i=0..j} Exp(r_i)` has density `K_j e^{−nμv}(1 − e^{−θv})^j`, so
/// - `P(served | j) = Π_{i=0..j} r_i/(r_i + θ)`,
/// - `P(served, wait ≤ t | j) = P(served | j) · I_x(j + 1, nμ/θ + 1)` with `x = 1 − e^{−θt}`,
///   the regularised incomplete beta function, which obeys the all-positive recurrence
///   `I_x(k+1, b) = I_x(k, b) − x^k(1−x)^b / (k·B(k, b))` with `I_x(1, b) = 1 − (1−x)^b`.
/// No series alternates in sign, so results agree with 50-digit references to ~1e-14.
///
/// Metrics: P(wait) = Σ_{j≥0} π_{n+j}; abandon rate = θ·E[queue]/λ; service level = answered
/// within t over **all offered** calls; ASA = mean wait of answered calls; occupancy =
/// λ·P(answered)/(nμ). Stable for every n ≥ 1; as patience → ∞ it tends to Erlang C.
public enum ErlangA {
    /// Metrics for `agents ≥ 1` on `load` with mean patience `patienceSeconds > 0`.
    public static func metrics(agents n: Int, load: QueueLoad, patienceSeconds: Double, targetSeconds t: Double)
        -> QueueMetrics
    {
        let a = load.trafficErlangs
        let lambda = load.arrivalRate
        guard lambda > 0 else { return .idle(agents: n) }
        let mu = 1 / load.ahtSeconds
        let theta = 1 / patienceSeconds
        let nmu = Double(n) * mu
        let b = ErlangB.blocking(servers: n, traffic: a)
        if b == 0 {  // B < 1e-308: nobody waits to any precision that matters
            return QueueMetrics(
                trafficErlangs: a, agents: n, waitProbability: 0, serviceLevel: 1, asaSeconds: 0,
                occupancy: a / Double(n), abandonRate: 0, stable: true)
        }
        // Tail weights log w_j = Σ_{i=1..j} log(λ / (nμ + iθ)), j ≥ 0.
        var logW: [Double] = [0]
        var maxLog = 0.0
        var current = 0.0
        let logLambda = log(lambda)
        var j = 0
        let cap = 20_000_000
        while j < cap {
            j += 1
            let rate = nmu + Double(j) * theta
            current += logLambda - log(rate)
            logW.append(current)
            if current > maxLog { maxLog = current }
            if rate > lambda, current < maxLog - 50 { break }
        }
        var tailSum = 0.0
        for lw in logW { tailSum += exp(lw - maxLog) }
        let logBelow = log1p(-b) - log(b)  // log(1/B − 1): states k < n relative to π_n
        let logTail = maxLog + log(tailSum)
        let logZ =
            logBelow > logTail
            ? logBelow + log1p(exp(logTail - logBelow))
            : logTail + log1p(exp(logBelow - logTail))
        let pNoWait = exp(logBelow - logZ)

        // Incomplete beta I_x(j+1, β) by the downward-stepping recurrence, in logs for the step terms.
        let beta = nmu / theta + 1
        let hasThreshold = t > 0
        let logX = hasThreshold ? log(-expm1(-theta * t)) : -Double.infinity
        let log1mX = -theta * t
        var incompleteBeta = hasThreshold ? -expm1(-(nmu + theta) * t) : 0  // I_x(1, β)
        var logStep = logX + beta * log1mX + log(beta)  // log T_1
        var pWait = 0.0
        var meanQueue = 0.0
        var pServedQueued = 0.0
        var answeredWithin = 0.0
        var waitServed = 0.0
        var pServed = 1.0  // Π r_i / (r_i + θ)
        var harmonic = 0.0  // Σ 1/(r_i + θ)
        for (jj, lw) in logW.enumerated() {
            let pi = exp(lw - logZ)
            let r = nmu + Double(jj) * theta
            pServed *= r / (r + theta)
            harmonic += 1 / (r + theta)
            pWait += pi
            meanQueue += Double(jj) * pi
            pServedQueued += pi * pServed
            waitServed += pi * pServed * harmonic
            if hasThreshold {
                answeredWithin += pi * pServed * max(0, incompleteBeta)
                // I_x(k+1) = I_x(k) − T_k;  log T_{k+1} = log T_k + log x + log(k + β) − log(k + 1), k = jj + 1.
                let k = Double(jj + 1)
                incompleteBeta -= exp(logStep)
                logStep += logX + log(k + beta) - log(k + 1)
            }
        }
        let pAnswered = pNoWait + pServedQueued
        let abandon = theta * meanQueue / lambda
        return QueueMetrics(
            trafficErlangs: a, agents: n, waitProbability: pWait,
            serviceLevel: pNoWait + answeredWithin,
            asaSeconds: pAnswered > 0 ? waitServed / pAnswered : 0,
            occupancy: a * pAnswered / Double(n), abandonRate: abandon, stable: true)
    }
}
