/// Why a Curtois & Qu instance could not be read: which file, which line, what is wrong and what
/// to do about it.
///
/// `description` is always one line: `file:line: problem; what to do`. Lines are numbered from 1
/// as an editor shows them (CRLF and LF alike). Problems with the whole file (it cannot be opened,
/// it is larger than 64 MB, it is empty) are reported at line 1; a missing section is reported at
/// the last line of the file, where the reader looked for it last.
public struct ShiftInstanceError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file as it was named to the reader (`read(path:)`: the path; `parse(text:name:)`: the name).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// What is wrong.
    public var problem: String
    /// What to do about it.
    public var fix: String

    public init(file: String, line: Int, problem: String, fix: String) {
        self.file = file
        self.line = line
        self.problem = problem
        self.fix = fix
    }

    /// `file:line: problem; fix`, always on one line.
    public var description: String { singleLine("\(file):\(line): \(problem); \(fix)") }
}

/// Replaces line breaks and other control characters with spaces so a message stays on one line.
func singleLine(_ text: String) -> String {
    func isBreaking(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || s.value == 0x7F || s.value == 0x85 || s == "\u{2028}" || s == "\u{2029}"
    }
    guard text.unicodeScalars.contains(where: isBreaking) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { result.append(isBreaking(scalar) ? " " : scalar) }
    return String(result)
}

/// A value from the user's file, quoted for a message: control characters escaped, long text cut.
func quote(_ text: some StringProtocol, limit: Int = 40) -> String {
    var result = "'"
    var count = 0
    for scalar in text.unicodeScalars {
        if count == limit {
            result += "..."
            break
        }
        count += 1
        switch scalar {
        case "'": result += "\\'"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        case "\n": result += "\\n"
        default:
            if scalar.value < 0x20 || scalar.value >= 0x7F {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "'"
}
