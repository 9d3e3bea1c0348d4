import StrictJSON
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two text formats of a scenario; both have the same structure (docs/scenario-format.md).
public enum ScenarioTextFormat: Sendable, Equatable {
    case json, yaml
}

/// Reads `continuum-event/1` scenarios (JSON or YAML, people inline or in a CSV `peopleFile`),
/// checks them completely and resolves every reference. The first problem found is thrown as a
/// `ScenarioError` naming the file, the place (JSON path or line), the problem and the fix.
/// The same input always gives the same scenario or the same error.
public enum ScenarioReader {
    /// Largest scenario or people file read: 64 MB.
    public static let maximumFileBytes = 64 * 1024 * 1024

    /// Reads a .json / .yaml / .yml scenario (format chosen by extension); resolves peopleFile inside the scenario's folder only.
    public static func read(path: String) throws(ScenarioError) -> Scenario {
        let format: ScenarioTextFormat
        switch (path as NSString).pathExtension.lowercased() {
        case "json": format = .json
        case "yaml", "yml": format = .yaml
        default:
            throw ScenarioError(file: path, location: "line 1", problem: "unknown scenario file type",
                                fix: "name the file .json, .yaml or .yml according to its content")
        }
        let text = try FileLoader.load(path: path, shownAs: path)
        let folder = (path as NSString).deletingLastPathComponent
        return try parse(text: text, format: format, fileName: path, baseFolder: folder.isEmpty ? "." : folder)
    }

    /// Parses scenario text (for tests); `baseFolder` resolves peopleFile; `fileName` is used in messages.
    public static func parse(text: String, format: ScenarioTextFormat, fileName: String, baseFolder: String?) throws(ScenarioError) -> Scenario {
        guard text.utf8.count <= maximumFileBytes else {
            throw ScenarioError(file: fileName, location: "line 1", problem: "the scenario is larger than 64 MB",
                                fix: "move the people to a CSV peopleFile, or split the event")
        }
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        guard text.unicodeScalars.contains(where: { !isBlank($0) }) else {
            throw ScenarioError(file: fileName, location: "line 1", problem: "the file is empty",
                                fix: "write the scenario (see docs/scenario-format.md)")
        }
        if let line = FileLoader.lineOfNUL(text.utf8) {
            throw ScenarioError(file: fileName, location: "line \(line)", problem: "binary content (a NUL character)",
                                fix: "give a UTF-8 text file")
        }
        let root: Value
        switch format {
        case .json: root = try JSONParser.parse(text, file: fileName)
        case .yaml: root = try YAMLReader.parse(text, file: fileName)
        }
        return try ScenarioBuilder(file: fileName, baseFolder: baseFolder).build(root)
    }
}

private func isBlank(_ s: Unicode.Scalar) -> Bool {
    s == " " || s == "\t" || s == "\n" || s == "\r"
}

/// Reads a whole text file, refusing what is not a regular UTF-8 text file of at most 64 MB
/// before reading it (a FIFO or /dev/zero is never read).
enum FileLoader {
    static func load(path: String, shownAs file: String) throws(ScenarioError) -> String {
        let limit = ScenarioReader.maximumFileBytes
        func fail(_ problem: String, _ fix: String) -> ScenarioError {
            ScenarioError(file: file, location: "line 1", problem: problem, fix: fix)
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            throw fail("cannot open the file (\(reason))", "check the path and the permissions")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw fail((info.st_mode & S_IFMT) == S_IFDIR ? "this is a folder, not a file" : "this is not a regular file",
                       "give the path of a scenario file")
        }
        guard info.st_size <= limit else {
            throw fail("the file is \(info.st_size / (1024 * 1024)) MB, larger than the 64 MB limit",
                       "split the event, or keep only the people who can work it")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw fail("cannot open the file for reading", "check the permissions")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw fail("cannot read the file (\(error.localizedDescription))", "check the file")
        }
        guard data.count <= limit else {
            throw fail("the file is larger than the 64 MB limit", "split the event, or keep only the people who can work it")
        }
        guard !data.isEmpty else {
            throw fail("the file is empty", "write the scenario (see docs/scenario-format.md)")
        }
        return try decode(data, file: file)
    }

    /// UTF-8 text, or an error naming the line of the first bad byte.
    static func decode(_ data: Data, file: String) throws(ScenarioError) -> String {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw ScenarioError(file: file, location: "line 1", problem: "the file is UTF-16 text",
                                fix: "save it as UTF-8")
        }
        if let line = lineOfNUL(data) {
            throw ScenarioError(file: file, location: "line \(line)", problem: "binary content (a NUL byte)",
                                fix: "give a UTF-8 text file")
        }
        if let text = String(validating: data, as: UTF8.self) {
            return text
        }
        let bytes = [UInt8](data)
        let bad = firstInvalidUTF8(bytes) ?? 0
        let line = 1 + bytes[..<bad].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        throw ScenarioError(file: file, location: "line \(line)", problem: "the text is not valid UTF-8 (byte \(bad))",
                            fix: "save the file as UTF-8 (not Latin-1 or Windows-1252)")
    }

    static func lineOfNUL(_ bytes: some Collection<UInt8>) -> Int? {
        let found = bytes.withContiguousStorageIfAvailable { buffer in
            buffer.isEmpty ? false : memchr(buffer.baseAddress!, 0, buffer.count) != nil
        }
        if found == false { return nil }
        var line = 1
        for b in bytes {
            if b == 0 { return line }
            if b == 0x0A { line += 1 }
        }
        return nil
    }

    /// Offset of the first byte that is not part of a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            let minimum: UInt32
            var value: UInt32
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(b & 0x07)
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                value = value << 6 | UInt32(c & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i }
            i += length
        }
        return nil
    }
}

/// Where a `peopleFile` is: inside the scenario's folder, never outside it (no absolute path, no
/// `..` out of the folder, no symbolic link leading out of it).
enum PeopleFile {
    /// The real path to read, and the name to show in messages (the folder joined with the relative path).
    static func resolve(_ relative: String, in folder: String, at spot: Spot) throws(ScenarioError) -> (path: String, shown: String) {
        let fix = "give a path relative to the scenario's folder, such as \"people.csv\""
        guard !relative.hasPrefix("/") && !relative.hasPrefix("\\") else {
            throw spot.fail("peopleFile \(quoted(relative)) is an absolute path", fix)
        }
        guard !relative.contains("\0") else { throw spot.fail("peopleFile contains a NUL character", fix) }
        var depth = 0
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            if component == ".." { depth -= 1 } else if component != "." { depth += 1 }
            if depth < 0 {
                throw spot.fail("peopleFile \(quoted(relative)) leads out of the scenario's folder", fix)
            }
        }
        let base = folder.isEmpty ? "." : folder
        let joined = base.hasSuffix("/") ? base + relative : base + "/" + relative
        let shown = base == "." ? relative : joined
        guard let realFolder = realPath(base) else {
            throw spot.fail("the scenario's folder \(quoted(base)) cannot be opened", "check the scenario's path")
        }
        guard let realFile = realPath(joined) else {
            throw spot.fail("people file \(quoted(shown)) not found", "put it in the scenario's folder, or correct the name")
        }
        let inside = realFolder == "/" ? realFile.hasPrefix("/") : realFile.hasPrefix(realFolder + "/")
        guard inside, realFile != realFolder else {
            throw spot.fail("peopleFile \(quoted(relative)) resolves (through a symbolic link) to \(quoted(realFile)), outside the scenario's folder",
                            "copy the file into the scenario's folder")
        }
        return (realFile, shown)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
