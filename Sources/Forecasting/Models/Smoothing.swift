#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small robust-statistics helpers shared by the models.
enum Robust {
    /// Median of a non-empty array.
    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        let n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }

    /// Weighted median: the smallest value whose cumulative weight reaches half the total.
    static func weightedMedian(_ xs: [Double], weights: [Double]) -> Double {
        let order = xs.indices.sorted { xs[$0] < xs[$1] }
        let half = weights.reduce(0, +) / 2
        var cumulative = 0.0
        for k in order {
            cumulative += weights[k]
            if cumulative >= half { return xs[k] }
        }
        return xs[order.last!]
    }

    /// Gaussian kernel smoothing of a profile with standard deviation `sigma` slots, averaging
    /// only over slots with a positive value (closed hours neither receive nor give weight, so
    /// the first and last open slots are not pulled toward zero). Returns the input when `sigma < 0.5`.
    static func smooth(_ p: [Double], sigma: Double) -> [Double] {
        guard sigma >= 0.5, p.count > 2 else { return p }
        let radius = Int((3 * sigma).rounded(.up))
        let kernel = (-radius...radius).map { exp(-0.5 * pow(Double($0) / sigma, 2)) }
        return p.indices.map { i in
            guard p[i] > 0 else { return 0 }
            var acc = 0.0
            var weight = 0.0
            for (k, w) in kernel.enumerated() {
                let j = i + k - radius
                guard j >= 0, j < p.count, p[j] > 0 else { continue }
                acc += w * p[j]
                weight += w
            }
            return acc / weight
        }
    }
}
