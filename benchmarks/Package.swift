// swift-tools-version: 6.1
import PackageDescription

/// Benchmarks live in their own package so that `make test` and CI never build the CSV
/// libraries they compare against. Run with `make bench` from the repository root.
let package = Package(
    name: "HeadcountBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Headcount", path: ".."),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "csv-libraries",
            dependencies: [
                .product(name: "CallData", package: "Headcount"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        .executableTarget(
            name: "staffing-bench",
            dependencies: [.product(name: "Staffing", package: "Headcount")]
        ),
        .executableTarget(
            name: "toml-bench",
            dependencies: [
                .product(name: "CallData", package: "Headcount"), .product(name: "Scheduling", package: "Headcount"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
