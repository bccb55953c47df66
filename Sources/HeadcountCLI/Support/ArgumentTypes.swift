import ArgumentParser
import CallData

extension TimeSpan: ExpressibleByArgument {
    /// Accepts `90s`, `15m`, `1h30m`, `7d` or a bare number of seconds.
    public init?(argument: String) { self.init(parsing: argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}

/// How a command prints a result on stdout.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json, table
}

/// Options naming the planning time zone.
struct TimeZoneOption: ParsableArguments {
    @Option(
        name: .customLong("timezone"),
        help: "IANA planning time zone (e.g. Europe/Berlin); naive timestamps are wall-clock time there.")
    var identifier: String = "UTC"

    func zone() throws -> PlanningTimeZone {
        guard let zone = PlanningTimeZone(identifier: identifier) else {
            throw UsageError("unknown time zone '\(identifier)'; expected an IANA name like Europe/Berlin or UTC")
        }
        return zone
    }
}

/// Checks that an interval length divides a day (5, 6, 10, 15, 30, 60 minutes, …).
func validateInterval(_ span: TimeSpan, option: String = "--interval") throws {
    guard span.seconds > 0, 86_400 % span.seconds == 0 else {
        throw ValidationError("\(option) \(span) does not divide 24 hours; expected e.g. 5m, 15m, 30m or 1h")
    }
}
