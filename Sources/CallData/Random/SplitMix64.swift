/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA): a tiny
/// fixed-seed generator. The roster search draws from it, the simulation seeds its xoshiro streams with it, and the
/// tests replay planted data from it — one implementation, so the same seed gives the same numbers everywhere.
///
/// *Edge Cases*: every seed is valid, 0 included. *Postconditions*: `uniform()` is in [0, 1); `below(n)` in `0..<n`
/// (`0` when `n ≤ 1`).
package struct SplitMix64: Sendable {
    /// The state: the seed plus the golden-ratio increment once per draw.
    package var state: UInt64

    package init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1): the top 53 bits of `next()`.
    package mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Uniform in `0..<n` by the remainder of `next()` (the bias, under 2⁻⁴⁰ for the small `n` used, is irrelevant).
    package mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}
