import StrictJSON
/// Why a roster CSV could not be read: `source:line: problem; what to do`, one line.
public struct ShiftRosterCSVError: Error, CustomStringConvertible, Sendable, Equatable {
    public var source: String
    public var line: Int
    public var problem: String
    public var fix: String

    public init(source: String, line: Int, problem: String, fix: String) {
        self.source = source
        self.line = line
        self.problem = problem
        self.fix = fix
    }

    public var description: String { singleLine("\(source):\(line): \(problem); \(fix)") }
}

/// Rosters as CSV: a header `employee,0,1,...,h-1`, then one line per employee in the instance's
/// order: the employee id, then for each day the shift id or an empty cell for a day off.
/// Fields holding a comma, a double quote or a line break are quoted as in RFC 4180.
public enum ShiftRosterCSV {
    /// The CSV of a roster, LF line endings, ending with a line break. A row missing from the roster
    /// is written as all days off; a cell that is neither -1 nor a shift index is written as `?<index>`
    /// (which `read` refuses), so a malformed roster is never silently repaired.
    public static func write(_ roster: ShiftRoster, _ instance: ShiftInstance) -> String {
        let h = max(0, instance.days)
        var out = "employee"
        for d in 0..<h { out += ",\(d)" }
        out += "\n"
        for (e, person) in instance.staff.enumerated() {
            out += field(person.id)
            let row = e < roster.shift.count ? roster.shift[e] : []
            for d in 0..<h {
                out += ","
                let v = d < row.count ? row[d] : -1
                if v == -1 { continue }
                out += instance.shifts.indices.contains(v) ? field(instance.shifts[v].id) : "?\(v)"
            }
            out += "\n"
        }
        return out
    }

    /// Reads a roster written by `write` (LF or CRLF; blank lines ignored; cells trimmed of spaces).
    /// The header must be exactly `employee,0,...,h-1`; every employee of the instance must have
    /// exactly one row (in any order); every cell must be empty or a shift id of the instance.
    public static func read(text: String, instance: ShiftInstance, source: String = "roster.csv") throws(ShiftRosterCSVError) -> ShiftRoster {
        func fail(_ line: Int, _ problem: String, _ fix: String) -> ShiftRosterCSVError {
            ShiftRosterCSVError(source: source, line: line, problem: problem, fix: fix)
        }
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var lines: [(number: Int, text: Substring)] = []
        for (i, raw) in scalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = raw
            if line.last == "\r" { line = line.dropLast() }
            let text = Substring(line)
            if text.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            lines.append((i + 1, text))
        }
        guard let header = lines.first else {
            throw fail(1, "the roster is empty", "write the header employee,0,1,... and one row per employee")
        }
        let h = max(0, instance.days)
        let expected = ["employee"] + (0..<h).map(String.init)
        let headerFields = try fields(header.text, line: header.number, source: source)
        guard headerFields.count == expected.count else {
            throw fail(header.number, "the header has \(headerFields.count - 1) day columns; the instance has \(h) days",
                       "write the header employee,0,1,...,\(h - 1)")
        }
        for (k, name) in headerFields.enumerated() where name != expected[k] {
            throw fail(header.number, "header column \(k + 1) is \(quote(name)); expected \(quote(expected[k]))",
                       "write the header employee,0,1,...,\(h - 1)")
        }
        var employeeIndex: [String: Int] = [:]
        for (e, person) in instance.staff.enumerated() where employeeIndex[person.id] == nil { employeeIndex[person.id] = e }
        var shiftIndex: [String: Int] = [:]
        for (t, shift) in instance.shifts.enumerated() where shiftIndex[shift.id] == nil { shiftIndex[shift.id] = t }
        var rows = [[Int]?](repeating: nil, count: instance.staff.count)
        var firstLine = [Int](repeating: 0, count: instance.staff.count)
        for line in lines.dropFirst() {
            let cells = try fields(line.text, line: line.number, source: source)
            guard cells.count == h + 1 else {
                throw fail(line.number, "the row has \(cells.count) fields; expected \(h + 1) (the employee id and \(h) days)",
                           "write one cell per day, empty for a day off")
            }
            guard let e = employeeIndex[cells[0]] else {
                throw fail(line.number, "unknown employee \(quote(cells[0]))", "use the employee ids of the instance \(instance.name)")
            }
            if rows[e] != nil {
                throw fail(line.number, "a second row for employee \(quote(cells[0])) (first at line \(firstLine[e]))", "keep one row per employee")
            }
            var row = [Int](repeating: -1, count: h)
            for d in 0..<h {
                let cell = cells[d + 1]
                if cell.isEmpty { continue }
                guard let t = shiftIndex[cell] else {
                    throw fail(line.number, "unknown shift \(quote(cell)) for employee \(quote(cells[0])) on day \(d)",
                               "use a shift id of the instance (\(instance.shifts.map(\.id).joined(separator: ", "))) or leave the cell empty")
                }
                row[d] = t
            }
            rows[e] = row
            firstLine[e] = line.number
        }
        if let missing = rows.firstIndex(where: { $0 == nil }) {
            throw fail(lines.last!.number, "no row for employee \(quote(instance.staff[missing].id))",
                       "write one row per employee of the instance (empty cells for days off)")
        }
        return ShiftRoster(shift: rows.map { $0! })
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    /// The fields of one line; quoted fields may hold commas and doubled quotes. Unquoted fields are trimmed.
    static func fields(_ line: Substring, line number: Int, source: String) throws(ShiftRosterCSVError) -> [String] {
        var result: [String] = []
        var current = ""
        var quoted = false
        var wasQuoted = false
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        current.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(c)
                }
            } else if c == "," {
                result.append(wasQuoted ? current : trimmed(current))
                current = ""
                wasQuoted = false
            } else if c == "\"" && trimmed(current).isEmpty && !wasQuoted {
                current = ""
                quoted = true
                wasQuoted = true
            } else {
                current.append(c)
            }
            i += 1
        }
        guard !quoted else {
            throw ShiftRosterCSVError(source: source, line: number, problem: "a quoted field is not closed", fix: "end the field with a double quote")
        }
        result.append(wasQuoted ? current : trimmed(current))
        return result
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
