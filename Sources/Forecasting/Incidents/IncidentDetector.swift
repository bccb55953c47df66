import CallData

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds candidate surges in history: runs of intervals whose calls exceed an out-of-sample
/// baseline far beyond count noise and beyond the intraday over-dispersion the series shows.
///
/// Algorithm, per queue and day:
/// 1. Baseline `E`: the shape from `DayBaseline` (same weekday in neighbouring weeks), the level from
///    the day itself — a low quantile (`levelQuantile`) of its 30-minute ratios calls/shape, divided by
///    the series' median ratio of that quantile to the median — so busy days and holidays, which lift
///    the whole day, are not incidents, while a surge covering most of the day does not hide itself.
/// 2. Intervals are summed into blocks of `blockSeconds` (30 minutes, or the history's interval if
///    longer); each block gets `z = (Y − E) / √(E + (σE)²)`, with `σ` the series' relative intraday
///    over-dispersion (robust: `1.4826·MAD` of `(Y − E)/E` over all blocks with `E ≥ 20`, minus
///    the Poisson part).
/// 3. A run starts at a block with `z ≥ startZ` and `Y/E ≥ 1 + minimumExcess` and continues while
///    `z ≥ continueZ`; runs of at least `minimumBlocks` blocks are incidents.
/// 4. The onset is refined to the native interval by the CUSUM change-point estimate (the suffix of
///    the preceding and first blocks with the largest excess over `E(1 + minimumExcess/2)`).
/// Queues' incidents that overlap are merged into one.
///
/// *Edge Cases*: days with no same-weekday neighbour within 8 weeks are skipped. A run must start
/// after the day's first open block: a day that is high from opening has no onset to see and is
/// indistinguishable from a busy morning (the bank data's 2003-05-01 and 2003-07-03), so a surge
/// already under way at opening is not detected.
public struct IncidentDetector: Sendable {
    /// Block z-score that starts a run (5: a one-sided Gaussian tail of 3·10⁻⁷ per block, i.e. well
    /// under one false start per 30 days × 28 blocks even with heavier tails; BENCHMARKS.md, "Surges").
    public var startZ = 5.0
    /// Block z-score that keeps a run going.
    public var continueZ = 2.0
    /// Minimum relative excess of the starting block (0.5: a surge is calls ×1.5 or more).
    public var minimumExcess = 0.5
    /// Blocks a run needs.
    public var minimumBlocks = 2
    /// Block length in seconds (30 minutes).
    public var blockSeconds = 1800
    /// Share-weighted quantile of the day's block ratios (calls / expected shape) its level is read
    /// from, de-biased by the series' median low-quantile-to-median ratio: 0.1 keeps the level honest
    /// while a surge covers up to 90 % of the day's volume (a surge only adds calls).
    public var levelQuantile = 0.1
    /// The day's level is capped at the neighbours' level times `exp(levelCapSD · σ_day)`, `σ_day` the
    /// series' robust day-to-day log spread (3: a one-sided 0.1 % tail of ordinary busy days).
    public var levelCapSD = 3.0

    /// A detector with the documented defaults.
    public init() {}

    /// One detected run in one queue.
    public struct Run: Equatable, Sendable {
        public var queue: String?
        public var start: Int
        public var end: Int
        public var peakRatio: Double
        public var excessCalls: Double
    }

    /// Detected incidents over all queues (overlaps merged), in time order.
    public func detect(_ history: IntervalHistory) -> [Incident] {
        let runs = history.series.flatMap { detectRuns(series: $0, history: history) }.sorted { $0.start < $1.start }
        var out: [Incident] = []
        for r in runs {
            if var last = out.last, let end = last.end, r.start < end {
                last.end = max(end, r.end)
                last.peakRatio = max(last.peakRatio ?? 0, r.peakRatio)
                last.excessCalls = (last.excessCalls ?? 0) + r.excessCalls
                if let q = r.queue, !last.label.contains(q) { last.label += " \(q)" }
                out[out.count - 1] = last
            } else {
                out.append(
                    Incident(
                        start: r.start, end: r.end, label: "detected" + (r.queue.map { " \($0)" } ?? ""),
                        peakRatio: r.peakRatio, excessCalls: r.excessCalls))
            }
        }
        return out
    }

    /// Detected runs of one queue.
    public func detectRuns(series: IntervalSeries, history: IntervalHistory) -> [Run] {
        // Pass 2 leaves pass 1's incident days out of every other day's shape (a surge on a neighbour
        // distorts its shares everywhere), which removes false alarms next to real incidents.
        let first = detectRuns(series: series, history: history, excluded: [])
        guard !first.isEmpty else { return first }
        let zone = history.timeZone
        let days = Set(first.map { CivilCalendar.floorDivide($0.start + zone.offset(atUTC: $0.start), 86_400) })
        return detectRuns(series: series, history: history, excluded: days)
    }

    func detectRuns(series: IntervalSeries, history: IntervalHistory, excluded: Set<Int>) -> [Run] {
        let grid = DayGrid(series: series, intervalSeconds: history.intervalSeconds)
        let iv = history.intervalSeconds
        let per = max(1, blockSeconds / iv)
        let blocks = (grid.slotsPerDay + per - 1) / per
        // Pass 1: shapes, block sums, the median and low-quantile levels of each day.
        struct Day {
            var shares: [Double]
            var yb: [Double]
            var pb: [Double]
            var median: Double
            var neighbourTotal: Double
            var low: Double
        }
        var daysData: [Day?] = []
        var rel: [Double] = []
        var inv: [Double] = []
        var lowToMedian: [Double] = []
        var dayLogs: [Double] = []
        for k in grid.days.indices {
            guard let b = DayBaseline(grid: grid, dayIndex: k, excluded: excluded) else {
                daysData.append(nil)
                continue
            }
            var yb = [Double](repeating: 0, count: blocks)
            var pb = [Double](repeating: 0, count: blocks)
            for s in 0..<grid.slotsPerDay {
                yb[s / per] += grid.values[k][s]
                pb[s / per] += b.shares[s]
            }
            guard let med = DayBaseline.level(values: yb, shares: pb, usable: nil),
                let low = DayBaseline.level(values: yb, shares: pb, usable: nil, quantile: levelQuantile), med > 0
            else {
                daysData.append(nil)
                continue
            }
            daysData.append(
                Day(shares: b.shares, yb: yb, pb: pb, median: med, neighbourTotal: b.neighbourTotal, low: low))
            if b.neighbourTotal > 0 { dayLogs.append(log(med / b.neighbourTotal)) }
            lowToMedian.append(low / med)
            for blk in 0..<blocks where pb[blk] * med >= 20 {
                let ye = pb[blk] * med
                rel.append((yb[blk] - ye) / ye)
                inv.append(1 / ye)
            }
        }
        let correction = max(1e-3, DayBaseline.median(lowToMedian))
        // Day-level spread: robust SD of ln(day level / neighbours' mean total).
        let centre = DayBaseline.median(dayLogs)
        let dayLogSD = 1.4826 * DayBaseline.median(dayLogs.map { abs($0 - centre) })
        let mad = 1.4826 * DayBaseline.median(rel.map { abs($0 - DayBaseline.median(rel)) })
        let sigma2 = max(0, mad * mad - DayBaseline.median(inv))
        var runs: [Run] = []
        for k in grid.days.indices {
            guard let d = daysData[k] else { continue }
            // Level: the low quantile, de-biased to a median on ordinary days (a surge only adds calls).
            // Capped at what day-level variation allows (exp(centre + levelCapSD·σ) × the neighbours' level):
            // a surge covering most of the day cannot lift the level further than an ordinary busy day.
            let cap = d.neighbourTotal > 0 ? d.neighbourTotal * exp(centre + levelCapSD * dayLogSD) : .infinity
            let level = min(d.low / correction, cap)
            let e = d.shares.map { $0 * level }
            let values = grid.values[k]
            let yb = d.yb
            let eb = d.pb.map { $0 * level }
            func z(_ i: Int) -> Double {
                let v = eb[i] + sigma2 * eb[i] * eb[i]
                return v > 0 ? (yb[i] - eb[i]) / v.squareRoot() : 0
            }
            // A run needs an onset: at least one ordinary open block before it on the same day.
            let firstOpen = (0..<blocks).first { eb[$0] > 0 } ?? blocks
            var i = firstOpen + 1
            while i < blocks {
                guard eb[i] > 0, z(i) >= startZ, yb[i] >= (1 + minimumExcess) * eb[i] else {
                    i += 1
                    continue
                }
                var j = i
                while j + 1 < blocks, eb[j + 1] > 0, z(j + 1) >= continueZ { j += 1 }
                if j - i + 1 >= minimumBlocks {
                    // CUSUM onset over the block before and the first block, at native slots.
                    let lo = max(0, (i - 1) * per)
                    let hi = min(grid.slotsPerDay, (i + 1) * per)
                    var bestSum = -Double.infinity
                    var onsetSlot = i * per
                    var suffix = 0.0
                    for s in stride(from: hi - 1, through: lo, by: -1) {
                        suffix += values[s] - e[s] * (1 + minimumExcess / 2)
                        if suffix > bestSum {
                            bestSum = suffix
                            onsetSlot = s
                        }
                    }
                    let endSlot = min(grid.slotsPerDay, (j + 1) * per)
                    var excess = 0.0
                    var peak = 0.0
                    for s in onsetSlot..<endSlot { excess += values[s] - e[s] }
                    for blk in i...j where eb[blk] > 0 { peak = max(peak, yb[blk] / eb[blk]) }
                    if let start = utc(grid.days[k], slot: onsetSlot, iv: iv, zone: history.timeZone),
                        let end = utc(grid.days[k], slot: endSlot, iv: iv, zone: history.timeZone)
                    {
                        runs.append(
                            Run(queue: series.queue, start: start, end: end, peakRatio: peak, excessCalls: excess))
                    }
                }
                i = j + 1
            }
        }
        return runs
    }

    /// UTC of a local day's slot (the first instant when the wall clock is ambiguous).
    func utc(_ day: Int, slot: Int, iv: Int, zone: PlanningTimeZone) -> Int? {
        let (first, second) = zone.utcCandidates(forWall: day * 86_400 + slot * iv)
        return first ?? second
    }
}
