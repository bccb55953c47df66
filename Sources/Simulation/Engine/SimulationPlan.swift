import Staffing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A scenario compiled into flat, read-only arrays for the event loop: arrival rates and mean
/// handle times per (queue, interval), the next open interval, and every agent's on/off
/// transitions in time order.
struct SimulationPlan: Sendable {
    let queues: Int
    let intervals: Int
    let intervalLength: Double
    let horizon: Double
    let agents: Int
    /// Arrival rate per second after levers, `[queue × intervals + interval]`.
    let rate: [Double]
    /// Mean handle time, seconds, same layout (`1` where there is no demand).
    let aht: [Double]
    /// Smallest interval `≥ k` with a positive rate (or `intervals`), same layout.
    let nextOpen: [Int]
    /// Agent transitions sorted by (time, off before on, agent): time and `agent << 1 | on`.
    let transitionTimes: [Double]
    let transitionCodes: [Int]
    let lognormal: Bool
    let sigma: Double
    let shift: Double
    let patience: PatienceDistribution
    let target: Double
    let priorityShare: Double
    let redialProbability: Double
    let redialDelay: Double
    let initialQueue: [Int]
    /// Replayed first attempts per queue (inside the horizon), or `nil` for Poisson arrivals.
    let replay: [[Double]]?
    /// Probability a replayed call reaches agents (levers), per grid interval.
    let replayKeep: [Double]

    init(_ s: SimulationScenario) {
        queues = s.queues.count
        intervals = s.intervalCount
        intervalLength = Double(s.intervalSeconds)
        horizon = Double(s.intervalCount) * Double(s.intervalSeconds)
        var rate = [Double](repeating: 0, count: queues * intervals)
        var aht = [Double](repeating: 1, count: queues * intervals)
        for (q, queue) in s.queues.enumerated() {
            for d in queue.demand {
                rate[q * intervals + d.interval] =
                    s.levers(atInterval: d.interval).callsReachingAgents(d.calls) / Double(s.intervalSeconds)
                aht[q * intervals + d.interval] = d.ahtSeconds
            }
        }
        var nextOpen = [Int](repeating: intervals, count: queues * intervals)
        for q in 0..<queues {
            var next = intervals
            for k in stride(from: intervals - 1, through: 0, by: -1) {
                if rate[q * intervals + k] > 0 { next = k }
                nextOpen[q * intervals + k] = next
            }
        }
        self.rate = rate
        self.aht = aht
        self.nextOpen = nextOpen
        // Merge each agent's spans (clipped at 0) so that touching spans do not flicker off/on.
        var byAgent = [[(Double, Double)]](repeating: [], count: s.agentCount)
        for d in s.duty where d.end > max(0, d.start) { byAgent[d.agent].append((max(0, d.start), d.end)) }
        var transitions: [(time: Double, code: Int)] = []
        for (a, spans) in byAgent.enumerated() {
            var merged: [(Double, Double)] = []
            for span in spans.sorted(by: { $0.0 < $1.0 }) {
                if let last = merged.last, span.0 <= last.1 {
                    merged[merged.count - 1].1 = max(last.1, span.1)
                } else {
                    merged.append(span)
                }
            }
            for (start, end) in merged {
                transitions.append((start, a << 1 | 1))
                transitions.append((end, a << 1))
            }
        }
        transitions.sort { ($0.time, $0.code & 1, $0.code) < ($1.time, $1.code & 1, $1.code) }
        var agents = s.agentCount
        if let share = s.answeringShare, share.contains(where: { $0 != 1 }) {
            (transitions, agents) = Self.answering(
                transitions, share: share, intervalLength: Double(s.intervalSeconds))
        }
        self.agents = agents
        transitionTimes = transitions.map(\.time)
        transitionCodes = transitions.map(\.code)
        lognormal = s.handleTime != .exponential
        (sigma, shift) = s.handleTime.lognormalParameters
        patience = s.patience
        target = s.targetSeconds
        priorityShare = s.priorityShare
        redialProbability = s.redial?.probability ?? 0
        redialDelay = s.redial?.meanDelaySeconds ?? 1
        // The initial queue, spread over queues by their first open interval's rate (largest remainder).
        let queues = self.queues
        let intervals = self.intervals
        let waiting = s.initialQueue
        var initial = [Int](repeating: 0, count: queues)
        if waiting > 0 {
            let weights = (0..<queues).map { q in
                let k = nextOpen[q * intervals]
                return k < intervals ? rate[q * intervals + k] : 0
            }
            let total = weights.reduce(0, +)
            let shares = weights.map { total > 0 ? $0 / total : 1 / Double(queues) }
            var given = 0
            for q in 0..<queues {
                initial[q] = Int((shares[q] * Double(waiting)).rounded(.down))
                given += initial[q]
            }
            let order = (0..<queues).sorted {
                let ra = shares[$0] * Double(waiting) - Double(initial[$0])
                let rb = shares[$1] * Double(waiting) - Double(initial[$1])
                return ra != rb ? ra > rb : $0 < $1
            }
            var k = 0
            while given < waiting {
                initial[order[k % queues]] += 1
                given += 1
                k += 1
            }
        }
        initialQueue = initial
        let horizon = self.horizon
        replay = s.replayedArrivals.map { lists in lists.map { $0.filter { $0 >= 0 && $0 < horizon } } }
        replayKeep = (0..<intervals).map { s.levers(atInterval: $0).callsReachingAgents(1) }
    }

    /// The agents on the phones when only a share of those on duty answer: at every moment
    /// `m(t) = ⌊n(t) × share(k(t))⌋`, where `n(t)` counts the roster's agents on duty and `k(t)` is
    /// the grid interval. Agent `j` of the result is on the phones while `m(t) > j` (a staircase
    /// of the step function `m`), so the pool's size follows the roster (shift starts and ends,
    /// breaks) and its interval's shrinkage exactly, with the same rounding as Erlang's promise of
    /// `⌊scheduled × (1 − shrinkage)⌋` agents.
    ///
    /// *Edge Cases*: names are not kept (agent `j` of the result is not agent `j` of the roster);
    /// an agent taken off the phones mid-call finishes that call first, as at a shift's end; times
    /// past the grid use the last interval's share.
    /// *Postconditions*: transitions sorted as the plan's are (time, off before on, agent); the
    /// agent count is `max m(t)`.
    static func answering(_ transitions: [(time: Double, code: Int)], share: [Double], intervalLength: Double)
        -> ([(time: Double, code: Int)], Int)
    {
        guard !share.isEmpty else { return (transitions, 0) }
        // The moments m may change: every roster transition and every interval boundary.
        var times = transitions.map(\.time)
        times += (1..<share.count).map { Double($0) * intervalLength }
        times.sort()
        var out: [(time: Double, code: Int)] = []
        var onDuty = 0
        var answering = 0
        var most = 0
        var next = 0
        var previous = -Double.infinity
        for t in times where t != previous {
            previous = t
            while next < transitions.count, transitions[next].time <= t {
                onDuty += transitions[next].code & 1 == 1 ? 1 : -1
                next += 1
            }
            let x = t / intervalLength  // finite and ≥ 0: duty is clipped at 0 and checked finite
            let k = x >= Double(share.count - 1) ? share.count - 1 : max(0, Int(x.rounded(.down)))
            let target = Int((Double(max(0, onDuty)) * share[k]).rounded(.down))
            if target > answering {
                for j in answering..<target { out.append((t, j << 1 | 1)) }
            } else if target < answering {
                for j in target..<answering { out.append((t, j << 1)) }
            }
            answering = target
            most = max(most, answering)
        }
        out.sort { ($0.time, $0.code & 1, $0.code) < ($1.time, $1.code & 1, $1.code) }
        return (out, most)
    }
}
