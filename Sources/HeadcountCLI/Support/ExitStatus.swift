import CallData

/// Process exit statuses of the SPEC's command-line contract.
enum ExitStatus: Int32 {
    case success = 0
    case badInput = 1
    case badUsage = 2
    case infeasible = 3
    case locked = 4

    /// The status for errors Headcount raises itself; `nil` for argument-parser errors.
    static func of(_ error: any Error) -> ExitStatus? {
        switch error {
        case is CallDataError: .badInput
        case let e as UsageError: e.status
        default: nil
        }
    }
}

/// A request that cannot be carried out as asked, with the status to exit with.
struct UsageError: Error, CustomStringConvertible {
    var description: String
    var status: ExitStatus = .badUsage

    init(_ description: String, status: ExitStatus = .badUsage) {
        self.description = description
        self.status = status
    }
}
