import Foundation
import Testing
import EventScenario

/// Paths of the shared files under Tests/Fixtures.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// Every stored value of a scenario as text (`dump`), so that two scenarios can be compared
/// field by field (the types are not `Equatable`; `Timestamp` prints its offset too).
func canonical(_ scenario: Scenario) -> String {
    var text = ""
    dump(scenario, to: &text, maxDepth: .max, maxItems: .max)
    return text
}

/// The error `body` throws; records a failure (and returns nil) when it does not throw.
func readError(_ body: () throws(ScenarioError) -> Scenario, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioError? {
    do {
        let scenario = try body()
        Issue.record("expected an error, read scenario \(scenario.name)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// A folder of its own under the temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("continuum-reader-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
    }
    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
    }
    func file(_ name: String) -> String { path + "/" + name }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
