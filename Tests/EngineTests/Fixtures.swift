import Foundation

/// Paths of the shared files under Tests/Fixtures.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
