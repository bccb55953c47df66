/// A problem in a TOML file: malformed TOML, or well-formed TOML that does not fit the
/// schema a reader expects (a missing or unknown key, a value of the wrong type or range).
///
/// Prints as one line in the compiler style `file:line:column: message`, naming what was
/// found and what was expected. Lines and columns are 1-based; columns count bytes.
public struct TOMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Equatable, Sendable {
        /// The bytes are not TOML 1.0 (or not UTF-8).
        case syntax
        /// A key, table or array of tables defined a second time; `firstLine` is the first definition.
        case duplicateKey(firstLine: Int)
        /// Arrays, inline tables and dotted keys nested deeper than `limit`.
        case tooDeep(limit: Int)
        /// A key the schema requires is absent (located at its table).
        case missingKey
        /// A value of another TOML type than the schema requires.
        case wrongType
        /// A key the schema does not know; `suggestion` is a known key within a small edit distance.
        case unknownKey(suggestion: String?)
        /// A value of the right type that breaks a schema rule (range, consistency with another key).
        case invalidValue
    }

    public var kind: Kind
    public var file: String
    public var line: Int
    public var column: Int
    /// The key concerned (`paid`, `window[2]`), when there is one.
    public var key: String?
    /// What was found, e.g. `the string "yes"`.
    public var found: String
    /// What was expected, e.g. `true or false`.
    public var expected: String

    public init(
        _ kind: Kind, file: String, line: Int, column: Int, key: String? = nil, found: String, expected: String
    ) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.found = found
        self.expected = expected
    }

    public var description: String {
        let subject = kind == .missingKey ? "" : key.map { "`\($0)`: " } ?? ""
        var text = "\(file):\(line):\(column): \(subject)found \(found); expected \(expected)"
        switch kind {
        case .duplicateKey(let first): text += " (first defined on line \(first))"
        case .unknownKey(let suggestion?): text += "; did you mean `\(suggestion)`?"
        default: break
        }
        return text
    }
}
