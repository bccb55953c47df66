#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How long a caller waits before hanging up.
///
/// - `infinite`: nobody abandons (Erlang C).
/// - `exponential(meanSeconds:)`: memoryless patience (Erlang A, Palm 1943).
/// - `empirical`: a step distribution on observed patience times (`atoms` with cumulative
///   probabilities `cumulative`), beyond the last atom an exponential tail with mean
///   `tailMeanSeconds` (the constant-hazard estimate); `kaplanMeier(waits:abandoned:)` builds it
///   from a call log, where answered calls' waits are right-censored patience observations
///   (Kaplan & Meier 1958; Brown et al. 2005 use the same estimator for call-centre patience).
public enum PatienceDistribution: Equatable, Sendable {
    case infinite
    case exponential(meanSeconds: Double)
    case empirical(atoms: [Double], cumulative: [Double], tailMeanSeconds: Double)

    /// Mean patience (`.infinity` when nobody abandons); Erlang A is evaluated with it.
    public var meanSeconds: Double {
        switch self {
        case .infinite: return .infinity
        case .exponential(let m): return m
        case .empirical(let atoms, let cumulative, let tail):
            var mean = 0.0
            var previous = 0.0
            for (x, c) in zip(atoms, cumulative) {
                mean += x * (c - previous)
                previous = c
            }
            let last = atoms.last ?? 0
            return mean + (1 - previous) * (last + tail)
        }
    }

    /// The Kaplan–Meier estimate from a call log: `waits[i]` is the wait of call `i`, an observed
    /// patience when `abandoned[i]`, a lower bound on it otherwise (the call was answered first).
    ///
    /// Survival `S(t) = Π_{t_k ≤ t} (1 − d_k / r_k)` over distinct abandonment times `t_k` with
    /// `d_k` abandonments and `r_k` calls still waiting. Mass left beyond the last abandonment
    /// (answered calls waited longer than anyone who hung up) gets an exponential tail with the
    /// constant-hazard MLE mean: total waiting time over abandonments.
    /// - Returns: `nil` when no call abandoned (patience cannot be estimated: use `infinite`).
    public static func kaplanMeier(waits: [Double], abandoned: [Bool]) -> PatienceDistribution? {
        let pairs = zip(waits, abandoned).filter { $0.0 >= 0 && $0.0.isFinite }.sorted { $0.0 < $1.0 }
        let events = pairs.filter(\.1).count
        guard events > 0 else { return nil }
        var atRisk = pairs.count
        var survival = 1.0
        var atoms: [Double] = []
        var cumulative: [Double] = []
        var k = 0
        while k < pairs.count {
            let t = pairs[k].0
            var died = 0
            var leaving = 0
            while k < pairs.count, pairs[k].0 == t {
                if pairs[k].1 { died += 1 }
                leaving += 1
                k += 1
            }
            if died > 0 {
                survival *= 1 - Double(died) / Double(atRisk)
                atoms.append(t)
                cumulative.append(1 - survival)
            }
            atRisk -= leaving
        }
        let exposure = pairs.reduce(0) { $0 + $1.0 }
        let tailMean = max(1, exposure / Double(events))
        return .empirical(atoms: atoms, cumulative: cumulative, tailMeanSeconds: tailMean)
    }
}
