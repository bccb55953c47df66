/// One interval seen during a surge: its span, the baseline expected without the surge and the
/// calls that came.
public struct SurgeObservation: Equatable, Sendable {
    /// UTC start and end (exclusive) of the interval.
    public var start: Int
    public var end: Int
    /// Calls expected without the incident (fitted without the incident itself).
    public var baseline: Double
    /// Calls observed.
    public var actual: Double

    /// An observation.
    public init(start: Int, end: Int, baseline: Double, actual: Double) {
        self.start = start
        self.end = end
        self.baseline = baseline
        self.actual = actual
    }
}
