import CallData
import FuzzSupport

/// Per-call logs: aggregated into 30- and 5-minute intervals, naive and in a DST zone.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCallLog(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    for (zone, interval) in [(PlanningTimeZone.fromData, 1800), (FuzzZones.berlin, 300)] {
        var reader = CSVReader(bytes: bytes, file: "fuzz.csv")
        let aggregator = CallLogAggregator(intervalSeconds: interval, timeZone: zone)
        guard let history = try? aggregator.aggregate(&reader) else { continue }
        _ = history.csv()
    }
    return 0
}

enum FuzzZones {
    static let berlin = PlanningTimeZone(identifier: "Europe/Berlin") ?? .utc
}

/// The entry point SwiftPM links an executable with (`main` is defined as `fuzz_calllog_main`): it
/// hands control to libFuzzer's driver with the callback above (`-parse-as-library` leaves no
/// top-level code, so this is the program's `main`).
@_cdecl("fuzz_calllog_main")
public func fuzzEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    headcount_fuzz_run(argc, argv, fuzzCallLog)
}
