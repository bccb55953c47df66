import CallData

/// A past (or ongoing) incident: a period whose calls are not ordinary demand.
///
/// Incidents are left out of every baseline fit (see `IncidentMask`) and are the training set
/// of the surge model (see `SurgeFitter`, `SurgeScaling`).
public struct Incident: Equatable, Sendable {
    /// UTC start (seconds since 1970).
    public var start: Int
    /// UTC end (exclusive); `nil` when open-ended (until the end of that local day).
    public var end: Int?
    /// A label for people (e.g. `fixed-line outage north`).
    public var label: String
    /// Customers affected, when known: the surge size scales with it.
    public var affectedCustomers: Double?
    /// Detection statistics (written by `incidents`, ignored when read back for fitting).
    public var peakRatio: Double?
    public var excessCalls: Double?

    /// An incident.
    public init(
        start: Int, end: Int?, label: String, affectedCustomers: Double? = nil, peakRatio: Double? = nil,
        excessCalls: Double? = nil
    ) {
        self.start = start
        self.end = end
        self.label = label
        self.affectedCustomers = affectedCustomers
        self.peakRatio = peakRatio
        self.excessCalls = excessCalls
    }

    /// Whether a UTC instant lies in the incident (`end` `nil`: up to the end of the local day of `start`).
    public func contains(_ utc: Int, utcOffset: Int) -> Bool {
        guard utc >= start else { return false }
        if let end { return utc < end }
        let startDay = CivilCalendar.floorDivide(start + utcOffset, 86_400)
        return CivilCalendar.floorDivide(utc + utcOffset, 86_400) == startDay
    }
}
