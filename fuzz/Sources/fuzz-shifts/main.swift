import CallData
import FuzzSupport
import Scheduling

/// The executable's entry point (SwiftPM links `main` to `<module>_main`): libFuzzer's driver.
@_cdecl("fuzz_shifts_main")
public func fuzzShiftsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    headcount_fuzz_run(argc, argv, fuzzShifts)
}

/// libFuzzer entry point for the TOML reader and the shift-file reader.
///
/// Oracle: no trap (the sanitizers catch memory errors), every failure is a located
/// `CallDataError.toml` inside the document, and every accepted shift file gives consistent
/// templates. A violated oracle traps on purpose so that libFuzzer records the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShifts(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let lines = bytes.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
    func check(_ error: CallDataError) {
        guard case .toml(let e) = error, (1...lines).contains(e.line), e.column >= 1 else {
            fatalError("not a located TOML error: \(error)")
        }
    }
    do {
        _ = try TOMLTable(parsing: bytes, file: "fuzz.toml")
    } catch {
        check(error)
    }
    do {
        let templates = try ShiftFile.parse(bytes, file: "fuzz.toml")
        if let bad = templates.first(where: { $0.problem != nil }) { fatalError("inconsistent template: \(bad)") }
    } catch {
        check(error)
    }
    return 0
}
