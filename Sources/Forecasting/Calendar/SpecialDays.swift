import CallData

/// A date that is not an ordinary day: `closed` (forecast nothing), `holiday` or `event`
/// (an effect learnt from past days with the same label, when history has them).
public struct SpecialDay: Equatable, Sendable {
    /// What kind of day it is.
    public enum Kind: String, Sendable, CaseIterable { case closed, holiday, event }
    /// Local day number (days since 1970-01-01).
    public var day: Int
    /// A label shared by recurrences (e.g. `christmas`, `black-friday`).
    public var label: String
    /// The kind.
    public var kind: Kind

    /// A special day.
    public init(day: Int, label: String, kind: Kind) {
        self.day = day
        self.label = label
        self.kind = kind
    }
}

/// Special days by local day number.
public struct SpecialDays: Sendable {
    /// The days, keyed by local day number.
    public var byDay: [Int: SpecialDay]
    /// The public-holiday calendar to keep besides these days (`HolidayInference`); resolved per history by
    /// `HolidayInference.resolve`, which every fit and backtest fold calls on its own training days.
    public var holidays: HolidayPolicy = .none

    /// No special days.
    public static let none = SpecialDays(byDay: [:])

    /// Special days from a list.
    public init(_ days: [SpecialDay]) { byDay = Dictionary(days.map { ($0.day, $0) }, uniquingKeysWith: { $1 }) }
    init(byDay: [Int: SpecialDay]) { self.byDay = byDay }

    /// Reads `date,label[,kind]` (kind `closed|holiday|event`, default `holiday`).
    /// - Throws: `CallDataError` with file, line and column.
    public static func read(path: String) throws(CallDataError) -> SpecialDays {
        var reader = try CSVReader(contentsOf: path)
        var header: [String]? = nil
        var days: [SpecialDay] = []
        var cDate = 0
        var cLabel = 1
        var cKind = -1
        let expected = "date, label, [kind]"
        do {
            try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                guard header != nil else {
                    let names = (0..<r.count).map { r.string($0).trimmingWhitespace() }
                    for (k, n) in names.enumerated() where !["date", "label", "kind"].contains(n) {
                        throw .unknownColumn(file: path, line: r.line, column: r.column(k), name: n, expected: expected)
                    }
                    guard let d = names.firstIndex(of: "date") else {
                        throw .missingColumn(file: path, line: r.line, name: "date", expected: expected)
                    }
                    guard let l = names.firstIndex(of: "label") else {
                        throw .missingColumn(file: path, line: r.line, name: "label", expected: expected)
                    }
                    cDate = d
                    cLabel = l
                    cKind = names.firstIndex(of: "kind") ?? -1
                    header = names
                    return
                }
                let fieldCount = header?.count ?? 0
                guard r.count == fieldCount else {
                    throw .fieldCount(file: path, line: r.line, expected: fieldCount, found: r.count)
                }
                let text = r.string(cDate).trimmingWhitespace()
                guard let day = Self.parseDate(text) else {
                    throw .badTimestamp(file: path, line: r.line, column: r.column(cDate), value: text)
                }
                guard day >= PlausibilityLimits.earliestDay, day <= PlausibilityLimits.latestDay else {
                    throw PlausibilityLimits.dateError(file: path, line: r.line, column: r.column(cDate), value: text)
                }
                var kind = SpecialDay.Kind.holiday
                if cKind >= 0 {
                    let k = r.string(cKind).trimmingWhitespace().lowercased()
                    if !k.isEmpty {
                        guard let parsed = SpecialDay.Kind(rawValue: k) else {
                            throw .unknownValue(
                                file: path, line: r.line, column: r.column(cKind), what: "kind", value: k,
                                expected: "closed, holiday or event")
                        }
                        kind = parsed
                    }
                }
                let label = try FieldReader(file: path).text(r, cLabel, what: "label")
                days.append(SpecialDay(day: day, label: label, kind: kind))
            }
        } catch {
            throw error.callDataError
        }
        if header == nil { throw .emptyFile(file: path) }
        return SpecialDays(days)
    }

    /// Whether `day` is the first working day after a closure: walking back over the days on which the centre does
    /// not open (`opens` false: its weekend), at most a week, the first day on which it opens is a closed special day
    /// or `closed` (a history day without rows).
    ///
    /// *Edge Cases*: a closed special day on a weekday the centre never opens (a Saturday for a Mon–Fri centre) is
    /// not a closure; a day that is itself a closed special day follows nothing; with no opening day in the week
    /// before, `false`.
    package func followsClosure(_ day: Int, opens: (Int) -> Bool, closed: (Int) -> Bool = { _ in false }) -> Bool {
        guard byDay[day]?.kind != .closed else { return false }
        var previous = day - 1
        while previous > day - 7, !opens(previous) { previous -= 1 }
        return opens(previous) && (byDay[previous]?.kind == .closed || closed(previous))
    }

    /// `YYYY-MM-DD` to a day number.
    static func parseDate(_ s: String) -> Int? {
        guard let t = WrittenTimestamp.parse(s + "T00:00") else { return nil }
        return CivilCalendar.floorDivide(t.wallSeconds, 86_400)
    }
}
