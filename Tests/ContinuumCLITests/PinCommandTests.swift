import Foundation
import Testing

/// Contradictory hard data through the CLI: a person pinned to two places at once gets a
/// diagnosis naming both pins (not a bare "infeasible"), exit 65 and no output file.
@Suite struct PinCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func pin(_ zone: String, _ from: String, _ to: String) -> [String: Any] {
        ["person": "np-001", "zone": zone, "role": "watch",
         "start": "2026-06-12T\(from):00+02:00", "end": "2026-06-12T\(to):00+02:00"]
    }

    @Test func aPersonPinnedToTwoPlacesAtOnceIsDiagnosed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-pin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Self.root.appendingPathComponent("Scenarios/concert.json")
        var scenario = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        scenario["pinned"] = [Self.pin("forecourt", "17:00", "21:00"), Self.pin("hall-avenue", "19:00", "23:00")]
        let path = folder.appendingPathComponent("pinned.json")
        try JSONSerialization.data(withJSONObject: scenario, options: [.sortedKeys]).write(to: path)
        let output = folder.appendingPathComponent("roster.json").path
        let run = try Binary.run(["solve", path.path, "--format", "json", "-o", output])
        #expect(run.status == 65)
        #expect(run.stderr.contains("pinned.json"))
        #expect(run.stderr.contains("$.pinned[1]") && run.stderr.contains("$.pinned[0]"), "\(run.stderr)")
        #expect(run.stderr.contains("two places at once"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
