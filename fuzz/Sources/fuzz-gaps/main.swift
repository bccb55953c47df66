import CallData
import FuzzSupport
import Scheduling

/// Gap (coverage) files and rosters, the two inputs of `callout` besides agents.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGaps(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = String(cString: headcount_fuzz_file(data, size))
    for zone in [PlanningTimeZone.fromData, PlanningTimeZone(identifier: "Europe/Berlin") ?? .utc] {
        _ = try? Callout.readGapFile(path: path, zone: zone)
        _ = try? Callout.readRoster(path: path, zone: zone)
    }
    return 0
}

/// The entry point SwiftPM links an executable with (`main` is defined as `fuzz_gaps_main`): it
/// hands control to libFuzzer's driver with the callback above (`-parse-as-library` leaves no
/// top-level code, so this is the program's `main`).
@_cdecl("fuzz_gaps_main")
public func fuzzEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    headcount_fuzz_run(argc, argv, fuzzGaps)
}
