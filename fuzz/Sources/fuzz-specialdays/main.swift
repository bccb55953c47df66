import CallData
import Forecasting
import FuzzSupport

/// Special-days files (date, label, kind).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpecialDays(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = String(cString: headcount_fuzz_file(data, size))
    _ = try? SpecialDays.read(path: path)
    return 0
}

/// The entry point SwiftPM links an executable with (`main` is defined as `fuzz_specialdays_main`): it
/// hands control to libFuzzer's driver with the callback above (`-parse-as-library` leaves no
/// top-level code, so this is the program's `main`).
@_cdecl("fuzz_specialdays_main")
public func fuzzEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    headcount_fuzz_run(argc, argv, fuzzSpecialDays)
}
