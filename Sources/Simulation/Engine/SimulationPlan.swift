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
    /// Probability a replayed call reaches agents (levers).
    let replayKeep: Double

    init(_ s: SimulationScenario) {
        queues = s.queues.count
        intervals = s.intervalCount
        intervalLength = Double(s.intervalSeconds)
        horizon = Double(s.intervalCount) * Double(s.intervalSeconds)
        agents = s.agentCount
        var rate = [Double](repeating: 0, count: queues * intervals)
        var aht = [Double](repeating: 1, count: queues * intervals)
        for (q, queue) in s.queues.enumerated() {
            for d in queue.demand {
                rate[q * intervals + d.interval] = s.levers.callsReachingAgents(d.calls) / Double(s.intervalSeconds)
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
        var byAgent = [[(Double, Double)]](repeating: [], count: agents)
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
        replayKeep = s.levers.callsReachingAgents(1)
    }
}
