/// JSON text pieces written the same way on every machine, for the JSON files and reports the
/// commands write (`plan`'s summary, `forecast --report`, `incidents --fit`).
///
/// *Postconditions*: `string` is a valid JSON string literal (RFC 8259 §7) whose value is `s`:
/// `"` and `\` escaped, `\n`, `\r`, `\t` as their short escapes, other controls as `\u00XX`,
/// everything else verbatim (UTF-8, no `\u` for non-ASCII). `number` is a JSON number or `null`.
package enum JSONText {
    /// `s` as a JSON string literal.
    package static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A finite number by `formatDecimal`; `null` otherwise (JSON has no NaN or infinity).
    package static func number(_ x: Double, places: Int) -> String {
        x.isFinite ? formatDecimal(x, places: places) : "null"
    }
}
