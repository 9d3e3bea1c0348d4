import Foundation
import Testing

/// `continuum lp solve` as a user runs it: the built binary, its stdout, stderr and exit status.
@Suite struct LPSolveCommandTests {
    private func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: [
        ("lp/production.lp", "optimal", 13.0), ("lp/production.mps", "optimal", -13.0),
        ("lp/transportation.lp", "optimal", 10950.0), ("lp/knapsack.mps", "optimal", -492.0),
    ])
    func solvesFixturesWithKnownAnswers(file: String, status: String, objective: Double) throws {
        let run = try Binary.run(["lp", "solve", Fixtures.path(file), "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try json(run.stdout)
        #expect(report["status"] as? String == status)
        #expect(report["objective"] as? Double == objective)
        #expect(report["bound"] as? Double == objective)
        #expect(report["gap"] as? Double == 0)
        #expect((report["values"] as? [String: Any])?.isEmpty == false)
    }

    @Test(arguments: [("lp/infeasible.lp", "infeasible"), ("lp/unbounded.lp", "unbounded"),
                      ("lp/infeasible-mip.lp", "infeasible")])
    func modelsWithoutAPointExitWithTwo(file: String, status: String) throws {
        let run = try Binary.run(["lp", "solve", Fixtures.path(file)])
        #expect(run.status == 2)
        #expect(run.stdout.contains("status:     \(status)"))
    }

    @Test func timeLimitWithIncumbentReportsItsGap() throws {
        let run = try Binary.run(["lp", "solve", Fixtures.path("lp/hard-mip.lp"), "--time-limit", "1",
                                  "--format", "json", "--timing"])
        #expect(run.status == 0)
        let report = try json(run.stdout)
        #expect(report["status"] as? String == "time-limit")
        #expect(report["point"] as? String == "feasible")
        let gap = try #require(report["gap"] as? Double)
        #expect(gap > 0)
        let seconds = try #require(report["seconds"] as? Double)
        #expect(seconds < 1.3)
    }

    @Test(arguments: ["lp/malformed.mps", "lp/malformed.lp", "lp/nan.mps", "lp/huge-coef.lp"])
    func malformedInputIsOneLineAndExit65(file: String) throws {
        let run = try Binary.run(["lp", "solve", Fixtures.path(file)])
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("error: ") == true)
    }

    @Test func nanCoefficientMessageNamesTheLine() throws {
        let run = try Binary.run(["lp", "solve", Fixtures.path("lp/nan.mps")])
        #expect(run.stderr.contains("nan.mps:15:") && run.stderr.contains("nan"))
    }

    @Test func outputIsByteIdenticalRunAfterRun() throws {
        let arguments = ["lp", "solve", Fixtures.path("lp/knapsack.mps"), "--format", "json"]
        let first = try Binary.run(arguments), second = try Binary.run(arguments)
        #expect(first.stdout == second.stdout && !first.stdout.isEmpty)
    }

    @Test func outputFileIsWrittenAndNothingLeftOnFailure() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("report.json").path
        let ok = try Binary.run(["lp", "solve", Fixtures.path("lp/production.lp"), "--format", "json", "-o", target])
        #expect(ok.status == 0 && ok.stdout.isEmpty)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.contains("\"objective\": 13"))
        let bad = try Binary.run(["lp", "solve", Fixtures.path("lp/malformed.lp"), "-o", target])
        #expect(bad.status == 65)
        // The earlier complete report is untouched and no temporary file remains.
        #expect(try String(contentsOfFile: target, encoding: .utf8) == written)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test func versionNamesGLPK() throws {
        let run = try Binary.run(["--version"])
        #expect(run.status == 0 && run.stdout.contains("GLPK 5."))
    }

    @Test func usageErrorsExitWith64() throws {
        let run = try Binary.run(["lp", "solve", Fixtures.path("lp/production.lp"), "--gap", "-1"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--gap"))
    }

    @Test func convertWritesAFileThatSolvesTheSame() throws {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-\(UUID().uuidString).lp").path
        defer { try? FileManager.default.removeItem(atPath: target) }
        let convert = try Binary.run(["lp", "convert", Fixtures.path("lp/knapsack.mps"), target])
        #expect(convert.status == 0, "\(convert.stderr)")
        let run = try Binary.run(["lp", "solve", target, "--format", "json"])
        #expect(try json(run.stdout)["objective"] as? Double == -492)
    }
}
