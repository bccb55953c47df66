import PropertyBased
import Testing

@testable import CallData

/// The typed, located accessors, the nesting limit, and crash-freedom on arbitrary and mutated input.
@Suite struct TOMLTableTests {
    func parse(_ text: String, file: String = "t.toml") throws(CallDataError) -> TOMLTable {
        try TOMLTable(parsing: Array(text.utf8), file: file)
    }

    func tomlError(_ body: () throws(CallDataError) -> Void) -> TOMLError? {
        do {
            try body()
            return nil
        } catch {
            guard case .toml(let e) = error else { return nil }
            return e
        }
    }

    @Test func wrongTypeNamesKeyLineColumnFoundAndExpected() throws {
        let t = try parse("[b]\nlength = \"30m\"\n  paid = \"yes\"\n")
        let e = tomlError { () throws(CallDataError) in _ = try t.table("b").bool("paid") }
        #expect(e?.kind == .wrongType)
        #expect(e?.description == "t.toml:3:10: `paid`: found the string \"yes\"; expected true or false")
    }

    @Test func missingKeyIsLocatedAtItsTable() throws {
        let t = try parse("\n\n[[shift]]\nname = \"x\"\n")
        let shift = try #require(try t.tables("shift").first)
        let e = tomlError { () throws(CallDataError) in
            _ = try shift.duration("length", expected: "a duration like \"8h\"")
        }
        #expect(e?.kind == .missingKey)
        #expect(e?.line == 3 && e?.column == 1 && e?.key == "length")
        #expect(
            e?.description == "t.toml:3:1: found [[shift]] without `length`; expected `length` = a duration like \"8h\""
        )
    }

    @Test func unknownKeysNameTheLineAndSuggestNearMisses() throws {
        let t = try parse("name = 1\nstart_stepp = 2\n")
        let e = tomlError { () throws(CallDataError) in try t.rejectUnknownKeys(allowed: ["name", "start_step"]) }
        #expect(e?.kind == .unknownKey(suggestion: "start_step"))
        #expect(e?.line == 2 && e?.column == 1)
        #expect(e?.description.hasSuffix("did you mean `start_step`?") == true)
        #expect(TOMLTable.suggestion(for: "lenght", among: ["length", "paid"]) == "length")  // transposition
        #expect(TOMLTable.suggestion(for: "Paid", among: ["length", "paid"]) == "paid")  // case
        #expect(TOMLTable.suggestion(for: "colour", among: ["length", "paid"]) == nil)
        #expect(TOMLTable.suggestion(for: "ab", among: ["a", "b"]) == nil)  // one edit is half of a 2-letter key
        #expect(TOMLTable.editDistance(Array("kitten".utf8), Array("sitting".utf8)) == 3)
        #expect(TOMLTable.editDistance(Array("ca".utf8), Array("abc".utf8)) == 3)  // OSA, not Damerau
        #expect(
            tomlError { () throws(CallDataError) in try t.rejectUnknownKeys(allowed: ["name", "start_stepp"]) } == nil)
    }

    @Test func numbersAndTheirTypes() throws {
        let t = try parse("i = 3\nf = 2.5\nn = nan\nbig = 0x7fff_ffff_ffff_ffff\n")
        #expect(try t.double("i") == 3)
        #expect(try t.double("f") == 2.5)
        #expect(try t.int("big") == Int.max)
        #expect(tomlError { () throws(CallDataError) in _ = try t.int("f") }?.kind == .wrongType)
        #expect(tomlError { () throws(CallDataError) in _ = try t.double("n") }?.kind == .invalidValue)
        if case .float(let v) = t["n"]?.content { #expect(v.isNaN) } else { Issue.record("nan") }
    }

    @Test func durationsDatesAndArrays() throws {
        let t = try parse("d = \"1h30m\"\nbad = \"8x\"\nw = [\"3h\", \"5h\"]\nat = 07:30:00\nday = 2025-01-06\n")
        #expect(try t.duration("d").seconds == 5400)
        let e = tomlError { () throws(CallDataError) in _ = try t.duration("bad") }
        #expect(e?.kind == .invalidValue && e?.line == 2 && e?.column == 7)
        let w = try t.array("w")
        #expect(w.map(\.key) == ["w[1]", "w[2]"] && w.map(\.column) == [6, 12])
        #expect(try w[1].duration().seconds == 5 * 3600)
        #expect(try t.dateTime("at").time?.secondOfDay == 27_000)
        #expect(try t.dateTime("day").description == "2025-01-06")
        #expect(tomlError { () throws(CallDataError) in _ = try t.tables("w") }?.key == "w[1]")
    }

    @Test func valuesAndTablesRememberWhereTheyWereWritten() throws {
        let text = "top = 1\n[[shift]]\nname = \"a\"\n[[shift.break]]\nlength = \"30m\"\n\n[[shift]]\n  name = \"b\"\n"
        let t = try parse(text)
        #expect(t.keys == ["top", "shift"])
        let shifts = try t.tables("shift")
        #expect(shifts.map(\.line) == [2, 7])
        #expect(shifts.map(\.name) == ["[[shift]]", "[[shift]]"])
        #expect(try shifts[1].value("name").line == 8 && shifts[1].value("name").column == 10)
        let breaks = try shifts[0].tables("break")
        #expect(breaks.first?.line == 4 && breaks.first?.name == "[[shift.break]]")
        #expect(try shifts[1]["break"]?.tables() == nil)
    }

    /// Past `linearScanLimit` keys both the builder and the table switch to a dictionary.
    @Test func largeTablesFindEveryKeyAndEveryDuplicate() throws {
        let n = 3 * TOMLTable.linearScanLimit
        let text = (0..<n).map { "k\($0) = \($0)\n" }.joined()
        let t = try parse(text)
        #expect(t.index != nil && t.keys.count == n)
        for k in 0..<n { #expect(try t.int("k\(k)") == k) }
        #expect(t["absent"] == nil)
        for k in [0, TOMLTable.linearScanLimit, n - 1] {
            let e = tomlError { () throws(CallDataError) in _ = try parse(text + "k\(k) = 0\n") }
            #expect(e?.kind == .duplicateKey(firstLine: k + 1) && e?.line == n + 1)
        }
    }

    @Test func duplicateKeysNameTheFirstDefinition() {
        let e = tomlError { () throws(CallDataError) in _ = try parse("a = 1\nb = 2\na = 3\n") }
        #expect(e?.kind == .duplicateKey(firstLine: 1) && e?.line == 3)
        #expect(e?.description.hasSuffix("(first defined on line 1)") == true)
    }

    @Test func nestingBeyondTheLimitIsAnErrorNotAStackOverflow() {
        let limit = TOMLTable.maximumNestingDepth
        let deep = 100_000
        let cases = [
            "a = " + String(repeating: "[", count: deep),
            "a = " + String(repeating: "{b=", count: deep),
            "a = " + String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1),
            String(repeating: "a.", count: deep) + "b = 1",
            "[" + String(repeating: "a.", count: deep) + "b]",
            "[[" + String(repeating: "a.", count: deep) + "b]]",
        ]
        for text in cases {
            let e = tomlError { () throws(CallDataError) in _ = try parse(text) }
            #expect(e?.kind == .tooDeep(limit: limit), "\(text.prefix(20))")
        }
        let ok = "a = " + String(repeating: "[", count: limit - 1) + String(repeating: "]", count: limit - 1)
        #expect(tomlError { () throws(CallDataError) in _ = try parse(ok) } == nil)
    }

    /// Checks a reading of arbitrary bytes: a table, or a TOML error inside the document.
    static func checkLocated(_ bytes: [UInt8]) {
        let lines = bytes.filter { $0 == 10 }.count + 1
        do {
            _ = try TOMLTable(parsing: bytes, file: "m.toml")
        } catch {
            guard case .toml(let e) = error else {
                Issue.record("not a TOML error: \(error)")
                return
            }
            #expect((1...lines).contains(e.line) && e.column >= 1)
            #expect(e.description.hasPrefix("m.toml:\(e.line):\(e.column): found "))
        }
    }

    @Test func arbitraryBytesNeverCrash() async {
        let alphabet = Array("[]{}=\"'.,#\\ \n\r\tabu019_-+:eTZx".utf8) + [0, 0x7F, 0xC3, 0xA9, 0xFF]
        let byte = Gen.element(of: alphabet).map { $0 ?? 32 }
        await propertyCheck(count: 3000, input: byte.array(of: 0...60)) { bytes in Self.checkLocated(bytes) }
        await propertyCheck(count: 500, input: Gen.int(in: 0...255).array(of: 0...60)) { ints in
            Self.checkLocated(ints.map { UInt8(truncatingIfNeeded: $0) })
        }
    }

    /// 2,500 fuzzer-style mutations (flip, insert a TOML token, delete, duplicate) of data/shifts.toml.
    @Test func mutationsOfTheShiftFileNeverCrash() async throws {
        let seed = try FileBytes.read(Fixture.data("shifts.toml"))
        let tokens = [
            "[", "]", "[[", "]]", "=", "\"", "'", "\"\"\"", "\n", "#", ".", ",", "{", "}", "\\", "\\u", "0x",
            "1e", "_", " ", "true", "-", ":", "\r", "\t", "\u{0}", "nan", "é",
        ].map { Array($0.utf8) }
        await propertyCheck(count: 2500, input: Gen.int(in: 0...(1 << 40)).array(of: 1...6)) { ops in
            var b = seed
            for op in ops {
                let p = (op >> 8) % (b.count + 1)
                switch op % 5 {
                case 0 where !b.isEmpty: b[min(p, b.count - 1)] = UInt8(truncatingIfNeeded: op >> 20)
                case 1: b.insert(contentsOf: tokens[(op >> 20) % tokens.count], at: p)
                case 2 where !b.isEmpty: b.removeSubrange(p..<min(b.count, p + 1 + (op >> 20) % 8))
                case 3: b.insert(contentsOf: b[p..<min(b.count, p + 1 + (op >> 20) % 40)], at: p)
                default: b.insert(UInt8(32 + (op >> 20) % 95), at: p)
                }
            }
            Self.checkLocated(b)
        }
    }
}
