/// Erlang B `B(n, a)` at a moving agent count, stepped instead of recomputed (Erlang A's search
/// visits a handful of counts a few agents apart).
///
/// - Up: the forward recursion `B(k) = aB(k−1)/(k + aB(k−1))`, which contracts relative errors
///   (factor `k/(k + aB) < 1`), one division per agent; a jump longer than a fresh computation
///   (`ErlangB.blocking`, O(√a)) recomputes instead.
/// - Down: the inverted recursion `1/B(k−1) = (1/B(k) − 1)·a/k`, which multiplies the relative
///   error by `1/(1 − B(k))` per step, so it runs in double-double arithmetic (two-sum and
///   fused-multiply-add two-product; Dekker 1971) and the product of those factors is tracked:
///   once it would pass `maxAmplification` (deep below the load, where B → 1), the value is
///   recomputed from scratch.
///
/// *Postconditions*: `blocking` equals `ErlangB.blocking(servers: agents, traffic:)` to its
/// rounding (a few units in the last place).
struct BlockingCursor {
    let traffic: Double
    private(set) var agents: Int
    private(set) var blocking: Double
    /// Relative-error growth accumulated by downward steps since the last fresh value.
    private var amplification = 1.0
    /// Largest tolerated growth of the double-double error (2⁻¹⁰⁴ ≈ 5e-32) by downward steps:
    /// 2⁴⁰ keeps it below 6e-20 relative, so the value stays that of a fresh computation to its rounding.
    static let maxAmplification = 0x1p40

    /// Starts at `agents` with a fresh `ErlangB.blocking`.
    init(agents: Int, traffic: Double) {
        self.traffic = traffic
        self.agents = agents
        self.blocking = ErlangB.blocking(servers: agents, traffic: traffic)
    }

    /// Starts from a known `B(agents, traffic)`.
    init(agents: Int, traffic: Double, blocking: Double) {
        self.traffic = traffic
        self.agents = agents
        self.blocking = blocking
    }

    /// Cost of a fresh `ErlangB.blocking` in recursion steps (its series and upward run, ~20√a).
    private var freshCost: Int {
        traffic > 400 ? Int(20 * traffic.squareRoot()) + max(0, agents - Int(traffic)) : agents
    }

    /// Moves to `target ≥ 0` agents.
    mutating func move(to target: Int) {
        if target > agents {
            if target - agents > freshCost {
                refresh(target)
                return
            }
            var b = blocking
            var k = agents
            while k < target {
                k += 1
                b = traffic * b / (Double(k) + traffic * b)
            }
            agents = k
            blocking = b
        } else if target < agents {
            // 1/B in double-double (hi + lo): the inverted recursion amplifies the representation
            // error (~2⁻¹⁰⁴), not a double's rounding, so `maxAmplification` can be large.
            var hi = 1 / blocking
            var lo = (1.0).addingProduct(-hi, blocking) / blocking  // (1 − hi·B)/B, the rounding of 1/B
            var k = agents
            var amp = amplification
            while k > target {
                let b = 1 / hi
                guard b > 0, b < 1 else { break }
                amp /= 1 - b
                if amp > Self.maxAmplification { break }
                // t = (hi − 1) + lo, exactly (two-sum).
                let s = hi - 1
                let bv = s - hi
                let e = (hi - (s - bv)) + (-1 - bv) + lo
                let tHi = s + e
                let tLo = e - (tHi - s)
                // r = a/k in double-double.
                let inverseK = 1 / Double(k)
                let rHi = traffic * inverseK
                let rLo = traffic.addingProduct(-rHi, Double(k)) * inverseK
                // hi + lo = t · r (two-product).
                let pHi = tHi * rHi
                let pLo = (-pHi).addingProduct(tHi, rHi) + (tHi * rLo + tLo * rHi)
                hi = pHi + pLo
                lo = pLo - (hi - pHi)
                k -= 1
            }
            if k == target {
                agents = k
                blocking = 1 / (hi + lo)
                amplification = amp
            } else {
                refresh(target)
            }
        }
    }

    private mutating func refresh(_ target: Int) {
        agents = target
        blocking = ErlangB.blocking(servers: target, traffic: traffic)
        amplification = 1
    }
}
