#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads Curtois & Qu shift-scheduling instances (`shared/benchmarks/curtois/FORMAT.md`) and
/// resolves every id to an index. The first problem found is thrown as a `ShiftInstanceError`
/// (`file:line: problem; what to do`); the same input always gives the same instance or the same error.
///
/// Accepted: LF or CRLF line endings (a UTF-8 byte-order mark at the start is skipped), `#` comment
/// lines, blank lines anywhere, spaces or tabs around fields, sections in any order.
///
/// Refused, with the line: files over 64 MB (before reading), empty files, bytes that are not
/// printable ASCII (NUL, other control characters, anything above 0x7E), a carriage return inside a
/// line, unknown or repeated sections, data before the first section, missing required sections
/// (`SECTION_HORIZON`, `SECTION_SHIFTS`, `SECTION_STAFF`, `SECTION_COVER`; `SECTION_DAYS_OFF` and
/// the two request sections are optional), a horizon that is not a positive multiple of 7, wrong
/// field counts, numbers that are negative, not whole or above 10^9, unknown or repeated shift and
/// employee ids, days outside the horizon, MaxShifts lists that name an unknown shift, name a shift
/// twice or leave one out, MinTotalMinutes above MaxTotalMinutes, a second `SECTION_DAYS_OFF` row
/// for one employee or a day listed twice in it, and a second cover row for one (day, shift).
///
/// Resolutions where FORMAT.md is silent:
/// - a (day, shift) with no cover row gets `Cover(requirement: 0, weightUnder: 0, weightOver: 0)`:
///   nobody is needed and nothing is charged, whoever works it (every shared instance lists all pairs);
/// - repeated requests (same employee, day and shift) are kept: each row is one term of the objective;
/// - an employee may have both an on-request and an off-request for the same day and shift;
/// - a shift lasts at least 1 minute; every other number may be 0;
/// - shift ids may not contain `|` or `=` (they would be ambiguous inside ForbiddenNext and MaxShifts).
public enum ShiftInstanceReader {
    /// Largest instance file read: 64 MB (the largest benchmark instance is 385 KB).
    public static let maximumFileBytes = 64 * 1024 * 1024
    /// Largest number accepted in any field.
    public static let maximumValue = 1_000_000_000
    /// Longest horizon accepted, in days.
    public static let maximumDays = 100_000
    /// Largest horizon × shift types (the size of the cover table).
    public static let maximumCoverCells = 1_000_000

    /// Reads an instance file; the instance's `name` is the file name without its extension
    /// (`…/Instance1.txt` → `Instance1`). Errors name the file by `path`.
    public static func read(path: String) throws(ShiftInstanceError) -> ShiftInstance {
        let bytes = try loadFile(path: path)
        return try parse(bytes: bytes, name: defaultName(forPath: path), file: path)
    }

    /// Parses instance text; `name` becomes the instance's name and names the file in errors.
    public static func parse(text: String, name: String) throws(ShiftInstanceError) -> ShiftInstance {
        try parse(bytes: Array(text.utf8), name: name, file: name)
    }

    /// The file name without folder and extension: `/a/b/Instance1.txt` → `Instance1`.
    public static func defaultName(forPath path: String) -> String {
        let last = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }

    // MARK: - Bytes to lines

    static func parse(bytes input: [UInt8], name: String, file: String) throws(ShiftInstanceError) -> ShiftInstance {
        guard input.count <= maximumFileBytes else {
            throw ShiftInstanceError(file: file, line: 1, problem: "the text is \(input.count / (1024 * 1024)) MB, larger than the 64 MB limit",
                                     fix: "give a Curtois & Qu instance (the largest, Instance24, is 385 KB)")
        }
        let lines = try splitLines(input, file: file)
        let layout = try SectionLayout(lines: lines, file: file)
        var builder = InstanceBuilder(file: file, layout: layout)
        return try builder.build(name: name)
    }

    /// Checks that the bytes are printable ASCII text and splits them into numbered lines
    /// (line endings LF or CRLF, removed).
    static func splitLines(_ input: [UInt8], file: String) throws(ShiftInstanceError) -> [SourceLine] {
        var start = 0
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let count = input.count
        func fail(_ line: Int, _ problem: String, _ fix: String) -> ShiftInstanceError {
            ShiftInstanceError(file: file, line: line, problem: problem, fix: fix)
        }
        guard input[start...].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            throw fail(1, "the file is empty", "give a Curtois & Qu instance (see FORMAT.md)")
        }
        var lines: [SourceLine] = []
        var number = 1
        var lineStart = start
        var i = start
        func finishLine(at end: Int) {
            var stop = end
            if stop > lineStart && input[stop - 1] == 0x0D { stop -= 1 }
            lines.append(SourceLine(number: number, text: String(decoding: input[lineStart..<stop], as: UTF8.self)))
        }
        while i < count {
            let b = input[i]
            switch b {
            case 0x0A:
                finishLine(at: i)
                number += 1
                lineStart = i + 1
            case 0x0D:
                guard i + 1 == count || input[i + 1] == 0x0A else {
                    throw fail(number, "a carriage return (CR) in the middle of a line, at column \(i - lineStart + 1)",
                               "use LF or CRLF line endings only")
                }
            case 0x09, 0x20...0x7E:
                break
            case 0x00:
                throw fail(number, "binary content (a NUL byte at column \(i - lineStart + 1))",
                           "give a plain-text instance file, not binary data")
            case 0x80...0xFF:
                throw fail(number, "non-ASCII byte 0x\(String(b, radix: 16, uppercase: true)) at column \(i - lineStart + 1)",
                           "the format is plain ASCII: remove the character, or check that this is an instance file")
            default:
                throw fail(number, "control character 0x\(b < 0x10 ? "0" : "")\(String(b, radix: 16, uppercase: true)) at column \(i - lineStart + 1)",
                           "the format is plain ASCII text: remove the character")
            }
            i += 1
        }
        if lineStart < count { finishLine(at: count) }
        return lines
    }

    // MARK: - File

    /// Reads a regular file of at most 64 MB; the size is checked before anything is read
    /// (a FIFO, a device or a folder is never read).
    static func loadFile(path: String) throws(ShiftInstanceError) -> [UInt8] {
        func fail(_ problem: String, _ fix: String) -> ShiftInstanceError {
            ShiftInstanceError(file: path, line: 1, problem: problem, fix: fix)
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw fail("cannot open the file (\(String(cString: strerror(errno))))", "check the path and the permissions")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw fail("cannot inspect the file (\(String(cString: strerror(errno))))", "check the path and the permissions")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw fail((info.st_mode & S_IFMT) == S_IFDIR ? "this is a folder, not a file" : "this is not a regular file",
                       "give the path of an instance file such as Instance1.txt")
        }
        let limit = maximumFileBytes
        guard info.st_size <= limit else {
            throw fail("the file is \(info.st_size / (1024 * 1024)) MB, larger than the 64 MB limit",
                       "give a Curtois & Qu instance (the largest, Instance24, is 385 KB)")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("cannot read the file (\(String(cString: strerror(errno))))", "check the file")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            guard bytes.count <= limit else {
                throw fail("the file is larger than the 64 MB limit", "give a Curtois & Qu instance (the largest, Instance24, is 385 KB)")
            }
        }
        guard !bytes.isEmpty else { throw fail("the file is empty", "give a Curtois & Qu instance (see FORMAT.md)") }
        return bytes
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}

/// One line of the file without its line ending.
struct SourceLine {
    let number: Int
    let text: String
}

/// The sections of an instance file.
enum InstanceSection: String, CaseIterable {
    case horizon = "SECTION_HORIZON"
    case shifts = "SECTION_SHIFTS"
    case staff = "SECTION_STAFF"
    case daysOff = "SECTION_DAYS_OFF"
    case onRequests = "SECTION_SHIFT_ON_REQUESTS"
    case offRequests = "SECTION_SHIFT_OFF_REQUESTS"
    case cover = "SECTION_COVER"

    static let required: [InstanceSection] = [.horizon, .shifts, .staff, .cover]
    static let allNames = allCases.map(\.rawValue).joined(separator: ", ")
}

/// A data row: its line and its comma-separated fields, trimmed of spaces and tabs.
struct DataRow {
    let line: Int
    let fields: [String]
}

/// The file cut into sections: each header line and its data rows.
struct SectionLayout {
    var headers: [InstanceSection: Int] = [:]
    var rows: [InstanceSection: [DataRow]] = [:]
    /// The number of the file's last line.
    var lastLine = 1

    init(lines: [SourceLine], file: String) throws(ShiftInstanceError) {
        var current: InstanceSection?
        lastLine = max(1, lines.last?.number ?? 1)
        for line in lines {
            let text = trimmed(line.text)
            if text.isEmpty || text.hasPrefix("#") { continue }
            if text.uppercased().hasPrefix("SECTION_") {
                guard let section = InstanceSection(rawValue: text) else {
                    throw ShiftInstanceError(file: file, line: line.number, problem: "unknown section \(quote(text))",
                                             fix: "use one of \(InstanceSection.allNames)")
                }
                if let first = headers[section] {
                    throw ShiftInstanceError(file: file, line: line.number,
                                             problem: "\(section.rawValue) appears a second time (first at line \(first))",
                                             fix: "merge the two sections into one")
                }
                headers[section] = line.number
                rows[section] = []
                current = section
                continue
            }
            guard let section = current else {
                throw ShiftInstanceError(file: file, line: line.number, problem: "data before the first section header: \(quote(text))",
                                         fix: "start the file with SECTION_HORIZON, or make the line a comment with #")
            }
            let fields = text.split(separator: ",", omittingEmptySubsequences: false).map { trimmed($0) }
            rows[section, default: []].append(DataRow(line: line.number, fields: fields))
        }
        for section in InstanceSection.required where headers[section] == nil {
            throw ShiftInstanceError(file: file, line: lastLine, problem: "missing \(section.rawValue)",
                                     fix: "the sections \(InstanceSection.required.map(\.rawValue).joined(separator: ", ")) are required (see FORMAT.md)")
        }
    }
}

/// The text without leading and trailing spaces and tabs.
func trimmed(_ text: some StringProtocol) -> String {
    let s = Substring(text)
    var start = s.startIndex
    var end = s.endIndex
    while start < end, s[start] == " " || s[start] == "\t" { start = s.index(after: start) }
    while end > start {
        let previous = s.index(before: end)
        guard s[previous] == " " || s[previous] == "\t" else { break }
        end = previous
    }
    return String(s[start..<end])
}
