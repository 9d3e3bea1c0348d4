import Foundation
import Testing

/// SIGINT during a solve: the best point so far is reported with status `interrupted`, exit 130.
@Suite struct InterruptTests {
    @Test func sigintReportsTheBestPointAndExits130() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-int-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.json")
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["lp", "solve", Fixtures.path("lp/hard-mip.lp"), "--time-limit", "30",
                             "--format", "json", "-o", report.path]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(Date().timeIntervalSince(started) < 10)
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
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["solve", scenario, "--time-limit", "60", "--gap", "0", "--format", "json", "-o", plan.path]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(Date().timeIntervalSince(started) < 15)
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: plan)) as? [String: Any])
        #expect(json["status"] as? String == "interrupted")
        #expect(try Binary.run(["check", scenario, plan.path]).status == 0)
    }
}
