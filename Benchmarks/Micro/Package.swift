// swift-tools-version:6.1
import PackageDescription

// Micro-benchmarks of Continuum's hot paths with ordo-one/benchmark, kept in a package of
// their own so that the benchmark package and its dependencies never reach Continuum's users.
// Run: cd Benchmarks/Micro && swift package benchmark   (README.md)
let package = Package(
    name: "ContinuumMicro",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The malloc interposer (no jemalloc) gives the malloc metrics; the other default trait,
        // RuntimeInterposer, needs swift-runtime-interposer, which is not used here.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "Continuum", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "ContinuumBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ContinuumGLPK", package: "Continuum"),
                .product(name: "ContinuumLinearModel", package: "Continuum"),
                .product(name: "ContinuumEngine", package: "Continuum"),
                .product(name: "ContinuumEventScenario", package: "Continuum"),
                .product(name: "ContinuumEventPlanning", package: "Continuum"),
                .product(name: "ContinuumReservistScenario", package: "Continuum"),
                .product(name: "ContinuumReservistPlanning", package: "Continuum"),
            ],
            path: "Benchmarks/ContinuumBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Writes a reservist scenario's whole call-up network as free MPS, for
        // Benchmarks/compare (`continuum solve --export-mps` exports event models only).
        .executableTarget(
            name: "continuum-export-network",
            dependencies: [
                .product(name: "ContinuumEngine", package: "Continuum"),
                .product(name: "ContinuumReservistScenario", package: "Continuum"),
                .product(name: "ContinuumReservistPlanning", package: "Continuum"),
            ],
            path: "Sources/ExportNetwork"
        ),
    ]
)
