// Reads a 1,000-shift TOML file (benchmarks/make_shifts_1000.py) with CallData's TOML reader and
// with ShiftFile (reading + schema checks), best of N runs; the tomllib peer reads the same file
// (benchmarks/peers/toml_tomllib.py). Process CPU time, as the peer measures it: the benchmark machine
// is shared, and wall time there measures the neighbours.
import CallData
import Foundation
import Scheduling

func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "benchmarks/work/shifts_1000.toml"
let runs = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 20 : 20
let bytes = try FileBytes.read(path)

func best(_ body: () throws -> Int) rethrows -> (Double, Int) {
    var fastest = Double.infinity
    var count = 0
    for _ in 0..<runs {
        let start = cpuSeconds()
        count = try body()
        fastest = min(fastest, cpuSeconds() - start)
    }
    return (fastest, count)
}

let (parse, n1) = try best { try TOMLTable(parsing: bytes, file: path).tables("shift").count }
let (shifts, n2) = try best { try ShiftFile.parse(bytes, file: path).count }
for (label, seconds, n) in [("TOMLTable(parsing:)", parse, n1), ("ShiftFile.parse (read + checks)", shifts, n2)] {
    print(
        "\(label) bytes=\(bytes.count) shifts=\(n) best_cpu_ms=\(String(format: "%.2f", seconds * 1000)) "
            + "MB_per_s=\(String(format: "%.1f", Double(bytes.count) / seconds / 1e6))")
}
