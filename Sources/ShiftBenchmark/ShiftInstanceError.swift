import StrictJSON
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



/// An instance value quoted for a message, cut at 40 characters.
func quote(_ text: some StringProtocol) -> String { quoted(text, limit: 40) }
