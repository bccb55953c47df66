// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets, one per input reader (issue 9), in their own package so that `make test` never
/// builds them with sanitizers. Build and run with `make fuzz`, or:
///   swift build --package-path fuzz -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
///   fuzz/.build/debug/fuzz-history -max_total_time=120 fuzz/corpus/history
/// Each target feeds the bytes to one reader and requires a typed error or a value, never a crash.
/// Every target starts libFuzzer's driver and writes file inputs through the shared `FuzzSupport`.
let readers = ["history", "calllog", "agents", "requirements", "specialdays", "gaps", "incidents", "shifts"]

let package = Package(
    name: "HeadcountFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Headcount", path: "..")],
    targets: [
        /// libFuzzer's driver for targets whose entry point SwiftPM renames, and the scratch file for
        /// readers that take a path (see FuzzSupport.h).
        .target(name: "FuzzSupport")
    ]
        + readers.map { reader in
            .executableTarget(
                name: "fuzz-\(reader)",
                dependencies: [
                    "FuzzSupport",
                    .product(name: "CallData", package: "Headcount"),
                    .product(name: "Forecasting", package: "Headcount"),
                    .product(name: "Scheduling", package: "Headcount"),
                ],
                path: "Sources/fuzz-\(reader)"
            )
        },
    swiftLanguageModes: [.v6]
)
