import CallData

/// What an intraday reforecast is asked: the interval level and the prior on surge shapes.
public struct ReforecastRequest: Sendable {
    /// Prediction-interval level in (0, 1), used to widen bounds by the surge's uncertainty.
    public var level: Double
    /// Prior on surge rise and half-life (learnt from `--incidents`, else `SurgePrior.weak`).
    public var prior: SurgePrior

    /// A request.
    public init(level: Double = 0.9, prior: SurgePrior = .weak) {
        self.level = level
        self.prior = prior
    }
}

/// A surge found in today's actuals.
public struct SurgeAlert: Sendable {
    /// The queue (`nil`: the file had none).
    public var queue: String?
    /// The end of the last actual interval: when the surge was known.
    public var detectedAt: Int
    /// The fit of the excess seen so far.
    public var fit: SurgeFit
}

/// Updates the rest of a forecast's horizon from the actuals seen so far today.
///
/// Without a surge: a shrunk level update. The day runs `r = (A + 1)/(F + 1)` times the forecast so
/// far (`A`, `F`: actual and forecast calls of today's seen intervals); the rest of today is scaled
/// by `1 + w(r − 1)` with `w = s/(s + levelShrinkShare)`, `s` the share of today's forecast volume
/// already seen (the practitioners' ratio method, shrunk toward the forecast early in the day).
///
/// With a surge — every interval of the last 30 minutes above its upper bound and their sum at least
/// `1 + surgeMinimumExcess` times the forecast — the onset is the CUSUM change-point of the excess,
/// the level is updated from the intervals before it only, and `SurgeFitter` fits the surge to the
/// excess since onset with the prior; the rest of the horizon gets the projected excess, its bounds
/// widened by the fit's uncertainty (delta method) and the excess's count noise.
///
/// *Postconditions*: rows up to the last actual carry the actuals (bounds equal to them); the rows,
/// queues and their order are the forecast's.
public enum Reforecaster {
    /// Share of the day's volume at which the level update gets half weight (0.5: tuned on normal
    /// days of the bank data, BENCHMARKS.md "Surges").
    public static let levelShrinkShare = 0.5
    /// Minimum relative excess of the last 30 minutes for a surge (calls ×1.5; as `IncidentDetector`).
    public static let surgeMinimumExcess = 0.5
    /// The window the surge test looks at, in seconds.
    public static let surgeWindowSeconds = 1800

    /// Reforecasts every queue of `forecasts` from `actuals` (matched by queue name).
    public static func reforecast(
        _ forecasts: [QueueForecast], intervalSeconds iv: Int, actuals: IntervalHistory, request: ReforecastRequest
    ) -> (forecasts: [QueueForecast], alerts: [SurgeAlert]) {
        var byQueue: [String: [Int: Double]] = [:]
        for s in actuals.series {
            var m: [Int: Double] = [:]
            for r in s.records { m[r.start] = r.calls }
            byQueue[s.queue ?? "all"] = m
        }
        if actuals.series.count == 1, forecasts.count == 1, let only = actuals.series.first {
            byQueue[forecasts[0].queue ?? "all"] = byQueue[only.queue ?? "all"]
        }
        var alerts: [SurgeAlert] = []
        let out = forecasts.map { f -> QueueForecast in
            guard let seen = byQueue[f.queue ?? "all"] else { return f }
            let (g, alert) = reforecast(f, intervalSeconds: iv, actuals: seen, request: request)
            if let alert { alerts.append(alert) }
            return g
        }
        return (out, alerts)
    }

    /// One queue.
    static func reforecast(
        _ f: QueueForecast, intervalSeconds iv: Int, actuals: [Int: Double], request: ReforecastRequest
    )
        -> (QueueForecast, SurgeAlert?)
    {
        let rows = f.rows
        guard let lastIndex = rows.lastIndex(where: { actuals[$0.start] != nil }) else { return (f, nil) }
        let last = rows[lastIndex]
        let today = CivilCalendar.floorDivide(last.start + last.utcOffset, 86_400)
        func day(_ r: ForecastRow) -> Int { CivilCalendar.floorDivide(r.start + r.utcOffset, 86_400) }
        guard let firstSeen = rows.firstIndex(where: { day($0) == today && actuals[$0.start] != nil }) else {
            return (f, nil)
        }
        let seen = Array(firstSeen...lastIndex)
        let actual = seen.map { actuals[rows[$0].start] ?? 0 }
        let dayTotal = rows.filter { day($0) == today }.reduce(0.0) { $0 + $1.calls }

        func levelUpdate(_ idx: ArraySlice<Int>, _ act: ArraySlice<Double>) -> Double {
            let fs = idx.reduce(0.0) { $0 + rows[$1].calls }
            let a = act.reduce(0, +)
            guard dayTotal > 0 else { return 1 }
            let share = fs / dayTotal
            let w = share / (share + levelShrinkShare)
            return 1 + w * ((a + 1) / (fs + 1) - 1)
        }

        var out = f
        for (k, i) in seen.enumerated() {
            out.rows[i].calls = actual[k]
            out.rows[i].lower = actual[k]
            out.rows[i].upper = actual[k]
        }
        // Surge test on the last 30 minutes.
        let window = seen.indices.filter { rows[seen[$0]].start + iv > last.start + iv - surgeWindowSeconds }
        let wy = window.reduce(0.0) { $0 + actual[$1] }
        let wf = window.reduce(0.0) { $0 + rows[seen[$1]].calls }
        let surging =
            !window.isEmpty && wf > 0 && wy >= (1 + surgeMinimumExcess) * wf
            && window.allSatisfy { actual[$0] > rows[seen[$0]].upper }
        var alert: SurgeAlert? = nil
        var m = levelUpdate(seen[...], actual[...])
        var shape: SurgeFit? = nil
        if surging {
            // CUSUM onset: the suffix of today's seen intervals with the largest excess.
            var best = -Double.infinity
            var onset = seen.count - 1
            var suffix = 0.0
            for k in stride(from: seen.count - 1, through: 0, by: -1) {
                suffix += actual[k] - rows[seen[k]].calls * (1 + surgeMinimumExcess / 2)
                if suffix > best {
                    best = suffix
                    onset = k
                }
            }
            let pre = levelUpdate(seen[..<onset], actual[..<onset])
            let from = max(0, onset - 2)
            let obs = (from..<seen.count).map { k in
                SurgeObservation(
                    start: rows[seen[k]].start, end: rows[seen[k]].start + iv, baseline: pre * rows[seen[k]].calls,
                    actual: actual[k])
            }
            let t0 = rows[seen[max(0, onset - 1)]].start
            let t1 = rows[seen[min(seen.count - 1, onset + 1)]].start
            let onsets = Array(stride(from: t0, through: t1, by: max(60, iv / 2)))
            if let fit = SurgeFitter.fit(obs, onsets: onsets, prior: request.prior) {
                shape = fit
                m = pre
                alert = SurgeAlert(queue: f.queue, detectedAt: last.start + iv, fit: fit)
            }
        }
        let z = IntervalModel.normalQuantile((1 + request.level) / 2)
        for i in (lastIndex + 1)..<rows.count {
            var r = rows[i]
            if day(r) == today {
                r.calls *= m
                r.lower *= m
                r.upper *= m
            }
            if let fit = shape {
                let x = fit.shape.excess(from: r.start, to: r.start + iv)
                if x > 1e-9 {
                    let se = fit.standardError { $0.excess(from: r.start, to: r.start + iv) }
                    let extra = z * z * (x + se * se)
                    let hiW = r.upper - r.calls
                    let loW = r.calls - r.lower
                    r.calls += x
                    r.upper = r.calls + (hiW * hiW + extra).squareRoot()
                    r.lower = max(0, r.calls - (loW * loW + extra).squareRoot())
                }
            }
            out.rows[i] = r
        }
        return (out, alert)
    }
}
