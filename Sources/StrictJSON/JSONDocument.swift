import Foundation

/// A JSON document that cannot be read: one line naming the file, the JSON path and the
/// problem (with line and column for syntax errors), for example
/// `plan.json:3:13: $.status: expected a string`.
public struct JSONDocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// `$` for the whole document, `$.items[3].name` for a value.
    public var path: String
    public var message: String
    /// Set for syntax errors.
    public var line: Int?
    public var column: Int?

    public init(file: String, path: String, message: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.path = path
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String {
        let location = line.map { line in ":\(line)" + (column.map { ":\($0)" } ?? "") } ?? ""
        return singleLine("\(file)\(location): \(path): \(message)")
    }
}

/// Loading and parsing a whole document, with errors that name the file.
public enum JSONDocument {
    /// Largest document read: 64 MB, as for scenarios. The largest roster or plan Continuum writes
    /// is a few MB; a bigger file is refused before it is read (parsing 100 MB took 46 s and 600 MB
    /// in a debug build).
    public static let maximumFileBytes = 64 * 1024 * 1024

    public static func load(path: String) throws(JSONDocumentError) -> JSONValue {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
           size.int64Value > Int64(maximumFileBytes) {
            throw JSONDocumentError(file: path, path: "$", message: "the file is \(size.int64Value / (1024 * 1024)) MB, "
                                    + "larger than the \(maximumFileBytes / (1024 * 1024)) MB limit; check that this is the right file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "no such file" : isDirectory.boolValue ? "is a folder, not a file" : "cannot be read"
            throw JSONDocumentError(file: path, path: "$", message: reason)
        }
        return try parse(data: data, fileName: path)
    }

    public static func parse(data: Data, fileName: String) throws(JSONDocumentError) -> JSONValue {
        do {
            return try JSONParser.parse(Array(data))
        } catch {
            throw JSONDocumentError(file: fileName, path: error.path, message: error.message, line: error.line,
                                    column: error.column)
        }
    }
}

/// Replaces control characters (ids and texts come from input files) so that a message stays on one line.
public func singleLine(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isBreaking) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { result.append(isBreaking(scalar) ? " " : scalar) }
    return String(result)
}

private func isBreaking(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar == "\u{2028}" || scalar == "\u{2029}"
}

/// A value from the user's file, quoted for a message: control characters escaped, long text cut.
public func quoted(_ text: some StringProtocol, limit: Int = 60) -> String {
    var result = "'"
    var count = 0
    for scalar in text.unicodeScalars {
        if count == limit {
            result += "…"
            break
        }
        count += 1
        switch scalar {
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case "'": result += "\\'"
        default:
            if isBreaking(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "'"
}
