import CallData
import Forecasting
import FuzzSupport

/// Incident files (start, end, label, affected_customers, …), read with offsets, naive and in a zone,
/// then written back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIncidents(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = String(cString: headcount_fuzz_file(data, size))
    for zone in [PlanningTimeZone.fromData, .utc, PlanningTimeZone(identifier: "Europe/Berlin") ?? .utc] {
        if let incidents = try? IncidentFile.read(path: path, timeZone: zone) {
            _ = IncidentFile.csv(incidents, timeZone: zone).text
        }
    }
    return 0
}

/// The entry point SwiftPM links an executable with (`main` is defined as `fuzz_incidents_main`): it
/// hands control to libFuzzer's driver with the callback above (`-parse-as-library` leaves no
/// top-level code, so this is the program's `main`).
@_cdecl("fuzz_incidents_main")
public func fuzzEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    headcount_fuzz_run(argc, argv, fuzzIncidents)
}
