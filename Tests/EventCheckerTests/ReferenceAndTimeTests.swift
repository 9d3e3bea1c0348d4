import EventChecker
import EventScenario
import Testing

@Suite struct ReferenceAndTimeTests {
    @Test func cleanRosterHasNoViolation() {
        let report = RosterChecker.check(scenario: Fixture.scenario(), roster: Fixture.roster())
        #expect(report.violations == [])
        #expect(report.isClean)
        #expect(report.recomputedObjective == Fixture.cleanObjective)
        #expect(report.shortfalls.isEmpty)
    }

    @Test func unknownPersonZoneAndPatrolAreReported() {
        var roster = Fixture.roster()
        roster.assignments.append(Fixture.assignment("nobody", "gate-a", "search-f"))
        roster.assignments.append(Fixture.assignment("np-2", "moon", "search-f", "06:00", "14:00"))
        roster.assignments.append(Fixture.assignment("gr-2", "gate-a", "partner", "06:00", "14:00", patrol: "P9"))
        let report = Fixture.check(roster)
        #expect(reports(report, .unknownReference, person: "nobody", zone: "gate-a"))
        #expect(reports(report, .unknownReference, person: "np-2", zone: "moon"))
        #expect(reports(report, .unknownReference, person: "gr-2", zone: "gate-a"))
        #expect(report.violations.filter { $0.rule == .unknownReference }.count == 3)
        #expect(!reports(Fixture.check(Fixture.roster()), .unknownReference, person: "np-1", zone: "gate-a"))
    }

    @Test func unknownTemplateRoleAndDemandAreReported() {
        var roster = Fixture.roster()
        roster.patrols[0].template = "quartet"
        var report = Fixture.check(roster)
        #expect(reports(report, .unknownReference, person: nil, zone: "gate-a"))
        #expect(report.violations.contains { $0.message.contains("template quartet") })

        roster = Fixture.roster()
        roster.assignments[0].role = "driver"   // gn-1 in P1
        report = Fixture.check(roster)
        #expect(reports(report, .unknownReference, person: "gn-1", zone: "gate-a"))
        #expect(report.violations.contains { $0.message.contains("role driver is not a role of template duo") })

        roster = Fixture.roster()
        roster.shortfalls = [Roster.Shortfall(zone: "station", requirement: "d-nothing", start: Fixture.time("14:00"),
                                              end: Fixture.time("15:00"), missing: 1)]
        report = Fixture.check(roster, balance: false)
        #expect(reports(report, .unknownReference, person: nil, zone: "station"))
        #expect(Fixture.rules(report) == [.unknownReference])
    }

    @Test func duplicatePatrolIDsAreReported() {
        var roster = Fixture.roster()
        var copy = roster.patrols[0]
        copy.zone = "road"
        roster.patrols.append(copy)
        let report = Fixture.check(roster)
        #expect(reports(report, .duplicateID, person: nil, zone: "road"))
        #expect(!reports(Fixture.check(Fixture.roster()), .duplicateID, person: nil, zone: "road"))
    }

    @Test func rosterOfAnotherScenarioIsReported() {
        var roster = Fixture.roster()
        roster.scenario = "Another match"
        let report = Fixture.check(roster)
        #expect(Fixture.rules(report) == [.scenarioMismatch])
        roster.scenario = nil
        #expect(Fixture.check(roster).isClean)
    }

    @Test func startNotBeforeEndIsReported() {
        let roster = Fixture.replacing(Fixture.roster(), "ts-1", with: Fixture.assignment("ts-1", "station", "guard", "14:00", "14:00"))
        let report = Fixture.check(roster)
        #expect(reports(report, .timeOrder, person: "ts-1", zone: "station"))
        #expect(Fixture.rules(report) == [.timeOrder])
    }

    @Test func offGridTimesAreReported() {
        var scenario = Fixture.scenario()
        scenario.rules.shiftTemplates.append(ShiftTemplate(startTimes: [TimeOfDay("14:30")!], hours: 7.5))
        // On a 30-minute template but off the one-hour grid.
        let roster = Fixture.replacing(Fixture.roster(), "ts-1", with: Fixture.assignment("ts-1", "station", "guard", "14:30", "22:00"))
        let report = Fixture.check(roster, scenario)
        #expect(reports(report, .offGrid, person: "ts-1", zone: "station"))
        #expect(Fixture.rules(report) == [.offGrid])
        scenario.horizon.slotMinutes = 30
        #expect(Fixture.check(roster, scenario).isClean)
    }

    @Test func timesOutsideTheHorizonAreReported() {
        let late = Roster.Assignment(person: "ts-1", zone: "station", role: "guard", start: Fixture.time("06:00", day: 31),
                                     end: Fixture.time("14:00", day: 31), patrol: nil)
        let roster = Fixture.replacing(Fixture.roster(), "ts-1", with: late)
        let report = Fixture.check(roster)
        #expect(reports(report, .outsideHorizon, person: "ts-1", zone: "station"))
        #expect(Fixture.rules(report).contains(.outsideHorizon))
        #expect(!Fixture.rules(report).contains(.shiftTemplate))   // a real shift, only outside
    }

    @Test func violationsAreSortedAndIndependentOfInputOrder() {
        var roster = Fixture.roster()
        roster.assignments.append(Fixture.assignment("nobody", "gate-a", "search-f"))
        roster.assignments.append(Fixture.assignment("pr-1", "gate-a", "x", "15:00", "23:00"))
        roster.assignments.append(Fixture.assignment("np-2", "moon", "search-f", "06:00", "13:00"))
        roster.patrols[0].radio = "RUBIS"
        let report = Fixture.check(roster, balance: false)
        #expect(report.violations.count >= 6)
        for (a, b) in zip(report.violations, report.violations.dropFirst()) {
            #expect(a.rule <= b.rule)
            if a.rule == b.rule { #expect((a.person ?? "") <= (b.person ?? "")) }
        }
        var reversed = roster
        reversed.assignments.reverse()
        reversed.patrols.reverse()
        #expect(RosterChecker.check(scenario: Fixture.scenario(), roster: reversed).violations == report.violations)
    }

    @Test func violationLineNamesRulePersonZoneAndTimes() {
        let violation = Violation(rule: .overlap, person: "np-1", zone: "gate-a", start: Fixture.time("14:00"),
                                  end: Fixture.time("22:00"), message: "two\nlines")
        #expect(violation.description
            == "overlap: np-1 at gate-a 2026-05-30T14:00:00+02:00-2026-05-30T22:00:00+02:00: two lines")
        #expect(Violation(rule: .weeklyHours, message: "m").description == "weekly-hours: - at - -: m")
    }
}
