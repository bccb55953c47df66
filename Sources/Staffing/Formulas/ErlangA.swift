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
/// built by multiplication and rescaled so overloaded queues (n ≪ a) neither overflow nor underflow.
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
        metrics(
            agents: n, load: load, blocking: ErlangB.blocking(servers: n, traffic: load.trafficErlangs),
            patienceSeconds: patienceSeconds, targetSeconds: t)
    }

    /// Metrics from a precomputed Erlang B value `blocking = B(n, a)`, so a solver stepping n
    /// pays O(queue tail) per count instead of O(√a + tail): one pass over the tail
    /// (`ErlangATail`, which the solver also runs part-way to screen agent counts).
    public static func metrics(
        agents n: Int, load: QueueLoad, blocking b: Double, patienceSeconds: Double, targetSeconds t: Double
    ) -> QueueMetrics {
        guard load.arrivalRate > 0 else { return .idle(agents: n) }
        var tail = ErlangATail(agents: n, load: load, blocking: b, patienceSeconds: patienceSeconds, targetSeconds: t)
        tail.advance { _ in false }
        return tail.metrics()
    }
}
