import EventChecker
import EventScenario
import Testing

@Suite struct PersonRuleTests {
    @Test func shiftOffTheTemplatesIsReported() {
        // 15:00 is on the grid but no template starts then.
        var roster = Fixture.replacing(Fixture.roster(), "ts-1", with: Fixture.assignment("ts-1", "station", "guard", "15:00", "23:00"))
        var report = Fixture.check(roster)
        #expect(reports(report, .shiftTemplate, person: "ts-1", zone: "station"))
        #expect(Fixture.rules(report) == [.shiftTemplate])
        // A template start but the wrong length.
        roster = Fixture.replacing(Fixture.roster(), "ts-1", with: Fixture.assignment("ts-1", "station", "guard", "14:00", "20:00"))
        report = Fixture.check(roster)
        #expect(Fixture.rules(report) == [.shiftTemplate])
        #expect(report.violations.first?.message.contains("6 h") == true)
    }

    @Test func shiftTemplateStartsAreLocalToTheHorizonOffset() {
        // 12:00Z is 14:00+02:00: the same instant written in another offset is the same shift.
        let utc = Roster.Assignment(person: "ts-1", zone: "station", role: "guard",
                                    start: Timestamp(iso8601: "2026-05-30T12:00:00Z")!,
                                    end: Timestamp(iso8601: "2026-05-30T20:00:00Z")!, patrol: nil)
        #expect(Fixture.check(Fixture.replacing(Fixture.roster(), "ts-1", with: utc)).isClean)
        var scenario = Fixture.scenario()
        scenario.rules.shiftTemplates = [ShiftTemplate(startTimes: [TimeOfDay("12:00")!], hours: 8)]
        #expect(Fixture.rules(Fixture.check(Fixture.replacing(Fixture.roster(), "ts-1", with: utc), scenario)).contains(.shiftTemplate))
    }

    @Test func shiftOutsideAvailabilityIsReported() {
        var scenario = Fixture.scenario()
        let i = scenario.people.firstIndex { $0.id == "np-1" }!
        scenario.people[i].availability = [TimeWindow(start: Fixture.time("14:00"), end: Fixture.time("22:00"))]
        #expect(Fixture.check(Fixture.roster(), scenario).isClean)
        scenario.people[i].availability = [
            TimeWindow(start: Fixture.time("06:00"), end: Fixture.time("18:00")),
            TimeWindow(start: Fixture.time("18:00"), end: Fixture.time("23:00")),
        ]
        let report = Fixture.check(Fixture.roster(), scenario)
        #expect(reports(report, .availability, person: "np-1", zone: "gate-a"))
        #expect(Fixture.rules(report) == [.availability])
    }

    @Test func personInTwoPlacesAtOnceIsReported() {
        var roster = Fixture.roster()
        roster.assignments.append(Fixture.assignment("ts-1", "station", "guard"))
        let report = Fixture.check(roster)
        #expect(reports(report, .overlap, person: "ts-1", zone: "station"))
        #expect(Fixture.rules(report) == [.overlap])
    }

    @Test func restBetweenShiftsIsChecked() {
        var roster = Fixture.roster()
        roster.assignments.append(Fixture.assignment("ts-1", "station", "guard", "22:00", "06:00", endDay: 31))
        let report = Fixture.check(roster)
        #expect(reports(report, .rest, person: "ts-1", zone: "station"))
        #expect(Fixture.rules(report) == [.rest])
        // 06:00-14:00 then 22:00-06:00: 8 h of rest, too short for 11 h, enough for 8 h.
        roster = Fixture.replacing(roster, "ts-1", with: Fixture.assignment("ts-1", "station", "guard", "06:00", "14:00"))
        #expect(Fixture.rules(Fixture.check(roster)) == [.rest])
        var scenario = Fixture.scenario()
        scenario.rules.minRestHours = 8
        #expect(Fixture.check(roster, scenario).isClean)
    }

    @Test func restAfterTheLastShiftBeforeTheHorizonIsChecked() {
        var scenario = Fixture.scenario()
        let i = scenario.people.firstIndex { $0.id == "ts-1" }!
        scenario.people[i].lastShiftEnd = Fixture.time("03:00")   // 11 h before 14:00: exactly enough
        #expect(Fixture.check(Fixture.roster(), scenario).isClean)
        scenario.people[i].lastShiftEnd = Fixture.time("03:01")
        let report = Fixture.check(Fixture.roster(), scenario)
        #expect(reports(report, .rest, person: "ts-1", zone: "station"))
        #expect(Fixture.rules(report) == [.rest])
    }

    @Test func weeklyHoursCapIsChecked() {
        var scenario = Fixture.scenario()
        let i = scenario.people.firstIndex { $0.id == "gn-1" }!
        scenario.people[i].hoursThisWeek = 40   // 40 + 8 = 48: at the cap
        #expect(Fixture.check(Fixture.roster(), scenario).isClean)
        scenario.people[i].hoursThisWeek = 40.5
        let report = Fixture.check(Fixture.roster(), scenario)
        #expect(reports(report, .weeklyHours, person: "gn-1", zone: nil))
        #expect(Fixture.rules(report) == [.weeklyHours])
    }
}
