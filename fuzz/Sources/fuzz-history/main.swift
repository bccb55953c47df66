import CallData
import FuzzSupport

/// Interval history (and forecasts): read in three zone modes, then combined and written back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHistory(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    for zone in [PlanningTimeZone.fromData, .utc, FuzzZones.berlin] {
        var reader = CSVReader(bytes: bytes, file: "fuzz.csv")
        guard let history = try? IntervalHistoryReader(timeZone: zone).read(&reader) else { continue }
        _ = history.csv()
        _ = history.combined(into: history.intervalSeconds * 2).csv()
        _ = history.dayCount
    }
    return 0
}

enum FuzzZones {
    static let berlin = PlanningTimeZone(identifier: "Europe/Berlin") ?? .utc
}

/// The entry point SwiftPM links an executable with (`main` is defined as `fuzz_history_main`): it
/// hands control to libFuzzer's driver with the callback above (`-parse-as-library` leaves no
/// top-level code, so this is the program's `main`).
@_cdecl("fuzz_history_main")
public func fuzzEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    headcount_fuzz_run(argc, argv, fuzzHistory)
}
