import CallData
import FuzzSupport
import Scheduling

/// Agents files (ids, pools, contracts, availability).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAgents(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = String(cString: headcount_fuzz_file(data, size))
    _ = try? AgentFile.read(path: path)
    return 0
}

/// The entry point SwiftPM links an executable with (`main` is defined as `fuzz_agents_main`): it
/// hands control to libFuzzer's driver with the callback above (`-parse-as-library` leaves no
/// top-level code, so this is the program's `main`).
@_cdecl("fuzz_agents_main")
public func fuzzEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    headcount_fuzz_run(argc, argv, fuzzAgents)
}
