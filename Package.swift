// swift-tools-version:6.1
import PackageDescription

// Layers, bottom to top (ARCHITECTURE.md):
//   CGLPK (system library) -> GLPKShim (C: fatal-error guard) -> GLPK (safe Swift wrapper)
//   LinearModel (solver-neutral LP/MIP value + results, no GLPK)
//   Engine (GLPK backend, parallel runner, model files) -> planners -> ContinuumCLI -> continuum
let package = Package(
    name: "Continuum",
    products: [
        .executable(name: "continuum", targets: ["continuum"]),
        // Libraries for Benchmarks/Micro (a separate package, so its dependencies never reach users).
        .library(name: "ContinuumGLPK", targets: ["GLPK"]),
        .library(name: "ContinuumLinearModel", targets: ["LinearModel"]),
        .library(name: "ContinuumEngine", targets: ["Engine"]),
        .library(name: "ContinuumEventScenario", targets: ["EventScenario"]),
        .library(name: "ContinuumEventPlanning", targets: ["EventPlanning"]),
        .library(name: "ContinuumReservistScenario", targets: ["ReservistScenario"]),
        .library(name: "ContinuumReservistPlanning", targets: ["ReservistPlanning"]),
        // The file readers alone, for the fuzz targets in Fuzz/ (docs/fuzzing.md).
        .library(name: "ContinuumReaders", targets: ["EventScenario", "ReservistScenario", "EventChecker",
                                                     "ReservistChecker", "ShiftBenchmark", "Engine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGLPK",
            path: "Sources/CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        .target(
            name: "GLPKShim", dependencies: ["CGLPK"], path: "Sources/GLPKShim",
            linkerSettings: [.linkedLibrary("glpk")]
        ),
        .target(name: "GLPK", dependencies: ["GLPKShim"]),
        .target(name: "LinearModel"),
        .target(name: "Engine", dependencies: ["GLPK", "LinearModel"]),
        // Event security: the scenario (read and validated), the planner that turns it into a
        // model, and the checker, which depends on the scenario alone (never on the model).
        .target(name: "EventScenario", dependencies: ["StrictJSON", .product(name: "Yams", package: "Yams")]),
        .target(name: "EventPlanning", dependencies: ["EventScenario", "Engine", "LinearModel"]),
        .target(name: "StrictJSON"),
        .target(name: "EventChecker", dependencies: ["EventScenario", "StrictJSON"]),
        // Reservist call-up: the scenario and its generator, the planner (a min-cost flow), the checker.
        .target(name: "ReservistScenario", dependencies: ["StrictJSON"]),
        .target(name: "ReservistPlanning", dependencies: ["ReservistScenario", "Engine", "LinearModel"]),
        .target(name: "ReservistChecker", dependencies: ["ReservistScenario", "StrictJSON"]),
        // The Curtois & Qu shift-scheduling benchmark: instances, reader, checker (ShiftBenchmark),
        // and the rostering model solved through the engine (ShiftRostering).
        .target(name: "ShiftBenchmark", dependencies: ["StrictJSON"]),
        .target(name: "ShiftRostering", dependencies: ["ShiftBenchmark", "Engine", "LinearModel"]),
        .target(
            name: "ContinuumCLI",
            dependencies: [
                "Engine", "LinearModel", "GLPK", "EventScenario", "EventPlanning", "EventChecker",
                "ReservistScenario", "ReservistPlanning", "ReservistChecker",
                "ShiftBenchmark", "ShiftRostering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "continuum", dependencies: ["ContinuumCLI"]),

        .testTarget(name: "GLPKTests", dependencies: ["GLPK"]),
        .testTarget(name: "LinearModelTests", dependencies: ["LinearModel"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "LinearModel"]),
        .testTarget(name: "EventScenarioTests", dependencies: ["EventScenario"]),
        .testTarget(name: "EventPlanningTests", dependencies: ["EventPlanning", "EventChecker", "EventScenario"]),
        .testTarget(name: "EventCheckerTests", dependencies: ["EventChecker", "EventScenario"]),
        .testTarget(name: "ReservistScenarioTests", dependencies: ["ReservistScenario"]),
        .testTarget(name: "ReservistPlanningTests", dependencies: ["ReservistPlanning", "ReservistChecker", "ReservistScenario"]),
        .testTarget(name: "ReservistCheckerTests", dependencies: ["ReservistChecker", "ReservistScenario"]),
        .testTarget(name: "ShiftBenchmarkTests", dependencies: ["ShiftBenchmark"]),
        .testTarget(name: "ShiftRosteringTests", dependencies: ["ShiftRostering", "ShiftBenchmark"]),
        .testTarget(
            name: "ContinuumCLITests",
            dependencies: ["ContinuumCLI", "Engine"],
            resources: []
        ),
    ]
)
