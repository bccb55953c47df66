import CallData

/// Maps local wall-clock times onto an x coordinate that shows only open hours: each calendar day
/// from `firstDay` gets an equal slice covering `[open, close)` seconds after midnight, so nights
/// take no room. Times outside the open hours are clamped to the day's slice.
struct TimeAxis {
    var firstDay: Int
    var days: Int
    var open: Int
    var close: Int
    var left: Double
    var width: Double

    /// The axis spanning every time in `walls` (each `+ interval` at the end).
    init?(walls: [Int], interval: Int, left: Double, width: Double) {
        guard let lo = walls.min(), let hi = walls.max() else { return nil }
        firstDay = CivilCalendar.floorDivide(lo, 86_400)
        days = CivilCalendar.floorDivide(hi, 86_400) - firstDay + 1
        var o = 86_400
        var c = 0
        for w in walls {
            let s = w - CivilCalendar.floorDivide(w, 86_400) * 86_400
            o = min(o, s)
            c = max(c, s + interval)
        }
        open = o
        close = max(min(c, 86_400), o + interval)
        self.left = left
        self.width = width
    }

    var dayWidth: Double { width / Double(max(days, 1)) }

    func x(_ wall: Int) -> Double {
        let day = CivilCalendar.floorDivide(wall, 86_400)
        let s = min(max(wall - day * 86_400, open), close)
        return left + Double(day - firstDay) * dayWidth + Double(s - open) / Double(close - open) * dayWidth
    }

    /// Where day `k` (0-based from `firstDay`) starts.
    func dayStart(_ k: Int) -> Double { left + Double(k) * dayWidth }

    /// `Mon 07 Apr` for day `k`.
    func label(_ k: Int) -> String {
        let d = firstDay + k
        let (_, m, day) = CivilCalendar.civilFromDays(d)
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = names[(CivilCalendar.isoWeekday(days: d) + 6) % 7]
        return "\(weekday) \(day < 10 ? "0" : "")\(day) \(months[(m - 1) % 12])"
    }
}
