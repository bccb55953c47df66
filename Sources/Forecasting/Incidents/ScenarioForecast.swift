/// Adds a `SurgeScenario`'s surge on top of baseline forecasts.
///
/// Each row from the scenario's start gets the surge's exact excess over its interval. Prediction
/// intervals are widened in quadrature by the surge's uncertainty: the Poisson noise of the excess
/// calls and, when sized by affected customers, the scaling law's spread (`logSD`, delta method:
/// SD of the excess ≈ excess × logSD). Half-widths `h` become `√(h² + z²(x + (x·logSD)²))`.
///
/// *Postconditions*: rows before the start are unchanged; `lower ≤ calls ≤ upper`, `lower ≥ 0`.
public enum ScenarioForecast {
    /// The shape of the scenario's surge for one queue's forecast, and the log-SD of its size.
    public static func shape(
        _ scenario: SurgeScenario, forecast: QueueForecast, intervalSeconds: Int, scaling: SurgeScaling?
    ) throws(SurgeError) -> (SurgeShape, Double) {
        switch scenario.size {
        case .affectedCustomers(let n):
            guard let scaling else { throw .noScaling(queue: forecast.queue) }
            return (scaling.shape(customers: n, onset: scenario.start), scaling.logSD)
        case .peak(let m, let half, let ttp):
            let rise =
                ttp.map { SurgeShape.riseHours(timeToPeak: $0, halfLifeHours: half) } ?? SurgePrior.weak.riseHours
            let unit = SurgeShape(onset: scenario.start, amplitude: 1, riseHours: rise, halfLifeHours: half)
            let peakAt = scenario.start + Int((unit.timeToPeakHours * 3600).rounded())
            let row =
                forecast.rows.last { $0.start <= peakAt && peakAt < $0.start + intervalSeconds }
                ?? forecast.rows.first { $0.start >= scenario.start }
            let baseRate = (row?.calls ?? 0) * 3600 / Double(intervalSeconds)
            return (unit.withPeakRate((m - 1) * baseRate), 0)
        }
    }

    /// The forecasts with the scenario's surge added (only the scenario's queue when it names one).
    public static func apply(
        _ scenario: SurgeScenario, to forecasts: [QueueForecast], intervalSeconds: Int,
        scaling: [String: SurgeScaling], level: Double
    ) throws(SurgeError) -> [QueueForecast] {
        let z = IntervalModel.normalQuantile((1 + level) / 2)
        var out = forecasts
        for (q, f) in forecasts.enumerated() {
            if let name = scenario.queue, name != (f.queue ?? "all") { continue }
            let (shape, logSD) = try shape(
                scenario, forecast: f, intervalSeconds: intervalSeconds, scaling: scaling[f.queue ?? "all"])
            for (i, r) in f.rows.enumerated() where r.start + intervalSeconds > scenario.start {
                let x = shape.excess(from: r.start, to: r.start + intervalSeconds)
                guard x > 0 else { continue }
                let extra = z * z * (x + x * x * logSD * logSD)
                var row = r
                row.calls = r.calls + x
                row.upper = row.calls + ((r.upper - r.calls) * (r.upper - r.calls) + extra).squareRoot()
                row.lower = max(0, row.calls - ((r.calls - r.lower) * (r.calls - r.lower) + extra).squareRoot())
                out[q].rows[i] = row
            }
        }
        return out
    }
}
