import CallData
import Scheduling

/// Requirements / staffing files, read naive-or-offsets and in a DST zone, then their coverage.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequirements(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzFile.write(data, size)
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
    var count = argc
    var arguments = argv
    return fuzzerRunDriver(&count, &arguments, fuzzRequirements)
}

@_silgen_name("LLVMFuzzerRunDriver")
func fuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
