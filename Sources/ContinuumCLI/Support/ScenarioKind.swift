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
        return isReservistFormat(String(decoding: head, as: UTF8.self)) ? .reservists : .event
    }

    /// True when the text has a `"format": "continuum-reservists/…"` field: the words alone (in an
    /// event scenario's name, say) do not make a reservist scenario.
    static func isReservistFormat(_ text: String) -> Bool {
        var rest = Substring(text)
        while let key = rest.range(of: "\"format\"") {
            rest = rest[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard rest.first == ":" else { continue }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            if rest.hasPrefix("\"continuum-reservists/") { return true }
        }
        return false
    }
}
