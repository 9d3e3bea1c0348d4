import Foundation
import Testing

/// Same input and options: byte-identical output, run after run and for any thread count.
@Suite struct DeterminismTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func eventRosterIsTheSameForAnyThreadCount() throws {
        let scenario = Self.root.appendingPathComponent("Scenarios/match-understaffed.json").path
        var outputs: [String] = []
        for threads in ["1", "2", "3"] {
            let run = try Binary.run(["solve", scenario, "--format", "json", "--threads", threads, "--time-limit", "60"])
            #expect(run.status == 0, "\(run.stderr)")
            outputs.append(run.stdout)
        }
        #expect(!outputs[0].isEmpty)
        #expect(outputs.allSatisfy { $0 == outputs[0] })
    }

    /// A season small enough to be solved to optimality: every run writes the same plan.
    @Test func reservistPlanIsTheSameRunAfterRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-det-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = Self.root.appendingPathComponent("Scenarios/reservists-small.json").path
        let first = try Binary.run(["solve", scenario, "--format", "json"])
        let second = try Binary.run(["solve", scenario, "--format", "json"])
        #expect(first.status == 0 && second.status == 0)
        #expect(!first.stdout.isEmpty && first.stdout == second.stdout)
        // The generator too: the same seed gives the same bytes.
        let a = folder.appendingPathComponent("a.json").path, b = folder.appendingPathComponent("b.json").path
        for path in [a, b] {
            let run = try Binary.run(["generate", "reservists", "--reservists", "200", "--departments", "12",
                                      "--days", "30", "--seed", "11", "--output", path])
            #expect(run.status == 0)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
    }
}
