import EventScenario
import Testing
@testable import EventPlanning

/// `WeeklyHours`: Σ_s hours_s · w[c,s] ≤ n_c · (H − h_c) for classes that could work two shifts.
@Suite struct WeeklyHoursTests {
    static func scenario(hoursThisWeek: Double) -> Scenario {
        var scenario = ScenarioBuilder.small(patrols: 0, searchers: 0)
        scenario.rules.minRestHours = 0
        scenario.rules.breakMinutes = 0
        scenario.rules.weeklyHoursCap = 48
        scenario.rules.shiftTemplates = [ShiftTemplate(startTimes: [TimeOfDay("12:00")!, TimeOfDay("18:00")!], hours: 6)]
        scenario.people = [ScenarioBuilder.person("np-1", .nationalPolice, status: .apj, hoursThisWeek: hoursThisWeek)]
        scenario.demands = [Demand(id: "a", zone: 0, window: TimeWindow(start: ScenarioBuilder.time(12), end: ScenarioBuilder.time(0, day: 31)),
                                   need: .post(role: "guard", requirement: RoleRequirement(corps: [.nationalPolice])),
                                   count: 1, priority: 100, publicOrder: false)]
        return scenario
    }

    @Test func rowCapsTheClassHoursAtItsRemainingWeek() {
        let harness = FamilyHarness(Self.scenario(hoursThisWeek: 38))
        let model = harness.rows(WeeklyHours(layout: harness.layout))
        #expect(model.rowCount == 1)
        #expect(model.rowUpper[0] == 10)
        #expect(FamilyHarness.terms(model, 0).allSatisfy { harness.kind($0.column) == .w && $0.coefficient == 6 })
    }

    @Test func theCapLeavesOneOfTwoShifts() throws {
        #expect(try EventPlanner.plan(Self.scenario(hoursThisWeek: 30)).assignments.count == 2)
        let capped = try EventPlanner.plan(Self.scenario(hoursThisWeek: 38))
        #expect(capped.assignments.count == 1)
        #expect(capped.shortfalls.map { $0.endSlot - $0.startSlot }.reduce(0, +) == 6)
    }
}
