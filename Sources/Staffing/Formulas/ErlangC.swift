#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Erlang C: the M/M/n queue with infinite patience (Erlang 1917; Koole 2013, §4.1).
///
/// With `a = λ·aht` Erlangs and `n > a` agents:
/// - `C(n, a) = n·B / (n − a(1 − B))` (probability of waiting, from Erlang B),
/// - `SL(t) = 1 − C·exp(−(n − a)·t / aht)`,
/// - `ASA = C·aht / (n − a)`, occupancy `a/n`.
///
/// For `n ≤ a` the queue is unstable: SL 0, ASA `.infinity`, P(wait) 1, occupancy still `a/n`.
public enum ErlangC {
    /// Metrics for `agents` on `load`, threshold `targetSeconds`.
    @inlinable
    public static func metrics(agents n: Int, load: QueueLoad, targetSeconds t: Double) -> QueueMetrics {
        let a = load.trafficErlangs
        return metrics(
            agents: n, traffic: a, blocking: ErlangB.blocking(servers: n, traffic: a),
            ahtSeconds: load.ahtSeconds, targetSeconds: t)
    }

    /// Metrics from a precomputed Erlang B value `blocking = B(n, a)` (lets the solver step n cheaply).
    @inlinable
    public static func metrics(
        agents n: Int, traffic a: Double, blocking b: Double, ahtSeconds aht: Double,
        targetSeconds t: Double
    ) -> QueueMetrics {
        if a <= 0 { return .idle(agents: n) }
        let nd = Double(n)
        let occupancy = a / nd
        guard nd > a else {
            return QueueMetrics(
                trafficErlangs: a, agents: n, waitProbability: 1, serviceLevel: 0, asaSeconds: .infinity,
                occupancy: occupancy, abandonRate: 0, stable: false)
        }
        let c = nd * b / (nd - a * (1 - b))
        let sl = 1 - c * exp(-(nd - a) * t / aht)
        let asa = c * aht / (nd - a)
        return QueueMetrics(
            trafficErlangs: a, agents: n, waitProbability: c, serviceLevel: sl, asaSeconds: asa,
            occupancy: occupancy, abandonRate: 0, stable: true)
    }
}
