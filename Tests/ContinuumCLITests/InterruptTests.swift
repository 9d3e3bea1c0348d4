import Foundation
import Testing

/// SIGINT during a solve: the best point so far is reported with status `interrupted`, exit 130.
@Suite struct InterruptTests {
    @Test func sigintReportsTheBestPointAndExits130() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-int-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.json")
        let (status, seconds) = try interrupted(["lp", "solve", Fixtures.path("lp/hard-mip.lp"), "--time-limit", "30",
                                                 "--format", "json", "-o", report.path], after: 1.5)
        #expect(status == 130)
        #expect(seconds < 10)
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        #expect(json["status"] as? String == "interrupted")
        #expect(json["point"] as? String == "feasible")
    }
}

/// SIGINT during a reservist solve: the best plan so far is written (status `interrupted`), it
/// passes the checker, and the exit code is 130.
@Suite struct ReservistInterruptTests {
    @Test func sigintWritesTheBestPlanAndExits130() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-int-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("season.json").path
        let plan = folder.appendingPathComponent("plan.json")
        let generated = try Binary.run(["generate", "reservists", "--reservists", "600", "--departments", "101",
                                        "--days", "90", "--seed", "7", "--output", scenario])
        try #require(generated.status == 0, "\(generated.stderr)")
        let (status, seconds) = try interrupted(["solve", scenario, "--time-limit", "60", "--gap", "0", "--format", "json",
                                                 "-o", plan.path], after: 2)
        #expect(status == 130)
        #expect(seconds < 15)
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: plan)) as? [String: Any])
        #expect(json["status"] as? String == "interrupted")
        #expect(try Binary.run(["check", scenario, plan.path]).status == 0)
    }
}

/// Runs the binary with `arguments`, sends SIGINT after `delay` seconds, and returns its exit status
/// and how long it ran in all.
func interrupted(_ arguments: [String], after delay: Double) throws -> (status: Int32, seconds: Double) {
    let process = Process()
    process.executableURL = Binary.url
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    let started = Date()
    try process.run()
    Thread.sleep(forTimeInterval: delay)
    process.interrupt()
    process.waitUntilExit()
    return (process.terminationStatus, Date().timeIntervalSince(started))
}
