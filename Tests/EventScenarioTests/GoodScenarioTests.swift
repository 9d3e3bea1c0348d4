import Foundation
import Testing
import EventScenario

@Suite("Reading good scenarios")
struct GoodScenarioTests {
    static let json = Fixtures.path("scenarios/good/match.json")
    static let yaml = Fixtures.path("scenarios/good/match.yaml")
    static let csv = Fixtures.path("scenarios/good/match-csv.json")

    @Test func jsonFixtureIsReadCompletely() throws {
        let s = try ScenarioReader.read(path: Self.json)
        #expect(s.name == "Match at risk")
        #expect(s.horizon.start.description == "2026-05-30T12:00:00+02:00")
        #expect(s.horizon.end.description == "2026-05-31T02:00:00+02:00")
        #expect(s.horizon.slotMinutes == 15)
        #expect(s.horizon.slotCount == 56)

        #expect(s.rules.patrolMinSize == 2 && s.rules.patrolMaxSize == 3)
        #expect(s.rules.leaderCorps == [.nationalPolice, .gendarmerie])
        #expect(s.rules.leaderStatus == [.opj, .apj])
        #expect(s.rules.shiftTemplates.count == 2)
        #expect(s.rules.shiftTemplates[0].startTimes.map(\.description) == ["05:00", "13:00", "21:00"])
        #expect(s.rules.shiftTemplates[1].hours == 6.5)
        #expect(s.rules.municipalHoursWithoutConvention == DailyHours(start: TimeOfDay(minutes: 360), end: TimeOfDay(minutes: 1380)))

        #expect(s.communes.map(\.id) == ["saint-denis", "aubervilliers", "la-plaine"])
        let convention = try #require(s.communes[0].convention)
        #expect(convention.jointPatrols && convention.armed)
        #expect(convention.hours == DailyHours(start: TimeOfDay(minutes: 22 * 60), end: TimeOfDay(minutes: 6 * 60)))
        #expect(s.communes[1].convention == nil && s.communes[2].convention == nil)

        #expect(s.sites.map(\.id) == ["stadium"])
        #expect(s.zones.map(\.id) == ["gate-a", "forecourt", "av-wilson", "rer-d", "fan-zone"])
        #expect(s.zones.map(\.kind) == [.venue, .perimeter, .publicRoad, .transport, .fanZone])
        #expect(s.zones.map(\.commune) == [0, 0, 2, 0, 1])
        #expect(s.zones.map(\.site) == [0, 0, nil, nil, nil])
        #expect(s.zones[2].name == "Avenue du Président Wilson")

        #expect(s.patrolTemplates.map(\.id) == ["state-pair", "mixed"])
        #expect(s.patrolTemplates.map(\.size) == [2, 3])
        let mixed = s.patrolTemplates[1]
        #expect(mixed.roles.map(\.id) == ["leader", "municipal", "searcher"])
        #expect(mixed.roles[0].requirement == RoleRequirement(corps: [.nationalPolice], status: [.apj], qualifications: ["leader"]))
        #expect(mixed.roles[2].requirement == RoleRequirement(corps: [.gendarmerie, .nationalPolice], sex: .female))

        #expect(s.demands.map(\.id) == ["d-gate-a-patrol", "d-gate-a-late", "d-gate-a-search-f", "d-wilson", "d-rer", "d-fan"])
        #expect(s.demands.map(\.zone) == [0, 0, 0, 2, 3, 4])
        #expect(s.demands.map(\.count) == [2, 1, 2, 1, 1, 0])
        #expect(s.demands.map(\.publicOrder) == [true, false, false, false, false, false])
        #expect(s.demands[3].priority == 1500.5)
        guard case .patrols(let template) = s.demands[3].need else { Issue.record("d-wilson needs patrols"); return }
        #expect(template == 1)
        guard case .post(let role, let requirement) = s.demands[2].need else { Issue.record("search-f is a post"); return }
        #expect(role == "search-f")
        #expect(requirement == RoleRequirement(corps: [.privateSecurity], qualifications: ["pat-down", "cnaps-card"], sex: .female))
        // Times keep the offset they were written with; comparison is by instant.
        #expect(s.demands[5].window.start.description == "2026-05-30T14:00:00Z")
        #expect(s.demands[5].window.start == Timestamp(iso8601: "2026-05-30T16:00:00+02:00"))

        #expect(s.people.map(\.id) == ["np-0001", "np-0002", "gn-0100", "pm-0007", "ps-0042", "ts-0003", "rp-0009", "rg-0011"])
        let np1 = s.people[0]
        #expect(np1.qualifications == ["armed", "driver", "leader"])  // sorted, duplicate removed
        #expect(np1.radios == ["ACROPOL", "INPT"])
        #expect(np1.availability == [TimeWindow(start: s.horizon.start, end: s.horizon.end)])  // default: whole horizon
        #expect(np1.lastShiftEnd?.description == "2026-05-30T00:00:00+02:00")
        #expect(np1.hoursThisWeek == 24 && np1.costPerHour == 42.5)
        #expect(np1.status == .opj && np1.sex == .male && np1.commune == nil && np1.site == nil)
        // Availability keeps file order.
        #expect(s.people[1].availability.map(\.start.description) == ["2026-05-30T14:00:00+02:00", "2026-05-30T12:00:00+02:00"])
        #expect(s.people[3].commune == 0 && s.people[3].status == .apjAdjoint && s.people[3].hoursThisWeek == 12.5)
        #expect(s.people[4].site == 0 && s.people[4].publicRoadAuthorised)
        #expect(s.people[6].status == LegalStatus.none && s.people[6].sex == nil)
        #expect(s.people[7].costPerHour == 0 && s.people[7].status == LegalStatus.none)
    }

    @Test func yamlFixtureEqualsJSONFixture() throws {
        let fromJSON = try ScenarioReader.read(path: Self.json)
        let fromYAML = try ScenarioReader.read(path: Self.yaml)
        #expect(canonical(fromJSON) == canonical(fromYAML))
        #expect(canonical(fromJSON).contains("Match at risk"))
    }

    @Test func csvPeopleEqualInlinePeople() throws {
        let inline = try ScenarioReader.read(path: Self.json)
        let fromCSV = try ScenarioReader.read(path: Self.csv)
        #expect(fromCSV.people.count == 8)
        #expect(canonical(inline) == canonical(fromCSV))
    }

    @Test func jsonTextIsAlsoValidYAML() throws {
        let text = try String(contentsOfFile: Self.json, encoding: .utf8)
        let fromJSON = try ScenarioReader.parse(text: text, format: .json, fileName: "m.json", baseFolder: nil)
        let fromYAML = try ScenarioReader.parse(text: text, format: .yaml, fileName: "m.yaml", baseFolder: nil)
        #expect(canonical(fromJSON) == canonical(fromYAML))
    }

    @Test func readingTwiceGivesTheSameScenario() throws {
        let a = try ScenarioReader.read(path: Self.csv)
        let b = try ScenarioReader.read(path: Self.csv)
        #expect(canonical(a) == canonical(b))
    }
}
