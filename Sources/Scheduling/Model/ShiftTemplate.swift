/// A kind of shift an agent can work: its length, the grid its starts sit on, the day window it
/// must fit in, its cost, and its breaks.
public struct ShiftTemplate: Equatable, Sendable {
    /// A break rule: `length` seconds, paid or not, starting between `window` seconds after the shift starts.
    public struct BreakRule: Equatable, Sendable {
        public var lengthSeconds: Int
        public var paid: Bool
        /// Earliest and latest break start, seconds after the shift start.
        public var window: ClosedRange<Int>

        public init(lengthSeconds: Int, paid: Bool, window: ClosedRange<Int>) {
            self.lengthSeconds = lengthSeconds
            self.paid = paid
            self.window = window
        }
    }

    /// Unique name.
    public var name: String
    /// Length from start to end, seconds.
    public var lengthSeconds: Int
    /// Starts are multiples of this from local midnight.
    public var startStepSeconds: Int
    /// Earliest start, seconds after local midnight; `nil` = the day's first requirement interval.
    public var earliestStart: Int?
    /// Latest end, seconds after local midnight; `nil` = the end of the day's last requirement interval.
    public var latestEnd: Int?
    /// Cost per paid hour.
    public var costPerHour: Double
    /// Breaks placed by the optimiser within their windows.
    public var breaks: [BreakRule]

    public init(
        name: String, lengthSeconds: Int, startStepSeconds: Int, earliestStart: Int? = nil, latestEnd: Int? = nil,
        costPerHour: Double = 1, breaks: [BreakRule] = []
    ) {
        self.name = name
        self.lengthSeconds = lengthSeconds
        self.startStepSeconds = startStepSeconds
        self.earliestStart = earliestStart
        self.latestEnd = latestEnd
        self.costPerHour = costPerHour
        self.breaks = breaks
    }

    /// Paid hours: length minus unpaid breaks.
    public var paidHours: Double {
        Double(lengthSeconds - breaks.filter { !$0.paid }.reduce(0) { $0 + $1.lengthSeconds }) / 3600
    }

    /// What makes the template unusable, as an "expected …" phrase, or `nil` when it is consistent:
    /// a positive length of at most a day, a start step that divides a day, an earliest start before
    /// midnight and a latest end after it that leave room for the shift, a finite cost ≥ 0, and breaks
    /// shorter than the shift whose windows keep them inside it and that fit one after another in order.
    ///
    /// `ShiftFile` reports these with the line of the offending value; the planners skip a template
    /// built in code that fails them rather than divide by zero or form an empty range.
    public var problem: String? {
        guard lengthSeconds > 0, lengthSeconds <= 86_400 else { return "a shift length between 1s and 24h" }
        guard startStepSeconds > 0, startStepSeconds <= 86_400, 86_400 % startStepSeconds == 0 else {
            return "a start step that divides 24h"
        }
        if let e = earliestStart, !(0..<86_400).contains(e) { return "an earliest start from 00:00 to 23:59" }
        if let l = latestEnd, !(1...86_400).contains(l) { return "a latest end from 00:01 to 24:00" }
        if let l = latestEnd, (earliestStart ?? 0) + lengthSeconds > l {
            return "a latest end at least the shift length after the earliest start"
        }
        guard costPerHour.isFinite, costPerHour >= 0 else { return "a cost per hour ≥ 0" }
        var free = 0
        for b in breaks {
            guard b.lengthSeconds > 0, b.lengthSeconds < lengthSeconds else { return "breaks shorter than the shift" }
            guard b.window.lowerBound >= 0, b.window.upperBound <= lengthSeconds - b.lengthSeconds else {
                return "break windows that keep each break inside the shift"
            }
            let start = max(b.window.lowerBound, free)
            guard start <= b.window.upperBound else { return "breaks that fit one after another in their windows" }
            free = start + b.lengthSeconds
        }
        return nil
    }
}

/// An agent and their contract.
public struct Agent: Equatable, Sendable {
    /// Core staff or the on-demand pool of part-timers.
    public enum Pool: String, Sendable, CaseIterable {
        case core
        case onDemand = "on_demand"
    }

    public var id: String
    public var pool: Pool
    public var minHoursWeek: Double
    public var maxHoursWeek: Double
    public var maxDaysWeek: Int
    public var costPerHour: Double
    /// When the agent can work; `nil` = any time.
    public var availability: Availability?
    /// At least one of Saturday and Sunday off every ISO week.
    public var weekendDayOff: Bool
    /// Minimum rest between the end of one shift and the start of the next, hours; `nil` = the
    /// command's default (`--min-rest`, 11 h: EU Working Time Directive art. 3, ArbZG §5).
    public var minRestHours: Double?
    /// Most days worked in a row, across week boundaries; `nil` = no limit beyond `maxDaysWeek`.
    public var maxConsecutiveDays: Int?
    /// Overtime hours a week on top of `maxHoursWeek` that a recovery (`callout`) may ask for;
    /// `nil` = the command's default.
    public var overtimeMaxHoursWeek: Double?

    public init(
        id: String, pool: Pool, minHoursWeek: Double, maxHoursWeek: Double, maxDaysWeek: Int, costPerHour: Double,
        availability: Availability? = nil, weekendDayOff: Bool = false, minRestHours: Double? = nil,
        maxConsecutiveDays: Int? = nil, overtimeMaxHoursWeek: Double? = nil
    ) {
        self.id = id
        self.pool = pool
        self.minHoursWeek = minHoursWeek
        self.maxHoursWeek = maxHoursWeek
        self.maxDaysWeek = maxDaysWeek
        self.costPerHour = costPerHour
        self.availability = availability
        self.weekendDayOff = weekendDayOff
        self.minRestHours = minRestHours
        self.maxConsecutiveDays = maxConsecutiveDays
        self.overtimeMaxHoursWeek = overtimeMaxHoursWeek
    }
}

/// Weekly availability windows, e.g. `Mon-Fri 07:00-15:00;Sat 09:00-13:00`.
public struct Availability: Equatable, Sendable {
    /// Windows per ISO weekday (1 = Monday), seconds after local midnight, end exclusive.
    public var windows: [Int: [Range<Int>]]

    public init(windows: [Int: [Range<Int>]]) { self.windows = windows }

    /// Parses `Mon-Fri 07:00-15:00;Sat 09:00-13:00` (day ranges or lists like `Mon,Wed`; `24:00` allowed).
    /// Returns `nil` when malformed.
    public init?(parsing text: String) {
        let names = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]
        var windows: [Int: [Range<Int>]] = [:]
        for part in text.split(separator: ";") {
            let pieces = part.split(separator: " ", omittingEmptySubsequences: true)
            guard pieces.count == 2 else { return nil }
            var days: [Int] = []
            for token in pieces[0].split(separator: ",") {
                let ends = token.split(separator: "-").map { names[$0.lowercased()] }
                guard !ends.isEmpty, ends.allSatisfy({ $0 != nil }) else { return nil }
                if ends.count == 1 {
                    days.append(ends[0]!)
                } else if ends.count == 2, ends[0]! <= ends[1]! {
                    days += Array(ends[0]!...ends[1]!)
                } else {
                    return nil
                }
            }
            let times = pieces[1].split(separator: "-")
            guard times.count == 2, let a = Self.clock(times[0]), let b = Self.clock(times[1]), a < b else {
                return nil
            }
            for d in days { windows[d, default: []].append(a..<b) }
        }
        guard !windows.isEmpty else { return nil }
        self.windows = windows
    }

    /// `HH:MM` to seconds after midnight (`24:00` allowed).
    static func clock<S: StringProtocol>(_ s: S) -> Int? {
        let p = s.split(separator: ":")
        guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0...24).contains(h), (0..<60).contains(m),
            h * 60 + m <= 1440
        else { return nil }
        return h * 3600 + m * 60
    }

    /// Whether `[start, end)` (seconds after midnight of a day with ISO weekday `weekday`) fits one window.
    public func allows(weekday: Int, start: Int, end: Int) -> Bool {
        windows[weekday]?.contains { $0.lowerBound <= start && end <= $0.upperBound } ?? false
    }
}
