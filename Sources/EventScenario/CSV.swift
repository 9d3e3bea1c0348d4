import StrictJSON
/// RFC 4180 records: comma-separated fields, `"` quoting with `""` for a quote, CRLF or LF line
/// ends (a quoted field may span lines). Each record knows the line it starts on.
struct CSVRecords {
    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var line = 1

    init(_ text: String, file: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
        self.file = file
    }

    /// The next record and its first line, or nil at the end. Fields are not trimmed.
    mutating func next() throws(ScenarioError) -> (line: Int, fields: [Substring])? {
        guard position < bytes.count else { return nil }
        let startLine = line
        var fields: [Substring] = []
        while true {
            let (field, ended) = try nextField(recordLine: startLine)
            fields.append(field)
            if ended { return (startLine, fields) }
        }
    }

    /// One field; `ended` when it closed the record (line end or end of file).
    private mutating func nextField(recordLine: Int) throws(ScenarioError) -> (Substring, ended: Bool) {
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        if position < bytes.count && bytes[position] == quote {
            let quoteLine = line
            position += 1
            var value: [UInt8] = []
            while true {
                guard position < bytes.count else {
                    throw ScenarioError(file: file, location: "line \(quoteLine)", problem: "a quoted field is never closed",
                                        fix: "close it with '\"' (write a quote inside a field as \"\")")
                }
                let b = bytes[position]
                if b == quote {
                    if position + 1 < bytes.count && bytes[position + 1] == quote {
                        value.append(quote)
                        position += 2
                        continue
                    }
                    position += 1
                    break
                }
                if b == lf { line += 1 }
                value.append(b)
                position += 1
            }
            let field = Substring(String(decoding: value, as: UTF8.self))
            // After the closing quote: spaces, then a comma or the end of the record.
            while position < bytes.count && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
            if position >= bytes.count { return (field, true) }
            switch bytes[position] {
            case comma:
                position += 1
                return (field, false)
            case cr, lf:
                endLine()
                return (field, true)
            default:
                throw ScenarioError(file: file, location: "line \(line)", problem: "text after the closing quote of a field",
                                    fix: "put the whole field in quotes, and write a quote inside it as \"\"")
            }
        }
        let start = position
        while position < bytes.count {
            let b = bytes[position]
            if b == comma {
                let field = text(start, position)
                position += 1
                return (field, false)
            }
            if b == cr || b == lf {
                let field = text(start, position)
                endLine()
                return (field, true)
            }
            if b == quote {
                // A quote after leading blanks starts a quoted field written with a space: accept it.
                if bytes[start..<position].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    return try nextField(recordLine: recordLine)
                }
                throw ScenarioError(file: file, location: "line \(line)", problem: "a quote inside an unquoted field",
                                    fix: "put the whole field in quotes, and write the quote inside it as \"\"")
            }
            position += 1
        }
        return (text(start, position), true)
    }

    private func text(_ start: Int, _ end: Int) -> Substring {
        Substring(String(decoding: bytes[start..<end], as: UTF8.self))
    }

    private mutating func endLine() {
        if bytes[position] == 0x0D {
            position += 1
            if position < bytes.count && bytes[position] == 0x0A { position += 1 }
        } else {
            position += 1
        }
        line += 1
    }
}

/// The CSV `peopleFile`: a header naming the columns (any order; `id` and `corps` required), then
/// one person per row. Blank rows are skipped. Errors name the file and the line.
enum PeopleCSV {
    static func read(_ text: String, file: String, context: PersonContext, into people: inout [Person],
                     ids: inout IDIndex) throws(ScenarioError) {
        assert(PersonContext.fieldNames.enumerated().allSatisfy { "\(PersonContext.CSVField(rawValue: $0.offset)!)" == $0.element })
        var records = CSVRecords(text, file: file)
        var columns: [String]?
        var slots: [Int?] = []
        while let (line, raw) = try records.next() {
            let cells = raw.map { $0.trimmingBlanks }
            if cells.allSatisfy(\.isEmpty) { continue }
            guard let header = columns else {
                let header = try readHeader(cells, file: file, line: line)
                slots = PersonContext.fieldNames.map { header.firstIndex(of: $0) }
                columns = header
                continue
            }
            guard cells.count == header.count else {
                throw ScenarioError(file: file, location: "line \(line)",
                                    problem: "\(cells.count) fields, but the header has \(header.count) columns",
                                    fix: "give one value per column (empty for none); quote values that contain commas")
            }
            let person = try context.person(fromCSV: cells, slots: slots, file: file, line: line)
            try ids.add(person.id, at: .csv(file, line: line, column: "id"), line: line)
            people.append(person)
        }
        if columns == nil {
            throw ScenarioError(file: file, location: "line 1", problem: "the people file is empty",
                                fix: "write a header line (id,corps,...) and one line per person")
        }
    }

    private static func readHeader(_ cells: [Substring], file: String, line: Int) throws(ScenarioError) -> [String] {
        var columns: [String] = []
        for cell in cells {
            let name = String(cell)
            guard PersonContext.fieldNames.contains(name) else {
                throw ScenarioError(file: file, location: "line \(line)",
                                    problem: name.isEmpty ? "an empty column name in the header" : "unknown column \(quoted(name))",
                                    fix: "use the columns \(PersonContext.fieldNames.joined(separator: ", "))\(hint(name, PersonContext.fieldNames))")
            }
            guard !columns.contains(name) else {
                throw ScenarioError(file: file, location: "line \(line)", problem: "column \(quoted(name)) appears twice in the header",
                                    fix: "keep only one of them")
            }
            columns.append(name)
        }
        for required in ["id", "corps"] where !columns.contains(required) {
            throw ScenarioError(file: file, location: "line \(line)", problem: "the header has no \(quoted(required)) column",
                                fix: "the first line names the columns; 'id' and 'corps' are required")
        }
        return columns
    }
}
