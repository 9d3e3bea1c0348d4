import StrictJSON
/// Builds people from the scenario's `people` list or from the rows of a CSV `peopleFile`, with the
/// same checks for both.
struct PersonContext {
    let grid: Grid
    let communes: IDIndex
    let sites: IDIndex

    static let fieldNames = [
        "id", "corps", "status", "qualifications", "sex", "commune", "radios", "site", "publicRoadAuthorised",
        "availability", "lastShiftEnd", "hoursThisWeek", "costPerHour",
    ]

    /// A person as the JSON/YAML `people` list writes it.
    func person(fromJSON value: Value, at spot: Spot) throws(ScenarioError) -> Person {
        let f = try Fields(value, at: spot, allowed: Self.fieldNames, what: "a person")
        let id = try checkID(try f.required("id", "\"np-0001\"").string(at: f.at("id")), at: f.at("id"), what: "person id")
        let corps: Corps = try parseEnum(try f.required("corps", "\"national-police\"").string(at: f.at("corps")),
                                         at: f.at("corps"), what: "corps")
        var person = Person(id: id, corps: corps, status: .none, qualifications: [], sex: nil, commune: nil, radios: [],
                            site: nil, publicRoadAuthorised: false, availability: [grid.horizon.window],
                            lastShiftEnd: nil, hoursThisWeek: 0, costPerHour: 0)
        if let v = f.optional("status") {
            person.status = try parseEnum(try v.string(at: f.at("status")), at: f.at("status"), what: "status")
        }
        if let v = f.optional("qualifications") {
            person.qualifications = try names(v, at: f.at("qualifications"), what: "qualification")
        }
        if let v = f.optional("sex") { person.sex = try parseEnum(try v.string(at: f.at("sex")), at: f.at("sex"), what: "sex") }
        if let v = f.optional("commune") { person.commune = try communes.resolve(try v.string(at: f.at("commune")), at: f.at("commune")) }
        if let v = f.optional("radios") { person.radios = try names(v, at: f.at("radios"), what: "radio network") }
        if let v = f.optional("site") { person.site = try sites.resolve(try v.string(at: f.at("site")), at: f.at("site")) }
        if let v = f.optional("publicRoadAuthorised") {
            person.publicRoadAuthorised = try v.bool(at: f.at("publicRoadAuthorised"))
        }
        if let v = f.optional("availability") {
            let spot = f.at("availability")
            var windows: [TimeWindow] = []
            for (k, item) in try v.array(at: spot).enumerated() {
                let w = try Fields(item, at: spot.item(k), allowed: ["start", "end"], what: "an availability window")
                windows.append(try grid.window(start: try w.required("start", "\"2026-05-30T12:00:00+02:00\"").string(at: w.at("start")),
                                               end: try w.required("end", "\"2026-05-30T20:00:00+02:00\"").string(at: w.at("end")),
                                               startSpot: w.at("start"), endSpot: w.at("end")))
            }
            try checkDisjoint(windows, at: spot)
            person.availability = windows
        }
        if let v = f.optional("lastShiftEnd") {
            person.lastShiftEnd = try lastShiftEnd(try v.string(at: f.at("lastShiftEnd")), at: f.at("lastShiftEnd"))
        }
        if let v = f.optional("hoursThisWeek") {
            person.hoursThisWeek = try v.number(at: f.at("hoursThisWeek"), in: 0...ScenarioBuilder.maximumHours)
        }
        if let v = f.optional("costPerHour") {
            person.costPerHour = try v.number(at: f.at("costPerHour"), in: 0...ScenarioBuilder.maximumCost)
        }
        try checkCorpsFields(person, at: spot, inCSV: false)
        return person
    }

    /// A person from one CSV row: `cells[slots[f]]` is the (trimmed) text of field `fieldNames[f]`,
    /// `slots[f]` nil when the file has no such column; an empty cell means absent.
    func person(fromCSV cells: [Substring], slots: [Int?], file: String, line: Int) throws(ScenarioError) -> Person {
        func spot(_ column: String) -> Spot { .csv(file, line: line, column: column) }
        func text(_ field: CSVField) -> String? {
            guard let k = slots[field.rawValue], !cells[k].isEmpty else { return nil }
            return String(cells[k])
        }
        guard let rawID = text(.id) else { throw spot("id").fail("missing id", "every row needs an id") }
        let id = try checkID(rawID, at: spot("id"), what: "person id")
        guard let rawCorps = text(.corps) else { throw spot("corps").fail("missing corps", "every row needs a corps") }
        let corps: Corps = try parseEnum(rawCorps, at: spot("corps"), what: "corps")
        var person = Person(id: id, corps: corps, status: .none, qualifications: [], sex: nil, commune: nil, radios: [],
                            site: nil, publicRoadAuthorised: false, availability: [grid.horizon.window],
                            lastShiftEnd: nil, hoursThisWeek: 0, costPerHour: 0)
        if let s = text(.status) { person.status = try parseEnum(s, at: spot("status"), what: "status") }
        if let s = text(.qualifications) {
            person.qualifications = try names(csvList: s, at: spot("qualifications"), what: "qualification")
        }
        if let s = text(.sex) { person.sex = try parseEnum(s, at: spot("sex"), what: "sex") }
        if let s = text(.commune) { person.commune = try communes.resolve(s, at: spot("commune")) }
        if let s = text(.radios) { person.radios = try names(csvList: s, at: spot("radios"), what: "radio network") }
        if let s = text(.site) { person.site = try sites.resolve(s, at: spot("site")) }
        if let s = text(.publicRoadAuthorised) {
            switch s.lowercased() {
            case "true": person.publicRoadAuthorised = true
            case "false": person.publicRoadAuthorised = false
            default: throw spot("publicRoadAuthorised").fail("expected true or false, found \(quoted(s))", "write true or false, or leave it empty")
            }
        }
        if let s = text(.availability) {
            var windows: [TimeWindow] = []
            for (k, item) in splitASCII(s, on: UInt8(ascii: ";")).enumerated() {
                let parts = splitASCII(item, on: UInt8(ascii: "/"))
                guard parts.count == 2 else {
                    throw spot("availability").fail("window \(k + 1) \(quoted(item)) is not start/end",
                                                    "write start/end;start/end, e.g. 2026-05-30T12:00:00+02:00/2026-05-30T20:00:00+02:00")
                }
                windows.append(try grid.window(start: String(parts[0].trimmingBlanks), end: String(parts[1].trimmingBlanks),
                                               startSpot: spot("availability"), endSpot: spot("availability")))
            }
            try checkDisjoint(windows, at: spot("availability"))
            person.availability = windows
        }
        if let s = text(.lastShiftEnd) { person.lastShiftEnd = try lastShiftEnd(s, at: spot("lastShiftEnd")) }
        if let s = text(.hoursThisWeek) {
            person.hoursThisWeek = try csvNumber(s, at: spot("hoursThisWeek"), in: 0...ScenarioBuilder.maximumHours)
        }
        if let s = text(.costPerHour) {
            person.costPerHour = try csvNumber(s, at: spot("costPerHour"), in: 0...ScenarioBuilder.maximumCost)
        }
        try checkCorpsFields(person, at: .csv(file, line: line), inCSV: true)
        return person
    }

    /// The person fields in the order of `fieldNames`.
    enum CSVField: Int {
        case id, corps, status, qualifications, sex, commune, radios, site, publicRoadAuthorised, availability,
             lastShiftEnd, hoursThisWeek, costPerHour
    }

    /// Municipal police need a commune, private security a site.
    private func checkCorpsFields(_ person: Person, at spot: Spot, inCSV: Bool) throws(ScenarioError) {
        if person.corps == .municipalPolice && person.commune == nil {
            throw spot.fail("municipal police officer \(quoted(person.id)) has no commune",
                            inCSV ? "fill the commune column with one of the ids in $.communes"
                                : "add \"commune\" with one of the ids in $.communes")
        }
        if person.corps == .privateSecurity && person.site == nil {
            throw spot.fail("private security agent \(quoted(person.id)) has no site",
                            inCSV ? "fill the site column with one of the ids in $.sites" : "add \"site\" with one of the ids in $.sites")
        }
    }

    /// Availability windows must not overlap (touching is fine).
    private func checkDisjoint(_ windows: [TimeWindow], at spot: Spot) throws(ScenarioError) {
        guard windows.count > 1 else { return }
        let order = windows.indices.sorted { (windows[$0].start, $0) < (windows[$1].start, $1) }
        for (a, b) in zip(order, order.dropFirst()) where windows[b].start < windows[a].end {
            let (first, second) = (min(a, b), max(a, b))
            throw spot.item(second).fail(
                "availability window \(second + 1) (\(windows[second].start) to \(windows[second].end)) overlaps window \(first + 1) (\(windows[first].start) to \(windows[first].end))",
                "merge the two windows")
        }
    }

    /// Before (or at) the horizon start, on the slot grid.
    private func lastShiftEnd(_ s: String, at spot: @autoclosure () -> Spot) throws(ScenarioError) -> Timestamp {
        let t = try parseTimestamp(s, at: spot())
        guard t <= grid.horizon.start else {
            throw spot().fail("lastShiftEnd \(s) is after the horizon start (\(grid.horizon.start))",
                              "give the end of the last shift before the horizon; use availability for later shifts")
        }
        guard grid.isOnGrid(t) else {
            throw spot().fail("time \(s) is off the \(grid.horizon.slotMinutes)-minute slot grid (which starts at \(grid.horizon.start))",
                              "round it up to a slot boundary")
        }
        return t
    }

    /// Qualifications or radios: sorted, without duplicates.
    private func names(_ value: Value, at spot: Spot, what: String) throws(ScenarioError) -> [String] {
        let items = try value.array(at: spot)
        var result: [String] = []
        result.reserveCapacity(items.count)
        for (k, item) in items.enumerated() {
            if case .string(let name) = item, isValidID(name) {
                result.append(name)  // the common case, without building a path
            } else {
                result.append(try checkID(try item.string(at: spot.item(k)), at: spot.item(k), what: what))
            }
        }
        return sortedUnique(result)
    }

    private func names(csvList: String, at spot: Spot, what: String) throws(ScenarioError) -> [String] {
        var result: [String] = []
        for item in splitASCII(csvList, on: UInt8(ascii: ";")) {
            let name = item.trimmingBlanks
            guard !name.isEmpty else {
                throw spot.fail("empty item in the list \(quoted(csvList))", "separate names with single ';', e.g. armed;leader")
            }
            result.append(try checkID(String(name), at: spot, what: what))
        }
        return sortedUnique(result)
    }

    private func csvNumber(_ s: String, at spot: @autoclosure () -> Spot, in range: ClosedRange<Double>) throws(ScenarioError) -> Double {
        let bytes = Array(s.utf8)
        guard numberLength(bytes, from: 0) == bytes.count, let d = Double(s) else {
            throw spot().fail("\(quoted(s)) is not a number",
                            s.contains(",") ? "use a dot as the decimal separator (12.5)" : "write a number such as 12 or 12.5")
        }
        return try checked(d, at: spot(), in: range)
    }
}

func sortedUnique(_ names: [String]) -> [String] {
    guard names.count > 1 else { return names }
    var sorted = names.sorted()
    var write = 1
    for read in 1..<sorted.count where sorted[read] != sorted[write - 1] {
        sorted[write] = sorted[read]
        write += 1
    }
    sorted.removeLast(sorted.count - write)
    return sorted
}

extension Horizon {
    /// The whole horizon as one window.
    var window: TimeWindow { TimeWindow(start: start, end: end) }
}

/// `text` cut at every `separator` byte (an ASCII character), empty pieces kept. Works on UTF-8
/// code units: no grapheme breaking.
func splitASCII(_ text: some StringProtocol, on separator: UInt8) -> [Substring] {
    let s = Substring(text)
    var pieces: [Substring] = []
    var start = s.utf8.startIndex
    var i = start
    while i < s.utf8.endIndex {
        if s.utf8[i] == separator {
            pieces.append(s[start..<i])
            start = s.utf8.index(after: i)
        }
        i = s.utf8.index(after: i)
    }
    pieces.append(s[start..<s.utf8.endIndex])
    return pieces
}

extension Substring {
    /// Without leading and trailing spaces and tabs (on UTF-8 code units).
    var trimmingBlanks: Substring {
        let u = utf8
        var start = u.startIndex, end = u.endIndex
        while start < end, u[start] == 0x20 || u[start] == 0x09 { start = u.index(after: start) }
        while end > start, u[u.index(before: end)] == 0x20 || u[u.index(before: end)] == 0x09 { end = u.index(before: end) }
        return self[start..<end]
    }
}
