import ArgumentParser
import CallData

extension TimeSpan: ExpressibleByArgument {
    /// Accepts `90s`, `15m`, `1h30m`, `7d`, `2w`. A bare number is refused: `--interval 30` would
    /// otherwise mean 30 seconds to one planner and 30 minutes to another (units are required).
    public init?(argument: String) {
        let s = argument.trimmingWhitespace()
        guard !s.isEmpty, !s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        self.init(parsing: s)
    }
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
        help: """
            IANA planning time zone (e.g. Europe/Berlin): naive timestamps are wall-clock time there and \
            offsets must agree with it. Default: the input's own offsets, or naive local time when it has none.
            """)
    var identifier: String?

    /// The named zone, or `.fromData` (the input decides) when none was named.
    func zone() throws -> PlanningTimeZone {
        guard let identifier else { return .fromData }
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

/// Refuses an output path that names an input file or another output (same path or same file).
func checkOutputs(_ outputs: [String?], inputs: [String?]) throws {
    if let clash = OutputFiles.clash(outputs: outputs.compactMap { $0 }, inputs: inputs.compactMap { $0 }) {
        throw UsageError(
            "output '\(clash.output)' is the same file as '\(clash.other)'; expected a separate output path "
                + "(inputs are never overwritten)")
    }
}

/// Command-line checks made before argument parsing: every option at most once, and `help`
/// naming a known subcommand.
enum ArgumentChecks {
    /// Throws a usage error for a repeated option (`--horizon 7d --horizon 14d`): the parser
    /// would silently keep the last one.
    static func check(_ arguments: [String], subcommands: [String]) throws {
        var seen: [String: Int] = [:]
        for a in arguments {
            if a == "--" { break }
            guard a.hasPrefix("--"), a.count > 2 else { continue }
            let name = String(a.split(separator: "=", maxSplits: 1).first ?? Substring(a))
            seen[name, default: 0] += 1
            if seen[name] == 2 {
                throw UsageError("option \(name) is given more than once; expected each option at most once")
            }
        }
        if arguments.first == "help", arguments.count > 1, !subcommands.contains(arguments[1]) {
            throw UsageError(
                "unknown subcommand '\(arguments[1])'; expected one of \(subcommands.joined(separator: ", "))")
        }
    }
}
