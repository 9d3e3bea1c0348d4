import Foundation
import Testing
import EventScenario

/// A small valid scenario; each bad case edits it in one place.
let baseScenario = """
{
  "format": "continuum-event/1",
  "name": "Small",
  "horizon": {"start": "2026-05-30T12:00:00+02:00", "end": "2026-05-30T20:00:00+02:00", "slotMinutes": 15},
  "rules": {"shiftTemplates": [{"startTimes": ["12:00", "16:00"], "hours": 4}]},
  "communes": [{"id": "sd", "name": "Saint-Denis", "convention": null}],
  "sites": [{"id": "stadium", "name": "Stadium"}],
  "zones": [
    {"id": "gate-a", "name": "Gate A", "kind": "venue", "commune": "sd", "site": "stadium"},
    {"id": "road", "name": "Road", "kind": "public-road", "commune": "sd"}
  ],
  "patrolTemplates": [
    {"id": "pair", "roles": [
      {"id": "leader", "count": 1, "corps": ["national-police"], "status": ["OPJ", "APJ"]},
      {"id": "member", "count": 1, "corps": ["gendarmerie"]}
    ]}
  ],
  "demand": [
    {"id": "d1", "zone": "gate-a", "start": "2026-05-30T14:00:00+02:00", "end": "2026-05-30T16:00:00+02:00", "priority": 100, "patrols": {"template": "pair", "count": 1}},
    {"id": "d2", "zone": "road", "start": "2026-05-30T12:00:00+02:00", "end": "2026-05-30T13:00:00+02:00", "priority": 50, "post": {"role": "watch", "count": 1, "corps": ["municipal-police"]}}
  ],
  "people": [
    {"id": "np-1", "corps": "national-police", "status": "OPJ"},
    {"id": "pm-1", "corps": "municipal-police", "commune": "sd"},
    {"id": "ps-1", "corps": "private-security", "site": "stadium", "hoursThisWeek": 10, "costPerHour": 20}
  ]
}
"""

/// The people list of the base scenario, with the comma before it.
let peopleBlock: String = {
    let start = baseScenario.range(of: ",\n  \"people\": [")!.lowerBound
    let end = baseScenario.range(of: "\n}", options: .backwards)!.lowerBound
    return String(baseScenario[start..<end])
}()

/// One bad input: `edits` applied to the base scenario (each `old` must occur in it), or a whole
/// `text`; the error must be at `location` and its one-line description must contain `phrase`.
struct BadCase: Sendable, CustomTestStringConvertible {
    var name: String
    var format: ScenarioTextFormat = .json
    var edits: [(old: String, new: String)] = []
    var text: String?
    /// A JSON path, `line N`, or `line of:X` for the line where X first occurs in the edited text.
    var location: String
    var phrase: String

    var testDescription: String { name }

    /// The bad document, or nil (with a recorded issue) when an edit does not apply to the base.
    func document() -> String? {
        if let text { return text }
        var document = baseScenario
        for (old, new) in edits {
            guard document.contains(old) else {
                Issue.record("\(name): the base scenario does not contain \(old)")
                return nil
            }
            document = document.replacingOccurrences(of: old, with: new)
        }
        return document
    }

    func expectedLocation(in document: String) -> String {
        guard location.hasPrefix("line of:") else { return location }
        let needle = String(location.dropFirst("line of:".count))
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false)
        let index = lines.firstIndex { $0.contains(needle) } ?? -1
        return "line \(index + 1)"
    }
}

private func edit(_ name: String, _ old: String, _ new: String, _ location: String, _ phrase: String,
                  _ format: ScenarioTextFormat = .json) -> BadCase {
    BadCase(name: name, format: format, edits: [(old, new)], location: location, phrase: phrase)
}

private let nested = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)

let badCases: [BadCase] = [
    // Structure: unknown, missing, duplicated fields.
    edit("unknown root field", #""name": "Small","#, #""name": "Small", "nmae": "x","#, "$.nmae", "unknown field 'nmae'"),
    edit("unknown person field", #""status": "OPJ"}"#, #""status": "OPJ", "rank": 3}"#, "$.people[0].rank", "unknown field 'rank'"),
    edit("misspelt rule, with a hint", #""rules": {"#, #""rules": {"minShiftHour": 2, "#, "$.rules.minShiftHour",
         "did you mean 'minShiftHours'?"),
    edit("unknown field in a role", #""corps": ["gendarmerie"]}"#, #""corps": ["gendarmerie"], "qualification": []}"#,
         "$.patrolTemplates[0].roles[1].qualification", "did you mean 'qualifications'?"),
    edit("unknown fields reported in sorted order", #""status": "OPJ"}"#, #""status": "OPJ", "zz": 1, "aa": 2}"#,
         "$.people[0].aa", "unknown field 'aa'"),
    edit("field given twice", #""name": "Small","#, #""name": "Small", "name": "Other","#, "$.name", "appears twice"),
    edit("missing format", #""format": "continuum-event/1","#, "", "$", "missing required field 'format'"),
    edit("wrong format", "continuum-event/1", "continuum-event/2", "$.format", "unsupported format 'continuum-event/2'"),
    edit("missing zone name", #"{"id": "road", "name": "Road", "#, #"{"id": "road", "#, "$.zones[1]", "missing required field 'name'"),
    edit("missing shift templates", #""rules": {"shiftTemplates": [{"startTimes": ["12:00", "16:00"], "hours": 4}]}"#,
         #""rules": {}"#, "$.rules", "missing required field 'shiftTemplates'"),
    BadCase(name: "neither people nor peopleFile", edits: [(peopleBlock, "")], location: "$",
            phrase: "missing required field 'people' (or 'peopleFile')"),
    BadCase(name: "root is not an object", text: "[1, 2]", location: "$", phrase: "expected the scenario (an object), found an array"),

    // Types.
    edit("string for a whole number", #""slotMinutes": 15"#, #""slotMinutes": "15""#, "$.horizon.slotMinutes",
         "expected a whole number, found a string ('15')"),
    edit("fraction for a whole number", #""slotMinutes": 15"#, #""slotMinutes": 15.5"#, "$.horizon.slotMinutes", "expected a whole number"),
    edit("number for a boolean", #""convention": null"#,
         #""convention": {"jointPatrols": 1, "hours": {"start": "06:00", "end": "22:00"}, "armed": false}"#,
         "$.communes[0].convention.jointPatrols", "expected a boolean, found a number (1)"),
    edit("string for a boolean", #""priority": 100,"#, #""priority": 100, "publicOrder": "true","#, "$.demand[0].publicOrder",
         "expected a boolean, found a string ('true')"),
    edit("string for a list", #""corps": ["gendarmerie"]"#, #""corps": "gendarmerie""#, "$.patrolTemplates[0].roles[1].corps",
         "expected an array, found a string"),
    edit("null where a string is needed", #"{"id": "np-1", "corps": "national-police", "status": "OPJ"}"#,
         #"{"id": "np-1", "corps": "national-police", "status": "OPJ", "sex": null}"#, "$.people[0].sex", "expected a string, found null"),
    edit("empty name", #""name": "Small""#, #""name": "  ""#, "$.name", "the text is empty"),

    // Ids and references.
    edit("duplicate zone id", #"{"id": "road", "name": "Road""#, #"{"id": "gate-a", "name": "Road""#, "$.zones[1].id",
         "duplicate zone id 'gate-a' (already used at $.zones[0])"),
    edit("duplicate person id", #"{"id": "pm-1""#, #"{"id": "np-1""#, "$.people[1].id", "duplicate person id 'np-1'"),
    edit("duplicate demand id", #"{"id": "d2""#, #"{"id": "d1""#, "$.demand[1].id", "duplicate demand id 'd1'"),
    edit("id with a space", #""id": "np-1""#, #""id": "np 1""#, "$.people[0].id", "person id 'np 1' contains ' '"),
    edit("unknown zone in a demand", #""zone": "road""#, #""zone": "gate-z""#, "$.demand[1].zone",
         "unknown zone 'gate-z'; use one of the ids in $.zones"),
    edit("unknown commune in a zone", #""kind": "public-road", "commune": "sd""#, #""kind": "public-road", "commune": "sdd""#,
         "$.zones[1].commune", "unknown commune 'sdd'; use one of the ids in $.communes (did you mean 'sd'?)"),
    edit("unknown site of a person", #""site": "stadium", "hoursThisWeek""#, #""site": "arena", "hoursThisWeek""#,
         "$.people[2].site", "unknown site 'arena'"),
    edit("unknown template", #""template": "pair""#, #""template": "trio""#, "$.demand[0].patrols.template",
         "unknown patrol template 'trio'"),
    edit("unknown corps, with a hint", #""corps": "national-police", "status""#, #""corps": "national-polise", "status""#,
         "$.people[0].corps", "unknown corps 'national-polise'; use one of: national-police"),
    edit("unknown zone kind", #""kind": "venue""#, #""kind": "stadium""#, "$.zones[0].kind", "unknown zone kind 'stadium'"),
    edit("unknown sex", #""status": "OPJ"}"#, #""status": "OPJ", "sex": "X"}"#, "$.people[0].sex", "unknown sex 'X'"),
    edit("corps listed twice", #""corps": ["gendarmerie"]"#, #""corps": ["gendarmerie", "gendarmerie"]"#,
         "$.patrolTemplates[0].roles[1].corps[1]", "listed twice"),

    // Times.
    edit("time without offset", #""start": "2026-05-30T14:00:00+02:00""#, #""start": "2026-05-30T14:00:00""#,
         "$.demand[0].start", "has no UTC offset"),
    edit("time off the grid", #""start": "2026-05-30T14:00:00+02:00""#, #""start": "2026-05-30T14:07:00+02:00""#,
         "$.demand[0].start", "off the 15-minute slot grid"),
    edit("time with a fraction", #""start": "2026-05-30T14:00:00+02:00""#, #""start": "2026-05-30T14:00:00.5+02:00""#,
         "$.demand[0].start", "fraction of a second"),
    edit("impossible date", #""start": "2026-05-30T14:00:00+02:00""#, #""start": "2026-02-30T14:00:00+02:00""#,
         "$.demand[0].start", "is not a valid ISO 8601 time"),
    edit("time outside the horizon", #""end": "2026-05-30T16:00:00+02:00""#, #""end": "2026-05-30T21:00:00+02:00""#,
         "$.demand[0].end", "outside the horizon"),
    edit("inverted window", #""start": "2026-05-30T14:00:00+02:00", "end": "2026-05-30T16:00:00+02:00""#,
         #""start": "2026-05-30T16:00:00+02:00", "end": "2026-05-30T14:00:00+02:00""#, "$.demand[0].end", "is before start"),
    edit("empty window", #""end": "2026-05-30T16:00:00+02:00""#, #""end": "2026-05-30T14:00:00+02:00""#,
         "$.demand[0].end", "the window is empty"),
    edit("inverted horizon", #""end": "2026-05-30T20:00:00+02:00""#, #""end": "2026-05-30T10:00:00+02:00""#,
         "$.horizon.end", "ends (2026-05-30T10:00:00+02:00) before it starts"),
    edit("slot not dividing the horizon", #""slotMinutes": 15"#, #""slotMinutes": 7"#, "$.horizon.slotMinutes",
         "7-minute slots do not divide the horizon (480 minutes)"),
    edit("zero-minute slots", #""slotMinutes": 15"#, #""slotMinutes": 0"#, "$.horizon.slotMinutes", "0 is out of range"),
    edit("availability outside the horizon", #""status": "OPJ"}"#,
         #""status": "OPJ", "availability": [{"start": "2026-05-30T10:00:00+02:00", "end": "2026-05-30T14:00:00+02:00"}]}"#,
         "$.people[0].availability[0].start", "outside the horizon"),
    edit("overlapping availability", #""status": "OPJ"}"#,
         #""status": "OPJ", "availability": [{"start": "2026-05-30T12:00:00+02:00", "end": "2026-05-30T15:00:00+02:00"}, {"start": "2026-05-30T14:00:00+02:00", "end": "2026-05-30T16:00:00+02:00"}]}"#,
         "$.people[0].availability[1]", "availability window 2"),
    edit("last shift ending after the horizon start", #""status": "OPJ"}"#,
         #""status": "OPJ", "lastShiftEnd": "2026-05-30T13:00:00+02:00"}"#, "$.people[0].lastShiftEnd", "after the horizon start"),
    edit("shift start off the grid", #"["12:00", "16:00"]"#, #"["12:10", "16:00"]"#, "$.rules.shiftTemplates[0].startTimes[0]",
         "off the 15-minute slot grid"),
    edit("shift start not a time of day", #"["12:00", "16:00"]"#, #"["12:00", "24:00"]"#, "$.rules.shiftTemplates[0].startTimes[1]",
         "'24:00' is not a time of day"),
    edit("no shift fits the horizon", #"["12:00", "16:00"]"#, #"["19:00"]"#, "$.rules.shiftTemplates", "no shift of any template fits"),
    edit("ambiguous convention hours", #""convention": null"#,
         #""convention": {"jointPatrols": true, "hours": {"start": "06:00", "end": "06:00"}, "armed": false}"#,
         "$.communes[0].convention.hours.end", "ambiguous"),

    // Overlapping demands.
    edit("overlapping patrol demands", #""count": 1}},"#,
         #""count": 1}}, {"id": "d3", "zone": "gate-a", "start": "2026-05-30T15:00:00+02:00", "end": "2026-05-30T17:00:00+02:00", "priority": 1, "patrols": {"template": "pair", "count": 2}},"#,
         "$.demand[1]", "demand 'd3' overlaps $.demand[0] ('d1'"),
    edit("overlapping posts", #""corps": ["municipal-police"]}}"#,
         #""corps": ["municipal-police"]}}, {"id": "d3", "zone": "road", "start": "2026-05-30T12:45:00+02:00", "end": "2026-05-30T13:15:00+02:00", "priority": 1, "post": {"role": "watch", "count": 1, "corps": ["gendarmerie"]}}"#,
         "$.demand[2]", "post role 'watch'"),
    edit("both patrols and post", #""patrols": {"template": "pair", "count": 1}}"#,
         #""patrols": {"template": "pair", "count": 1}, "post": {"role": "x", "count": 1, "corps": ["gendarmerie"]}}"#,
         "$.demand[0].post", "both 'patrols' and 'post'"),
    edit("neither patrols nor post", #", "patrols": {"template": "pair", "count": 1}}"#, "}", "$.demand[0]",
         "missing required field 'patrols' (or 'post')"),

    // Numbers.
    edit("negative count", #""template": "pair", "count": 1"#, #""template": "pair", "count": -1"#,
         "$.demand[0].patrols.count", "-1 is out of range"),
    edit("absurd count", #""template": "pair", "count": 1"#, #""template": "pair", "count": 100001"#,
         "$.demand[0].patrols.count", "between 0 and 100000"),
    edit("absurd priority", #""priority": 100"#, #""priority": 1e10"#, "$.demand[0].priority", "out of range"),
    edit("infinite priority", #""priority": 100"#, #""priority": 1e999"#, "$.demand[0].priority", "not finite"),
    edit("negative cost", #""costPerHour": 20"#, #""costPerHour": -5"#, "$.people[2].costPerHour", "-5 is out of range"),
    edit("too many hours this week", #""hoursThisWeek": 10"#, #""hoursThisWeek": 169"#, "$.people[2].hoursThisWeek", "between 0 and 168"),
    edit("reservist share above 1", #""rules": {"#, #""rules": {"maxReservistShare": 1.5, "#, "$.rules.maxReservistShare",
         "1.5 is out of range"),
    edit("NaN in JSON", #""priority": 100"#, #""priority": NaN"#, "line of:NaN", "JSON has no NaN or Infinity"),

    // Rules on templates and people.
    edit("shift longer than maxShiftHours", #""hours": 4}"#, #""hours": 13}"#, "$.rules.shiftTemplates[0].hours",
         "outside [minShiftHours, maxShiftHours] = [2, 12]"),
    edit("minimum patrol size above maximum", #""rules": {"#, #""rules": {"patrolMinSize": 4, "#, "$.rules.patrolMinSize",
         "patrolMinSize 4 is larger than patrolMaxSize 3"),
    edit("leader count 2", #""id": "leader", "count": 1"#, #""id": "leader", "count": 2"#, "$.patrolTemplates[0].roles[0].count",
         "must have count 1"),
    edit("leader corps that may not lead", #""corps": ["national-police"], "status""#, #""corps": ["national-police", "municipal-police"], "status""#,
         "$.patrolTemplates[0].roles[0].corps[1]", "corps 'municipal-police' may not lead"),
    edit("leader status that may not lead", #""status": ["OPJ", "APJ"]"#, #""status": ["OPJ", "APJA"]"#,
         "$.patrolTemplates[0].roles[0].status[1]", "status 'APJA' may not lead"),
    edit("leader with any status", #", "status": ["OPJ", "APJ"]"#, "", "$.patrolTemplates[0].roles[0]", "admits any status"),
    edit("patrol too large", #""id": "member", "count": 1"#, #""id": "member", "count": 3"#, "$.patrolTemplates[0].roles",
         "the patrol has 4 members; the rules allow 2 to 3"),
    edit("municipal police without commune", #""municipal-police", "commune": "sd"}"#, #""municipal-police"}"#, "$.people[1]", "municipal police officer 'pm-1' has no commune"),
    edit("private security without site", #""site": "stadium", "hoursThisWeek""#, #""hoursThisWeek""#, "$.people[2]",
         "private security agent 'ps-1' has no site"),
    edit("peopleFile without a folder", #""people": ["#, #""peopleFile": "people.csv", "people": ["#, "$.peopleFile",
         "the scenario has no folder"),

    // JSON syntax.
    edit("trailing comma", #""status": "OPJ"}"#, #""status": "OPJ",}"#, "line of:\"OPJ\",}", "a comma before '}'"),
    edit("comment", #""name": "Small","#, #""name": "Small", // the name"#, "line of:// the name", "JSON does not allow comments"),
    edit("single quotes", #""name": "Small""#, #""name": 'Small'"#, "line of:'Small'", "JSON strings use double quotes"),
    edit("missing comma", #""name": "Small","#, #""name": "Small""#, "line of:\"name\"", "missing ',' after the value of 'name'"),
    edit("missing comma on one line", #""name": "Small","#, #""name": "Small" "x": 1,"#, "line of:\"name\"",
         "expected ',' or '}' after the value of 'name', found '\"'"),
    edit("missing colon", #""name": "Small","#, #""name" "Small","#, "line of:\"name\"", "expected ':' after the field name 'name'"),
    edit("bad escape", #""name": "Small","#, #""name": "Sm\all","#, "line of:\"name\"", "unknown escape '\\a'"),
    edit("leading zero", #""priority": 100"#, #""priority": 0100"#, "line of:0100", "malformed number"),
    edit("bare word", #""name": "Small""#, #""name": Small"#, "line of:Small", "unexpected 'S'"),
    edit("deep nesting", #""name": "Small""#, #""name": "# + nested, "line of:[[[", "nested deeper than 64 levels"),
    BadCase(name: "unterminated string", text: "{\n  \"name\": \"Small\n}", location: "line 2", phrase: "control character"),
    BadCase(name: "truncated document", text: "{\n  \"name\": \"Small\",\n", location: "line 3", phrase: "the document ends inside an object"),
    BadCase(name: "empty text", text: " \n\t\n", location: "line 1", phrase: "the file is empty"),
    BadCase(name: "text after the document", text: "{} {}", location: "line 1", phrase: "after the end of the document"),

    // YAML (JSON text is YAML too, so the base serves for both).
    edit("YAML: yes is not a boolean", #""status": "OPJ"}"#, #""status": "OPJ", "publicRoadAuthorised": yes}"#,
         "$.people[0].publicRoadAuthorised", "expected a boolean, found a string ('yes')", .yaml),
    edit("YAML: unquoted time without offset stays text", #""start": "2026-05-30T14:00:00+02:00""#, #""start": 2026-05-30T14:00:00"#,
         "$.demand[0].start", "has no UTC offset", .yaml),
    edit("YAML: .nan", #""priority": 100"#, #""priority": .nan"#, "$.demand[0].priority", "not finite", .yaml),
    edit("YAML: explicit tag", #""priority": 100"#, #""priority": !!str 100"#, "$.demand[0].priority",
         "expected a number, found a string ('100')", .yaml),
    edit("YAML: duplicate key", #""name": "Small","#, #""name": "Small", "name": "Other","#, "line 3", "duplicate field 'name'", .yaml),
    edit("YAML: deep nesting", #""name": "Small""#, #""name": "# + nested, "line 3", "nested deeper than 64 levels", .yaml),
    BadCase(name: "YAML: syntax error", format: .yaml, text: "format: continuum-event/1\nname: [unclosed\nhorizon: {}\n",
            location: "line 3", phrase: "YAML syntax error: did not find expected ',' or ']'"),
    BadCase(name: "YAML: tab indentation", format: .yaml, text: "format: continuum-event/1\nhorizon:\n\tstart: x\n",
            location: "line 3", phrase: "YAML syntax error"),
    BadCase(name: "YAML: two documents", format: .yaml, text: "format: continuum-event/1\n---\nname: x\n",
            location: "line 2", phrase: "another document"),
    BadCase(name: "YAML: alias bomb", format: .yaml, text: """
        a: &a ["x","x","x","x","x","x","x","x","x","x"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
        """, location: "line 3", phrase: "expands to more values than it has characters"),
    BadCase(name: "YAML: a list at the top", format: .yaml, text: "- a\n- b\n", location: "$", phrase: "expected the scenario (an object)"),
    BadCase(name: "YAML: only a comment", format: .yaml, text: "# nothing\n", location: "line 1", phrase: "no content"),
]


@Suite("Rejecting bad scenarios")
struct BadScenarioTests {
    @Test func baseScenarioIsValid() throws {
        let s = try ScenarioReader.parse(text: baseScenario, format: .json, fileName: "base.json", baseFolder: nil)
        #expect(s.people.count == 3 && s.demands.count == 2)
        let y = try ScenarioReader.parse(text: baseScenario, format: .yaml, fileName: "base.yaml", baseFolder: nil)
        #expect(canonical(s) == canonical(y))
    }

    @Test(arguments: badCases)
    func rejects(_ bad: BadCase) throws {
        let document = try #require(bad.document())
        #expect(document != baseScenario, "the edit changed nothing")
        let file = bad.format == .json ? "bad.json" : "bad.yaml"
        let error = readError { () throws(ScenarioError) in
            try ScenarioReader.parse(text: document, format: bad.format, fileName: file, baseFolder: nil)
        }
        guard let error else { return }
        #expect(error.file == file)
        #expect(error.location == bad.expectedLocation(in: document), "\(error)")
        #expect(error.description.contains(bad.phrase), "\(error)")
        #expect(error.description.hasPrefix("\(file): \(error.location): "))
        #expect(!error.description.contains("\n"))
        #expect(!error.problem.isEmpty && !error.fix.isEmpty)
    }

    @Test func bigCasesTableExists() {
        #expect(badCases.count >= 40)
        #expect(Set(badCases.map(\.name)).count == badCases.count)
    }
}
