/// Discrete-event simulation of a contact centre over a roster's horizon.
///
/// **Model.** Calls of each queue arrive as a non-homogeneous Poisson process whose rate is
/// constant within each interval (the forecast's calls after levers over the interval length),
/// generated exactly interval by interval (by memorylessness, an exponential gap that runs past
/// an interval's end is redrawn from that end at the next open interval's rate — equivalent to
/// Lewis–Shedler thinning with a piecewise-constant bound, without rejected candidates). Agents
/// go on and off duty exactly at the roster's times (shift starts and ends, breaks); an agent
/// going off finishes the call in hand first. Waiting calls are served first come first served
/// (the priority class, if any, ahead of the others, non-preemptively), from every queue by the
/// one pool of agents. Handle times are exponential or lognormal around the AHT of the call's
/// arrival interval; each caller hangs up when their patience runs out; a caller who hung up
/// calls again with the redial probability after an exponential delay. Calls waiting when the
/// last agent has gone either hang up at their deadline or, with infinite patience, stay
/// unresolved (offered, neither answered nor abandoned).
///
/// **Event list.** A min-max heap (swift-collections `Heap`) holds completions (one per busy
/// agent), redials and — with redials only — abandonment deadlines; a handled minimum is replaced
/// by the next event pushed (one sift instead of two). The next first attempt of each queue and
/// the roster's transitions (pre-sorted) are kept beside the heap and merged with it.
///
/// **Replications** use independent streams (`RandomStream(seed:replication:)`) and run
/// concurrently in a task group; results are combined in replication order, so the output does
/// not depend on the number of cores or the order in which replications finish.
public struct Simulator: Sendable {
    /// The scenario being simulated.
    public let scenario: SimulationScenario
    let plan: SimulationPlan

    /// A simulator for `scenario`.
    /// - Throws: `SimulationError.invalidParameter` for a parameter out of its domain.
    public init(_ scenario: SimulationScenario) throws(SimulationError) {
        try scenario.validate()
        self.scenario = scenario
        plan = SimulationPlan(scenario)
    }

    /// Runs replication `replication` of `seed` alone.
    public func replicate(_ replication: Int, seed: UInt64) -> ReplicationTally {
        replicate(stream: RandomStream(seed: seed, replication: replication))
    }

    func replicate(stream: RandomStream) -> ReplicationTally {
        var engine = ReplicationEngine(plan: plan, random: stream)
        return engine.run()
    }

    /// Runs `replications` replications, at most `maxConcurrency` at a time (default: one per
    /// core), and combines them in replication order.
    ///
    /// *Postconditions*: the result is identical for every `maxConcurrency ≥ 1`.
    public func run(replications: Int, seed: UInt64, maxConcurrency: Int? = nil) async -> SimulationResult {
        let count = max(1, replications)
        let width = max(1, min(count, maxConcurrency ?? ProcessorCount.active))
        var tallies = [ReplicationTally?](repeating: nil, count: count)
        // Replication r's stream is the seed's stream jumped r times; one jump per replication here.
        var cursor = RandomStream(seed: seed, replication: 0)
        await withTaskGroup(of: (Int, ReplicationTally).self) { group in
            var next = 0
            while next < width {
                let (r, stream) = (next, cursor)
                group.addTask { (r, self.replicate(stream: stream)) }
                cursor.jump()
                next += 1
            }
            while let (r, tally) = await group.next() {
                tallies[r] = tally
                if next < count {
                    let (r, stream) = (next, cursor)
                    group.addTask { (r, self.replicate(stream: stream)) }
                    cursor.jump()
                    next += 1
                }
            }
        }
        return SimulationResult(simulator: self, replications: tallies.compactMap { $0 })
    }
}
