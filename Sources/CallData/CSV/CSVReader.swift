/// A small RFC 4180 CSV reader that works on bytes and tracks line and column.
///
/// Why not a library: the ingest goal is ≥ 2 M rows/s on one core. Measured on this
/// machine on 1 M per-call rows (see BENCHMARKS.md), yaslab/CSV.swift reads ~0.55 M
/// rows/s and SwiftCSV ~0.19 M rows/s — both allocate a `String` per field — while
/// this reader hands out byte ranges and parses numbers in place (several M rows/s).
///
/// Supported: quoted fields with `""` escapes and embedded separators or line breaks,
/// LF and CRLF line ends, a UTF-8 byte-order mark, a missing final newline, and
/// blank lines (skipped). Each record reports the line it starts on; fields report
/// their byte column. Malformed quoting throws `CallDataError` with the location.
public struct CSVReader: Sendable {
    /// The file name used in error messages.
    public let file: String
    @usableFromInline var bytes: [UInt8]

    /// A reader over the bytes of a file (`file` is only used in messages).
    public init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Reads a whole file into memory.
    /// - Throws: `CallDataError.unreadable`.
    public init(contentsOf path: String) throws(CallDataError) {
        self.init(bytes: try FileBytes.read(path), file: path)
    }

    /// Calls `body` once per record, in order, with field ranges valid only during the call.
    ///
    /// Quoted fields are unquoted in place (escaped `""` become `"`), so the record's
    /// `field(_:)` bytes are the field's value.
    public mutating func forEachRecord<E: Error>(
        _ body: (borrowing CSVRecord) throws(E) -> Void
    ) throws(CSVReadError<E>) {
        let file = self.file
        let count = bytes.count
        try bytes.withUnsafeMutableBufferPointer {
            (buffer: inout UnsafeMutableBufferPointer<UInt8>) throws(CSVReadError<E>) in
            var i = 0
            if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { i = 3 }
            var line = 1
            var lineStart = i
            var starts: [Int] = []
            var ends: [Int] = []
            starts.reserveCapacity(16)
            ends.reserveCapacity(16)
            let base = UnsafeBufferPointer(buffer)
            while i < count {
                starts.removeAll(keepingCapacity: true)
                ends.removeAll(keepingCapacity: true)
                let recordLine = line
                let recordLineStart = lineStart
                // Blank line?
                if buffer[i] == 10 {
                    i += 1
                    line += 1
                    lineStart = i
                    continue
                }
                if buffer[i] == 13, i + 1 < count, buffer[i + 1] == 10 {
                    i += 2
                    line += 1
                    lineStart = i
                    continue
                }
                var endOfRecord = false
                while !endOfRecord {
                    if i < count, buffer[i] == 34 {  // quoted field
                        let quoteLine = line
                        let quoteColumn = i - lineStart + 1
                        i += 1
                        let start = i
                        var write = i
                        var closed = false
                        while i < count {
                            let c = buffer[i]
                            if c == 34 {
                                if i + 1 < count, buffer[i + 1] == 34 {
                                    buffer[write] = 34
                                    write += 1
                                    i += 2
                                    continue
                                }
                                i += 1
                                closed = true
                                break
                            }
                            if c == 10 {
                                line += 1
                                lineStart = i + 1
                            }
                            buffer[write] = c
                            write += 1
                            i += 1
                        }
                        guard closed else {
                            throw .malformed(.unterminatedQuote(file: file, line: quoteLine, column: quoteColumn))
                        }
                        starts.append(start)
                        ends.append(write)
                        if i >= count {
                            endOfRecord = true
                            break
                        }
                        let c = buffer[i]
                        if c == 44 {
                            i += 1
                            continue
                        }
                        if c == 10 {
                            i += 1
                            line += 1
                            lineStart = i
                            endOfRecord = true
                            break
                        }
                        if c == 13, i + 1 < count, buffer[i + 1] == 10 {
                            i += 2
                            line += 1
                            lineStart = i
                            endOfRecord = true
                            break
                        }
                        throw .malformed(.badQuote(file: file, line: line, column: i - lineStart + 1))
                    } else {  // bare field
                        let start = i
                        while i < count {
                            let c = buffer[i]
                            if c == 44 || c == 10 || c == 13 { break }
                            i += 1
                        }
                        starts.append(start)
                        ends.append(i)
                        if i >= count {
                            endOfRecord = true
                            break
                        }
                        let c = buffer[i]
                        if c == 44 {
                            i += 1
                            if i >= count {
                                starts.append(i)
                                ends.append(i)
                                endOfRecord = true
                            }
                            continue
                        }
                        if c == 10 {
                            i += 1
                            line += 1
                            lineStart = i
                            endOfRecord = true
                            break
                        }
                        if c == 13 {
                            i += (i + 1 < count && buffer[i + 1] == 10) ? 2 : 1
                            line += 1
                            lineStart = i
                            endOfRecord = true
                            break
                        }
                    }
                }
                let record = CSVRecord(
                    base: base, starts: starts, ends: ends, line: recordLine, lineStart: recordLineStart)
                do throws(E) {
                    try body(record)
                } catch {
                    throw .body(error)
                }
            }
        }
    }
}

/// Either a malformed-CSV error from the reader or an error thrown by the caller's body.
public enum CSVReadError<BodyError: Error>: Error {
    case malformed(CallDataError)
    case body(BodyError)
}

extension CSVReadError where BodyError == CallDataError {
    /// Both kinds as one `CallDataError`.
    public var callDataError: CallDataError {
        switch self {
        case .malformed(let e), .body(let e): e
        }
    }
}

/// One CSV record: byte ranges of its fields in the reader's buffer.
public struct CSVRecord: ~Copyable {
    @usableFromInline let base: UnsafeBufferPointer<UInt8>
    @usableFromInline let starts: [Int]
    @usableFromInline let ends: [Int]
    /// The 1-based line on which the record starts.
    public let line: Int
    @usableFromInline let lineStart: Int

    init(base: UnsafeBufferPointer<UInt8>, starts: [Int], ends: [Int], line: Int, lineStart: Int) {
        self.base = base
        self.starts = starts
        self.ends = ends
        self.line = line
        self.lineStart = lineStart
    }

    /// Number of fields.
    @inlinable public var count: Int { starts.count }

    /// The bytes of field `index` (valid only during the `forEachRecord` callback).
    @inlinable
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: base[starts[index]..<ends[index]])
    }

    /// Field `index` as a `String` (allocates; use for error messages and names).
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// The 1-based byte column where field `index` starts (its opening quote, if quoted).
    public func column(_ index: Int) -> Int {
        var start = starts[index]
        if start > 0, base[start - 1] == 34, start - 1 >= lineStart { start -= 1 }
        // Fields after an embedded newline: count from the last line break before them.
        var ls = lineStart
        var k = start - 1
        while k >= lineStart {
            if base[k] == 10 {
                ls = k + 1
                break
            }
            k -= 1
        }
        return start - ls + 1
    }
}
