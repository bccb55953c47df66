import CallData

/// The report's charts as inline SVG, written directly (no script, no external resource).
/// Coordinates carry one decimal; bars of one colour share one `<path>` so a 200-agent roster
/// stays small.
enum ReportCharts {
    static let width = 1080.0
    static let plotLeft = 48.0
    static let plotRight = 12.0

    static func n(_ x: Double) -> String { formatDecimal(x, places: 1) }

    /// Forecast with its prediction band after the recent history, on one open-hours axis.
    static func forecastChart(_ q: PlanRunData.Queue) -> String {
        let height = 230.0
        let top = 14.0
        let bottom = height - 26
        let walls = q.history.map(\.wall) + q.forecast.map(\.wall)
        guard
            let axis = TimeAxis(
                walls: walls, interval: q.intervalSeconds, left: plotLeft, width: width - plotLeft - plotRight)
        else { return "<p class=\"muted\">no forecast rows</p>" }
        let peak = max(1, (q.history.map(\.value) + q.forecast.map(\.upper)).max() ?? 1) * 1.05
        func y(_ v: Double) -> Double { bottom - (bottom - top) * v / peak }
        let step = q.intervalSeconds
        // Lines break where consecutive points are more than one interval apart (closed hours, days).
        func line(_ pts: [(Int, Double)]) -> String {
            var d = ""
            var previous: Int? = nil
            for (w, v) in pts {
                let mid = w + step / 2
                d += (previous.map { mid - $0 > step } ?? true ? "M" : "L") + n(axis.x(mid)) + " " + n(y(v))
                previous = mid
            }
            return d
        }
        var band = ""
        var run: [PlanRunData.ForecastPoint] = []
        func closeBand() {
            guard !run.isEmpty else { return }
            band += "M" + run.map { n(axis.x($0.wall + step / 2)) + " " + n(y($0.upper)) }.joined(separator: "L")
            band +=
                "L" + run.reversed().map { n(axis.x($0.wall + step / 2)) + " " + n(y($0.lower)) }.joined(separator: "L")
                + "Z"
            run = []
        }
        for p in q.forecast {
            if let last = run.last, p.wall - last.wall > step { closeBand() }
            run.append(p)
        }
        closeBand()
        var svg = svgOpen(height: height, label: "Forecast and history of calls for \(q.name)")
        svg += grid(axis, top: top, bottom: bottom, peak: peak, y: y)
        if let firstForecast = q.forecast.first {
            let x = axis.x(firstForecast.wall)
            svg += "<line x1=\"\(n(x))\" y1=\"\(n(top))\" x2=\"\(n(x))\" y2=\"\(n(bottom))\" class=\"now\"/>"
            svg += "<text x=\"\(n(x + 4))\" y=\"\(n(top + 10))\" class=\"lbl\">forecast →</text>"
        }
        svg += "<path d=\"\(band)\" class=\"band\"/>"
        svg += "<path d=\"\(line(q.history.map { ($0.wall, $0.value) }))\" class=\"hist\"/>"
        svg += "<path d=\"\(line(q.forecast.map { ($0.wall, $0.calls) }))\" class=\"fc\"/>"
        return svg + "</svg>"
    }

    /// Required vs scheduled agents per interval, and the net (scheduled − required) as bars:
    /// red where short, green where over.
    static func coverageChart(_ q: PlanRunData.Queue) -> String {
        let height = 250.0
        let top = 14.0
        let split = 150.0
        let bottom = height - 26
        guard
            let axis = TimeAxis(
                walls: q.coverage.map(\.wall), interval: q.intervalSeconds, left: plotLeft,
                width: width - plotLeft - plotRight)
        else { return "<p class=\"muted\">no coverage rows</p>" }
        let peak = Double(max(1, q.coverage.map { max($0.required, $0.scheduled) }.max() ?? 1)) * 1.08
        func y(_ v: Double) -> Double { split - (split - top) * v / peak }
        let netPeak = Double(max(1, q.coverage.map { abs($0.scheduled - $0.required) }.max() ?? 1))
        let zero = (split + 14 + bottom) / 2
        func yNet(_ v: Double) -> Double { zero - (bottom - split - 14) / 2 * v / netPeak }
        let step = q.intervalSeconds
        func steps(_ value: (PlanRunData.CoveragePoint) -> Int) -> String {
            var d = ""
            var previous: Int? = nil
            for p in q.coverage {
                let x0 = axis.x(p.wall)
                let x1 = axis.x(p.wall + step)
                let yv = n(y(Double(value(p))))
                d += (previous.map { p.wall - $0 > step } ?? true ? "M\(n(x0)) \(yv)" : "L\(n(x0)) \(yv)") + "H\(n(x1))"
                previous = p.wall
            }
            return d
        }
        var over = ""
        var under = ""
        let barWidth = max(0.6, axis.x(q.coverage[0].wall + step) - axis.x(q.coverage[0].wall) - 0.4)
        for p in q.coverage where p.scheduled != p.required {
            let x = n(axis.x(p.wall + step / 2))
            let seg = "M\(x) \(n(zero))V\(n(yNet(Double(p.scheduled - p.required))))"
            if p.scheduled > p.required { over += seg } else { under += seg }
        }
        var svg = svgOpen(height: height, label: "Required and scheduled agents for \(q.name)")
        svg += grid(axis, top: top, bottom: split, peak: peak, y: y)
        svg += "<path d=\"\(steps { $0.scheduled })\" class=\"sched\"/>"
        svg += "<path d=\"\(steps { $0.required })\" class=\"req\"/>"
        svg +=
            "<line x1=\"\(n(plotLeft))\" y1=\"\(n(zero))\" x2=\"\(n(width - plotRight))\" y2=\"\(n(zero))\" class=\"axis\"/>"
        svg += "<path d=\"\(over)\" class=\"over\" stroke-width=\"\(n(barWidth))\"/>"
        svg += "<path d=\"\(under)\" class=\"under\" stroke-width=\"\(n(barWidth))\"/>"
        svg += "<text x=\"4\" y=\"\(n(yNet(netPeak) + 4))\" class=\"lbl\">+\(Int(netPeak))</text>"
        svg += "<text x=\"4\" y=\"\(n(zero + 4))\" class=\"lbl\">0</text>"
        svg += "<text x=\"4\" y=\"\(n(yNet(-netPeak) + 4))\" class=\"lbl\">−\(Int(netPeak))</text>"
        return svg + "</svg>"
    }

    /// One small Gantt per day: a row per agent (sorted by start), the shift as a bar (core blue,
    /// on-demand orange), breaks as gaps.
    static func ganttCharts(_ q: PlanRunData.Queue) -> String {
        guard !q.shifts.isEmpty else { return "<p class=\"muted\">no shifts</p>" }
        let byDay = Dictionary(grouping: q.shifts, by: \.day)
        let walls = q.shifts.flatMap { [$0.start, $0.end - 1] }
        var out = "<div class=\"gantts\">"
        for day in byDay.keys.sorted() {
            let shifts = (byDay[day] ?? []).sorted { ($0.start, $0.end, $0.agent) < ($1.start, $1.end, $1.agent) }
            let panelWidth = 520.0
            let left = 6.0
            let plotWidth = panelWidth - 2 * left
            let rowHeight = min(6, max(1, 220 / Double(shifts.count)))
            let top = 18.0
            let height = top + rowHeight * Double(shifts.count) + 22
            // Shared open hours of the whole horizon, so the days line up.
            let dayStartWall = CivilCalendar.floorDivide(shifts[0].start, 86_400) * 86_400
            let sod = walls.map { $0 - CivilCalendar.floorDivide($0, 86_400) * 86_400 }
            let open = (sod.min() ?? 0) / 3600 * 3600
            let close = min(86_400, ((sod.max() ?? 86_399) / 3600 + 1) * 3600)
            func x(_ wall: Int) -> Double {
                left + Double(min(max(wall - dayStartWall, open), close) - open) / Double(max(close - open, 1))
                    * plotWidth
            }
            var core = ""
            var demand = ""
            var breaks = ""
            for (k, s) in shifts.enumerated() {
                let yy = n(top + rowHeight * (Double(k) + 0.5))
                let seg = "M\(n(x(s.start))) \(yy)H\(n(x(s.end)))"
                if s.onDemand { demand += seg } else { core += seg }
                for b in s.breaks { breaks += "M\(n(x(b.start))) \(yy)H\(n(x(b.end)))" }
            }
            let bar = n(max(0.8, rowHeight * 0.8))
            out +=
                "<figure class=\"gantt\"><svg viewBox=\"0 0 \(n(panelWidth)) \(n(height))\" role=\"img\" aria-label=\"Roster of \(escape(day))\">"
            out += "<text x=\"\(n(left))\" y=\"12\" class=\"ttl\">\(escape(day)) · \(shifts.count) shifts</text>"
            var hour = open
            while hour <= close {
                let hx = n(x(dayStartWall + hour))
                out += "<line x1=\"\(hx)\" y1=\"\(n(top))\" x2=\"\(hx)\" y2=\"\(n(height - 18))\" class=\"grid\"/>"
                if (hour / 3600) % 2 == 0 {
                    out +=
                        "<text x=\"\(hx)\" y=\"\(n(height - 6))\" class=\"lbl\" text-anchor=\"middle\">\(hour / 3600)</text>"
                }
                hour += 3600
            }
            out += "<path d=\"\(core)\" class=\"core\" stroke-width=\"\(bar)\"/>"
            out += "<path d=\"\(demand)\" class=\"ondemand\" stroke-width=\"\(bar)\"/>"
            out += "<path d=\"\(breaks)\" class=\"brk\" stroke-width=\"\(bar)\"/>"
            out += "</svg></figure>"
        }
        return out + "</div>"
    }

    static func svgOpen(height: Double, label: String) -> String {
        "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escape(label))\">"
    }

    /// Day separators with labels and a few horizontal value lines.
    static func grid(_ axis: TimeAxis, top: Double, bottom: Double, peak: Double, y: (Double) -> Double) -> String {
        var s = ""
        for k in 0...axis.days {
            let x = n(axis.dayStart(k))
            s += "<line x1=\"\(x)\" y1=\"\(n(top))\" x2=\"\(x)\" y2=\"\(n(bottom))\" class=\"grid\"/>"
            if k < axis.days, axis.dayWidth >= 34 {
                s +=
                    "<text x=\"\(n(axis.dayStart(k) + axis.dayWidth / 2))\" y=\"\(n(bottom + 14))\" class=\"lbl\" text-anchor=\"middle\">\(axis.dayWidth >= 60 ? axis.label(k) : String(axis.label(k).prefix(6)))</text>"
            }
        }
        let tick = niceStep(peak / 4)
        var v = 0.0
        while v <= peak {
            s +=
                "<line x1=\"\(n(plotLeft))\" y1=\"\(n(y(v)))\" x2=\"\(n(width - plotRight))\" y2=\"\(n(y(v)))\" class=\"grid\"/>"
            s +=
                "<text x=\"\(n(plotLeft - 4))\" y=\"\(n(y(v) + 4))\" class=\"lbl\" text-anchor=\"end\">\(formatDecimal(v, places: 1))</text>"
            v += tick
        }
        return s
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var p = 1.0
        while p * 10 <= raw { p *= 10 }
        while p > raw { p /= 10 }
        for m in [1.0, 2, 5, 10] where m * p >= raw { return m * p }
        return 10 * p
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
