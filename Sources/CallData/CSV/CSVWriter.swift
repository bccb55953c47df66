/// Builds CSV text in memory (RFC 4180 quoting where needed) for an atomic write.
public struct CSVWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// A writer that starts with the header row.
    public init(header: [String]) {
        bytes.reserveCapacity(1 << 16)
        writeRow(header)
    }

    /// Appends one row; fields containing `,`, `"` or line breaks are quoted.
    public mutating func writeRow(_ fields: [String]) {
        for (k, field) in fields.enumerated() {
            if k > 0 { bytes.append(44) }
            if field.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
                bytes.append(34)
                for b in field.utf8 {
                    if b == 34 { bytes.append(34) }
                    bytes.append(b)
                }
                bytes.append(34)
            } else {
                bytes.append(contentsOf: field.utf8)
            }
        }
        bytes.append(10)
    }

    /// Writes the text to `path` atomically (temporary file + rename).
    public func write(to path: String) throws(CallDataError) {
        try FileBytes.writeAtomically(bytes, to: path)
    }

    /// The text as a `String` (for stdout).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Formats a number with at most `places` decimals, trailing zeros removed,
/// the same way on every machine (outputs must be byte-identical run to run).
public func formatDecimal(_ value: Double, places: Int = 4) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (value * scale).rounded()
    guard abs(scaled) < 9e15 else { return String(value) }
    var n = Int(scaled)
    let negative = n < 0
    n = abs(n)
    var s = String(n)
    if places > 0 {
        if s.count <= places { s = String(repeating: "0", count: places - s.count + 1) + s }
        let cut = s.index(s.endIndex, offsetBy: -places)
        var frac = s[cut...]
        while frac.last == "0" { frac = frac.dropLast() }
        s = String(s[..<cut]) + (frac.isEmpty ? "" : "." + frac)
    }
    return (negative && s != "0" ? "-" : "") + s
}
