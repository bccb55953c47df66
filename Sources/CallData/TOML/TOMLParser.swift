/// A TOML 1.0 reader over bytes: recursive descent, one pass, no backtracking.
///
/// Builds a mutable tree of `Builder` tables that remembers how each table was created
/// (header, implicitly by a longer header, by dotted keys, inline), which is what the TOML 1.0
/// redefinition rules depend on, then freezes it into `TOMLTable` values.
///
/// *Edge Cases*: the whole input is checked to be UTF-8 first; a leading byte-order mark is
/// skipped; CRLF is a line end and a bare CR is an error; CRLF inside multi-line strings
/// becomes LF (as Python's `tomllib`); nesting beyond `TOMLTable.maximumNestingDepth` is a
/// `tooDeep` error; integers outside 64 bits are errors; float literals beyond `Double`'s range
/// read as ±infinity (as `tomllib`); leap seconds and year 0 are refused (as `tomllib`).
///
/// *Postconditions*: returns a table or throws `CallDataError.toml`; never traps.
struct TOMLParser {
    let bytes: [UInt8]
    let file: String
    var i = 0
    var line = 1
    var lineStart = 0

    static let maximumDepth = TOMLTable.maximumNestingDepth

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    // MARK: - Tree under construction

    final class Builder {
        enum Origin { case root, header, implicit, dotted, inline }
        enum Slot {
            case value(TOMLValue)
            case table(Builder)
            case tables(BuilderArray)
        }
        struct Entry {
            var slot: Slot
            var line: Int
            var column: Int
        }

        var origin: Origin
        var name: String
        var line: Int
        var column: Int
        let depth: Int
        var keys: [String] = []
        var slots: [Entry] = []
        /// Key → index, built once a table outgrows a linear scan (`TOMLTable.linearScanLimit`).
        var lookup: [String: Int]? = nil

        init(origin: Origin, name: String, line: Int, column: Int, depth: Int) {
            self.origin = origin
            self.name = name
            self.line = line
            self.column = column
            self.depth = depth
        }

        func entry(_ key: String) -> Entry? {
            if let lookup { return lookup[key].map { slots[$0] } }
            return keys.firstIndex(of: key).map { slots[$0] }
        }

        func insert(_ key: String, _ slot: Slot, line: Int, column: Int) {
            keys.append(key)
            slots.append(Entry(slot: slot, line: line, column: column))
            if lookup != nil {
                lookup?[key] = keys.count - 1
            } else if keys.count > TOMLTable.linearScanLimit {
                lookup = Dictionary(uniqueKeysWithValues: zip(keys, keys.indices))
            }
        }

        /// The finished value; recursion depth is bounded by `maximumDepth`.
        func freeze(file: String) -> TOMLTable {
            var out: [TOMLTable.Entry] = []
            out.reserveCapacity(keys.count)
            for (key, e) in zip(keys, slots) {
                let value: TOMLValue
                switch e.slot {
                case .value(let v): value = v
                case .table(let t):
                    value = TOMLValue(
                        .table(t.freeze(file: file)), key: key, file: file, line: t.line, column: t.column)
                case .tables(let list):
                    let elements = list.tables.enumerated().map { k, t in
                        TOMLValue(
                            .table(t.freeze(file: file)), key: "\(key)[\(k + 1)]", file: file, line: t.line,
                            column: t.column)
                    }
                    value = TOMLValue(.array(elements), key: key, file: file, line: e.line, column: e.column)
                }
                out.append(TOMLTable.Entry(key: key, line: e.line, column: e.column, value: value))
            }
            return TOMLTable(name: name, file: file, line: line, column: column, entries: out)
        }
    }

    final class BuilderArray {
        var tables: [Builder]
        init(_ first: Builder) { tables = [first] }
    }

    struct KeyPart {
        var name: String
        var line: Int
        var column: Int
    }

    // MARK: - Bytes

    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")
    static let hash = UInt8(ascii: "#")
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let backslash = UInt8(ascii: "\\")

    var column: Int { i - lineStart + 1 }
    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }
    func byte(at k: Int) -> UInt8? { k >= 0 && k < bytes.count ? bytes[k] : nil }

    static func isControl(_ b: UInt8) -> Bool { (b < 0x20 && b != tab) || b == 0x7F }
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    static func isBareKey(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || b == 45
    }
    /// Bytes that can be part of a number, boolean or date-time token.
    static func isToken(_ b: UInt8) -> Bool { isBareKey(b) || b == 43 || b == 46 || b == 58 }

    // MARK: - Errors

    func error(
        _ kind: TOMLError.Kind = .syntax, found: String, expected: String, line l: Int? = nil, column c: Int? = nil
    ) -> CallDataError {
        .toml(TOMLError(kind, file: file, line: l ?? line, column: c ?? column, found: found, expected: expected))
    }

    func tooDeep(line l: Int, column c: Int) -> CallDataError {
        error(
            .tooDeep(limit: Self.maximumDepth), found: "nesting deeper than \(Self.maximumDepth) levels",
            expected: "at most \(Self.maximumDepth) levels of tables, dotted keys, arrays and inline tables",
            line: l, column: c)
    }

    /// What is at byte offset `k`, for messages.
    func describe(_ k: Int) -> String {
        guard let b = byte(at: k) else { return "the end of the file" }
        switch b {
        case Self.lf: return "the end of the line"
        case Self.cr: return byte(at: k + 1) == Self.lf ? "the end of the line" : "a carriage return"
        case Self.tab: return "a tab"
        case 0..<0x20, 0x7F: return "the control character U+\(Self.hex(UInt32(b), width: 4))"
        case 0x20..<0x7F: return "'\(Character(Unicode.Scalar(b)))'"
        default:
            var end = k + 1
            while let c = byte(at: end), c & 0xC0 == 0x80, end - k < 4 { end += 1 }
            let text = String(decoding: bytes[k..<end], as: UTF8.self)
            let code = text.unicodeScalars.first.map { Self.hex($0.value, width: 4) } ?? "?"
            return "'\(text)' (U+\(code))"
        }
    }

    static func hex(_ v: UInt32, width: Int) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Line and column of byte offset `k` (used once, for an encoding error).
    func position(of k: Int) -> (Int, Int) {
        var l = 1
        var start = 0
        for (n, b) in bytes[..<min(k, bytes.count)].enumerated() where b == Self.lf {
            l += 1
            start = n + 1
        }
        return (l, k - start + 1)
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence
    /// (overlong forms, surrogates and code points above U+10FFFF are ill-formed).
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var k = 0
        let n = b.count
        while k < n {
            let c = b[k]
            if c < 0x80 {
                k += 1
                continue
            }
            let need: Int
            var v: UInt32
            let minimum: UInt32
            if c & 0xE0 == 0xC0 {
                (need, v, minimum) = (1, UInt32(c & 0x1F), 0x80)
            } else if c & 0xF0 == 0xE0 {
                (need, v, minimum) = (2, UInt32(c & 0x0F), 0x800)
            } else if c & 0xF8 == 0xF0 {
                (need, v, minimum) = (3, UInt32(c & 0x07), 0x10000)
            } else {
                return k
            }
            guard k + need < n else { return k }
            for j in 1...need {
                let cc = b[k + j]
                guard cc & 0xC0 == 0x80 else { return k }
                v = v << 6 | UInt32(cc & 0x3F)
            }
            if v < minimum || v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { return k }
            k += need + 1
        }
        return nil
    }

    // MARK: - Document

    mutating func parseDocument() throws(CallDataError) -> TOMLTable {
        if let bad = Self.firstInvalidUTF8(bytes) {
            let (l, c) = position(of: bad)
            throw error(
                found: "the byte 0x\(Self.hex(UInt32(bytes[bad]), width: 2)), which is not UTF-8",
                expected: "UTF-8 text", line: l, column: c)
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            i = 3
            lineStart = 3
        }
        let root = Builder(origin: .root, name: "the top level", line: 1, column: 1, depth: 0)
        var current = root
        while let b = peek {
            switch b {
            case Self.space, Self.tab: i += 1
            case Self.lf, Self.cr: try newline()
            case Self.hash: try comment()
            case UInt8(ascii: "["):
                current = try header(root)
                try endOfLine()
            default:
                try keyValue(into: current)
                try endOfLine()
            }
        }
        return root.freeze(file: file)
    }

    mutating func newline() throws(CallDataError) {
        if peek == Self.cr {
            guard byte(at: i + 1) == Self.lf else {
                throw error(found: "a carriage return without a line feed", expected: "LF or CRLF line ends")
            }
            i += 1
        }
        i += 1
        line += 1
        lineStart = i
    }

    mutating func comment() throws(CallDataError) {
        i += 1
        while let b = peek {
            if b == Self.lf || (b == Self.cr && byte(at: i + 1) == Self.lf) { return }
            if Self.isControl(b) {
                throw error(found: "\(describe(i)) in a comment", expected: "printable text or a tab")
            }
            i += 1
        }
    }

    mutating func skipSpaces() {
        while let b = peek, b == Self.space || b == Self.tab { i += 1 }
    }

    /// Spaces, tabs, line ends and comments (inside arrays).
    mutating func skipBlank() throws(CallDataError) {
        while let b = peek {
            switch b {
            case Self.space, Self.tab: i += 1
            case Self.lf, Self.cr: try newline()
            case Self.hash: try comment()
            default: return
            }
        }
    }

    mutating func endOfLine() throws(CallDataError) {
        skipSpaces()
        if peek == Self.hash { try comment() }
        guard let b = peek else { return }
        guard b == Self.lf || b == Self.cr else {
            throw error(
                found: describe(i), expected: "the end of the line (one `key = value` or [table] header per line)")
        }
        try newline()
    }

    // MARK: - Keys and tables

    static func display(_ parts: [KeyPart]) -> String {
        parts.map { p in
            !p.name.isEmpty && p.name.utf8.allSatisfy(isBareKey) ? p.name : TOMLValue.quoted(p.name)
        }.joined(separator: ".")
    }

    mutating func key() throws(CallDataError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            let (kl, kc) = (line, column)
            guard let b = peek else {
                throw error(found: "the end of the file", expected: "a key")
            }
            let name: String
            if b == Self.quote || b == Self.apostrophe {
                name = try quotedString(isKey: true)
            } else {
                let start = i
                while let c = peek, Self.isBareKey(c) { i += 1 }
                guard i > start else {
                    throw error(
                        found: describe(i), expected: "a key: letters, digits, '_' and '-', or a quoted string")
                }
                name = String(decoding: bytes[start..<i], as: UTF8.self)
            }
            parts.append(KeyPart(name: name, line: kl, column: kc))
            guard parts.count <= Self.maximumDepth else { throw tooDeep(line: kl, column: kc) }
            skipSpaces()
            guard peek == UInt8(ascii: ".") else { return parts }
            i += 1
            skipSpaces()
        }
    }

    /// `[a.b]` or `[[a.b]]`: returns the table that following key/value pairs go into.
    mutating func header(_ root: Builder) throws(CallDataError) -> Builder {
        let (hl, hc) = (line, column)
        i += 1
        let isArray = peek == UInt8(ascii: "[")
        if isArray { i += 1 }
        skipSpaces()
        let parts = try key()
        let close = isArray ? "']]' closing the [[table]] header" : "']' closing the [table] header"
        guard peek == UInt8(ascii: "]") else { throw error(found: describe(i), expected: close) }
        i += 1
        if isArray {
            guard peek == UInt8(ascii: "]") else { throw error(found: describe(i), expected: close) }
            i += 1
        }
        let path = Self.display(parts)
        let name = isArray ? "[[\(path)]]" : "[\(path)]"
        var table = root
        for (n, p) in parts.dropLast().enumerated() {
            if let e = table.entry(p.name) {
                switch e.slot {
                case .table(let sub): table = sub
                case .tables(let list):
                    guard let last = list.tables.last else { throw error(found: name, expected: "a table") }
                    table = last
                case .value(let v):
                    throw error(
                        .duplicateKey(firstLine: e.line), found: "\(name), but `\(p.name)` already holds \(v.found)",
                        expected: "a table name not used for a value", line: hl, column: hc)
                }
            } else {
                let sub = Builder(
                    origin: .implicit, name: "[\(Self.display(Array(parts[0...n])))]", line: p.line, column: p.column,
                    depth: n + 1)
                table.insert(p.name, .table(sub), line: p.line, column: p.column)
                table = sub
            }
        }
        guard let last = parts.last else { throw error(found: describe(i), expected: "a key") }
        let fresh = Builder(origin: .header, name: name, line: hl, column: hc, depth: parts.count)
        guard let e = table.entry(last.name) else {
            table.insert(
                last.name, isArray ? .tables(BuilderArray(fresh)) : .table(fresh), line: last.line, column: last.column)
            return fresh
        }
        switch e.slot {
        case .table(let sub) where !isArray && sub.origin == .implicit:
            sub.origin = .header
            sub.name = name
            sub.line = hl
            sub.column = hc
            return sub
        case .tables(let list) where isArray:
            list.tables.append(fresh)
            return fresh
        case .tables:
            throw error(
                .duplicateKey(firstLine: e.line), found: "\(name) for an array of tables",
                expected: "[[\(path)]] to add a table to it", line: hl, column: hc)
        case .table where isArray:
            throw error(
                .duplicateKey(firstLine: e.line), found: "\(name) for a table already defined",
                expected: "either one [\(path)] or [[\(path)]] throughout", line: hl, column: hc)
        case .table:
            throw error(
                .duplicateKey(firstLine: e.line), found: "\(name) a second time", expected: "each table defined once",
                line: hl, column: hc)
        case .value(let v):
            throw error(
                .duplicateKey(firstLine: e.line), found: "\(name), but `\(last.name)` already holds \(v.found)",
                expected: "a table name not used for a value", line: hl, column: hc)
        }
    }

    /// `a.b.c = value` into `table` (dotted keys create or extend dotted-key tables only).
    mutating func keyValue(into table: Builder) throws(CallDataError) {
        let parts = try key()
        guard let last = parts.last else { throw error(found: describe(i), expected: "a key") }
        guard table.depth + parts.count <= Self.maximumDepth else {
            throw tooDeep(line: last.line, column: last.column)
        }
        guard peek == UInt8(ascii: "=") else {
            throw error(found: describe(i), expected: "'=' after the key \(Self.display(parts))")
        }
        i += 1
        skipSpaces()
        let value = try value(depth: table.depth + parts.count, key: last.name)
        var target = table
        for (n, p) in parts.dropLast().enumerated() {
            if let e = target.entry(p.name) {
                guard case .table(let sub) = e.slot, sub.origin == .dotted || sub.origin == .implicit else {
                    throw error(
                        .duplicateKey(firstLine: e.line),
                        found: "`\(Self.display(parts))`, but `\(p.name)` is already defined",
                        expected: "dotted keys only to extend tables made by dotted keys in the same section",
                        line: p.line, column: p.column)
                }
                sub.origin = .dotted
                target = sub
            } else {
                let sub = Builder(
                    origin: .dotted, name: "`\(Self.display(Array(parts[0...n])))`", line: p.line, column: p.column,
                    depth: target.depth + 1)
                target.insert(p.name, .table(sub), line: p.line, column: p.column)
                target = sub
            }
        }
        if let e = target.entry(last.name) {
            throw error(
                .duplicateKey(firstLine: e.line), found: "the key `\(last.name)` a second time in \(target.name)",
                expected: "each key once per table", line: last.line, column: last.column)
        }
        target.insert(last.name, .value(value), line: last.line, column: last.column)
    }

    // MARK: - Values

    mutating func value(depth: Int, key: String) throws(CallDataError) -> TOMLValue {
        let (vl, vc) = (line, column)
        guard depth <= Self.maximumDepth else { throw tooDeep(line: vl, column: vc) }
        guard let b = peek else { throw error(found: "the end of the file", expected: "a value after '='") }
        let content: TOMLValue.Content
        switch b {
        case Self.quote, Self.apostrophe: content = .string(try quotedString(isKey: false))
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            let word: [UInt8] = b == UInt8(ascii: "t") ? Array("true".utf8) : Array("false".utf8)
            guard i + word.count <= bytes.count, bytes[i..<(i + word.count)].elementsEqual(word) else {
                throw error(found: describe(i), expected: "a value (true, false, a number, a string in quotes, …)")
            }
            i += word.count
            content = .boolean(b == UInt8(ascii: "t"))
        case UInt8(ascii: "["): content = .array(try array(depth: depth, key: key))
        case UInt8(ascii: "{"): content = .table(try inlineTable(depth: depth, key: key, line: vl, column: vc))
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "i"), UInt8(ascii: "n"), 48...57:
            content = try scalar()
        default:
            throw error(
                found: describe(i),
                expected:
                    "a value: a string in quotes, a number, true or false, a date, an [array] or an {inline table}")
        }
        return TOMLValue(content, key: key, file: file, line: vl, column: vc)
    }

    mutating func array(depth: Int, key: String) throws(CallDataError) -> [TOMLValue] {
        i += 1
        var out: [TOMLValue] = []
        while true {
            try skipBlank()
            if peek == UInt8(ascii: "]") {
                i += 1
                return out
            }
            out.append(try value(depth: depth + 1, key: "\(key)[\(out.count + 1)]"))
            try skipBlank()
            switch peek {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"):
                i += 1
                return out
            default: throw error(found: describe(i), expected: "',' or ']' in the array `\(key)`")
            }
        }
    }

    mutating func inlineTable(depth: Int, key: String, line l: Int, column c: Int) throws(CallDataError) -> TOMLTable {
        i += 1
        let table = Builder(origin: .inline, name: "`\(key)`", line: l, column: c, depth: depth)
        skipSpaces()
        if peek == UInt8(ascii: "}") {
            i += 1
            return table.freeze(file: file)
        }
        while true {
            skipSpaces()
            try keyValue(into: table)
            skipSpaces()
            switch peek {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"):
                i += 1
                return table.freeze(file: file)
            default:
                throw error(
                    found: describe(i), expected: "',' or '}' in the inline table `\(key)` (it stays on one line)")
            }
        }
    }

    // MARK: - Strings

    mutating func quotedString(isKey: Bool) throws(CallDataError) -> String {
        let q = bytes[i]
        let (sl, sc) = (line, column)
        if !isKey, byte(at: i + 1) == q, byte(at: i + 2) == q { return try multilineString(q) }
        i += 1
        var out: [UInt8] = []
        let mark = q == Self.quote ? "\"" : "'"
        while true {
            guard let b = peek else {
                throw error(
                    found: "the end of the file",
                    expected: "a closing \(mark) for the string opened at line \(sl), column \(sc)")
            }
            if b == q {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == Self.backslash && q == Self.quote {
                try escape(into: &out, multiline: false)
            } else if b == Self.lf || b == Self.cr {
                throw error(
                    found: "the end of the line inside a string",
                    expected: "a closing \(mark) (strings in \(mark)\(mark)\(mark) may span lines)")
            } else if Self.isControl(b) {
                throw error(found: "\(describe(i)) in a string", expected: "printable text (write it as an escape)")
            } else {
                out.append(b)
                i += 1
            }
        }
    }

    mutating func multilineString(_ q: UInt8) throws(CallDataError) -> String {
        let (sl, sc) = (line, column)
        let mark = q == Self.quote ? "\"\"\"" : "'''"
        i += 3
        if peek == Self.lf || (peek == Self.cr && byte(at: i + 1) == Self.lf) { try newline() }
        var out: [UInt8] = []
        while true {
            guard let b = peek else {
                throw error(
                    found: "the end of the file",
                    expected: "a closing \(mark) for the string opened at line \(sl), column \(sc)")
            }
            if b == q {
                var n = 0
                while byte(at: i + n) == q, n < 5 { n += 1 }
                if n >= 3 {
                    out.append(contentsOf: repeatElement(q, count: n - 3))
                    i += n
                    return String(decoding: out, as: UTF8.self)
                }
                out.append(contentsOf: repeatElement(q, count: n))
                i += n
            } else if b == Self.backslash && q == Self.quote {
                try escape(into: &out, multiline: true)
            } else if b == Self.lf || b == Self.cr {
                try newline()
                out.append(Self.lf)
            } else if Self.isControl(b) {
                throw error(found: "\(describe(i)) in a string", expected: "printable text (write it as an escape)")
            } else {
                out.append(b)
                i += 1
            }
        }
    }

    mutating func escape(into out: inout [UInt8], multiline: Bool) throws(CallDataError) {
        let (el, ec) = (line, column)
        let expected = "an escape: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX or \\UXXXXXXXX"
        i += 1
        guard let e = peek else { throw error(found: "the end of the file", expected: expected) }
        switch e {
        case UInt8(ascii: "b"): out.append(8)
        case UInt8(ascii: "t"): out.append(9)
        case UInt8(ascii: "n"): out.append(10)
        case UInt8(ascii: "f"): out.append(12)
        case UInt8(ascii: "r"): out.append(13)
        case Self.quote: out.append(Self.quote)
        case Self.backslash: out.append(Self.backslash)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = e == UInt8(ascii: "u") ? 4 : 8
            var v: UInt32 = 0
            for k in 1...count {
                guard let h = byte(at: i + k), let d = Self.hexValue(h) else {
                    throw error(
                        found: "\(describe(i + k)) in a \\\(Character(Unicode.Scalar(e))) escape",
                        expected: "\(count) hexadecimal digits", line: el, column: ec)
                }
                v = v << 4 | d
            }
            guard let scalar = Unicode.Scalar(v) else {
                throw error(
                    found: "the escape of U+\(Self.hex(v, width: 4)), which is not a Unicode scalar value",
                    expected: "a code point up to U+10FFFF outside U+D800–U+DFFF", line: el, column: ec)
            }
            UTF8.encode(scalar) { out.append($0) }
            i += count
        case Self.space, Self.tab, Self.lf,
            Self.cr where multiline:
            var k = i
            while let c = byte(at: k), c == Self.space || c == Self.tab { k += 1 }
            guard byte(at: k) == Self.lf || (byte(at: k) == Self.cr && byte(at: k + 1) == Self.lf) else {
                throw error(found: "a backslash followed by a space", expected: expected, line: el, column: ec)
            }
            i = k
            while let c = peek {
                if c == Self.space || c == Self.tab {
                    i += 1
                } else if c == Self.lf || c == Self.cr {
                    try newline()
                } else {
                    break
                }
            }
            return
        default:
            throw error(found: "the escape \\\(describe(i))", expected: expected, line: el, column: ec)
        }
        i += 1
    }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 48...57: UInt32(b - 48)
        case 65...70: UInt32(b - 55)
        case 97...102: UInt32(b - 87)
        default: nil
        }
    }

    // MARK: - Numbers, booleans, dates

    /// A number or date-time token (dates may have a space before the time).
    mutating func scalar() throws(CallDataError) -> TOMLValue.Content {
        let start = i
        var end = i
        while let b = byte(at: end), Self.isToken(b) { end += 1 }
        if end - start == 10, Self.looksLikeDate(bytes, start), byte(at: end) == Self.space,
            let h1 = byte(at: end + 1), Self.isDigit(h1), let h2 = byte(at: end + 2), Self.isDigit(h2),
            byte(at: end + 3) == UInt8(ascii: ":")
        {
            end += 1
            while let b = byte(at: end), Self.isToken(b) { end += 1 }
        }
        let token = Array(bytes[start..<end])
        let text = String(decoding: token, as: UTF8.self)
        let isDate = token.contains(UInt8(ascii: ":")) || (token.count >= 10 && Self.looksLikeDate(token, 0))
        if isDate {
            guard let d = Self.dateTime(token) else {
                throw error(
                    found: "`\(text)`",
                    expected:
                        "a valid date or time like 1979-05-27, 07:32:00, 1979-05-27T07:32:00 or 1979-05-27T07:32:00Z")
            }
            i = end
            return .dateTime(d)
        }
        switch Self.number(token) {
        case .value(let v):
            i = end
            return v
        case .overflow:
            throw error(found: "`\(text)`", expected: "an integer from \(Int64.min) to \(Int64.max)")
        case .invalid:
            throw error(
                found: "`\(text)`",
                expected: "a value: a number like 42, -7, 1_000, 3.14, 1e6, 0x1F, inf, a date, true or false")
        }
    }

    static func looksLikeDate(_ b: [UInt8], _ k: Int) -> Bool {
        guard k + 10 <= b.count else { return false }
        for j in 0..<10 {
            let ok = (j == 4 || j == 7) ? b[k + j] == UInt8(ascii: "-") : isDigit(b[k + j])
            if !ok { return false }
        }
        return true
    }

    enum NumberResult {
        case value(TOMLValue.Content)
        case invalid
        case overflow
    }

    static func isDigit(_ b: UInt8, radix: Int) -> Bool {
        switch radix {
        case 16: hexValue(b) != nil
        case 8: b >= 48 && b <= 55
        case 2: b == 48 || b == 49
        default: isDigit(b)
        }
    }

    /// The end of a run of digits with single underscores between digits, or `nil`.
    static func digitRun(_ t: [UInt8], from: Int, radix: Int) -> Int? {
        var j = from
        guard j < t.count, isDigit(t[j], radix: radix) else { return nil }
        j += 1
        while j < t.count {
            if isDigit(t[j], radix: radix) {
                j += 1
            } else if t[j] == UInt8(ascii: "_") {
                guard j + 1 < t.count, isDigit(t[j + 1], radix: radix) else { return nil }
                j += 1
            } else {
                break
            }
        }
        return j
    }

    static func integer(_ t: [UInt8], from: Int, radix: Int, negative: Bool) -> NumberResult {
        guard let end = digitRun(t, from: from, radix: radix), end == t.count else { return .invalid }
        var v = 0
        for c in t[from..<end] where c != UInt8(ascii: "_") {
            guard let d = hexValue(c) else { return .invalid }
            let (m, o1) = v.multipliedReportingOverflow(by: radix)
            let (s, o2) = negative ? m.subtractingReportingOverflow(Int(d)) : m.addingReportingOverflow(Int(d))
            if o1 || o2 { return .overflow }
            v = s
        }
        return .value(.integer(v))
    }

    /// TOML 1.0 integers (decimal, 0x, 0o, 0b) and floats (fraction, exponent, inf, nan).
    static func number(_ t: [UInt8]) -> NumberResult {
        var k = 0
        var negative = false
        if let f = t.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") {
            negative = f == UInt8(ascii: "-")
            k = 1
        }
        let rest = t[k...]
        if rest.elementsEqual("inf".utf8) { return .value(.float(negative ? -.infinity : .infinity)) }
        if rest.elementsEqual("nan".utf8) { return .value(.float(negative ? -.nan : .nan)) }
        guard k < t.count, isDigit(t[k]) else { return .invalid }
        if t[k] == 48, k + 1 < t.count {
            let radix: Int? =
                switch t[k + 1] {
                case UInt8(ascii: "x"): 16
                case UInt8(ascii: "o"): 8
                case UInt8(ascii: "b"): 2
                default: nil
                }
            if let radix {
                guard k == 0 else { return .invalid }
                return integer(t, from: 2, radix: radix, negative: false)
            }
        }
        let isFloat = rest.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        if !isFloat {
            if t[k] == 48 && t.count > k + 1 { return .invalid }
            return integer(t, from: k, radix: 10, negative: negative)
        }
        guard let intEnd = digitRun(t, from: k, radix: 10) else { return .invalid }
        if t[k] == 48 && intEnd - k > 1 { return .invalid }
        var j = intEnd
        var hasFraction = false
        var hasExponent = false
        if j < t.count, t[j] == UInt8(ascii: ".") {
            guard let e = digitRun(t, from: j + 1, radix: 10) else { return .invalid }
            j = e
            hasFraction = true
        }
        if j < t.count, t[j] == UInt8(ascii: "e") || t[j] == UInt8(ascii: "E") {
            j += 1
            if j < t.count, t[j] == UInt8(ascii: "+") || t[j] == UInt8(ascii: "-") { j += 1 }
            guard let e = digitRun(t, from: j, radix: 10) else { return .invalid }
            j = e
            hasExponent = true
        }
        guard j == t.count, hasFraction || hasExponent else { return .invalid }
        let cleaned = t.filter { $0 != UInt8(ascii: "_") }
        guard let d = Double(String(decoding: cleaned, as: UTF8.self)) else { return .invalid }
        return .value(.float(d))
    }

    /// RFC 3339 date, time, local date-time or offset date-time, range-checked; `nil` if invalid.
    static func dateTime(_ t: [UInt8]) -> TOMLDateTime? {
        var k = 0
        func digits(_ n: Int) -> Int? {
            guard k + n <= t.count else { return nil }
            var v = 0
            for j in k..<(k + n) {
                guard isDigit(t[j]) else { return nil }
                v = v * 10 + Int(t[j] - 48)
            }
            k += n
            return v
        }
        func expect(_ c: Character) -> Bool {
            guard k < t.count, let a = c.asciiValue, t[k] == a else { return false }
            k += 1
            return true
        }
        func time() -> TOMLDateTime.Time? {
            guard let h = digits(2), expect(":"), let m = digits(2), expect(":"), let s = digits(2),
                h <= 23, m <= 59, s <= 59
            else { return nil }
            var nanos = 0
            if k < t.count, t[k] == UInt8(ascii: ".") {
                k += 1
                var n = 0
                while k < t.count, isDigit(t[k]) {
                    if n < 9 { nanos = nanos * 10 + Int(t[k] - 48) }
                    n += 1
                    k += 1
                }
                guard n > 0 else { return nil }
                for _ in min(n, 9)..<9 { nanos *= 10 }
            }
            return TOMLDateTime.Time(hour: h, minute: m, second: s, nanosecond: nanos)
        }
        if t.count >= 3, t[2] == UInt8(ascii: ":") {
            guard let tm = time(), k == t.count else { return nil }
            return TOMLDateTime(date: nil, time: tm)
        }
        guard let y = digits(4), expect("-"), let mo = digits(2), expect("-"), let d = digits(2),
            y >= 1, (1...12).contains(mo), d >= 1, d <= CivilCalendar.daysInMonth(year: y, month: mo)
        else { return nil }
        let date = TOMLDateTime.Date(year: y, month: mo, day: d)
        if k == t.count { return TOMLDateTime(date: date, time: nil) }
        guard k < t.count, t[k] == UInt8(ascii: "T") || t[k] == UInt8(ascii: "t") || t[k] == space else {
            return nil
        }
        k += 1
        guard let tm = time() else { return nil }
        if k == t.count { return TOMLDateTime(date: date, time: tm) }
        var offset = 0
        if t[k] == UInt8(ascii: "Z") || t[k] == UInt8(ascii: "z") {
            k += 1
        } else if t[k] == UInt8(ascii: "+") || t[k] == UInt8(ascii: "-") {
            let sign = t[k] == UInt8(ascii: "-") ? -1 : 1
            k += 1
            guard let oh = digits(2), expect(":"), let om = digits(2), oh <= 23, om <= 59 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard k == t.count else { return nil }
        return TOMLDateTime(date: date, time: tm, utcOffsetSeconds: offset)
    }
}
