/// A weighted mean of several models' forecasts — forecast combination, which on call volumes
/// often beats its best member (Bates & Granger 1969; Taylor 2008). Equal weights by default.
public struct Combination: ForecastModel {
    /// The models averaged.
    public var members: [any ForecastModel]
    /// Their weights (non-negative, summing to 1).
    public var weights: [Double]
    public var name: String { members.map(\.name).joined(separator: "+") }

    /// A combination with the given weights (equal when omitted).
    public init(_ members: [any ForecastModel], weights: [Double]? = nil) {
        self.members = members
        let w = weights ?? [Double](repeating: 1, count: members.count)
        let total = w.reduce(0, +)
        self.weights = w.map { $0 / total }
    }

    public func forecast(_ history: DayGrid, targetDays: [Int], specialDays: SpecialDays) throws -> [[Double]] {
        let all = try members.map { try $0.forecast(history, targetDays: targetDays, specialDays: specialDays) }
        return targetDays.indices.map { t in
            (0..<history.slotsPerDay).map { s in zip(all, weights).reduce(0) { $0 + $1.0[t][s] * $1.1 } }
        }
    }
}

/// The models `--model` can name.
public enum ModelCatalog {
    /// Every single model, best-first by design, with the standard intraday profile.
    public static let all: [any ForecastModel] = all(profile: .standard)

    /// Every single model, the profile models using `profile`.
    public static func all(profile: IntradayProfile) -> [any ForecastModel] {
        [
            LevelProfile(profile: profile), RegressionProfile(profile: profile), SVDProfile(),
            DoubleSeasonalSmoothing(),
            WeeklyMean(), SeasonalNaive(),
        ]
    }

    /// Names accepted by `--model` (plus `auto`).
    public static var names: [String] { ["auto"] + all.map(\.name) }

    /// The model called `name` (`auto` included), the profile models using `profile`.
    public static func model(named name: String, profile: IntradayProfile = .standard) throws -> any ForecastModel {
        if name == "auto" { return AutoModel(profile: profile) }
        guard let m = all(profile: profile).first(where: { $0.name == name }) else {
            throw ForecastError.unknownModel(name, known: names)
        }
        return m
    }
}
