/// Erlang B `B(n, a)` at a moving agent count, stepped instead of recomputed (Erlang A's search
/// visits a handful of counts, mostly a few agents apart).
///
/// - Up: the forward recursion `B(k) = aB(k−1)/(k + aB(k−1))`, which contracts relative errors
///   (factor `k/(k + aB) < 1`), one division per agent, from the nearest known value below: the
///   current one or the lowest one computed so far (`floor`).
/// - Down: the inverted recursion `1/B(k−1) = (1/B(k) − 1)·a/k`, which multiplies the relative
///   error by `1/(1 − B(k))` per step; the product of those factors since the last fresh value is
///   tracked and may not pass `maxAmplification`.
/// - Otherwise, or when a jump is longer than a fresh computation costs (~20√a steps), a fresh
///   `ErlangB.blocking`, which becomes the new `floor` when it lies below it.
///
/// *Edge Cases*: B that underflowed to 0 or reached 1 is never stepped down (a fresh value is
/// computed instead).
///
/// *Postconditions*: `blocking` equals `ErlangB.blocking(servers: agents, traffic:)` to a relative
/// `maxAmplification` × its rounding (< 1e-14).
struct BlockingCursor {
    let traffic: Double
    private(set) var agents: Int
    private(set) var blocking: Double
    /// Relative-error growth accumulated by downward steps since the last fresh value.
    private var amplification = 1.0
    /// The lowest count whose value is known (fresh or stepped within the bound), to step up from.
    private var floor: (agents: Int, blocking: Double, amplification: Double)
    /// Largest tolerated error growth: 2⁶ × a few units of 1.1e-16 < 1e-14 relative, far below
    /// the solver's 1e-12 slack.
    static let maxAmplification = 64.0

    /// Starts at `agents` with a fresh `ErlangB.blocking`.
    init(agents: Int, traffic: Double) {
        self.traffic = traffic
        self.agents = agents
        self.blocking = ErlangB.blocking(servers: agents, traffic: traffic)
        floor = (agents, blocking, 1)
    }

    /// Cost of a fresh `ErlangB.blocking` at `n`, in recursion steps (its series and upward run).
    private func freshCost(_ n: Int) -> Int {
        traffic > 400 ? Int(20 * traffic.squareRoot()) + max(0, n - Int(traffic)) : n
    }

    /// Moves to `target ≥ 1` agents.
    mutating func move(to target: Int) {
        if target == agents { return }
        if target > agents {
            stepUp(from: (agents, blocking, amplification), to: target)
        } else {
            // Down: the cheaper of stepping down from here and up from the floor, else fresh.
            let upCost = target >= floor.agents ? target - floor.agents : Int.max
            let preferDown = agents - target <= upCost
            if preferDown, stepDown(to: target) {
            } else if upCost <= freshCost(target) {
                stepUp(from: floor, to: target)
            } else if preferDown || !stepDown(to: target) {
                agents = target
                blocking = ErlangB.blocking(servers: target, traffic: traffic)
                amplification = 1
            }
        }
        if agents < floor.agents { floor = (agents, blocking, amplification) }
    }

    private mutating func stepUp(from start: (agents: Int, blocking: Double, amplification: Double), to target: Int) {
        if target - start.agents > freshCost(target) {
            agents = target
            blocking = ErlangB.blocking(servers: target, traffic: traffic)
            amplification = 1
            return
        }
        var b = start.blocking
        var k = start.agents
        while k < target {
            k += 1
            b = traffic * b / (Double(k) + traffic * b)
        }
        agents = k
        blocking = b
        amplification = start.amplification
    }

    /// Steps down while the error growth stays within bounds; false (nothing changed) otherwise.
    private mutating func stepDown(to target: Int) -> Bool {
        var inverse = 1 / blocking
        var k = agents
        var amp = amplification
        while k > target {
            guard inverse > 1, inverse.isFinite else { return false }
            amp *= inverse / (inverse - 1)  // 1/(1 − B)
            if amp > Self.maxAmplification { return false }
            inverse = (inverse - 1) * traffic / Double(k)
            k -= 1
        }
        agents = k
        blocking = 1 / inverse
        amplification = amp
        return true
    }
}
