import Foundation
import Testing
import EventScenario

/// Inputs that look unusual but are valid, and what they mean.
@Suite("Valid variants")
struct ValidVariantsTests {
    private func read(_ edits: [(String, String)], format: ScenarioTextFormat = .json) throws -> Scenario {
        var text = baseScenario
        for (old, new) in edits {
            try #require(text.contains(old), "the base does not contain \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try ScenarioReader.parse(text: text, format: format, fileName: "v", baseFolder: nil)
    }

    @Test func integralNumbersMayBeWrittenAsDecimals() throws {
        let s = try read([(#""slotMinutes": 15"#, #""slotMinutes": 15.0"#), (#""template": "pair", "count": 1"#, #""template": "pair", "count": 2e0"#)])
        #expect(s.horizon.slotMinutes == 15)
        #expect(s.demands[0].count == 2)
    }

    @Test func emptyAvailabilityMeansNeverAvailable() throws {
        let s = try read([(#""status": "OPJ"}"#, #""status": "OPJ", "availability": []}"#)])
        #expect(s.people[0].availability.isEmpty)
        #expect(s.people[1].availability == [TimeWindow(start: s.horizon.start, end: s.horizon.end)])
    }

    @Test func touchingWindowsAndDemandsAreAllowed() throws {
        let s = try read([
            (#""status": "OPJ"}"#,
             #""status": "OPJ", "availability": [{"start": "2026-05-30T14:00:00+02:00", "end": "2026-05-30T16:00:00+02:00"}, {"start": "2026-05-30T12:00:00+02:00", "end": "2026-05-30T14:00:00+02:00"}]}"#),
            (#""count": 1}},"#,
             #""count": 1}}, {"id": "d3", "zone": "gate-a", "start": "2026-05-30T16:00:00+02:00", "end": "2026-05-30T18:00:00+02:00", "priority": 1, "patrols": {"template": "pair", "count": 2}},"#),
        ])
        #expect(s.people[0].availability.count == 2)
        #expect(s.demands.map(\.id) == ["d1", "d3", "d2"])
    }

    @Test func sameWindowForDifferentTemplatesOrZonesIsAllowed() throws {
        let s = try read([(#""count": 1}},"#,
                           #""count": 1}}, {"id": "d3", "zone": "road", "start": "2026-05-30T14:00:00+02:00", "end": "2026-05-30T16:00:00+02:00", "priority": 1, "patrols": {"template": "pair", "count": 1}}, {"id": "d4", "zone": "gate-a", "start": "2026-05-30T14:00:00+02:00", "end": "2026-05-30T16:00:00+02:00", "priority": 1, "post": {"role": "pair", "count": 1, "corps": ["gendarmerie"]}},"#)])
        #expect(s.demands.count == 4)
    }

    @Test func offsetsAreKeptAndCompareByInstant() throws {
        let a = try read([])
        let b = try read([(#""start": "2026-05-30T14:00:00+02:00""#, #""start": "2026-05-30T12:00:00Z""#)])
        #expect(a.demands[0].window == b.demands[0].window)  // same instants
        #expect(b.demands[0].window.start.description == "2026-05-30T12:00:00Z")
        #expect(canonical(a) != canonical(b))  // the offset written is part of the scenario
    }

    @Test(arguments: [
        ("2026-05-30T14:00:00+02:00", "2026-05-30T14:00+02:00"),
        ("2026-05-30T14:00:00+02:00", "2026-05-30T14:00:00+0200"),
        ("2026-05-30T12:00:00Z", "2026-05-30T12:00:00+00:00"),
        ("2026-05-30T12:00:00Z", "2026-05-30t12:00:00z"),
        ("2026-05-30T08:30:00-03:30", "2026-05-30 08:30:00-03:30"),
    ])
    func everySpellingOfATimeReadsTheSame(canonical spelling: String, other: String) throws {
        // The reader parses the canonical spellings on a fast path; the others go through Timestamp(iso8601:).
        let old = #""start": "2026-05-30T14:00:00+02:00""#
        let a = try read([(old, #""start": ""# + spelling + #"""#)])
        let b = try read([(old, #""start": ""# + other + #"""#)])
        #expect(a.demands[0].window.start == Timestamp(iso8601: other))
        #expect(a.demands[0].window.start.offsetSeconds == Timestamp(iso8601: other)?.offsetSeconds)
        #expect(canonical(a) == canonical(b))
    }

    @Test func conventionMayBeAbsentOrNull() throws {
        let s = try read([(#""convention": null"#, #""convention": {"jointPatrols": false, "hours": {"start": "00:00", "end": "24:00"}, "armed": false}"#)])
        #expect(s.communes[0].convention?.hours == DailyHours.allDay)
        let t = try read([(#", "convention": null"#, "")])
        #expect(t.communes[0].convention == nil)
    }

    @Test func rulesOverrideDefaults() throws {
        let s = try read([(#""rules": {"#, #""rules": {"patrolMaxSize": 4, "leaderStatus": ["OPJ"], "minRestHours": 9.5, "reservistsPairedWithActive": false, "#),
                          (#""status": ["OPJ", "APJ"]"#, #""status": ["OPJ"]"#)])
        #expect(s.rules.patrolMaxSize == 4 && s.rules.patrolMinSize == 2)
        #expect(s.rules.leaderStatus == [.opj] && s.rules.minRestHours == 9.5 && !s.rules.reservistsPairedWithActive)
        #expect(s.rules.weeklyHoursCap == 48 && s.rules.maxReservistShare == 0.5)
    }

    @Test func yamlAnchorsWithinReasonAreFine() throws {
        let yaml = baseScenario
            .replacingOccurrences(of: #""corps": ["national-police"], "status""#, with: #""corps": &leaders ["national-police"], "status""#)
            .replacingOccurrences(of: #"{"id": "np-1", "corps": "national-police""#, with: #"{"id": "np-1", "corps": "national-police", "qualifications": *leaders"#)
        let s = try ScenarioReader.parse(text: yaml, format: .yaml, fileName: "a.yaml", baseFolder: nil)
        #expect(s.people[0].qualifications == ["national-police"])
    }

    @Test func yamlCoreSchemaScalars() throws {
        let yaml = """
            format: continuum-event/1
            name: 2026            # a number where text is needed
            """
        let error = readError { () throws(ScenarioError) in try ScenarioReader.parse(text: yaml, format: .yaml, fileName: "y.yaml", baseFolder: nil) }
        #expect(error?.location == "$.name")
        #expect(error?.description.contains("expected a string, found a number (2026)") == true, "\(String(describing: error))")
        let quoted = try read([(#""name": "Small""#, #""name": '2026'"#)], format: .yaml)
        #expect(quoted.name == "2026")
        let bools = try read([(#""status": "OPJ"}"#, #""status": "OPJ", "publicRoadAuthorised": True}"#)], format: .yaml)
        #expect(bools.people[0].publicRoadAuthorised)
    }

    @Test func errorDescriptionIsOneLine() {
        let error = ScenarioError(file: "f.json", location: "$.a", problem: "bad\nvalue", fix: "fix\r\nit")
        #expect(error.description == "f.json: $.a: bad value; fix  it")
    }
}
