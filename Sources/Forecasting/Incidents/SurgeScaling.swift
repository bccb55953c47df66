#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How surges scale with the number of affected customers, learnt across incidents of one queue:
/// peak excess rate and total excess calls per affected customer (geometric means, the model
/// `ln(peak) = ln(α) + ln(customers) + ε`), with the spread of `ε` across incidents, and the typical
/// shape (`SurgePrior.learnt`).
///
/// *Edge Cases*: no incident with `affected_customers` and a fit: `nil`. With one such incident the
/// spread is that fit's own standard error of `ln(peak)`.
public struct SurgeScaling: Equatable, Sendable {
    /// Peak excess calls per hour per affected customer.
    public var peakRatePerCustomer: Double
    /// Total excess calls per affected customer.
    public var excessPerCustomer: Double
    /// Standard deviation of `ln(peak rate)` around the scaling law.
    public var logSD: Double
    /// The typical shape (medians and spread of rise and half-life).
    public var shape: SurgePrior
    /// Incidents the scaling rests on.
    public var incidents: Int

    /// The scaling learnt from fitted incidents (of one queue).
    public init?(_ results: [SurgeLearner.Result]) {
        let usable = results.filter { ($0.incident.affectedCustomers ?? 0) > 0 && $0.fit.shape.peakRate > 0 }
        guard !usable.isEmpty, let shape = SurgePrior.learnt(from: usable.map(\.fit)) else { return nil }
        let logs = usable.map { log($0.fit.shape.peakRate / ($0.incident.affectedCustomers ?? 1)) }
        let totals = usable.map { log($0.fit.shape.totalExcess / ($0.incident.affectedCustomers ?? 1)) }
        let m = logs.reduce(0, +) / Double(logs.count)
        peakRatePerCustomer = exp(m)
        excessPerCustomer = exp(totals.reduce(0, +) / Double(totals.count))
        if logs.count > 1 {
            logSD = (logs.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(logs.count - 1)).squareRoot()
        } else {
            let f = usable[0].fit
            logSD = f.standardError { log(max($0.peakRate, 1e-12)) }
        }
        self.shape = shape
        incidents = usable.count
    }

    /// The surge expected for `customers` affected customers starting at `onset`.
    public func shape(customers: Double, onset: Int) -> SurgeShape {
        let rise = shape.riseHours
        return SurgeShape(onset: onset, amplitude: 1, riseHours: rise, halfLifeHours: shape.halfLifeHours)
            .withPeakRate(peakRatePerCustomer * customers)
    }
}
