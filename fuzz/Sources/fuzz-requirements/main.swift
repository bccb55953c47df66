import CallData
import FuzzSupport
import Scheduling

/// Requirements / staffing files, read naive-or-offsets and in a DST zone, then their coverage.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequirements(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = String(cString: headcount_fuzz_file(data, size))
    for zone in [PlanningTimeZone.fromData, PlanningTimeZone(identifier: "Europe/Berlin") ?? .utc] {
        if let req = try? Requirements.read(path: path, timeZone: zone) {
            _ = Coverage(req, worked: []).csv()
        }
    }
    return 0
}

/// The entry point SwiftPM links an executable with (`main` is defined as `fuzz_requirements_main`): it
/// hands control to libFuzzer's driver with the callback above (`-parse-as-library` leaves no
/// top-level code, so this is the program's `main`).
@_cdecl("fuzz_requirements_main")
public func fuzzEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    headcount_fuzz_run(argc, argv, fuzzRequirements)
}
