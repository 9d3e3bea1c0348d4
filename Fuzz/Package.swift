// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for Continuum's file readers (docs/fuzzing.md). A package of its own, so that
// the root package's `swift build` and `swift test` never build or run it. Build and run with
// Fuzz/run.sh, which passes `-Xswiftc -sanitize=fuzzer,address` (docs/fuzzing.md).
let package = Package(
    name: "ContinuumFuzz",
    dependencies: [
        .package(name: "Continuum", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "continuum-fuzz",
            dependencies: [.product(name: "ContinuumReaders", package: "Continuum")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
