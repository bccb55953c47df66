import PropertyBased
import Testing

@testable import CallData

@Suite struct CSVReaderTests {
    func records(_ text: String) throws -> [[String]] {
        var reader = CSVReader(bytes: Array(text.utf8), file: "t.csv")
        var out: [[String]] = []
        do {
            try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                out.append((0..<r.count).map { r.string($0) })
            }
        } catch { throw error.callDataError }
        return out
    }

    @Test func rfc4180Basics() throws {
        #expect(try records("a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,b\r\n1,2") == [["a", "b"], ["1", "2"]])
        #expect(try records("\u{FEFF}a\n\"x,\"\"y\"\"\nz\"\n") == [["a"], ["x,\"y\"\nz"]])
        #expect(try records("a,,c\n,\n") == [["a", "", "c"], ["", ""]])
        #expect(try records("\n\na\n\n") == [["a"]])
    }

    @Test func lineNumbersCountEmbeddedNewlines() throws {
        var reader = CSVReader(bytes: Array("h\n\"a\nb\"\nc\n".utf8), file: "t.csv")
        var lines: [Int] = []
        try? reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in lines.append(r.line) }
        #expect(lines == [1, 2, 4])
    }

    @Test func badQuoteIsLocated() {
        #expect(throws: CallDataError.badQuote(file: "t.csv", line: 2, column: 4)) { try records("a,b\n\"x\"y,2\n") }
    }

    /// Fuzz: any table of strings written by `CSVWriter` reads back identically.
    @Test func writerReaderRoundTrip() async {
        let field = Gen.oneOf(
            Gen.letterOrNumber.string(of: 0...6),
            Gen.element(of: ["\"", ",", "\n", "\r\n", " ", "é", "\"\"", "a,b"]).map { $0 ?? "" })
        let row = field.array(of: 3...3)
        await propertyCheck(count: 300, input: row.array(of: 1...8)) { table in
            var w = CSVWriter(header: ["x", "y", "z"])
            for r in table { w.writeRow(r) }
            let back = try records(w.text)
            // Rows whose fields are all empty are blank lines only when there is one field; with three there are commas.
            #expect(back == [["x", "y", "z"]] + table)
        }
    }

    /// Fuzz: arbitrary bytes never crash the reader; it either reads or throws a located error.
    @Test func arbitraryBytesNeverCrash() async {
        let byte = Gen.element(of: Array("ab,\"\r\n1 ".utf8)).map { $0 ?? 32 }
        await propertyCheck(count: 500, input: byte.array(of: 0...40)) { bytes in
            var reader = CSVReader(bytes: bytes, file: "f.csv")
            do throws(CSVReadError<CallDataError>) {
                try reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
                    for k in 0..<r.count {
                        _ = r.column(k)
                        _ = r.string(k)
                    }
                }
            } catch {
                #expect(error.callDataError.description.hasPrefix("f.csv:"))
            }
        }
    }

    @Test func numbersParseExactly() {
        func d(_ s: String) -> Double? {
            var t = s
            return t.withUTF8 { FieldParsing.double($0) }
        }
        #expect(d("0.1") == 0.1)
        #expect(d("12") == 12)
        #expect(d(" 3.25 ") == 3.25)
        #expect(d("-7") == -7)
        #expect(d("1e3") == 1000)
        #expect(d("123456789012345678901") == 123456789012345678901.0)
        #expect(d("") == nil)
        #expect(d("1x2") == nil)
        #expect(d("nan") == nil)
        #expect(d("1e999") == nil)
        #expect(d(".") == nil)
    }

    @Test func decimalFormattingIsStable() {
        #expect(formatDecimal(2) == "2")
        #expect(formatDecimal(0.1 + 0.2) == "0.3")
        #expect(formatDecimal(-0.00001) == "0")
        #expect(formatDecimal(150.125, places: 2) == "150.13")
    }
}
