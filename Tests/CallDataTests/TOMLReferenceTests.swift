import Foundation
import Testing

@testable import CallData

/// The TOML reader against Python's `tomllib` (an independent TOML 1.0 reader): the hand-written
/// documents under Fixtures/toml/ and 400 mutations of data/shifts.toml, with tomllib's readings
/// committed by Fixtures/toml/make_expected.py (Python is never called at test time).
@Suite struct TOMLReferenceTests {
    static let folder = Fixture.path("toml")

    static func names(_ sub: String, ext: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: "\(folder)/\(sub)")) ?? []
        return files.filter { $0.hasSuffix(".\(ext)") }.map { String($0.dropLast(ext.count + 1)) }.sorted()
    }

    static let validNames = names("valid", ext: "toml")
    static let invalidNames = names("invalid", ext: "toml")

    @Test func corpusIsLargeEnough() {
        #expect(Self.validNames.count >= 50)
        #expect(Self.invalidNames.count >= 80)
    }

    @Test(arguments: validNames) func validDocumentReadsAsTomllibReadsIt(name: String) throws {
        let path = "\(Self.folder)/valid/\(name).toml"
        let expected = try String(contentsOfFile: "\(Self.folder)/valid/\(name).json", encoding: .utf8)
        let table = try TOMLTable(contentsOf: path)
        #expect(TOMLCanonical.json(table) + "\n" == expected, "\(name)")
    }

    struct Expectation: Decodable {
        var line: Int
        var kind: String
        var tomllib: String
    }

    static let expectations: [String: Expectation] = {
        guard let data = FileManager.default.contents(atPath: "\(folder)/invalid/expected.json") else { return [:] }
        return (try? JSONDecoder().decode([String: Expectation].self, from: data)) ?? [:]
    }()

    @Test(arguments: invalidNames) func invalidDocumentIsALocatedError(name: String) throws {
        let path = "\(Self.folder)/invalid/\(name).toml"
        let expectation = try #require(Self.expectations[name])
        do {
            let table = try TOMLTable(contentsOf: path)
            Issue.record("\(name) was accepted: \(TOMLCanonical.json(table))")
        } catch {
            guard case .toml(let e) = error else {
                Issue.record("\(name): not a TOML error: \(error)")
                return
            }
            #expect(e.file == path)
            #expect(e.line == expectation.line, "\(name): \(e)")
            #expect(e.column >= 1)
            let kind =
                switch e.kind {
                case .duplicateKey: "duplicate"
                case .tooDeep: "deep"
                default: "syntax"
                }
            #expect(kind == expectation.kind, "\(name): \(e)")
            #expect(e.description.hasPrefix("\(path):\(e.line):\(e.column): "))
            #expect(e.description.contains("found ") && e.description.contains("; expected "))
        }
    }

    struct Mutant: Decodable {
        var document: String
        var reading: String?
    }

    /// Same verdict as tomllib on every mutant, and the same reading when both accept.
    @Test func mutantsOfTheShiftFileAgreeWithTomllib() throws {
        let data = try #require(FileManager.default.contents(atPath: "\(Self.folder)/mutants.json"))
        let mutants = try JSONDecoder().decode([Mutant].self, from: data)
        #expect(mutants.count == 400)
        try agree(mutants)
    }

    static let exploration = ProcessInfo.processInfo.environment["HEADCOUNT_TOML_MUTANTS"]

    /// Opt-in: mutants of a feature-rich document written by `make_expected.py --explore N OUT.json`.
    @Test(.enabled(if: exploration != nil)) func exploratoryMutants() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.exploration ?? ""))
        try agree(try JSONDecoder().decode([Mutant].self, from: data))
    }

    func agree(_ mutants: [Mutant]) throws {
        var agreed = 0
        for (k, m) in mutants.enumerated() {
            let bytes = [UInt8](try #require(Data(base64Encoded: m.document)))
            let ours: String?
            do {
                ours = TOMLCanonical.json(try TOMLTable(parsing: bytes, file: "mutant\(k).toml"))
            } catch {
                guard case .toml(let e) = error, e.line >= 1, e.column >= 1 else {
                    Issue.record("mutant \(k): \(error)")
                    continue
                }
                ours = nil
            }
            #expect(ours == m.reading, "mutant \(k): \(String(decoding: bytes, as: UTF8.self))")
            if ours == m.reading { agreed += 1 }
        }
        #expect(agreed == mutants.count)
    }
}

/// Renders a table as make_expected.py renders tomllib's reading: toml-test tagged values, keys sorted
/// by code point, floats as IEEE bits in hex, date-times with microseconds and `+HH:MM` offsets.
enum TOMLCanonical {
    static func json(_ table: TOMLTable) -> String {
        let pairs = table.keys.compactMap { k in table[k].map { (k, $0) } }
            .sorted {
                Array($0.0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.0.unicodeScalars.map(\.value))
            }
        return "{" + pairs.map { "\(string($0.0)):\(json($0.1))" }.joined(separator: ",") + "}"
    }

    static func json(_ value: TOMLValue) -> String {
        switch value.content {
        case .table(let t): return json(t)
        case .array(let a): return "[" + a.map(json).joined(separator: ",") + "]"
        case .string(let s): return tagged("string", s)
        case .integer(let v): return tagged("integer", String(v))
        case .boolean(let b): return tagged("bool", b ? "true" : "false")
        case .float(let d):
            let hex = String(d.bitPattern, radix: 16)
            return tagged("float", d.isNaN ? "nan" : String(repeating: "0", count: 16 - hex.count) + hex)
        case .dateTime(let d):
            func pad(_ v: Int, _ w: Int) -> String {
                let s = String(v)
                return String(repeating: "0", count: max(0, w - s.count)) + s
            }
            var text = ""
            if let date = d.date { text += "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))" }
            if let t = d.time {
                if d.date != nil { text += "T" }
                text += "\(pad(t.hour, 2)):\(pad(t.minute, 2)):\(pad(t.second, 2))"
                if t.nanosecond / 1000 > 0 { text += ".\(pad(t.nanosecond / 1000, 6))" }
            }
            if let off = d.utcOffsetSeconds {
                text += (off < 0 ? "-" : "+") + "\(pad(abs(off) / 3600, 2)):\(pad(abs(off) % 3600 / 60, 2))"
            }
            let kind =
                d.date == nil
                ? "time-local"
                : d.time == nil
                    ? "date-local"
                    : d.utcOffsetSeconds == nil
                        ? "datetime-local" : "datetime"
            return tagged(kind, text)
        }
    }

    static func tagged(_ type: String, _ value: String) -> String {
        "{\"type\":\(string(type)),\"value\":\(string(value))}"
    }

    /// JSON string as Python's json.dumps(ensure_ascii=False) writes it.
    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
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
}
