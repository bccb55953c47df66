/// Levers that change during the day: from each step's UTC instant on, its levers apply (until
/// the next step); before the first step, the base levers apply.
///
/// Plain data so that a scenario (Forecasting) can switch levers on without Staffing depending on
/// Forecasting: the CLI builds the schedule.
///
/// *Edge Cases*: steps are kept sorted by instant; two steps at the same instant: the later wins.
public struct LeverSchedule: Equatable, Sendable {
    /// One change of levers.
    public struct Step: Equatable, Sendable {
        /// UTC instant (seconds since 1970) from which `levers` apply.
        public var from: Int
        /// The levers from then on.
        public var levers: LoadLevers

        /// A step.
        public init(from: Int, levers: LoadLevers) {
            self.from = from
            self.levers = levers
        }
    }

    /// Levers before the first step.
    public var base: LoadLevers
    /// Steps in time order.
    public private(set) var steps: [Step]

    /// A schedule.
    public init(base: LoadLevers = LoadLevers(), steps: [Step] = []) {
        self.base = base
        self.steps = steps.enumerated().sorted { ($0.element.from, $0.offset) < ($1.element.from, $1.offset) }
            .map(\.element)
    }

    /// The levers in force for an interval starting at `utc`.
    public func levers(at utc: Int) -> LoadLevers {
        steps.last { $0.from <= utc }?.levers ?? base
    }
}
