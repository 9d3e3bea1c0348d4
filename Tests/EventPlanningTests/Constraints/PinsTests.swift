import EventChecker
import EventScenario
import Testing
@testable import EventPlanning

/// Pinned assignments (`Pins` rows) and the diagnosis of contradictory pins (`PinDiagnosis`).
@Suite struct PinsTests {
    static let shift = TimeWindow(start: ScenarioBuilder.time(14), end: ScenarioBuilder.time(20))   // a 6-hour shift

    @Test func aPinnedOfficerLeadsAPatrolAndTheRosterChecksClean() throws {
        var scenario = ScenarioBuilder.small()
        // np-1 is the dearest leader (50 an hour): without the pin the planner would pick another.
        scenario.pins = [Pin(person: 0, zone: 0, template: 0, role: "leader", window: Self.shift)]
        let plan = try EventPlanner.plan(scenario)
        #expect(plan.assignments.contains { $0.person == 0 && $0.zone == 0 && $0.role == "leader" && $0.patrol != nil
                                            && $0.startSlot == 2 && $0.endSlot == 8 })
        let report = RosterChecker.check(scenario: scenario, roster: PlanRoster.roster(plan, scenario))
        #expect(report.violations.isEmpty, "\(report.violations.map(\.description))")
        // The checker sees a roster that drops the pin.
        var dropped = PlanRoster.roster(plan, scenario)
        dropped.assignments.removeAll { $0.person == "np-1" }
        #expect(RosterChecker.check(scenario: scenario, roster: dropped).violations.contains { $0.rule == .pin })
    }

    @Test func aPinnedPostAgentIsPlaced() throws {
        var scenario = ScenarioBuilder.small()
        // ps-2 on the female search post 16:00-24:00 (an 8-hour shift of the templates).
        let window = TimeWindow(start: ScenarioBuilder.time(16), end: ScenarioBuilder.time(0, day: 31))
        scenario.pins = [Pin(person: 6, zone: 1, template: nil, role: "search-f", window: window)]
        let plan = try EventPlanner.plan(scenario)
        #expect(plan.assignments.contains { $0.person == 6 && $0.role == "search-f" })
    }

    @Test func aPinTheRoleExcludesIsNamed() {
        var scenario = ScenarioBuilder.small()
        // ps-3 is male; the search post needs a female agent.
        let window = TimeWindow(start: ScenarioBuilder.time(16), end: ScenarioBuilder.time(0, day: 31))
        scenario.pins = [Pin(person: 7, zone: 1, template: nil, role: "search-f", window: window)]
        #expect(throws: PinConflict.self) { try EventPlanner.plan(scenario) }
        do {
            _ = try EventPlanner.plan(scenario)
        } catch let conflict as PinConflict {
            #expect(conflict.pins == [0])
            #expect(conflict.description.contains("ps-3"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func aPinOffTheShiftTemplatesIsNamed() {
        var scenario = ScenarioBuilder.small()
        scenario.pins = [Pin(person: 0, zone: 0, template: 0, role: "leader",
                             window: TimeWindow(start: ScenarioBuilder.time(13), end: ScenarioBuilder.time(21)))]
        do {
            _ = try EventPlanner.plan(scenario)
            Issue.record("expected a conflict")
        } catch let conflict as PinConflict {
            #expect(conflict.pins == [0] && conflict.problem.contains("not a shift"))
        } catch { Issue.record("unexpected \(error)") }
    }

    /// Two municipal agents pinned as members of the perimeter patrols of the same shift, with a
    /// single officer able to lead: each pin alone has a plan, both together do not. The deletion
    /// filter names both, and only them.
    @Test func pinsThatOnlyConflictTogetherAreNamedByTheDeletionFilter() {
        let people = [ScenarioBuilder.person("np-1", .nationalPolice, status: .opj),
                      ScenarioBuilder.person("ps-1", .privateSecurity, qualifications: ["pat-down"], sex: .female,
                                             radios: ["SITE"], site: 0),
                      ScenarioBuilder.person("pm-1", .municipalPolice, status: .apjAdjoint, commune: 0),
                      ScenarioBuilder.person("pm-2", .municipalPolice, status: .apjAdjoint, commune: 0)]
        var scenario = ScenarioBuilder.small(people: people)
        scenario.pins = [Pin(person: 1, zone: 1, template: nil, role: "search-f",
                             window: TimeWindow(start: ScenarioBuilder.time(16), end: ScenarioBuilder.time(0, day: 31))),
                         Pin(person: 2, zone: 0, template: 0, role: "member", window: Self.shift),
                         Pin(person: 3, zone: 0, template: 0, role: "member", window: Self.shift)]
        for alone in [1, 2] {
            var one = scenario
            one.pins = [scenario.pins[0], scenario.pins[alone]]
            #expect(throws: Never.self) { try EventPlanner.plan(one) }
        }
        do {
            _ = try EventPlanner.plan(scenario)
            Issue.record("expected a conflict")
        } catch let conflict as PinConflict {
            #expect(conflict.pins == [1, 2], "\(conflict)")
            #expect(conflict.problem.contains("patrol"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func pinnedPeopleAreNeverPooled() {
        var scenario = ScenarioBuilder.small()
        scenario.pins = [Pin(person: 1, zone: 0, template: 0, role: "leader", window: Self.shift)]
        let index = PlanningIndex(scenario: scenario)
        #expect(index.classes[index.classOfPerson[1]].members == [1])
    }
}
