import Foundation
import Testing

/// An instance too large for the memory allowed stops before anything large is built, with a
/// "too large for this machine" message, exit 75, and no output file.
@Suite struct MemoryLimitTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: ["reservists-small", "match-at-risk"])
    func tooLargeStopsAtOnceWithExit75(name: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-mem-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("plan.json").path
        let scenario = Self.root.appendingPathComponent("Scenarios/\(name).json").path
        let run = try Binary.run(["solve", scenario, "--memory-limit", "0.000001", "--format", "json", "-o", output])
        #expect(run.status == 75)
        #expect(run.stderr.contains("too large for this machine"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: output))
        // The same run with the machine's own budget succeeds.
        #expect(try Binary.run(["solve", scenario, "--format", "json", "-o", output]).status == 0)
    }

    @Test func memoryLimitMustBePositive() throws {
        let scenario = Self.root.appendingPathComponent("Scenarios/concert.json").path
        #expect(try Binary.run(["solve", scenario, "--memory-limit=0"]).status == 64)
    }
}
