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
        let message = Headcount.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
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
