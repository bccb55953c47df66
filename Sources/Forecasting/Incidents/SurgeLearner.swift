import CallData

/// Fits the surge shape of every known incident in every queue of a history.
///
/// For each incident and queue: the day's baseline comes from `DayBaseline` with all incident days
/// left out of the shape and the level read from the intervals before the incident (the neighbours'
/// level when those carry under a quarter of the day); the observations
/// are the intervals from one hour before the incident's start to its end (or the day's end); the
/// onset is profiled over the native intervals within one hour either side of the recorded start,
/// at half-interval steps. `SurgeFitter` does the fit with the weak prior.
public enum SurgeLearner {
    /// One fitted incident in one queue.
    public struct Result: Sendable {
        public var incident: Incident
        public var queue: String?
        public var fit: SurgeFit
    }

    /// Slots usable for the day's level: before the first incident slot only (a surge's tail outlasts the
    /// incident's recorded end and would lift the level, shortening the fitted half-life).
    static func tailFree(_ mask: [Bool]) -> [Bool] {
        guard let first = mask.firstIndex(of: true) else { return mask.map { _ in true } }
        return mask.indices.map { $0 < first }
    }

    /// Fits every incident × queue whose data show an excess; others are skipped.
    public static func fit(_ incidents: [Incident], history: IntervalHistory, prior: SurgePrior? = .weak) -> [Result] {
        var out: [Result] = []
        let iv = history.intervalSeconds
        let zone = history.timeZone
        for series in history.series {
            let grid = DayGrid(series: series, intervalSeconds: iv)
            let masked = IncidentMask.slots(grid: grid, incidents: incidents, zone: zone)
            let incidentDays = Set(masked.keys.map { grid.days[$0] })
            for incident in incidents {
                let off = zone.offset(atUTC: incident.start)
                let day = CivilCalendar.floorDivide(incident.start + off, 86_400)
                guard let k = grid.days.firstIndex(of: day), let mask = masked[k],
                    let b = DayBaseline(grid: grid, dayIndex: k, excluded: incidentDays, usable: tailFree(mask))
                else { continue }
                let e = b.expected
                var obs: [SurgeObservation] = []
                let end = incident.end ?? Int.max
                for s in 0..<grid.slotsPerDay where grid.present[k][s] {
                    let (first, second) = zone.utcCandidates(forWall: day * 86_400 + s * iv)
                    guard let utc = first ?? second else { continue }
                    guard utc >= incident.start - 3600, utc < end else { continue }
                    obs.append(SurgeObservation(start: utc, end: utc + iv, baseline: e[s], actual: grid.values[k][s]))
                }
                let step = max(60, iv / 2)
                let onsets = Array(stride(from: incident.start - 3600, through: incident.start + 3600, by: step))
                guard let fit = SurgeFitter.fit(obs, onsets: onsets, prior: prior) else { continue }
                out.append(Result(incident: incident, queue: series.queue, fit: fit))
            }
        }
        return out
    }
}
