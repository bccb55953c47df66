// swift-tools-version: 6.1
import PackageDescription

/// Headcount: contact-centre workforce planning (see README.md and SPEC).
/// Data flows one way: CallData -> Forecasting -> Staffing -> Scheduling -> Simulation.
let package = Package(
    name: "Headcount",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "headcount", targets: ["HeadcountCLI"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "CallData", targets: ["CallData"]),
        .library(name: "Forecasting", targets: ["Forecasting"]),
        .library(name: "Staffing", targets: ["Staffing"]),
        .library(name: "Scheduling", targets: ["Scheduling"]),
        .library(name: "Simulation", targets: ["Simulation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLAPACK",
            pkgConfig: "lapack",
            providers: [.apt(["liblapack-dev"])]
        ),
        .target(
            name: "LinearAlgebra",
            dependencies: ["CLAPACK"],
            exclude: ["README.md"],
            linkerSettings: [.linkedLibrary("lapack"), .linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .target(
            name: "CallData",
            exclude: ["README.md"],
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .target(
            name: "Forecasting",
            dependencies: ["CallData", "LinearAlgebra"],
            exclude: ["README.md"],
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .target(
            name: "Staffing",
            dependencies: ["CallData"],
            exclude: ["README.md"],
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .systemLibrary(
            name: "CCBC",
            pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev"])]
        ),
        .target(
            name: "Scheduling",
            dependencies: ["CallData", "CCBC"],
            exclude: ["README.md"],
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .target(
            name: "Simulation",
            dependencies: [
                "CallData", "Staffing", "Scheduling", .product(name: "HeapModule", package: "swift-collections"),
            ],
            exclude: ["README.md"],
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .executableTarget(
            name: "HeadcountCLI",
            dependencies: [
                "CallData", "Forecasting", "Staffing", "Scheduling", "Simulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "LinearAlgebraTests",
            dependencies: ["LinearAlgebra"]
        ),
        .testTarget(
            name: "CallDataTests",
            dependencies: ["CallData", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ForecastingTests",
            dependencies: ["Forecasting", "CallData"]
        ),
        .testTarget(
            name: "StaffingTests",
            dependencies: ["Staffing", "CallData", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Reference"]
        ),
        .testTarget(
            name: "SchedulingTests",
            dependencies: ["Scheduling", "CallData", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SimulationTests",
            dependencies: ["Simulation", "Staffing", "Scheduling", "CallData"],
            exclude: ["Reference"]
        ),
        .testTarget(
            name: "HeadcountCLITests",
            dependencies: ["CallData"],
            exclude: ["BadInputs"]  // read by path from the repository root, not bundled
        ),
    ],
    swiftLanguageModes: [.v6]
)
