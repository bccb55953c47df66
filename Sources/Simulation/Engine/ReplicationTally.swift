/// What one replication counted: per interval and queue, and per interval for the agent pool.
///
/// Calls are counted in the interval they arrived in (as `Staffing` defines its metrics per
/// offered call); agent time in the interval it was spent in.
public struct ReplicationTally: Sendable {
    /// Fields per (interval, queue) cell, in this order.
    @usableFromInline static let fields = 7
    @usableFromInline static let offered = 0
    @usableFromInline static let answered = 1
    @usableFromInline static let answeredWithin = 2
    @usableFromInline static let abandoned = 3
    @usableFromInline static let waitAnswered = 4
    @usableFromInline static let redials = 5
    @usableFromInline static let unresolved = 6

    /// `cells[(interval × queues + queue) × fields + field]`.
    @usableFromInline var cells: [Double]
    /// `pool[interval × 2]`: busy agent-seconds; `pool[interval × 2 + 1]`: staffed agent-seconds
    /// (on duty, or finishing a call after going off duty).
    @usableFromInline var pool: [Double]
    /// Calls simulated (arrivals, redials and the initial queue).
    public internal(set) var calls: Int

    /// Busy agent-seconds in grid interval `k`.
    public func busySeconds(interval k: Int) -> Double { pool[k * 2] }
    /// Staffed agent-seconds in grid interval `k`.
    public func staffedSeconds(interval k: Int) -> Double { pool[k * 2 + 1] }

    init(intervals: Int, queues: Int) {
        cells = [Double](repeating: 0, count: intervals * queues * Self.fields)
        pool = [Double](repeating: 0, count: intervals * 2)
        calls = 0
    }
}
