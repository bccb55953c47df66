// Reads the same per-call CSV with yaslab/CSV.swift, SwiftCSV and Headcount's CSVReader,
// touching every field, and prints rows per second for each (one core, release build).
import CSV
import CallData
import Foundation
import SwiftCSV

let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "benchmarks/work/calls_1m.csv"

func time(_ name: String, _ body: () throws -> Int) rethrows {
    let start = DispatchTime.now().uptimeNanoseconds
    let rows = try body()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(
        String(
            format: "%-28@ rows=%d seconds=%.3f rows_per_s=%.0f", name as NSString, rows, seconds,
            Double(rows) / seconds))
}

try time("headcount CSVReader") {
    var reader = try CallData.CSVReader(contentsOf: path)
    var rows = 0
    var bytes = 0
    try? reader.forEachRecord { (r: borrowing CSVRecord) throws(CallDataError) in
        rows += 1
        for k in 0..<r.count { bytes &+= r.field(k).count }
    }
    return rows - 1
}

try time("yaslab/CSV.swift 2.5") {
    let stream = InputStream(fileAtPath: path)!
    let csv = try CSV(stream: stream, hasHeaderRow: true)
    var rows = 0
    var chars = 0
    while let row = csv.next() {
        rows += 1
        for f in row { chars &+= f.utf8.count }
    }
    return rows
}

try time("SwiftCSV 0.10") {
    let csv = try SwiftCSV.CSV<Enumerated>(url: URL(fileURLWithPath: path), loadColumns: false)
    var rows = 0
    var chars = 0
    for row in csv.rows {
        rows += 1
        for f in row { chars &+= f.utf8.count }
    }
    return rows
}
