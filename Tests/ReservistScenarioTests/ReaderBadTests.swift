import Foundation
import Testing
import ReservistScenario

/// A small valid scenario; each bad case edits it in one place.
let baseDocument = """
{
  "format": "continuum-reservists/1",
  "name": "Base",
  "planningDate": "2026-05-12",
  "start": "2026-06-01",
  "days": 10,
  "rules": { "employerQuotaDays": 8, "roadFactor": 1.25 },
  "departments": [ { "id": "33", "name": "Gironde" }, { "id": "40", "name": "Landes" } ],
  "reservists": [
    { "id": "R1", "corps": "gendarmerie-reservist", "department": "33", "home": { "lat": 44.84, "lon": -0.58 }, "rank": "gendarme", "dailyPay": 80, "skills": ["driver"], "available": ["2026-06-01/2026-06-05", "2026-06-08"], "annualCap": 60, "daysServed": 12, "salaried": true, "employerConsent": false, "employerDaysUsed": 3, "reactivity": false, "maxTravelKm": 80 },
    { "id": "R2", "corps": "police-reservist", "department": "40", "home": { "lat": 43.89, "lon": -0.5 }, "dailyPay": 90, "available": [] }
  ],
  "missions": [
    { "id": "M1", "department": "33", "location": { "lat": 44.66, "lon": -1.17 }, "start": "2026-06-02", "end": "2026-06-04", "skill": null, "needed": [1, 2, 3], "priority": 400, "publicOrder": true, "activeStaff": 2 },
    { "id": "M2", "department": "40", "location": { "lat": 44.39, "lon": -1.16 }, "start": "2026-06-10", "end": "2026-06-10", "needed": 4, "priority": 250 }
  ]
}
"""

/// One bad input: `old` replaced by `new` in the base document (or a whole `text`); the error must
/// be at `path` and its one-line description must contain `phrase`.
struct BadCase: Sendable, CustomTestStringConvertible {
    var name: String
    var old = ""
    var new = ""
    var text: String?
    var path: String
    var phrase: String
    var testDescription: String { name }

    init(_ name: String, _ old: String, _ new: String, path: String, _ phrase: String) {
        self.name = name
        self.old = old
        self.new = new
        self.path = path
        self.phrase = phrase
    }

    init(_ name: String, text: String, path: String, _ phrase: String) {
        self.name = name
        self.text = text
        self.path = path
        self.phrase = phrase
    }

    /// The bad document, or nil (with a recorded issue) when the edit does not apply exactly once.
    func document() -> String? {
        if let text { return text }
        let pieces = baseDocument.components(separatedBy: old)
        guard pieces.count == 2 else {
            Issue.record("case \(name): \(old) occurs \(pieces.count - 1) times in the base document, expected once")
            return nil
        }
        return pieces.joined(separator: new)
    }
}

let badCases: [BadCase] = [
    // The whole document
    BadCase("root is a list", text: "[1, 2]", path: "$", "expected the scenario object"),
    BadCase("root is a string", text: "\"continuum\"", path: "$", "expected the scenario object"),
    BadCase("whitespace only", text: "  \n\t ", path: "$", "no JSON value"),
    BadCase("another format", "\"continuum-reservists/1\"", "\"continuum-event/1\"", path: "$.format", "unknown format 'continuum-event/1'"),
    BadCase("format missing", "\"format\": \"continuum-reservists/1\",", "", path: "$", "missing required field 'format'"),
    BadCase("format is a number", "\"continuum-reservists/1\"", "1", path: "$.format", "expected a string"),
    BadCase("unknown top-level field", "\"days\": 10,", "\"days\": 10, \"dayz\": 3,", path: "$.dayz", "unknown field 'dayz'"),
    BadCase("repeated field", "\"name\": \"Base\",", "\"name\": \"Base\", \"name\": \"Other\",", path: "$.name", "appears twice"),
    BadCase("name missing", "\"name\": \"Base\",", "", path: "$", "missing required field 'name'"),
    BadCase("name blank", "\"name\": \"Base\"", "\"name\": \"  \"", path: "$.name", "the text is empty"),
    BadCase("days zero", "\"days\": 10", "\"days\": 0", path: "$.days", "0 is out of range"),
    BadCase("days beyond a year", "\"days\": 10", "\"days\": 367", path: "$.days", "367 is out of range"),
    BadCase("days quoted", "\"days\": 10", "\"days\": \"10\"", path: "$.days", "expected a whole number, found a string"),
    BadCase("days fractional", "\"days\": 10", "\"days\": 10.5", path: "$.days", "expected a whole number, found 10.5"),
    BadCase("start malformed", "\"start\": \"2026-06-01\"", "\"start\": \"2026-6-1\"", path: "$.start", "'2026-6-1' is not a date"),
    BadCase("start does not exist", "\"start\": \"2026-06-01\"", "\"start\": \"2026-02-30\"", path: "$.start", "is not a date"),
    BadCase("planning date after the horizon", "\"planningDate\": \"2026-05-12\"", "\"planningDate\": \"2026-07-01\"",
            path: "$.planningDate", "after the horizon's last day"),
    BadCase("planning date missing", "\"planningDate\": \"2026-05-12\",", "", path: "$", "missing required field 'planningDate'"),
    // Rules
    BadCase("unknown rule", "\"roadFactor\": 1.25 }", "\"roadFactor\": 1.25, \"quota\": 3 }", path: "$.rules.quota", "unknown field 'quota'"),
    BadCase("road factor below 1", "\"roadFactor\": 1.25", "\"roadFactor\": 0.5", path: "$.rules.roadFactor", "0.5 is out of range"),
    BadCase("negative quota", "\"employerQuotaDays\": 8", "\"employerQuotaDays\": -1", path: "$.rules.employerQuotaDays", "out of range (negative)"),
    BadCase("rules not an object", "\"rules\": { \"employerQuotaDays\": 8, \"roadFactor\": 1.25 }", "\"rules\": []",
            path: "$.rules", "expected the rules (an object)"),
    // Departments
    BadCase("duplicate department", "{ \"id\": \"40\", \"name\": \"Landes\" }", "{ \"id\": \"33\", \"name\": \"Landes\" }",
            path: "$.departments[1].id", "department id '33' is used twice"),
    BadCase("department id as a number", "{ \"id\": \"40\",", "{ \"id\": 40,", path: "$.departments[1].id", "expected department id (a string)"),
    BadCase("department without name", "{ \"id\": \"40\", \"name\": \"Landes\" }", "{ \"id\": \"40\" }",
            path: "$.departments[1]", "missing required field 'name'"),
    BadCase("department id with a space", "{ \"id\": \"40\",", "{ \"id\": \"4 0\",", path: "$.departments[1].id", "invalid department id '4 0'"),
    // Reservists
    BadCase("unknown department", "\"department\": \"40\", \"home\"", "\"department\": \"64\", \"home\"",
            path: "$.reservists[1].department", "unknown department '64'"),
    BadCase("unknown corps", "\"police-reservist\"", "\"police\"", path: "$.reservists[1].corps", "unknown corps 'police'"),
    BadCase("boolean as a number", "\"salaried\": true", "\"salaried\": 1", path: "$.reservists[0].salaried", "expected a boolean, found a number"),
    BadCase("boolean as a string", "\"reactivity\": false", "\"reactivity\": \"false\"", path: "$.reservists[0].reactivity",
            "expected a boolean, found a string"),
    BadCase("boolean as null", "\"employerConsent\": false", "\"employerConsent\": null", path: "$.reservists[0].employerConsent",
            "expected a boolean, found null"),
    BadCase("negative pay", "\"dailyPay\": 80", "\"dailyPay\": -5", path: "$.reservists[0].dailyPay", "-5 is out of range (negative)"),
    BadCase("absurd pay", "\"dailyPay\": 80", "\"dailyPay\": 20000", path: "$.reservists[0].dailyPay", "20000 is out of range"),
    BadCase("latitude beyond the pole", "\"lat\": 44.84", "\"lat\": 95", path: "$.reservists[0].home.lat", "95 is out of range"),
    BadCase("longitude beyond 180", "\"lon\": -0.5 }", "\"lon\": -200 }", path: "$.reservists[1].home.lon", "-200 is out of range"),
    BadCase("home without longitude", "{ \"lat\": 43.89, \"lon\": -0.5 }", "{ \"lat\": 43.89 }", path: "$.reservists[1].home",
            "missing required field 'lon'"),
    BadCase("home with an extra field", "{ \"lat\": 43.89, \"lon\": -0.5 }", "{ \"lat\": 43.89, \"lon\": -0.5, \"alt\": 10 }",
            path: "$.reservists[1].home.alt", "unknown field 'alt'"),
    BadCase("cap beyond a year", "\"annualCap\": 60", "\"annualCap\": 400", path: "$.reservists[0].annualCap", "400 is out of range"),
    BadCase("fractional cap", "\"annualCap\": 60", "\"annualCap\": 60.5", path: "$.reservists[0].annualCap", "expected a whole number"),
    BadCase("negative days served", "\"daysServed\": 12", "\"daysServed\": -1", path: "$.reservists[0].daysServed", "(negative)"),
    BadCase("absurd travel", "\"maxTravelKm\": 80", "\"maxTravelKm\": 5000", path: "$.reservists[0].maxTravelKm", "5000 is out of range"),
    BadCase("availability outside the horizon", "\"2026-06-08\"", "\"2026-06-20\"", path: "$.reservists[0].available[1]",
            "date 2026-06-20 is outside the horizon (2026-06-01 to 2026-06-10)"),
    BadCase("availability before the horizon", "\"2026-06-01/2026-06-05\"", "\"2026-05-30/2026-06-05\"", path: "$.reservists[0].available[0]",
            "date 2026-05-30 is outside the horizon"),
    BadCase("inverted availability range", "\"2026-06-01/2026-06-05\"", "\"2026-06-05/2026-06-01\"", path: "$.reservists[0].available[0]",
            "inverted range"),
    BadCase("malformed range", "\"2026-06-01/2026-06-05\"", "\"2026-06-01/06-05\"", path: "$.reservists[0].available[0]", "'06-05' is not a date"),
    BadCase("range with three parts", "\"2026-06-01/2026-06-05\"", "\"2026-06-01/2026-06-03/2026-06-05\"", path: "$.reservists[0].available[0]",
            "neither a date nor a range"),
    BadCase("availability not a list", "\"available\": []", "\"available\": \"2026-06-01\"", path: "$.reservists[1].available",
            "expected a list of dates and date ranges"),
    BadCase("availability missing", ", \"available\": [] }", " }", path: "$.reservists[1]", "missing required field 'available'"),
    BadCase("duplicate reservist", "\"id\": \"R2\"", "\"id\": \"R1\"", path: "$.reservists[1].id", "reservist id 'R1' is used twice (first at $.reservists[0])"),
    BadCase("reservist id with a space", "\"id\": \"R2\"", "\"id\": \"R 2\"", path: "$.reservists[1].id", "invalid reservist id 'R 2'"),
    BadCase("skill not a string", "\"skills\": [\"driver\"]", "\"skills\": [true]", path: "$.reservists[0].skills[0]", "expected skill (a string)"),
    BadCase("unknown reservist field", "\"maxTravelKm\": 80 }", "\"maxTravelKm\": 80, \"phone\": \"06\" }", path: "$.reservists[0].phone",
            "unknown field 'phone' in a reservist"),
    BadCase("misspelt reservist field", "\"dailyPay\": 90", "\"dayliPay\": 90", path: "$.reservists[1].dayliPay", "did you mean 'dailyPay'?"),
    BadCase("repeated reservist field", "\"dailyPay\": 90", "\"dailyPay\": 90, \"dailyPay\": 95", path: "$.reservists[1].dailyPay", "appears twice"),
    BadCase("reservist is a string", "{ \"id\": \"R2\", \"corps\": \"police-reservist\", \"department\": \"40\", \"home\": { \"lat\": 43.89, \"lon\": -0.5 }, \"dailyPay\": 90, \"available\": [] }",
            "\"R2\"", path: "$.reservists[1]", "expected a reservist (an object)"),
    // Missions
    BadCase("mission ends before it starts", "\"end\": \"2026-06-04\"", "\"end\": \"2026-06-01\"", path: "$.missions[0].end", "before it starts"),
    BadCase("mission ends after the horizon", "\"end\": \"2026-06-04\"", "\"end\": \"2026-06-11\"", path: "$.missions[0].end",
            "date 2026-06-11 is outside the horizon"),
    BadCase("mission starts before the horizon", "\"start\": \"2026-06-02\"", "\"start\": \"2026-05-31\"", path: "$.missions[0].start", "outside the horizon"),
    BadCase("needed list too short", "[1, 2, 3]", "[1, 2]", path: "$.missions[0].needed", "has 2 values but the mission lasts 3 days"),
    BadCase("needed list too long", "[1, 2, 3]", "[1, 2, 3, 4]", path: "$.missions[0].needed", "has 4 values but the mission lasts 3 days"),
    BadCase("negative need", "[1, 2, 3]", "[1, -2, 3]", path: "$.missions[0].needed[1]", "-2 is out of range (negative)"),
    BadCase("absurd need", "\"needed\": 4", "\"needed\": 200000", path: "$.missions[1].needed", "200000 is out of range"),
    BadCase("need as text", "\"needed\": 4", "\"needed\": \"4\"", path: "$.missions[1].needed", "expected a whole number, found a string"),
    BadCase("active staff list of the wrong length", "\"activeStaff\": 2", "\"activeStaff\": [1, 2]", path: "$.missions[0].activeStaff",
            "has 2 values but the mission lasts 3 days"),
    BadCase("absurd priority", "\"priority\": 400", "\"priority\": 1e8", path: "$.missions[0].priority", "100000000 is out of range"),
    BadCase("priority quoted", "\"priority\": 250", "\"priority\": \"250\"", path: "$.missions[1].priority", "expected a number, found a string"),
    BadCase("priority missing", ", \"priority\": 250", "", path: "$.missions[1]", "missing required field 'priority'"),
    BadCase("mission in an unknown department", "\"department\": \"40\", \"location\"", "\"department\": \"41\", \"location\"",
            path: "$.missions[1].department", "unknown department '41'"),
    BadCase("public order null", "\"publicOrder\": true", "\"publicOrder\": null", path: "$.missions[0].publicOrder", "expected a boolean, found null"),
    BadCase("skill as a number", "\"skill\": null", "\"skill\": 5", path: "$.missions[0].skill", "expected skill (a string)"),
    BadCase("duplicate mission", "\"id\": \"M2\"", "\"id\": \"M1\"", path: "$.missions[1].id", "mission id 'M1' is used twice"),
    BadCase("missions not a list", text: baseDocument.replacingOccurrences(of: "\"missions\": [", with: "\"missions\": {\"a\": [")
                .replacingOccurrences(of: "\n  ]\n}", with: "\n  ]}\n}"), path: "$.missions", "expected a list of missions, found an object"),
    // Syntax: the path of the value being read, and the line and column
    BadCase("trailing comma in a list", "[1, 2, 3]", "[1, 2, 3,]", path: "$.missions[0].needed", "trailing comma"),
    BadCase("trailing comma in an object", "\"needed\": 4, \"priority\": 250 }", "\"needed\": 4, \"priority\": 250, }", path: "$.missions[1]",
            "trailing comma"),
    BadCase("NaN", "\"dailyPay\": 80", "\"dailyPay\": NaN", path: "$.reservists[0].dailyPay", "NaN and Infinity are not JSON numbers"),
    BadCase("negative infinity", "\"dailyPay\": 80", "\"dailyPay\": -Infinity", path: "$.reservists[0].dailyPay", "NaN and Infinity"),
    BadCase("number too large for a double", "\"dailyPay\": 80", "\"dailyPay\": 1e400", path: "$.reservists[0].dailyPay", "too large"),
    BadCase("leading zero", "\"days\": 10", "\"days\": 010", path: "$.days", "leading zeros"),
    BadCase("single quotes", "\"name\": \"Base\"", "\"name\": 'Base'", path: "$.name", "single quotes"),
    BadCase("missing comma", "\"days\": 10,", "\"days\": 10", path: "$.days", "expected ',' or '}'"),
    BadCase("unclosed string", text: "{\"format\": \"continuum-reservists/1\", \"name\": \"Base", path: "$.name", "never closed"),
    BadCase("unclosed object", text: "{\"format\": \"continuum-reservists/1\"", path: "$", "ends inside an object"),
    BadCase("content after the object", text: baseDocument + " {}", path: "$", "after the end of the JSON value"),
    BadCase("raw line break in a string", "\"name\": \"Base\"", "\"name\": \"Ba\nse\"", path: "$.name", "control character 0xA inside a string"),
    BadCase("bad escape", "\"name\": \"Base\"", "\"name\": \"Ba\\qse\"", path: "$.name", "invalid escape"),
    BadCase("lone surrogate", "\"name\": \"Base\"", "\"name\": \"Ba\\ud800se\"", path: "$.name", "unpaired UTF-16 surrogate"),
    BadCase("capitalised literal", "\"salaried\": true", "\"salaried\": True", path: "$.reservists[0].salaried", "where a value was expected"),
    BadCase("literal run on", "\"salaried\": true", "\"salaried\": truex", path: "$.reservists[0].salaried", "after true"),
    BadCase("comment", "\"days\": 10,", "\"days\": 10, // ten days", path: "$", "expected a field name"),
]

@Suite("Reader: bad files")
struct ReaderBadTests {
    @Test("the base document is valid")
    func baseIsValid() throws {
        let s = try parse(baseDocument)
        #expect(s.reservists.count == 2 && s.missions.count == 2)
        #expect(s.reservists[0].availableDays == [0, 1, 2, 3, 4, 7])
        #expect(s.reservists[1].annualCap == 90)
        #expect(s.missions[0].activeStaff == [2, 2, 2])
    }

    @Test("names the JSON path and the problem", arguments: badCases)
    func bad(_ c: BadCase) throws {
        let document = try #require(c.document())
        let error = try #require(readError { () throws(ReservistInputError) in try parse(document) })
        #expect(error.path == c.path, "\(error.description)")
        #expect(error.description.contains(c.phrase), "\(error.description)")
        #expect(error.file == "base.json")
        #expect(error.description.hasPrefix("base.json: \(c.path): "))
        #expect(!error.description.contains("\n"))
        #expect(!error.fix.isEmpty)
    }

    @Test("syntax errors give the line and column")
    func lineAndColumn() throws {
        let document = baseDocument.replacingOccurrences(of: "[1, 2, 3]", with: "[1, 2, 3,]")
        let error = try #require(readError { () throws(ReservistInputError) in try parse(document) })
        let line = document.components(separatedBy: "\n").firstIndex { $0.contains("[1, 2, 3,]") }! + 1
        #expect(error.problem.contains("line \(line), column "), "\(error.description)")
    }

    @Test("there are at least 30 bad cases, each with a distinct name")
    func enoughCases() {
        #expect(badCases.count >= 30)
        #expect(Set(badCases.map(\.name)).count == badCases.count)
    }

    @Test("a message stays on one line even when the value holds line breaks")
    func oneLine() throws {
        let document = baseDocument.replacingOccurrences(of: "\"police-reservist\"", with: "\"police\\nreservist\"")
        let error = try #require(readError { () throws(ReservistInputError) in try parse(document) })
        #expect(error.path == "$.reservists[1].corps")
        #expect(!error.description.contains("\n"))
        #expect(error.description.contains("'police\\nreservist'"))
    }

    @Test("odd field names are quoted in the path")
    func oddFieldName() throws {
        let document = baseDocument.replacingOccurrences(of: "\"days\": 10,", with: "\"days\": 10, \"my field\": 1,")
        let error = try #require(readError { () throws(ReservistInputError) in try parse(document) })
        #expect(error.path == "$[\"my field\"]")
    }

    @Test("nesting deeper than 64 levels is refused; 64 levels are parsed")
    func nesting() throws {
        let deep = "{\"format\": \"continuum-reservists/1\", \"name\": " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "}"
        let error = try #require(readError { () throws(ReservistInputError) in try parse(deep) })
        #expect(error.problem.contains("nested more than 64 levels"), "\(error.description)")
        #expect(error.path.hasPrefix("$.name[0][0]"))
        // 63 arrays inside the root object: 64 levels, parsed; the walker then refuses the type.
        let fine = "{\"format\": \"continuum-reservists/1\", \"name\": " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "}"
        let second = try #require(readError { () throws(ReservistInputError) in try parse(fine) })
        #expect(second.path == "$.name")
        #expect(second.problem.contains("expected a string, found an array"))
        // Far deeper input does not overflow the stack.
        let huge = String(repeating: "[", count: 100_000)
        #expect(readError { () throws(ReservistInputError) in try parse(huge) }?.problem.contains("nested more than 64") == true)
    }

    @Test("empty files, invalid UTF-8, missing files and folders")
    func files() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let empty = try folder.write("empty.json", bytes: [])
        let e1 = try #require(readError { () throws(ReservistInputError) in try ReservistReader.read(path: empty) })
        #expect(e1.description == "\(empty): $: the file is empty; write a scenario object { \"format\": \"continuum-reservists/1\", ... } (docs/reservist-format.md)")

        var bytes = Array(baseDocument.utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "B"))!
        bytes[at] = 0xFF
        let latin = try folder.write("latin.json", bytes: bytes)
        let e2 = try #require(readError { () throws(ReservistInputError) in try ReservistReader.read(path: latin) })
        #expect(e2.problem.contains("not valid UTF-8 (byte 0xFF at line 3, column 12"), "\(e2.description)")

        // An overlong encoding and a UTF-16 surrogate encoded in UTF-8 are not UTF-8 either.
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82]] {
            let text = Array("{\"name\": \"".utf8) + bad + Array("\"}".utf8)
            let error = try #require(readError { () throws(ReservistInputError) in try ReservistReader.parse(data: Data(text), fileName: "u.json") })
            #expect(error.problem.contains("not valid UTF-8"))
        }

        let missing = folder.path + "/nothing.json"
        let e3 = try #require(readError { () throws(ReservistInputError) in try ReservistReader.read(path: missing) })
        #expect(e3.problem == "no such file")
        let e4 = try #require(readError { () throws(ReservistInputError) in try ReservistReader.read(path: folder.path) })
        #expect(e4.problem.contains("folder"))
    }

    @Test("files over 512 MB are refused before they are read")
    func tooLarge() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("huge.json", bytes: Array("{".utf8))
        // A sparse file: 513 MB long, almost no disk used; reading it would take seconds and memory.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(513 * 1024 * 1024))
        try handle.close()
        let started = Date()
        let error = try #require(readError { () throws(ReservistInputError) in try ReservistReader.read(path: path) })
        #expect(error.problem.contains("larger than the 512 MB limit"), "\(error.description)")
        #expect(Date().timeIntervalSince(started) < 0.5)
    }
}
