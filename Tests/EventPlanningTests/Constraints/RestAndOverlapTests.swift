import EventScenario
import Testing
@testable import EventPlanning

/// `RestAndOverlap`: per class, at every start instant τ, the shifts whose stretched interval
/// [start, end + rest) contains τ hold at most n_c people.
@Suite struct RestAndOverlapTests {
    @Test func rowsAreCliquesOfStretchedShiftsOfOneClassWithItsSize() {
        let harness = FamilyHarness(ScenarioBuilder.small())
        let layout = harness.layout, index = harness.index
        let model = harness.rows(RestAndOverlap(layout: layout))
        #expect(model.rowCount > 0)
        for r in 0..<model.rowCount {
            let pairs = FamilyHarness.terms(model, r).map { $0.column - layout.wBase }
            #expect(pairs.count >= 2)
            #expect(pairs.allSatisfy { harness.kind(layout.wBase + $0) == .w })
            let classes = Set(pairs.map { layout.pairClass[$0] })
            #expect(classes.count == 1)
            #expect(model.rowUpper[r] == Double(index.classes[Int(classes.first!)].members.count))
            // A common instant: the latest start lies before every stretched end.
            let shifts = pairs.map { index.shifts[Int(layout.pairShift[$0])] }
            let latestStart = shifts.map(\.startSlot).max()!
            #expect(shifts.allSatisfy { $0.endSlot + index.restSlots > latestStart })
        }
    }

    /// One officer, two overlapping posts: only one can be held; a second officer fills the other.
    @Test func onePersonHoldsOnePlaceAtATime() throws {
        let people = [ScenarioBuilder.person("np-1", .nationalPolice, status: .apj)]
        var scenario = ScenarioBuilder.small(people: people, patrols: 0, searchers: 0)
        scenario.demands = [
            Demand(id: "a", zone: 0, window: TimeWindow(start: ScenarioBuilder.time(14), end: ScenarioBuilder.time(20)),
                   need: .post(role: "guard", requirement: RoleRequirement(corps: [.nationalPolice])), count: 1,
                   priority: 100, publicOrder: false),
            Demand(id: "b", zone: 1, window: TimeWindow(start: ScenarioBuilder.time(14), end: ScenarioBuilder.time(20)),
                   need: .post(role: "guard", requirement: RoleRequirement(corps: [.nationalPolice])), count: 1,
                   priority: 100, publicOrder: false),
        ]
        let alone = try EventPlanner.plan(scenario)
        #expect(Set(alone.assignments.map(\.person)).count == 1)
        #expect(!alone.shortfalls.isEmpty)
        scenario.people.append(ScenarioBuilder.person("np-2", .nationalPolice, status: .apj))
        let two = try EventPlanner.plan(scenario)
        #expect(two.shortfalls.isEmpty)
    }
}
