import StrictJSON
import Foundation

/// Reads and cross-checks a `continuum-reservists/1` scenario (docs/reservist-format.md).
///
/// The reader is strict: unknown or repeated fields, wrong types (a boolean must be `true` or
/// `false`, never `1` or `"true"`), missing required fields, unknown or duplicate ids, malformed
/// dates or dates outside the horizon, inverted ranges, out-of-range numbers and per-day lists of
/// the wrong length are errors that name the JSON path and say what to do. Defaults are resolved
/// (an absent `annualCap` is 60 for a gendarmerie reservist and 90 for a police reservist) and
/// `available` is expanded into sorted, unique day indices.
///
/// The JSON is parsed by a strict parser of its own (JSONParser.swift) rather than
/// JSONSerialization, which on Linux accepts trailing commas and silently keeps only the last of
/// two fields with the same name; it reads a 10 MB file of 30 000 reservists in well under a second.
public enum ReservistReader {
    /// The value of the `format` field.
    public static let format = "continuum-reservists/1"
    /// Files larger than this are refused before they are read.
    public static let maximumFileBytes = 512 * 1024 * 1024

    /// Reads the scenario in the file at `path`; errors name the file as `path`.
    public static func read(path: String) throws(ReservistInputError) -> ReservistScenario {
        func failure(_ problem: String, _ fix: String) -> ReservistInputError {
            ReservistInputError(file: path, path: "$", problem: problem, fix: fix)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw failure("no such file", "check the path and the file name")
        }
        if isFolder.boolValue { throw failure("this is a folder, not a file", "name the scenario file itself") }
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw failure("cannot read the file's size: \(error.localizedDescription)", "check the file's permissions")
        }
        if size > maximumFileBytes { throw tooLarge(size, file: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw failure("cannot read the file: \(error.localizedDescription)", "check the file's permissions")
        }
        return try parse(data: data, fileName: path)
    }

    /// Reads a scenario from `data`; errors name the file as `fileName`.
    public static func parse(data: Data, fileName: String) throws(ReservistInputError) -> ReservistScenario {
        if data.count > maximumFileBytes { throw tooLarge(data.count, file: fileName) }
        if data.isEmpty {
            throw ReservistInputError(file: fileName, path: "$", problem: "the file is empty",
                                      fix: "write a scenario object { \"format\": \"\(format)\", ... } (docs/reservist-format.md)")
        }
        let result: Result<JSONValue, ReservistInputError> = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<JSONValue, ReservistInputError> in
            var bytes = raw.bindMemory(to: UInt8.self)
            var skipped = 0
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
                bytes = UnsafeBufferPointer(rebasing: bytes[3...])
                skipped = 3
            }
            if let bad = firstInvalidUTF8(bytes) {
                let (line, column) = lineAndColumn(of: bad, in: bytes)
                return .failure(ReservistInputError(
                    file: fileName, path: "$",
                    problem: "the file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at line \(line), column \(column), offset \(bad + skipped))",
                    fix: "save the file as UTF-8"))
            }
            do throws(JSONSyntaxError) {
                return .success(try JSONParser.parse(bytes))
            } catch {
                let (line, column) = lineAndColumn(of: min(error.offset, bytes.count), in: bytes)
                let path = JSONPath.root.appending(error.steps.reversed()).text
                return .failure(ReservistInputError(file: fileName, path: path,
                                                    problem: "invalid JSON at line \(line), column \(column): \(error.problem)",
                                                    fix: error.fix))
            }
        }
        let root: JSONValue
        switch result {
        case .success(let value): root = value
        case .failure(let error): throw error
        }
        return try Walker(file: fileName).scenario(root)
    }

    private static func tooLarge(_ size: Int, file: String) -> ReservistInputError {
        ReservistInputError(file: file, path: "$",
                            problem: "the file is \(size / (1024 * 1024)) MB, larger than the \(maximumFileBytes / (1024 * 1024)) MB limit",
                            fix: "split the scenario (for example by region) or check that this is the right file")
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let second = bytes[i + 1]
            guard second >= low && second <= high else { return i }
            for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// 1-based line and column (in characters) of byte `offset`.
    static func lineAndColumn(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1, column = 1
        for i in 0..<min(offset, bytes.count) {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}

// MARK: - The walker: JSON values to the resolved scenario

/// Checks the parsed JSON against the format and builds the scenario.
private struct Walker {
    let file: String

    typealias Pairs = [(key: String, value: JSONValue)]

    func fail(_ path: JSONPath, _ problem: String, _ fix: String) -> ReservistInputError {
        ReservistInputError(file: file, path: path.text, problem: problem, fix: fix)
    }

    // MARK: Objects

    /// An object whose field names are all in `allowed`, each once.
    struct Object {
        let pairs: Pairs
        let path: JSONPath
        let what: String

        func value(_ key: String) -> JSONValue? {
            for pair in pairs where pair.key == key { return pair.value }
            return nil
        }

        /// The value, or nil when the field is absent or null.
        func optional(_ key: String) -> JSONValue? {
            guard let value = value(key) else { return nil }
            if case .null = value { return nil }
            return value
        }

        func at(_ key: String) -> JSONPath { .key(path, key) }
    }

    func object(_ value: JSONValue, at path: @autoclosure () -> JSONPath, what: String,
                allowed: [String]) throws(ReservistInputError) -> Object {
        guard case .object(let pairs) = value else {
            throw fail(path(), "expected \(what) (an object), found \(value.kindDescription)", "write an object: { ... }")
        }
        var clean = pairs.count <= allowed.count
        if clean {
            outer: for i in pairs.indices {
                guard allowed.contains(pairs[i].key) else {
                    clean = false
                    break
                }
                for j in 0..<i where pairs[j].key == pairs[i].key {
                    clean = false
                    break outer
                }
            }
        }
        let object = Object(pairs: pairs, path: path(), what: what)
        if !clean {
            var seen = Set<String>()
            for pair in pairs where !seen.insert(pair.key).inserted {
                throw fail(object.at(pair.key), "field \(quoted(pair.key)) appears twice in \(what)", "keep only one of them")
            }
            for pair in pairs where !allowed.contains(pair.key) {
                throw fail(object.at(pair.key), "unknown field \(quoted(pair.key)) in \(what)",
                           "remove it or use one of: \(allowed.joined(separator: ", "))\(hint(pair.key, allowed))")
            }
        }
        return object
    }

    func required(_ object: Object, _ key: String, example: @autoclosure () -> String) throws(ReservistInputError) -> JSONValue {
        guard let value = object.value(key) else {
            throw fail(object.path, "missing required field \(quoted(key)) in \(object.what)", "add \"\(key)\": \(example())")
        }
        return value
    }

    // MARK: Typed values

    func string(_ value: JSONValue, at path: @autoclosure () -> JSONPath) throws(ReservistInputError) -> String {
        guard case .string(let s) = value else {
            throw fail(path(), "expected a string, found \(value.kindDescription)", "write the value in double quotes")
        }
        return s
    }

    /// A string with at least one non-blank character.
    func text(_ value: JSONValue, at path: @autoclosure () -> JSONPath) throws(ReservistInputError) -> String {
        let s = try string(value, at: path())
        guard s.contains(where: { !$0.isWhitespace }) else { throw fail(path(), "the text is empty", "write a non-empty text") }
        return s
    }

    /// Letters, digits, `-`, `_`, `.` (ASCII), 1 to 64 characters.
    func identifier(_ value: JSONValue, at path: @autoclosure () -> JSONPath, what: String) throws(ReservistInputError) -> String {
        guard case .string(let s) = value else {
            throw fail(path(), "expected \(what) (a string), found \(value.kindDescription)", "write the id in double quotes, like \"33\"")
        }
        var count = 0
        var valid = true
        for b in s.utf8 {
            count += 1
            let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x2E
            if !ok { valid = false }
        }
        guard valid, count >= 1, count <= 64 else {
            throw fail(path(), s.isEmpty ? "empty \(what)" : "invalid \(what) \(quoted(s))",
                       "use 1 to 64 letters, digits, '-', '_' or '.' (ASCII)")
        }
        return s
    }

    func bool(_ value: JSONValue, at path: @autoclosure () -> JSONPath) throws(ReservistInputError) -> Bool {
        guard case .bool(let b) = value else {
            throw fail(path(), "expected a boolean, found \(value.kindDescription)", "write true or false, without quotes")
        }
        return b
    }

    func array(_ value: JSONValue, at path: @autoclosure () -> JSONPath, of what: String) throws(ReservistInputError) -> [JSONValue] {
        guard case .array(let items) = value else {
            throw fail(path(), "expected a list of \(what), found \(value.kindDescription)", "write a list in brackets: [ ... ]")
        }
        return items
    }

    func number(_ value: JSONValue, at path: @autoclosure () -> JSONPath, in range: ClosedRange<Double>,
                unit: String = "") throws(ReservistInputError) -> Double {
        let d: Double
        switch value {
        case .int(let i): d = Double(i)
        case .double(let x): d = x
        default:
            throw fail(path(), "expected a number, found \(value.kindDescription)",
                       "write a number from \(formatNumber(range.lowerBound)) to \(formatNumber(range.upperBound))\(unit), without quotes")
        }
        guard d.isFinite, range.contains(d) else {
            throw fail(path(), "\(formatNumber(d)) is out of range\(d < 0 && range.lowerBound >= 0 ? " (negative)" : "")",
                       "write a number from \(formatNumber(range.lowerBound)) to \(formatNumber(range.upperBound))\(unit)")
        }
        return d
    }

    func integer(_ value: JSONValue, at path: @autoclosure () -> JSONPath, in range: ClosedRange<Int>,
                 unit: String = "") throws(ReservistInputError) -> Int {
        let fix = "write a whole number from \(range.lowerBound) to \(range.upperBound)\(unit), without quotes"
        switch value {
        case .int(let i):
            guard range.contains(i) else {
                throw fail(path(), "\(i) is out of range\(i < 0 && range.lowerBound >= 0 ? " (negative)" : "")", fix)
            }
            return i
        case .double(let d):
            guard d == d.rounded() else { throw fail(path(), "expected a whole number, found \(formatNumber(d))", fix) }
            guard d >= Double(range.lowerBound) && d <= Double(range.upperBound) else {
                throw fail(path(), "\(formatNumber(d)) is out of range\(d < 0 && range.lowerBound >= 0 ? " (negative)" : "")", fix)
            }
            return Int(d)
        default:
            throw fail(path(), "expected a whole number, found \(value.kindDescription)", fix)
        }
    }

    func date(_ value: JSONValue, at path: @autoclosure () -> JSONPath) throws(ReservistInputError) -> CivilDate {
        let s = try string(value, at: path())
        guard let date = CivilDate(fastISO: s) else {
            throw fail(path(), "\(quoted(s)) is not a date", "write an existing date as YYYY-MM-DD, like 2026-06-01")
        }
        return date
    }

    // MARK: The scenario

    static let topFields = ["format", "name", "planningDate", "start", "days", "rules", "departments", "reservists", "missions"]
    static let ruleFields = ["employerQuotaDays", "defaultNoticeDays", "reactivityNoticeDays", "travelAllowancePerKm",
                             "roadFactor", "fairShareDays", "fairnessPenaltyPerDay"]
    static let departmentFields = ["id", "name"]
    static let reservistFields = ["id", "corps", "department", "home", "rank", "dailyPay", "skills", "available", "annualCap",
                                  "daysServed", "salaried", "employerConsent", "employerDaysUsed", "reactivity", "maxTravelKm"]
    static let missionFields = ["id", "department", "location", "start", "end", "skill", "needed", "priority",
                                "publicOrder", "activeStaff"]
    static let locationFields = ["lat", "lon"]

    func scenario(_ root: JSONValue) throws(ReservistInputError) -> ReservistScenario {
        guard case .object(let rootPairs) = root else {
            throw fail(.root, "expected the scenario object, found \(root.kindDescription)",
                       "write { \"format\": \"\(ReservistReader.format)\", ... } (docs/reservist-format.md)")
        }
        // The format first: another kind of file should be named as such, not as a list of unknown fields.
        let formatValue = rootPairs.first(where: { $0.key == "format" })?.value
        guard let formatValue else {
            throw fail(.root, "missing required field 'format'", "add \"format\": \"\(ReservistReader.format)\"")
        }
        let format = try string(formatValue, at: .key(.root, "format"))
        guard format == ReservistReader.format else {
            throw fail(.key(.root, "format"), "unknown format \(quoted(format))",
                       "this reader takes \"\(ReservistReader.format)\" (docs/reservist-format.md)")
        }
        let top = try object(root, at: .root, what: "the scenario", allowed: Self.topFields)

        let name = try text(required(top, "name", example: "\"Summer 2026\""), at: top.at("name"))
        let start = try date(required(top, "start", example: "\"2026-06-01\""), at: top.at("start"))
        let dayCount = try integer(required(top, "days", example: "90"), at: top.at("days"), in: 1...366, unit: " days")
        let last = start.adding(days: dayCount - 1)
        let planningDate = try date(required(top, "planningDate", example: "\"\(start.adding(days: -20))\""), at: top.at("planningDate"))
        guard planningDate <= last, planningDate >= start.adding(days: -366) else {
            throw fail(top.at("planningDate"),
                       "planning date \(planningDate) is \(planningDate > last ? "after the horizon's last day \(last)" : "more than 366 days before the start \(start)")",
                       "set the day the call-up notices are sent, usually a few weeks before \(start)")
        }
        let horizon = Horizon(start: start, last: last, count: dayCount)

        var rules = ReservistRules()
        if let value = top.optional("rules") {
            rules = try self.rules(value, at: top.at("rules"))
        }

        let departmentItems = try array(required(top, "departments", example: "[{ \"id\": \"33\", \"name\": \"Gironde\" }]"),
                                        at: top.at("departments"), of: "departments")
        var departments: [Department] = []
        departments.reserveCapacity(departmentItems.count)
        var departmentIndex: [String: Int] = [:]
        let departmentsPath = top.at("departments")
        for (i, item) in departmentItems.enumerated() {
            let o = try object(item, at: .index(departmentsPath, i), what: "a department", allowed: Self.departmentFields)
            let id = try identifier(required(o, "id", example: "\"33\""), at: o.at("id"), what: "department id")
            let name = try text(required(o, "name", example: "\"Gironde\""), at: o.at("name"))
            if let first = departmentIndex.updateValue(i, forKey: id) {
                throw fail(o.at("id"), "department id \(quoted(id)) is used twice (first at $.departments[\(first)])", "give each department its own id")
            }
            departments.append(Department(id: id, name: name))
        }

        let reservistItems = try array(required(top, "reservists", example: "[ ... ]"), at: top.at("reservists"), of: "reservists")
        var reservists: [Reservist] = []
        reservists.reserveCapacity(reservistItems.count)
        var reservistIndex: [String: Int] = [:]
        reservistIndex.reserveCapacity(reservistItems.count)
        var scratch = [Bool](repeating: false, count: dayCount)
        let reservistsPath = top.at("reservists")
        for (i, item) in reservistItems.enumerated() {
            let reservist = try self.reservist(item, at: .index(reservistsPath, i), horizon: horizon,
                                               departments: departmentIndex, scratch: &scratch)
            if let first = reservistIndex.updateValue(i, forKey: reservist.id) {
                throw fail(.key(.index(reservistsPath, i), "id"), "reservist id \(quoted(reservist.id)) is used twice (first at $.reservists[\(first)])",
                           "give each reservist its own id")
            }
            reservists.append(reservist)
        }

        let missionItems = try array(required(top, "missions", example: "[ ... ]"), at: top.at("missions"), of: "missions")
        var missions: [Mission] = []
        missions.reserveCapacity(missionItems.count)
        var missionIndex: [String: Int] = [:]
        let missionsPath = top.at("missions")
        for (i, item) in missionItems.enumerated() {
            let mission = try self.mission(item, at: .index(missionsPath, i), horizon: horizon, departments: departmentIndex)
            if let first = missionIndex.updateValue(i, forKey: mission.id) {
                throw fail(.key(.index(missionsPath, i), "id"), "mission id \(quoted(mission.id)) is used twice (first at $.missions[\(first)])",
                           "give each mission its own id")
            }
            missions.append(mission)
        }

        return ReservistScenario(name: name, planningDate: planningDate, startDate: start, dayCount: dayCount, rules: rules,
                                 departments: departments, reservists: reservists, missions: missions)
    }

    func rules(_ value: JSONValue, at path: JSONPath) throws(ReservistInputError) -> ReservistRules {
        let o = try object(value, at: path, what: "the rules", allowed: Self.ruleFields)
        var rules = ReservistRules()
        if let v = o.value("employerQuotaDays") {
            rules.employerQuotaDays = try integer(v, at: o.at("employerQuotaDays"), in: 0...366, unit: " working days")
        }
        if let v = o.value("defaultNoticeDays") {
            rules.defaultNoticeDays = try integer(v, at: o.at("defaultNoticeDays"), in: 0...366, unit: " days")
        }
        if let v = o.value("reactivityNoticeDays") {
            rules.reactivityNoticeDays = try integer(v, at: o.at("reactivityNoticeDays"), in: 0...366, unit: " days")
        }
        if let v = o.value("travelAllowancePerKm") {
            rules.travelAllowancePerKm = try number(v, at: o.at("travelAllowancePerKm"), in: 0...100, unit: " EUR per km")
        }
        if let v = o.value("roadFactor") {
            rules.roadFactor = try number(v, at: o.at("roadFactor"), in: 1...5)
        }
        if let v = o.value("fairShareDays") {
            rules.fairShareDays = try integer(v, at: o.at("fairShareDays"), in: 0...366, unit: " days")
        }
        if let v = o.value("fairnessPenaltyPerDay") {
            rules.fairnessPenaltyPerDay = try number(v, at: o.at("fairnessPenaltyPerDay"), in: 0...10000, unit: " EUR per day")
        }
        return rules
    }

    func location(_ value: JSONValue, at path: @autoclosure () -> JSONPath, what: String) throws(ReservistInputError) -> Location {
        let o = try object(value, at: path(), what: what, allowed: Self.locationFields)
        let lat = try number(required(o, "lat", example: "44.84"), at: o.at("lat"), in: -90...90, unit: " degrees")
        let lon = try number(required(o, "lon", example: "-0.58"), at: o.at("lon"), in: -180...180, unit: " degrees")
        return Location(latitude: lat, longitude: lon)
    }

    func departmentReference(_ value: JSONValue, at path: @autoclosure () -> JSONPath,
                             departments: [String: Int]) throws(ReservistInputError) -> Int {
        let id = try identifier(value, at: path(), what: "department id")
        guard let index = departments[id] else {
            throw fail(path(), "unknown department \(quoted(id))", "use one of the ids in $.departments\(hint(id, Array(departments.keys).sorted()))")
        }
        return index
    }

    func reservist(_ value: JSONValue, at path: JSONPath, horizon: Horizon, departments: [String: Int],
                   scratch: inout [Bool]) throws(ReservistInputError) -> Reservist {
        let o = try object(value, at: path, what: "a reservist", allowed: Self.reservistFields)
        let id = try identifier(required(o, "id", example: "\"R000001\""), at: o.at("id"), what: "reservist id")
        let corpsText = try string(required(o, "corps", example: "\"gendarmerie-reservist\""), at: o.at("corps"))
        guard let corps = ReservistCorps(rawValue: corpsText) else {
            let names = ReservistCorps.allCases.map(\.rawValue)
            throw fail(o.at("corps"), "unknown corps \(quoted(corpsText))", "use one of: \(names.joined(separator: ", "))\(hint(corpsText, names))")
        }
        let department = try departmentReference(required(o, "department", example: "\"33\""), at: o.at("department"), departments: departments)
        let home = try location(required(o, "home", example: "{ \"lat\": 44.84, \"lon\": -0.58 }"), at: o.at("home"), what: "a home location")
        let rank = try o.value("rank").map { v throws(ReservistInputError) in try string(v, at: o.at("rank")) } ?? ""
        let dailyPay = try number(required(o, "dailyPay", example: "80"), at: o.at("dailyPay"), in: 0...10000, unit: " EUR")

        var skills: [String] = []
        if let v = o.value("skills") {
            let items = try array(v, at: o.at("skills"), of: "skills")
            for (k, item) in items.enumerated() {
                skills.append(try identifier(item, at: .index(o.at("skills"), k), what: "skill"))
            }
            if skills.count > 1 {
                skills.sort()
                var unique: [String] = [skills[0]]
                for s in skills.dropFirst() where s != unique[unique.count - 1] { unique.append(s) }
                skills = unique
            }
        }

        let availablePath = o.at("available")
        let entries = try array(required(o, "available", example: "[\"2026-06-01/2026-06-14\", \"2026-07-03\"]"),
                                at: availablePath, of: "dates and date ranges")
        var any = false
        for (k, entry) in entries.enumerated() {
            let (from, to) = try dayRange(entry, at: .index(availablePath, k), horizon: horizon)
            for d in from...to { scratch[d] = true }
            any = true
        }
        var availableDays: [Int] = []
        if any {
            for d in 0..<scratch.count where scratch[d] {
                availableDays.append(d)
                scratch[d] = false
            }
        }

        let defaultCap = corps == .gendarmerieReservist ? 60 : 90
        let annualCap = try o.value("annualCap").map { v throws(ReservistInputError) in
            try integer(v, at: o.at("annualCap"), in: 0...366, unit: " days")
        } ?? defaultCap
        let daysServed = try o.value("daysServed").map { v throws(ReservistInputError) in
            try integer(v, at: o.at("daysServed"), in: 0...366, unit: " days")
        } ?? 0
        let salaried = try o.value("salaried").map { v throws(ReservistInputError) in try bool(v, at: o.at("salaried")) } ?? false
        let employerConsent = try o.value("employerConsent").map { v throws(ReservistInputError) in
            try bool(v, at: o.at("employerConsent"))
        } ?? false
        let employerDaysUsed = try o.value("employerDaysUsed").map { v throws(ReservistInputError) in
            try integer(v, at: o.at("employerDaysUsed"), in: 0...366, unit: " working days")
        } ?? 0
        let reactivity = try o.value("reactivity").map { v throws(ReservistInputError) in try bool(v, at: o.at("reactivity")) } ?? false
        let maxTravelKm = try o.value("maxTravelKm").map { v throws(ReservistInputError) in
            try number(v, at: o.at("maxTravelKm"), in: 0...2000, unit: " km")
        } ?? 100

        return Reservist(id: id, corps: corps, department: department, home: home, rank: rank, dailyPay: dailyPay,
                         skills: skills, availableDays: availableDays, annualCap: annualCap, daysServed: daysServed,
                         salaried: salaried, employerConsent: employerConsent, employerDaysUsed: employerDaysUsed,
                         reactivity: reactivity, maxTravelKm: maxTravelKm)
    }

    /// `"YYYY-MM-DD"` or `"FROM/TO"` (inclusive), as day indices inside the horizon.
    func dayRange(_ value: JSONValue, at path: @autoclosure () -> JSONPath, horizon: Horizon) throws(ReservistInputError) -> (Int, Int) {
        let s = try string(value, at: path())
        var fix: String {
            "write a date YYYY-MM-DD or a range FROM/TO, like \"\(horizon.start)/\(horizon.start.adding(days: min(6, horizon.count - 1)))\""
        }
        let from: CivilDate, to: CivilDate
        if let single = CivilDate(fastISO: s) {
            from = single
            to = single
        } else if let (a, b) = CivilDate.fastRange(s) {
            guard a <= b else {
                throw fail(path(), "the range \(quoted(s)) ends before it starts (inverted range)", "write FROM/TO with FROM on or before TO")
            }
            from = a
            to = b
        } else {
            let parts = s.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw fail(path(), "\(quoted(s)) is neither a date nor a range", fix) }
            for part in parts where CivilDate(fastISO: String(part)) == nil {
                throw fail(path(), "\(quoted(String(part))) is not a date", fix)
            }
            throw fail(path(), "\(quoted(s)) is not a range", fix)
        }
        guard from >= horizon.start, to <= horizon.last else {
            let outside = from < horizon.start ? from : to
            throw fail(path(), "date \(outside) is outside the horizon (\(horizon.start) to \(horizon.last))",
                       "keep availability inside the horizon (start + days)")
        }
        return (from.days(since: horizon.start), to.days(since: horizon.start))
    }

    func mission(_ value: JSONValue, at path: JSONPath, horizon: Horizon, departments: [String: Int]) throws(ReservistInputError) -> Mission {
        let o = try object(value, at: path, what: "a mission", allowed: Self.missionFields)
        let id = try identifier(required(o, "id", example: "\"M-33-001\""), at: o.at("id"), what: "mission id")
        let department = try departmentReference(required(o, "department", example: "\"33\""), at: o.at("department"), departments: departments)
        let location = try location(required(o, "location", example: "{ \"lat\": 44.66, \"lon\": -1.17 }"), at: o.at("location"), what: "a mission location")
        let startDate = try date(required(o, "start", example: "\"\(horizon.start)\""), at: o.at("start"))
        let endDate = try date(required(o, "end", example: "\"\(horizon.last)\""), at: o.at("end"))
        for (key, d) in [("start", startDate), ("end", endDate)] where d < horizon.start || d > horizon.last {
            throw fail(o.at(key), "date \(d) is outside the horizon (\(horizon.start) to \(horizon.last))",
                       "keep the mission inside the horizon (start + days)")
        }
        guard startDate <= endDate else {
            throw fail(o.at("end"), "the mission ends (\(endDate)) before it starts (\(startDate)) (inverted range)",
                       "set end on or after start")
        }
        let firstDay = startDate.days(since: horizon.start), lastDay = endDate.days(since: horizon.start)
        let span = lastDay - firstDay + 1
        let skill = try o.optional("skill").map { v throws(ReservistInputError) in try identifier(v, at: o.at("skill"), what: "skill") }
        let needed = try perDay(required(o, "needed", example: "5"), at: o.at("needed"), span: span, startDate: startDate, endDate: endDate)
        let priority = try number(required(o, "priority", example: "400"), at: o.at("priority"), in: 0...1e7, unit: " EUR per missing reservist-day")
        let publicOrder = try o.value("publicOrder").map { v throws(ReservistInputError) in try bool(v, at: o.at("publicOrder")) } ?? false
        let activeStaff = try o.optional("activeStaff").map { v throws(ReservistInputError) in
            try perDay(v, at: o.at("activeStaff"), span: span, startDate: startDate, endDate: endDate)
        }
        return Mission(id: id, department: department, location: location, firstDay: firstDay, lastDay: lastDay, skill: skill,
                       needed: needed, priority: priority, publicOrder: publicOrder, activeStaff: activeStaff)
    }

    /// A whole number for every day, or a list with one whole number per day.
    func perDay(_ value: JSONValue, at path: JSONPath, span: Int, startDate: CivilDate, endDate: CivilDate) throws(ReservistInputError) -> [Int] {
        if case .array(let items) = value {
            guard items.count == span else {
                throw fail(path, "the list has \(items.count) value\(items.count == 1 ? "" : "s") but the mission lasts \(span) day\(span == 1 ? "" : "s") (\(startDate) to \(endDate))",
                           "write one number per day, or a single number for every day")
            }
            var result: [Int] = []
            result.reserveCapacity(span)
            for (k, item) in items.enumerated() {
                result.append(try integer(item, at: .index(path, k), in: 0...100_000, unit: " reservists a day"))
            }
            return result
        }
        let n = try integer(value, at: path, in: 0...100_000, unit: " reservists a day (or a list with one per day)")
        return [Int](repeating: n, count: span)
    }
}

/// The horizon: `count` days from `start` to `last` inclusive.
private struct Horizon {
    let start: CivilDate
    let last: CivilDate
    let count: Int
}

/// ` (did you mean 'x'?)` when a close name exists (edit distance 1 or 2), else "".
func hint(_ word: String, _ names: [String]) -> String {
    let w = Array(word.lowercased().unicodeScalars)
    guard !w.isEmpty, w.count <= 64 else { return "" }
    var best: (name: String, distance: Int)?
    for name in names.prefix(1000) {
        let n = Array(name.lowercased().unicodeScalars)
        guard !n.isEmpty, abs(n.count - w.count) <= 2 else { continue }
        var previous = Array(0...n.count)
        for i in 1...w.count {
            var current = [i] + [Int](repeating: 0, count: n.count)
            for j in 1...n.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (w[i - 1] == n[j - 1] ? 0 : 1))
            }
            previous = current
        }
        let distance = previous[n.count]
        if distance <= 2, distance < (best?.distance ?? 3) { best = (name, distance) }
    }
    return best.map { " (did you mean \(quoted($0.name))?)" } ?? ""
}

extension CivilDate {
    /// `FROM/TO`, two dates `YYYY-MM-DD` (in any order), or nil.
    static func fastRange(_ text: String) -> (CivilDate, CivilDate)? {
        var text = text
        return text.withUTF8 { b -> (CivilDate, CivilDate)? in
            guard b.count == 21, b[10] == UInt8(ascii: "/"),
                  let from = CivilDate(isoBytes: UnsafeBufferPointer(rebasing: b[0..<10])),
                  let to = CivilDate(isoBytes: UnsafeBufferPointer(rebasing: b[11..<21])) else { return nil }
            return (from, to)
        }
    }

    init?(fastISO text: String) {
        var text = text
        guard let date = text.withUTF8({ CivilDate(isoBytes: $0) }) else { return nil }
        self = date
    }

    /// `YYYY-MM-DD` read straight from the UTF-8 bytes (the reader parses hundreds of thousands).
    init?(isoBytes b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var v = 0
            for i in range {
                let c = b[i]
                guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                v = v * 10 + Int(c - UInt8(ascii: "0"))
            }
            return v
        }
        guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
              (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.init(daysSinceEpoch: CivilDate.days(year: year, month: month, day: day))
    }
}
