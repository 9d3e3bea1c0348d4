import Foundation
import Testing

/// `solve --export-mps DIR`: the models Continuum solves, as files anyone can solve with another
/// solver, give the same optimum.
@Suite struct ExportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func reservistFlowExportSolvesToThePlansObjective() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = Self.root.appendingPathComponent("Scenarios/reservists-small.json").path
        let plan = try Binary.run(["solve", scenario, "--format", "json", "--export-mps", folder.path])
        #expect(plan.status == 0, "\(plan.stderr)")
        let planObjective = try #require((JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])?["objective"] as? Double)
        let model = folder.appendingPathComponent("callup-flow.mps").path
        #expect(FileManager.default.fileExists(atPath: model))
        let lp = try Binary.run(["lp", "solve", model, "--input-format", "free-mps", "--format", "json"])
        #expect(lp.status == 0, "\(lp.stderr)")
        let lpObjective = try #require((JSONSerialization.jsonObject(with: Data(lp.stdout.utf8)) as? [String: Any])?["objective"] as? Double)
        #expect(abs(lpObjective - planObjective) < 0.01, "flow \(lpObjective), plan \(planObjective)")
    }
}
