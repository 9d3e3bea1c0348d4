import Foundation

/// Which planner a scenario file is for, from its `format` field.
enum ScenarioKind {
    case event, reservists

    /// Looks at the start of the file only: `continuum-reservists/…` means reservists, anything else events
    /// (whose reader then reports any problem with the file).
    static func detect(path: String) -> ScenarioKind {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .event }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        return String(decoding: head, as: UTF8.self).contains("continuum-reservists/") ? .reservists : .event
    }
}
