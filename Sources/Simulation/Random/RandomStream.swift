import CallData

/// A reproducible stream of random numbers: xoshiro256++ (Blackman & Vigna 2021,
/// "Scrambled linear pseudorandom number generators", ACM TOMS 47(4)), seeded by SplitMix64.
///
/// **Independent streams.** Replication `r` of seed `s` starts from the state SplitMix64(`s`)
/// advanced by `r` applications of the generator's jump polynomial, each equivalent to 2¹²⁸
/// steps: streams cannot overlap within any feasible simulation, and replication `r` gives
/// the same numbers whichever thread or core runs it, in whatever order.
///
/// *Edge Cases*: every seed is valid (SplitMix64 never yields the all-zero state from four
/// consecutive outputs). *Postconditions*: `uniform()` is in the open interval (0, 1).
public struct RandomStream: Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// The stream of replication `replication` (0-based) for `seed`.
    public init(seed: UInt64, replication: Int) {
        var x = SplitMix64(seed: seed)
        s0 = x.next()
        s1 = x.next()
        s2 = x.next()
        s3 = x.next()
        for _ in 0..<max(0, replication) { jump() }
    }

    /// The next 64 random bits.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = (s0 &+ s3).rotatedLeft(23) &+ s0
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(45)
        return result
    }

    /// A uniform number in the open interval (0, 1) with 53 random bits.
    @inlinable @inline(__always)
    public mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// Advances the state by 2¹²⁸ steps (the published jump polynomial).
    public mutating func jump() {
        let polynomial: [UInt64] = [
            0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C,
        ]
        var t0: UInt64 = 0
        var t1: UInt64 = 0
        var t2: UInt64 = 0
        var t3: UInt64 = 0
        for word in polynomial {
            for b in 0..<64 {
                if word & (1 << UInt64(b)) != 0 {
                    t0 ^= s0
                    t1 ^= s1
                    t2 ^= s2
                    t3 ^= s3
                }
                _ = next()
            }
        }
        s0 = t0
        s1 = t1
        s2 = t2
        s3 = t3
    }
}

extension UInt64 {
    @inlinable @inline(__always)
    func rotatedLeft(_ k: UInt64) -> UInt64 { (self << k) | (self >> (64 &- k)) }
}
