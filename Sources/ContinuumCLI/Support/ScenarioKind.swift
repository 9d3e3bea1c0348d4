import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which planner a scenario file is for, from its `format` field.
enum ScenarioKind {
    case event, reservists

    /// Looks at the start of the file only (64 KB: the `format` field comes first in every file
    /// Continuum writes): `"format": "continuum-reservists/…"` means reservists, anything else events
    /// (whose reader then reports any problem with the file).
    static func detect(path: String) -> ScenarioKind {
        // Only a regular file is opened: opening a FIFO would wait for a writer forever. The
        // event reader then says what the path is.
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let handle = FileHandle(forReadingAtPath: path) else { return .event }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 65536)) ?? Data()
        return isReservistFormat(String(decoding: head, as: UTF8.self)) ? .reservists : .event
    }

    /// True when the text has a `"format": "continuum-reservists/…"` field: the words alone (in an
    /// event scenario's name, say) do not make a reservist scenario.
    static func isReservistFormat(_ text: String) -> Bool {
        func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" }
        var rest = Substring(text)
        while let key = rest.range(of: "\"format\"") {
            rest = rest[key.upperBound...].drop(while: isSpace)
            guard rest.first == ":" else { continue }
            rest = rest.dropFirst().drop(while: isSpace)
            // JSON may escape the slash (Foundation's JSONSerialization does).
            if rest.hasPrefix("\"continuum-reservists/") || rest.hasPrefix("\"continuum-reservists\\/") { return true }
        }
        return false
    }
}
