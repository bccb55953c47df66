// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets, one per input reader, in their own package so that `make test` never builds
/// them with sanitizers. Build and run (see `make fuzz`):
///   swift build --package-path fuzz -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
///   fuzz/.build/debug/fuzz-shifts -max_total_time=120 fuzz/work/corpus-shifts  (seeded with data/shifts.toml)
let package = Package(
    name: "HeadcountFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Headcount", path: "..")
    ],
    targets: [
        /// libFuzzer's driver for targets whose entry point SwiftPM renames (see FuzzSupport.h).
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "fuzz-shifts",
            dependencies: [
                "FuzzSupport",
                .product(name: "CallData", package: "Headcount"),
                .product(name: "Scheduling", package: "Headcount"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
