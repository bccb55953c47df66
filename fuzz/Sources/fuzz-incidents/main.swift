import CallData
import Forecasting

/// Incident files (start, end, label, affected_customers, …), read with offsets, naive and in a zone,
/// then written back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIncidents(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzFile.write(data, size)
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
    var count = argc
    var arguments = argv
    return fuzzerRunDriver(&count, &arguments, fuzzIncidents)
}

@_silgen_name("LLVMFuzzerRunDriver")
func fuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
