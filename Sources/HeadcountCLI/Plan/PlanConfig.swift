import CallData

/// A nightly plan configuration (`plan.toml`): the queues to plan and the run's own settings.
///
/// *Postconditions*: queue names are unique; `maxParallelQueues ≥ 1`.
struct PlanConfig: Sendable {
    /// The config file as given on the command line.
    var path: String
    /// SHA-256 of the config file's bytes (recorded in the summary; shards must agree on it).
    var sha256: String
    /// The zone whose calendar decides the default run date ("today").
    var timeZone: PlanningTimeZone
    /// At most this many queues are planned at once, each in its own process (default: the cores).
    var maxParallelQueues: Int
    var queues: [QueuePlanConfig]
}
