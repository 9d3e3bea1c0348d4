import EventChecker
import EventScenario
import Testing

/// Rule `break`: nobody works more than `breakAfterHours` in a row; breaks of at least
/// `breakMinutes` inside assignments (or gaps that long between them) cut the work.
@Suite struct BreakRuleTests {
    static func scenario(after hours: Double = 6) -> Scenario {
        var scenario = Fixture.scenario()
        scenario.rules.breakMinutes = 20
        scenario.rules.breakAfterHours = hours
        return scenario
    }

    /// ts-1's 14:00-22:00 assignment of the clean fixture roster, with `breaks`.
    static func roster(breaks: [(String, String)]) -> Roster {
        var a = Fixture.assignment("ts-1", "station", "guard", "14:00", "22:00")
        a.breaks = breaks.map { Roster.Break(start: Fixture.time($0.0), end: Fixture.time($0.1)) }
        var roster = Fixture.replacing(Fixture.roster(), "ts-1", with: a)
        // Every other assignment of the fixture gets a break in its middle, so only ts-1 is at stake.
        for i in roster.assignments.indices where roster.assignments[i].person != "ts-1" {
            let start = roster.assignments[i].start, end = roster.assignments[i].end
            let middle = start.adding(minutes: end.minutes(since: start) / 2 - 10)
            roster.assignments[i].breaks = [Roster.Break(start: middle, end: middle.adding(minutes: 20))]
        }
        return roster
    }

    static func breakViolations(_ report: CheckReport) -> [Violation] {
        report.violations.filter { $0.rule == .workBreak }
    }

    @Test func eightHoursWithoutABreakIsReported() {
        let report = Fixture.check(Self.roster(breaks: []), Self.scenario())
        let found = Self.breakViolations(report)
        #expect(found.count == 1)
        #expect(found.first?.person == "ts-1")
        #expect(found.first?.message.contains("8 h in a row") == true, "\(found.map(\.message))")
    }

    @Test func aTwentyMinuteBreakInTheMiddleIsClean() {
        let report = Fixture.check(Self.roster(breaks: [("17:50", "18:10")]), Self.scenario())
        #expect(Self.breakViolations(report).isEmpty, "\(report.violations.map(\.description))")
    }

    @Test func aBreakTooLateLeavesMoreThanSixHoursBeforeIt() {
        let report = Fixture.check(Self.roster(breaks: [("20:30", "20:50")]), Self.scenario())
        #expect(Self.breakViolations(report).count == 1)
    }

    @Test func aShortBreakDoesNotCount() {
        let report = Fixture.check(Self.roster(breaks: [("17:50", "18:00")]), Self.scenario())
        let messages = Self.breakViolations(report).map(\.message)
        #expect(messages.contains { $0.contains("shorter than the 20 min") }, "\(messages)")
        #expect(messages.contains { $0.contains("in a row") }, "\(messages)")
    }

    @Test func aBreakOutsideItsAssignmentIsReported() {
        let report = Fixture.check(Self.roster(breaks: [("13:00", "13:20"), ("17:50", "18:10")]), Self.scenario())
        let messages = Self.breakViolations(report).map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("outside the assignment") == true, "\(messages)")
    }

    @Test func workUpToTheLimitNeedsNoBreak() {
        let report = Fixture.check(Self.roster(breaks: []), Self.scenario(after: 8))
        #expect(Self.breakViolations(report).isEmpty)
    }

    @Test func breaksOffMeansNoRule() {
        var scenario = Self.scenario()
        scenario.rules.breakMinutes = 0
        #expect(Self.breakViolations(Fixture.check(Self.roster(breaks: []), scenario)).isEmpty)
    }
}
