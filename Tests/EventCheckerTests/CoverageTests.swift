import EventChecker
import EventScenario
import Testing

@Suite struct CoverageTests {
    /// Without ts-1, the station guard (priority 10) is missing for 8 one-hour slots.
    private func withoutStationGuard() -> Roster {
        var roster = Fixture.roster()
        roster.assignments.removeAll { $0.person == "ts-1" }
        return roster
    }

    @Test func objectiveIsRecomputedByHand() {
        let report = RosterChecker.check(scenario: Fixture.scenario(), roster: withoutStationGuard())
        // Staff: 8 h × (40 + 35 + 20 + 30 + 30 + 30 + 22) = 1656; shortfall: 10 × 1 × 1 h × 8 slots = 80.
        #expect(report.staffCost == 1656)
        #expect(report.shortfallCost == 80)
        #expect(report.recomputedObjective == 1736)
        #expect(report.reportedObjective == Fixture.cleanObjective)
        #expect(reports(report, .objectiveMismatch, person: nil, zone: nil))
        #expect(report.violations.filter { $0.rule == .objectiveMismatch }.count == 3)   // objective, staff, shortfall
        #expect(report.shortfalls == [Roster.Shortfall(zone: "station", requirement: "d-station",
                                                       start: Fixture.time("14:00"), end: Fixture.time("22:00"), missing: 1)])
    }

    @Test func objectiveWithHalfHourSlotsAndPartialCover() {
        var scenario = Fixture.scenario()
        scenario.horizon.slotMinutes = 30
        scenario.demands[2].count = 2   // two guards wanted, one present: 16 half-hour slots short by one
        var roster = Fixture.roster()
        // A patrol of another template or zone does not cover the duo demand of gate-a.
        roster.patrols[0].template = "armed-trio"
        let report = RosterChecker.check(scenario: scenario, roster: roster)
        // Station: 10 × 1 × 0.5 h × 16 = 80; gate patrol: 100 × 1 × 0.5 h × 16 = 800.
        #expect(report.shortfallCost == 880)
        #expect(report.staffCost == Fixture.cleanObjective)
        #expect(report.recomputedObjective == Fixture.cleanObjective + 880)
    }

    @Test func objectiveWithinRelativeToleranceIsAccepted() {
        var roster = Fixture.roster()
        roster.objective = Fixture.cleanObjective * (1 + 5e-7)
        roster.cost = nil
        #expect(RosterChecker.check(scenario: Fixture.scenario(), roster: roster).isClean)
        roster.objective = Fixture.cleanObjective * (1 + 2e-6)
        let report = RosterChecker.check(scenario: Fixture.scenario(), roster: roster)
        #expect(Fixture.rules(report) == [.objectiveMismatch])
    }

    @Test func costSplitAndBoundAreChecked() {
        var roster = Fixture.roster()
        roster.cost = Roster.Cost(staff: 1800, shortfall: 56)   // right total, wrong split
        var report = RosterChecker.check(scenario: Fixture.scenario(), roster: roster)
        #expect(report.violations.count == 2)
        #expect(Fixture.rules(report) == [.objectiveMismatch])
        roster = Fixture.roster()
        roster.bound = Fixture.cleanObjective + 10
        report = RosterChecker.check(scenario: Fixture.scenario(), roster: roster)
        #expect(report.violations.map(\.message).contains { $0.contains("bound") })
    }

    @Test func shortfallsMustMatchTheRecomputedMissing() {
        var roster = withoutStationGuard()
        roster.objective = 1736
        roster.bound = 1700
        roster.cost = Roster.Cost(staff: 1656, shortfall: 80)
        // Not reported at all: understated.
        var report = RosterChecker.check(scenario: Fixture.scenario(), roster: roster)
        #expect(reports(report, .shortfallMismatch, person: nil, zone: "station"))
        #expect(Fixture.rules(report) == [.shortfallMismatch])
        #expect(report.violations.first?.message.contains("understates") == true)
        #expect(report.violations.first?.start == Fixture.time("14:00"))
        #expect(report.violations.first?.end == Fixture.time("22:00"))
        // Reported exactly, even split in two: clean.
        roster.shortfalls = [
            Roster.Shortfall(zone: "station", requirement: "d-station", start: Fixture.time("14:00"), end: Fixture.time("18:00"), missing: 1),
            Roster.Shortfall(zone: "station", requirement: "d-station", start: Fixture.time("18:00"), end: Fixture.time("22:00"), missing: 1),
        ]
        #expect(RosterChecker.check(scenario: Fixture.scenario(), roster: roster).isClean)
        // Half reported: the other half is understated.
        roster.shortfalls.removeLast()
        report = RosterChecker.check(scenario: Fixture.scenario(), roster: roster)
        #expect(report.violations.count == 1)
        #expect(report.violations.first?.start == Fixture.time("18:00"))
        // Over-reported.
        roster.shortfalls = [Roster.Shortfall(zone: "station", requirement: "d-station", start: Fixture.time("14:00"),
                                              end: Fixture.time("22:00"), missing: 2)]
        report = RosterChecker.check(scenario: Fixture.scenario(), roster: roster)
        #expect(Fixture.rules(report) == [.shortfallMismatch])
        #expect(report.violations.first?.message.contains("overstates") == true)
    }

    @Test func shortfallReportedWhereNothingIsMissing() {
        var roster = Fixture.roster()
        roster.shortfalls = [Roster.Shortfall(zone: "gate-a", requirement: "d-station", start: Fixture.time("14:00"),
                                              end: Fixture.time("15:00"), missing: 1)]
        let report = RosterChecker.check(scenario: Fixture.scenario(), roster: roster)
        #expect(reports(report, .shortfallMismatch, person: nil, zone: "gate-a"))   // wrong zone
        #expect(reports(report, .shortfallMismatch, person: nil, zone: "station"))  // overstated
    }

    @Test func patrolCoversOnlyItsZoneTemplateAndSlots() {
        var roster = Fixture.roster()
        // The patrol ends at 18:00 in the roster: 4 one-hour slots of the gate demand are uncovered.
        roster.patrols[0].end = Fixture.time("18:00")
        let report = RosterChecker.check(scenario: Fixture.scenario(), roster: roster)
        #expect(report.shortfallCost == 400)
        #expect(report.shortfalls.map(\.requirement) == ["d-gate-patrol"])
        #expect(report.shortfalls.first?.start == Fixture.time("18:00"))
    }
}
