import Foundation
import ReservistChecker
import ReservistScenario
import Testing

@Suite struct PlanReaderTests {
    private func parse(_ text: String) throws(ReservistPlanError) -> ReservistPlan {
        try ReservistPlanReader.parse(data: Data(text.utf8), fileName: "plan.json")
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

    private var clean: String { Fixture.json(Fixture.plan()) }

    @Test func readsWhatThePlannerWrites() throws {
        let parsed = try parse(clean)
        #expect(parsed == Fixture.plan())
        #expect(parsed.callups[1].days.first == Fixture.date("2026-06-03"))
        #expect(ReservistChecker.check(scenario: Fixture.scenario(), plan: parsed).isClean)
    }

    @Test func readsTheDocumentedExample() throws {
        let text = """
        {
          "format": "continuum-reservist-plan/1",
          "scenario": "Summer 2026",
          "status": "optimal", "objective": 1234567.8, "bound": 1234567.8, "gap": 0,
          "totals": { "pay": 1000000, "travel": 200000, "fairness": 1500, "shortfall": 33067.8,
                      "daysCalled": 12000, "reservistsUsed": 2500, "capUse": 0.31, "missingDays": 80,
                      "continuity": 0.72 },
          "callups": [ { "reservist": "R000001", "mission": "M-33-001", "days": ["2026-07-01", "2026-07-02"] } ],
          "coverage": [ { "department": "33", "date": "2026-07-01", "needed": 12, "covered": 11, "missing": 1 } ]
        }
        """
        let plan = try parse(text)
        #expect(plan.scenario == "Summer 2026")
        #expect(plan.totals.shortfall == 33067.8)
        #expect(plan.totals.capUse == 0.31)
        #expect(plan.callups == [ReservistPlan.Callup(reservist: "R000001", mission: "M-33-001",
                                                      days: [Fixture.date("2026-07-01"), Fixture.date("2026-07-02")])])
        #expect(plan.coverage.first?.missing == 1)
    }

    @Test func optionalFieldsMayBeNullOrAbsent() throws {
        let text = clean.replacingOccurrences(of: "\"bound\": 850.0, \"gap\": 0.0,", with: "\"bound\": null,")
            .replacingOccurrences(of: "\"scenario\": \"Fixture\",", with: "")
            .replacingOccurrences(of: "\"continuity\": 0.8", with: "\"continuity\": null")
        #expect(text != clean)
        let plan = try parse(text)
        #expect(plan.bound == nil && plan.gap == nil && plan.scenario == nil && plan.totals.continuity == nil)
    }

    @Test func readsAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(clean.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try ReservistPlanReader.read(path: path) == Fixture.plan())
        do {
            _ = try ReservistPlanReader.read(path: "/nonexistent/plan.json")
            Issue.record("a missing file must be an error")
        } catch {
            #expect(error.description == "/nonexistent/plan.json: $: no such file")
        }
        do {
            _ = try ReservistPlanReader.read(path: FileManager.default.temporaryDirectory.path)
            Issue.record("a folder must be an error")
        } catch {
            #expect(error.description.hasSuffix(": $: is a folder, not a file"))
        }
    }

    @Test(arguments: [
        // (edit of the clean document, expected path, expected problem)
        ("continuum-reservist-plan/1", "continuum-reservists/1", "$.format", "expected \"continuum-reservist-plan/1\""),
        ("\"objective\": 850.0", "\"objective\": \"850\"", "$.objective", "expected a number, found a string"),
        ("\"status\": \"optimal\", ", "", "$.status", "required field is missing"),
        ("\"pay\": 850.0, ", "", "$.totals.pay", "required field is missing"),
        ("\"daysCalled\": 10", "\"daysCalled\": 10.5", "$.totals.daysCalled", "expected a whole number >= 0"),
        ("\"missing\": 0}", "\"missing\": -1}", "$.coverage[0].missing", "expected a whole number >= 0"),
        ("\"mission\": \"M-B\"", "\"mision\": \"M-B\"", "$.callups[1].mision", "unknown field"),
        ("\"mission\": \"M-B\"", "\"mission\": \"\"", "$.callups[1].mission", "must not be empty"),
        ("\"continuity\": 0.8", "\"continuity\": 0.8, \"cost\": 1", "$.totals.cost", "unknown field"),
        ("\"days\": [\"2026-06-03\"", "\"days\": [\"2026-06-31\"", "$.callups[1].days[0]", "\"2026-06-31\" is not a date YYYY-MM-DD"),
        ("\"2026-06-02\", \"2026-06-03\", \"2026-06-04\"", "\"2026-06-03\", \"2026-06-02\", \"2026-06-04\"",
         "$.callups[0].days[2]", "2026-06-02 does not follow 2026-06-03"),
        ("\"2026-06-02\", \"2026-06-03\", \"2026-06-04\"", "\"2026-06-02\", \"2026-06-02\", \"2026-06-04\"",
         "$.callups[0].days[2]", "2026-06-02 does not follow 2026-06-02: days are ascending, without repeats"),
        ("\"days\": [\"2026-06-03\", \"2026-06-04\", \"2026-06-05\", \"2026-06-06\", \"2026-06-07\"]", "\"days\": []",
         "$.callups[1].days", "at least one day"),
        ("\"date\": \"2026-06-01\"", "\"date\": 20260601", "$.coverage[0].date", "expected a date string, found a number"),
        ("\"callups\": [", "\"callups\": {", "$.callups", "expected a key in quotes"),
        ("\"totals\": {", "\"totals\": [{", "$.totals", "expected ',' or ']'"),
        ("\"scenario\": \"Fixture\"", "\"scenario\": \"Fixture\", \"status\": \"x\"", "$.status", "duplicate key"),
        ("\"reservist\": \"R1\"", "\"reservist\": 1", "$.callups[0].reservist", "expected a string, found a number"),
    ])
    func malformedPlansNameFilePathAndProblem(find: String, replace: String, path: String, problem: String) {
        #expect(clean.contains(find), "\(find)")
        let text = clean.replacingOccurrences(of: find, with: replace, options: [], range: clean.range(of: find))
        let message = error(text)
        #expect(message.hasPrefix("plan.json"), "\(message)")
        #expect(message.contains(": \(path): "), "\(message)")
        #expect(message.contains(problem), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        let message = error("{\n  \"format\": \"continuum-reservist-plan/1\",\n  \"status\": tru\n}")
        #expect(message == "plan.json:3:13: $.status: expected a value, found 't'")
    }

    @Test func garbageAndEmptyInputAreErrors() {
        #expect(error("").contains("plan.json:1:1: $: expected a value"))
        #expect(error("[]") == "plan.json: $: expected an object, found an array")
        #expect(error(clean + "x").contains("unexpected text after the document"))
        #expect(error(String(repeating: "[", count: 10_000)).contains("nesting deeper"))
        #expect(error("{\"format\": \"continuum-reservist-plan/1\", \"status\": \"optimal\", \"objective\": 1}")
            == "plan.json: $.totals: required field is missing")
    }

    @Test func messagesStayOnOneLine() {
        let text = clean.replacingOccurrences(of: "\"mission\": \"M-B\"", with: "\"mission\": \"M-B\", \"a\\nb\": 1")
        let message = error(text)
        #expect(message.contains("unknown field"), "\(message)")
        #expect(!message.contains("\n"))
    }
}
