import CallData

/// One concrete way to work a day: a template started at a given time with its breaks placed.
/// The columns of the covering programs.
public struct ShiftOption: Equatable, Sendable {
    /// Index of the requirement day.
    public var dayIndex: Int
    /// The template's name.
    public var template: String
    /// UTC start and end.
    public var start: Int
    public var end: Int
    /// UTC starts of its breaks (same order as the template's rules).
    public var breakStarts: [Int]
    public var breakLengths: [Int]
    /// Indices (into the day's intervals) the shift covers: inside the shift, not touching a break.
    public var covers: [Int]
    /// Paid hours and cost at the template's rate.
    public var paidHours: Double
    public var templateCostPerHour: Double
    /// Seconds after local midnight of start and end (end may exceed 86,400 for overnight shifts).
    public var wallStart: Int
    public var wallEnd: Int
}

/// Enumerates the shift options of each requirement day.
public enum ShiftOptions {
    /// Every start on each template's grid inside its window (default: the day's requirement rows),
    /// every break placement on the interval grid within the break windows; identical options
    /// (same start, end and breaks) keep the cheapest template — aggregation of identical shifts.
    /// Templates with a `problem` (possible only when built in code; `ShiftFile` refuses them) give no options.
    public static func enumerate(_ requirements: Requirements, templates: [ShiftTemplate]) -> [[ShiftOption]] {
        let iv = requirements.intervalSeconds
        let zone = requirements.timeZone
        return requirements.days.enumerated().map { (dayIndex, day) in
            guard let first = day.intervals.first, let last = day.intervals.last else { return [] }
            let firstWall = first.secondOfDay
            let lastEndWall = last.secondOfDay + iv
            var best: [String: ShiftOption] = [:]
            for t in templates where t.problem == nil {
                let earliest = t.earliestStart ?? firstWall
                let latestEnd = t.latestEnd ?? lastEndWall
                var wallStart = (earliest + t.startStepSeconds - 1) / t.startStepSeconds * t.startStepSeconds
                while wallStart + t.lengthSeconds <= latestEnd {
                    defer { wallStart += t.startStepSeconds }
                    guard let start = zone.utcCandidates(forWall: day.day * 86_400 + wallStart).first else { continue }
                    let end = start + t.lengthSeconds
                    for placement in breakPlacements(t.breaks, shiftStart: start, step: iv) {
                        let lengths = t.breaks.map(\.lengthSeconds)
                        let covers = day.intervals.indices.filter { i in
                            let s = day.intervals[i].start
                            guard s >= start, s + iv <= end else { return false }
                            return !zip(placement, lengths).contains { b, l in b < s + iv && s < b + l }
                        }
                        guard !covers.isEmpty else { continue }
                        let option = ShiftOption(
                            dayIndex: dayIndex, template: t.name, start: start, end: end, breakStarts: placement,
                            breakLengths: lengths, covers: covers, paidHours: t.paidHours,
                            templateCostPerHour: t.costPerHour, wallStart: wallStart,
                            wallEnd: wallStart + t.lengthSeconds)
                        let key = "\(start)-\(end)-\(placement)"
                        if let existing = best[key],
                            existing.paidHours * existing.templateCostPerHour <= option.paidHours
                                * option.templateCostPerHour
                        {
                            continue
                        }
                        best[key] = option
                    }
                }
            }
            return best.values.sorted {
                ($0.start, $0.end, $0.breakStarts.first ?? 0, $0.template) < (
                    $1.start, $1.end, $1.breakStarts.first ?? 0, $1.template
                )
            }
        }
    }

    /// All placements of the breaks: starts on the `step` grid within each window, in order, not overlapping.
    static func breakPlacements(_ rules: [ShiftTemplate.BreakRule], shiftStart: Int, step: Int) -> [[Int]] {
        var placements: [[Int]] = [[]]
        for rule in rules {
            var next: [[Int]] = []
            let lo = (rule.window.lowerBound + step - 1) / step * step
            for p in placements {
                var offset = lo
                while offset <= rule.window.upperBound {
                    let b = shiftStart + offset
                    // after the previous break ends
                    if let prev = p.last, b < prev + rules[p.count - 1].lengthSeconds {
                        offset += step
                        continue
                    }
                    next.append(p + [b])
                    offset += step
                }
            }
            placements = next
        }
        return placements
    }
}
