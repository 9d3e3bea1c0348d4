/// Turns the sections of an instance file into a `ShiftInstance`, checking every row.
/// Sections are read in dependency order (horizon, shifts, staff, days off, requests, cover),
/// whatever their order in the file.
struct InstanceBuilder {
    let file: String
    let layout: SectionLayout

    var days = 0
    var shifts: [ShiftType] = []
    var shiftIndex: [String: Int] = [:]
    var staff: [Employee] = []
    var employeeIndex: [String: Int] = [:]

    init(file: String, layout: SectionLayout) {
        self.file = file
        self.layout = layout
    }

    mutating func build(name: String) throws(ShiftInstanceError) -> ShiftInstance {
        try readHorizon()
        try readShifts()
        try readStaff()
        try readDaysOff()
        let on = try readRequests(.onRequests, kind: "on-request")
        let off = try readRequests(.offRequests, kind: "off-request")
        let cover = try readCover()
        return ShiftInstance(name: name, days: days, shifts: shifts, staff: staff, onRequests: on,
                             offRequests: off, cover: cover)
    }

    // MARK: - Sections

    mutating func readHorizon() throws(ShiftInstanceError) {
        let header = layout.headers[.horizon]!
        let rows = layout.rows[.horizon] ?? []
        guard let row = rows.first else {
            throw fail(header, "SECTION_HORIZON has no value", "write the number of days (a multiple of 7) on the line after the header")
        }
        if rows.count > 1 {
            throw fail(rows[1].line, "SECTION_HORIZON has more than one value line", "keep a single line with the number of days")
        }
        try expectFields(row, .horizon, ["Days"])
        let value = try number(row.fields[0], "the horizon", row.line)
        guard value > 0 else {
            throw fail(row.line, "the horizon is 0 days; it must be a positive multiple of 7", "give the number of days, such as 14 or 28")
        }
        guard value % 7 == 0 else {
            throw fail(row.line, "the horizon \(value) is not a multiple of 7",
                       "the horizon is whole weeks starting on a Monday: use 7, 14, 21, 28, ...")
        }
        guard value <= ShiftInstanceReader.maximumDays else {
            throw fail(row.line, "the horizon \(value) is longer than \(ShiftInstanceReader.maximumDays) days",
                       "give a shorter horizon")
        }
        days = value
    }

    mutating func readShifts() throws(ShiftInstanceError) {
        let header = layout.headers[.shifts]!
        let rows = layout.rows[.shifts] ?? []
        guard !rows.isEmpty else {
            throw fail(header, "SECTION_SHIFTS has no shift types", "add one row per shift type: ShiftID, LengthMinutes, ForbiddenNext")
        }
        var firstLine: [String: Int] = [:]
        var forbiddenNames: [(row: DataRow, names: [String])] = []
        for row in rows {
            try expectFields(row, .shifts, ["ShiftID", "LengthMinutes", "ForbiddenNext"])
            let id = row.fields[0]
            try checkID(id, "shift id", row.line, shift: true)
            if let first = firstLine[id] {
                throw fail(row.line, "duplicate shift id \(quote(id)) (first at line \(first))", "give every shift type a distinct id")
            }
            firstLine[id] = row.line
            let minutes = try number(row.fields[1], "the length of shift \(quote(id))", row.line)
            guard minutes > 0 else {
                throw fail(row.line, "shift \(quote(id)) lasts 0 minutes", "give the length in minutes, at least 1 (such as 480)")
            }
            let names = try list(row.fields[2], "ForbiddenNext of shift \(quote(id))", row.line)
            shiftIndex[id] = shifts.count
            shifts.append(ShiftType(id: id, minutes: minutes, forbiddenNext: []))
            forbiddenNames.append((row, names))
        }
        for (t, entry) in forbiddenNames.enumerated() {
            var seen = Set<Int>()
            for name in entry.names {
                let next = try shift(name, "in ForbiddenNext of shift \(quote(shifts[t].id))", entry.row.line)
                guard seen.insert(next).inserted else {
                    throw fail(entry.row.line, "ForbiddenNext of shift \(quote(shifts[t].id)) lists \(quote(name)) twice", "list each shift once")
                }
                shifts[t].forbiddenNext.append(next)
            }
        }
        guard days * shifts.count <= ShiftInstanceReader.maximumCoverCells else {
            throw fail(header, "\(days) days × \(shifts.count) shift types is more than \(ShiftInstanceReader.maximumCoverCells) cover cells",
                       "give a shorter horizon or fewer shift types")
        }
    }

    mutating func readStaff() throws(ShiftInstanceError) {
        let header = layout.headers[.staff]!
        let rows = layout.rows[.staff] ?? []
        guard !rows.isEmpty else {
            throw fail(header, "SECTION_STAFF has no employees", "add one row per employee (see FORMAT.md)")
        }
        var firstLine: [String: Int] = [:]
        for row in rows {
            try expectFields(row, .staff, ["ID", "MaxShifts", "MaxTotalMinutes", "MinTotalMinutes", "MaxConsecutiveShifts",
                                           "MinConsecutiveShifts", "MinConsecutiveDaysOff", "MaxWeekends"])
            let f = row.fields
            let id = f[0]
            try checkID(id, "employee id", row.line, shift: false)
            if let first = firstLine[id] {
                throw fail(row.line, "duplicate employee id \(quote(id)) (first at line \(first))", "give every employee a distinct id")
            }
            firstLine[id] = row.line
            let who = "employee \(quote(id))"
            var limits = [Int?](repeating: nil, count: shifts.count)
            for entry in try list(f[1], "MaxShifts of \(who)", row.line) {
                let parts = entry.split(separator: "=", omittingEmptySubsequences: false).map { trimmed($0) }
                guard parts.count == 2 else {
                    throw fail(row.line, "MaxShifts entry \(quote(entry)) of \(who) is not ShiftID=limit",
                               "write each entry as ShiftID=limit, such as D=14, separated by |")
                }
                let t = try shift(parts[0], "in MaxShifts of \(who)", row.line)
                guard limits[t] == nil else {
                    throw fail(row.line, "MaxShifts of \(who) lists shift \(quote(parts[0])) twice", "give one limit per shift type")
                }
                limits[t] = try number(parts[1], "the MaxShifts limit of \(who) for shift \(quote(parts[0]))", row.line)
            }
            if let missing = limits.firstIndex(where: { $0 == nil }) {
                let s = shifts[missing].id
                throw fail(row.line, "\(who) has no MaxShifts limit for shift \(quote(s))",
                           "add \(s)=limit to the MaxShifts list (\(s)=0 if \(id) may never work it)")
            }
            let maxTotal = try number(f[2], "MaxTotalMinutes of \(who)", row.line)
            let minTotal = try number(f[3], "MinTotalMinutes of \(who)", row.line)
            let maxConsecutive = try number(f[4], "MaxConsecutiveShifts of \(who)", row.line)
            let minConsecutive = try number(f[5], "MinConsecutiveShifts of \(who)", row.line)
            let minDaysOff = try number(f[6], "MinConsecutiveDaysOff of \(who)", row.line)
            let maxWeekends = try number(f[7], "MaxWeekends of \(who)", row.line)
            guard minTotal <= maxTotal else {
                throw fail(row.line, "MinTotalMinutes \(minTotal) of \(who) exceeds MaxTotalMinutes \(maxTotal)",
                           "no roster can satisfy both: lower MinTotalMinutes or raise MaxTotalMinutes")
            }
            employeeIndex[id] = staff.count
            staff.append(Employee(id: id, maxShifts: limits.map { $0! }, maxTotalMinutes: maxTotal, minTotalMinutes: minTotal,
                                  maxConsecutiveShifts: maxConsecutive, minConsecutiveShifts: minConsecutive,
                                  minConsecutiveDaysOff: minDaysOff, maxWeekends: maxWeekends, daysOff: []))
        }
    }

    mutating func readDaysOff() throws(ShiftInstanceError) {
        var firstLine: [Int: Int] = [:]
        for row in layout.rows[.daysOff] ?? [] {
            guard row.fields.count >= 2 else {
                throw fail(row.line, "a SECTION_DAYS_OFF row has \(row.fields.count) field; expected the employee id and at least one day",
                           "write EmployeeID, day, day, ... (0-based days)")
            }
            let e = try employee(row.fields[0], "in SECTION_DAYS_OFF", row.line)
            if let first = firstLine[e] {
                throw fail(row.line, "employee \(quote(row.fields[0])) has a second SECTION_DAYS_OFF row (first at line \(first))",
                           "merge the rows into one")
            }
            firstLine[e] = row.line
            var seen = Set<Int>()
            for field in row.fields.dropFirst() {
                let d = try day(field, row.line)
                guard seen.insert(d).inserted else {
                    throw fail(row.line, "day \(d) is listed twice for employee \(quote(row.fields[0]))", "list each day once")
                }
            }
            staff[e].daysOff = seen.sorted()
        }
    }

    func readRequests(_ section: InstanceSection, kind: String) throws(ShiftInstanceError) -> [Request] {
        var requests: [Request] = []
        for row in layout.rows[section] ?? [] {
            try expectFields(row, section, ["EmployeeID", "Day", "ShiftID", "Weight"])
            let e = try employee(row.fields[0], "in an \(kind)", row.line)
            let d = try day(row.fields[1], row.line)
            let t = try shift(row.fields[2], "in an \(kind)", row.line)
            let w = try number(row.fields[3], "the weight of the \(kind)", row.line)
            requests.append(Request(employee: e, day: d, shift: t, weight: w))
        }
        return requests
    }

    /// Missing (day, shift) pairs get requirement 0 and weights 0 (see `ShiftInstanceReader`).
    func readCover() throws(ShiftInstanceError) -> [[Cover]] {
        let header = layout.headers[.cover]!
        let rows = layout.rows[.cover] ?? []
        guard !rows.isEmpty else {
            throw fail(header, "SECTION_COVER has no rows", "add one row per day and shift: Day, ShiftID, Requirement, WeightUnder, WeightOver")
        }
        let none = Cover(requirement: 0, weightUnder: 0, weightOver: 0)
        var cover = [[Cover]](repeating: [Cover](repeating: none, count: shifts.count), count: days)
        var firstLine = [[Int]](repeating: [Int](repeating: 0, count: shifts.count), count: days)
        for row in rows {
            try expectFields(row, .cover, ["Day", "ShiftID", "Requirement", "WeightUnder", "WeightOver"])
            let d = try day(row.fields[0], row.line)
            let t = try shift(row.fields[1], "in SECTION_COVER", row.line)
            if firstLine[d][t] != 0 {
                throw fail(row.line, "a second cover row for day \(d), shift \(quote(row.fields[1])) (first at line \(firstLine[d][t]))",
                           "keep one row per day and shift")
            }
            firstLine[d][t] = row.line
            let requirement = try number(row.fields[2], "the cover requirement", row.line)
            let under = try number(row.fields[3], "the under-cover weight", row.line)
            let over = try number(row.fields[4], "the over-cover weight", row.line)
            cover[d][t] = Cover(requirement: requirement, weightUnder: under, weightOver: over)
        }
        return cover
    }

    // MARK: - Fields

    func fail(_ line: Int, _ problem: String, _ fix: String) -> ShiftInstanceError {
        ShiftInstanceError(file: file, line: line, problem: problem, fix: fix)
    }

    func expectFields(_ row: DataRow, _ section: InstanceSection, _ names: [String]) throws(ShiftInstanceError) {
        guard row.fields.count != names.count else { return }
        let plural = row.fields.count == 1 ? "field" : "fields"
        throw fail(row.line, "a \(section.rawValue) row has \(row.fields.count) \(plural); expected \(names.count) (\(names.joined(separator: ", ")))",
                   "write the \(names.count) comma-separated fields (an empty one still needs its comma)")
    }

    /// A whole number from 0 to `ShiftInstanceReader.maximumValue`.
    func number(_ field: String, _ what: String, _ line: Int) throws(ShiftInstanceError) -> Int {
        guard !field.isEmpty else { throw fail(line, "\(what) is empty", "write a whole number") }
        let digits = field.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        if !digits {
            if field.hasPrefix("-"), field.count > 1, field.utf8.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                throw fail(line, "\(what) is negative (\(field))", "write a whole number of 0 or more")
            }
            throw fail(line, "\(what) \(quote(field)) is not a whole number", "write digits only, such as 480")
        }
        guard field.utf8.count <= 10, let value = Int(field), value <= ShiftInstanceReader.maximumValue else {
            throw fail(line, "\(what) \(quote(field)) is too large", "numbers above \(ShiftInstanceReader.maximumValue) are refused")
        }
        return value
    }

    /// A day of the horizon, 0-based.
    func day(_ field: String, _ line: Int) throws(ShiftInstanceError) -> Int {
        let d = try number(field, "the day", line)
        guard d < days else {
            throw fail(line, "day \(d) is outside the horizon (days 0 to \(days - 1))", "days are 0-based: use 0 to \(days - 1)")
        }
        return d
    }

    func shift(_ name: String, _ context: String, _ line: Int) throws(ShiftInstanceError) -> Int {
        guard !name.isEmpty else { throw fail(line, "a shift id is empty \(context)", "write the id of a shift of SECTION_SHIFTS") }
        guard let t = shiftIndex[name] else {
            throw fail(line, "unknown shift \(quote(name)) \(context)", "use a shift of SECTION_SHIFTS: \(names(shifts.map(\.id)))")
        }
        return t
    }

    func employee(_ name: String, _ context: String, _ line: Int) throws(ShiftInstanceError) -> Int {
        guard !name.isEmpty else { throw fail(line, "an employee id is empty \(context)", "write the id of an employee of SECTION_STAFF") }
        guard let e = employeeIndex[name] else {
            throw fail(line, "unknown employee \(quote(name)) \(context)", "use an employee of SECTION_STAFF: \(names(staff.map(\.id)))")
        }
        return e
    }

    func checkID(_ id: String, _ what: String, _ line: Int, shift: Bool) throws(ShiftInstanceError) {
        guard !id.isEmpty else { throw fail(line, "the \(what) is empty", "give every row an id in its first field") }
        if shift, id.contains("|") || id.contains("=") {
            throw fail(line, "the \(what) \(quote(id)) contains '|' or '='", "shift ids are used in |-lists and ShiftID=limit entries: rename it")
        }
    }

    /// A `|`-list; an empty field is an empty list; empty entries are refused.
    func list(_ field: String, _ what: String, _ line: Int) throws(ShiftInstanceError) -> [String] {
        guard !field.isEmpty else { return [] }
        let entries = field.split(separator: "|", omittingEmptySubsequences: false).map { trimmed($0) }
        guard !entries.contains(where: \.isEmpty) else {
            throw fail(line, "\(what) has an empty entry in \(quote(field))", "separate the entries with a single |")
        }
        return entries
    }

    /// At most 10 ids for a message.
    func names(_ ids: [String]) -> String {
        ids.count <= 10 ? ids.joined(separator: ", ") : ids.prefix(10).joined(separator: ", ") + ", ... (\(ids.count) in all)"
    }
}
