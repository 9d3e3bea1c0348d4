import EventChecker
import EventScenario
import Foundation
import Testing

@Suite struct RosterReaderTests {
    private func parse(_ text: String) throws(RosterError) -> Roster {
        try RosterReader.parse(data: Data(text.utf8), fileName: "plan.json")
    }

    /// The error message of parsing `text`, or "" if it parsed.
    private func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return ""
        } catch {
            return error.description
        }
    }

    private var clean: String { Fixture.json(Fixture.roster()) }

    @Test func readsWhatTheSolverWrites() throws {
        var roster = Fixture.roster()
        roster.shortfalls = [Roster.Shortfall(zone: "gate-a", requirement: "d-gate-search", start: Fixture.time("18:00"),
                                              end: Fixture.time("19:00"), missing: 1, reason: "no female agent")]
        roster.gap = 0.0037
        let parsed = try parse(Fixture.json(roster))
        #expect(parsed == roster)
        #expect(parsed.assignments[1].patrol == "P1")
        #expect(parsed.assignments[2].patrol == nil)
        #expect(parsed.patrols[0].members == ["np-1", "gn-1"])
    }

    @Test func readsAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(clean.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try RosterReader.read(path: path) == Fixture.roster())
        #expect(throws: RosterError.self) { try RosterReader.read(path: path + ".missing") }
        do {
            _ = try RosterReader.read(path: "/nonexistent/plan.json")
            Issue.record("a missing file must be an error")
        } catch {
            #expect(error.description == "/nonexistent/plan.json: $: no such file")
        }
    }

    @Test(arguments: [
        // (edit of the clean document, expected path, expected problem)
        ("\"role\": \"leader\",", "\"role\": \"leader\"", "plan.json:", "$.assignments[1]", "expected ',' or '}'"),
        ("\"objective\": 1856.0", "\"objective\": \"1856\"", "plan.json: ", "$.objective", "expected a number, found a string"),
        ("\"role\": \"leader\", ", "", "plan.json: ", "$.assignments[1].role", "required field is missing"),
        ("\"start\": \"2026-05-30T14:00:00+02:00\", \"end\": \"2026-05-30T22:00:00+02:00\", \"members\"",
         "\"start\": \"2026-05-30T14:00\", \"end\": \"2026-05-30T22:00:00+02:00\", \"members\"",
         "plan.json: ", "$.patrols[0].start", "not an ISO 8601 time with an offset"),
        ("\"patrol\": null}", "\"patrol\": null, \"patorl\": 1}", "plan.json: ", "$.assignments[2].patorl", "unknown field"),
        ("continuum-roster/1", "continuum-roster/2", "plan.json: ", "$.format", "expected \"continuum-roster/1\""),
        ("\"scenario\": \"Fixture match\"", "\"scenario\": \"Fixture match\", \"status\": \"x\"", "plan.json", "$.status", "duplicate key"),
        ("\"members\": [\"np-1\", \"gn-1\"]", "\"members\": [\"np-1\", 7]", "plan.json: ", "$.patrols[0].members[1]", "expected a non-empty string"),
        ("\"patrols\": [", "\"patrols\": {", "plan.json", "$.patrols", "expected a key in quotes"),
    ])
    func malformedRostersNameFilePathAndProblem(find: String, replace: String, file: String, path: String, problem: String) {
        #expect(clean.contains(find))
        let text = clean.replacingOccurrences(of: find, with: replace, options: [], range: clean.range(of: find))
        let message = error(text)
        #expect(message.hasPrefix(file), "\(message)")
        #expect(message.contains(": \(path): "), "\(message)")
        #expect(message.contains(problem), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        let message = error("{\n  \"format\": \"continuum-roster/1\",\n  \"status\": tru\n}")
        #expect(message == "plan.json:3:13: $.status: expected a value, found 't'")
    }

    @Test func negativeOrFractionalMissingIsRejected() {
        var roster = Fixture.roster()
        roster.shortfalls = [Roster.Shortfall(zone: "gate-a", requirement: "d-gate-search", start: Fixture.time("18:00"),
                                              end: Fixture.time("19:00"), missing: 1)]
        let text = Fixture.json(roster)
        #expect(error(text.replacingOccurrences(of: "\"missing\": 1", with: "\"missing\": -1"))
            .contains("$.shortfalls[0].missing: expected a whole number >= 0"))
        #expect(error(text.replacingOccurrences(of: "\"missing\": 1", with: "\"missing\": 0.5"))
            .contains("$.shortfalls[0].missing"))
        #expect(error(text) == "")
    }

    @Test func garbageAndEmptyInputAreErrors() {
        #expect(error("").contains("plan.json:1:1: $: expected a value"))
        #expect(error("[]").contains("$: expected an object, found an array"))
        #expect(error(clean + "x").contains("unexpected text after the document"))
        #expect(error(String(repeating: "[", count: 10_000)).contains("nesting deeper"))
    }

    @Test func stringEscapesAreDecoded() throws {
        let text = clean.replacingOccurrences(of: "\"Fixture match\"", with: "\"Fixture \\u006datch \\ud83d\\ude00\"")
        #expect(try parse(text).scenario == "Fixture match 😀")
        #expect(error(clean.replacingOccurrences(of: "\"Fixture match\"", with: "\"bad \\q\"")).contains("invalid escape"))
    }
}

extension RosterReaderTests {
    @Test func topLevelFieldsAreCheckedBeforeTheLists() {
        #expect(error("{\"format\": \"continuum-roster/1\", \"status\": 3}") == "plan.json: $.status: expected a string, found a number")
        #expect(error("{\"format\": \"continuum-roster/1\", \"status\": \"optimal\", \"objective\": 1}")
            == "plan.json: $.assignments: required field is missing")
    }
}
