/// A problem in a scheduling input that is not a CSV or TOML problem (`CallDataError` covers those).
public struct SchedulingInputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line):1: \(message)" }
}
