import ArgumentParser
import CallData

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Entry point: parses, runs, and maps every failure to one stderr line and an exit status
/// (0 success, 1 bad input data, 2 bad usage, 3 infeasible request, 4 locked).
@main
enum Main {
    static func main() async {
        do {
            try ArgumentChecks.check(
                Array(CommandLine.arguments.dropFirst()),
                subcommands: Headcount.configuration.subcommands.map { $0.configuration.commandName ?? "" })
            var command = try Headcount.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(report(error))
        }
    }

    /// Prints the error (help text for `--help`/`--version`) and returns the exit status.
    static func report(_ error: any Error) -> Int32 {
        if let status = ExitStatus.of(error) {
            printError("headcount: \(error)")
            return status.rawValue
        }
        if Headcount.exitCode(for: error) == .success {
            Headcount.exit(withError: error)  // help or version: prints to stdout, exits 0
        }
        if error is CleanExit { Headcount.exit(withError: error) }
        var message = Headcount.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
        if let value = bareNumber(in: message) {
            message += "; expected a length with its unit, e.g. \(value)m, \(value)s or \(value)h"
        }
        printError("headcount: \(message) (see 'headcount help')")
        return ExitStatus.badUsage.rawValue
    }
}

/// Writes one line to standard error.
func printError(_ line: String) {
    var text = line
    if !text.hasSuffix("\n") { text += "\n" }
    text.withUTF8 { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
}

/// The number in a parser message like "The value '30' is invalid for '--interval <interval>'",
/// when the value was a bare number given to a length option.
func bareNumber(in message: String) -> String? {
    guard message.contains("is invalid for"), let open = message.firstIndex(of: "'") else { return nil }
    let rest = message[message.index(after: open)...]
    guard let close = rest.firstIndex(of: "'") else { return nil }
    let value = rest[..<close]
    guard !value.isEmpty, value.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    let lengthOptions = [
        "--interval", "--horizon", "--time-limit", "--call-length", "--start-step", "--answer-threshold",
    ]
    guard lengthOptions.contains(where: { message.contains("'\($0) ") }) else { return nil }
    return String(value)
}
