import CallData

/// Leaves incident periods out of a history before any model sees it, by replacing their calls
/// with the out-of-sample baseline (`DayBaseline`: same-weekday neighbours' shape, other incident
/// days excluded, at the level of the day's own incident-free slots).
///
/// Imputing rather than deleting keeps every model's weekly structure intact, so the models need no
/// change. AHT, answered, abandoned and service level of masked intervals are cleared, so the AHT
/// profile (weighted by answered calls) skips them too.
///
/// *Edge Cases*: a day without a same-weekday neighbour keeps its values (nothing to impute from);
/// an open-ended incident runs to the end of its local day.
public enum IncidentMask {
    /// The history with incident intervals imputed.
    public static func apply(_ incidents: [Incident], to history: IntervalHistory) -> IntervalHistory {
        guard !incidents.isEmpty else { return history }
        var out = history
        for (q, series) in history.series.enumerated() {
            let grid = DayGrid(series: series, intervalSeconds: history.intervalSeconds)
            let masked = slots(grid: grid, incidents: incidents, zone: history.timeZone)
            let incidentDays = Set(masked.keys.map { grid.days[$0] })
            var imputed: [Int: [Double]] = [:]
            for (k, mask) in masked {
                guard
                    let b = DayBaseline(
                        grid: grid, dayIndex: k, excluded: incidentDays, usable: mask.map { !$0 })
                else { continue }
                imputed[grid.days[k]] = b.expected
            }
            var records = series.records
            for i in records.indices {
                let r = records[i]
                guard let e = imputed[r.localDay],
                    incidents.contains(where: { $0.contains(r.start, utcOffset: r.utcOffset) })
                else { continue }
                let slot = r.secondOfDay / history.intervalSeconds
                guard slot < e.count else { continue }
                records[i].calls = e[slot]
                records[i].ahtSeconds = nil
                records[i].answered = nil
                records[i].abandoned = nil
                records[i].serviceLevel = nil
            }
            out.series[q].records = records
        }
        return out
    }

    /// Per day index of `grid` with any incident slot: which slots lie in an incident.
    static func slots(grid: DayGrid, incidents: [Incident], zone: PlanningTimeZone) -> [Int: [Bool]] {
        var out: [Int: [Bool]] = [:]
        let iv = grid.intervalSeconds
        for (k, day) in grid.days.enumerated() {
            let dayStart = day * 86_400
            let dayStartUTC = dayStart - zone.offset(atUTC: dayStart)
            // Quick reject: no incident touches this day (±1 day for offsets).
            guard
                incidents.contains(where: {
                    $0.start < dayStartUTC + 2 * 86_400 && ($0.end ?? ($0.start + 86_400)) > dayStartUTC - 86_400
                })
            else { continue }
            var mask = [Bool](repeating: false, count: grid.slotsPerDay)
            var any = false
            for s in 0..<grid.slotsPerDay {
                let (first, second) = zone.utcCandidates(forWall: dayStart + s * iv)
                guard let utc = first ?? second else { continue }
                let off = zone.offset(atUTC: utc)
                if incidents.contains(where: { $0.contains(utc, utcOffset: off) }) {
                    mask[s] = true
                    any = true
                }
            }
            if any { out[k] = mask }
        }
        return out
    }
}
