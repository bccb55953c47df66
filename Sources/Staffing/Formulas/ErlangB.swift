#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Erlang B (loss) formula `B(n, a)`: the probability that an arrival to n servers
/// with offered traffic `a` Erlangs finds all busy when blocked calls are lost.
///
/// Computed without factorials or powers, so it is exact to rounding at any scale
/// (tested to 20,000 Erlangs):
/// - small `a` or `n`: the stable recursion `B(0)=1, B(k) = aB(k−1) / (k + aB(k−1))`
///   (Cooper, *Introduction to Queueing Theory*, §3.6);
/// - large `a`: start at `k₀ = ⌊a − 10√a⌋ < a`, where `1/B(k₀, a) = Σⱼ k₀!/((k₀−j)! aʲ)`
///   is a sum of geometrically falling terms (ratio < 1 − 10/√a), then run the recursion
///   upward. The recursion contracts below `a`, so the cost is O(√a + (n − a)) instead of O(n).
public enum ErlangB {
    /// `B(n, a)` for `n ≥ 0` servers and `a ≥ 0` Erlangs.
    @inlinable
    public static func blocking(servers n: Int, traffic a: Double) -> Double {
        if n == 0 { return 1 }
        if a <= 0 { return 0 }
        let start = a > 400 ? Int(a - 10 * a.squareRoot()) : 0
        if n <= start {
            return 1 / inverseBelowTraffic(servers: n, traffic: a)
        }
        var b = start == 0 ? 1.0 : 1 / inverseBelowTraffic(servers: start, traffic: a)
        var k = start
        while k < n {
            k += 1
            b = a * b / (Double(k) + a * b)
        }
        return b
    }

    /// `1/B(k, a) = Σ_{j=0}^{k} Π_{i<j} (k − i)/a` for `k < a`, summed until terms are negligible.
    @usableFromInline
    static func inverseBelowTraffic(servers k: Int, traffic a: Double) -> Double {
        var sum = 1.0
        var term = 1.0
        var j = 0
        while j < k {
            term *= Double(k - j) / a
            sum += term
            if term < 1e-17 * sum { break }
            j += 1
        }
        return sum
    }

    /// Steps `B(n−1, a)` to `B(n, a)`.
    @inlinable
    public static func next(_ previous: Double, servers n: Int, traffic a: Double) -> Double {
        a * previous / (Double(n) + a * previous)
    }
}
