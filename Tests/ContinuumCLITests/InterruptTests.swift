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
