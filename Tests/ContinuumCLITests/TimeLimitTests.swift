import Foundation
import LinearModel
import Testing

/// `--time-limit` on every command that solves: the run ends within 10 % of the limit (measured
/// around the whole process, reading and writing included, plus the time the machine takes to start
/// the binary at all, measured just before with `--version`: other tests load both cores), and what
/// it returns is the best plan found, with its status and gap, and still passes the checker.
@Suite(.serialized) struct TimeLimitTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let curtois = root.deletingLastPathComponent().appendingPathComponent("shared/benchmarks/curtois")

    private func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// Runs the binary with a time limit and returns the run and how far its wall-clock time was
    /// within the allowance (≤ 0 is in time). Other suites load both cores with hundreds of
    /// processes, so a late run is tried once more and the better attempt counts.
    private func limited(_ limit: Double, _ arguments: [String]) throws -> (run: BinaryRun, seconds: Double, allowed: Double) {
        var best: (run: BinaryRun, seconds: Double, allowed: Double)?
        for _ in 0..<2 {
            let allowance = try allowed(limit)
            let (run, seconds) = try timed(arguments)
            if best == nil || seconds - allowance < best!.seconds - best!.allowed { best = (run, seconds, allowance) }
            if seconds <= allowance { break }
        }
        return best!
    }

    /// Runs the binary and measures its wall-clock time.
    private func timed(_ arguments: [String]) throws -> (run: BinaryRun, seconds: Double) {
        let began = ContinuousClock.now
        let run = try Binary.run(arguments)
        let elapsed = ContinuousClock.now - began
        return (run, elapsed.inSeconds)
    }

    /// 110 % of `limit`, plus what starting the binary costs on this machine right now.
    private func allowed(_ limit: Double) throws -> Double {
        let (_, startup) = try timed(["--version"])
        return 1.1 * limit + startup
    }

    private func object(_ path: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    /// A generated season too large to finish in the limit: the Lagrangian search stops in time.
    @Test func reservistSolveStopsWithinTheLimit() throws {
        try withFolder { folder in
            let scenario = folder.appendingPathComponent("season.json").path
            let plan = folder.appendingPathComponent("plan.json").path
            let generated = try Binary.run(["generate", "reservists", "--reservists", "600", "--departments", "101",
                                            "--days", "90", "--seed", "5", "--output", scenario])
            try #require(generated.status == 0, "\(generated.stderr)")
            let (run, seconds, limit) = try limited(3, ["solve", scenario, "--time-limit", "3", "--format", "json", "--output", plan])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(seconds <= limit, "took \(seconds) s for a 3 s limit")
            let report = try object(plan)
            let status = try #require(report["status"] as? String)
            #expect(["time-limit", "gap-reached", "optimal"].contains(status))
            if status == "time-limit" { #expect((report["gap"] as? Double).map { $0 > 0 } == true) }
            #expect(try Binary.run(["check", scenario, plan]).status == 0)
        }
    }

    @Test func eventSolveStopsWithinTheLimit() throws {
        try withFolder { folder in
            let scenario = Self.root.appendingPathComponent("Scenarios/psq-week.json").path
            let roster = folder.appendingPathComponent("roster.json").path
            let (run, seconds, limit) = try limited(3, ["solve", scenario, "--time-limit", "3", "--format", "json", "--output", roster])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(seconds <= limit, "took \(seconds) s for a 3 s limit")
            let report = try object(roster)
            #expect(["time-limit", "gap-reached", "optimal"].contains(report["status"] as? String ?? ""))
            #expect(report["gap"] != nil)
            #expect(try Binary.run(["check", scenario, roster]).status == 0)
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: curtois.appendingPathComponent("Instance7.txt").path)))
    func benchCurtoisStopsWithinTheLimit() throws {
        let instance = Self.curtois.appendingPathComponent("Instance7.txt").path
        let (run, seconds, limit) = try limited(3, ["bench", "curtois", instance, "--time-limit", "3", "--format", "json"])
        #expect(seconds <= limit, "took \(seconds) s for a 3 s limit")
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("\"instance\""))
    }

    @Test func lpSolveStopsWithinTheLimit() throws {
        let (run, seconds, limit) = try limited(3, ["lp", "solve", Fixtures.path("lp/hard-mip.lp"), "--time-limit", "3", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(seconds <= limit, "took \(seconds) s for a 3 s limit")
        #expect(run.stdout.contains("\"time-limit\""))
    }
}
