import EventScenario
import Testing
@testable import EventPlanning

/// `ReservistShare`: Σ reservist x − ⌊share · size⌋ · p_q ≤ 0 per patrol column with reservists.
@Suite struct ReservistShareTests {
    static func people(reservists: Int) -> [Person] {
        [ScenarioBuilder.person("np-1", .nationalPolice, status: .opj)]
            + (0..<reservists).map { ScenarioBuilder.person("gr-\($0)", .gendarmerieReservist, status: .apjAdjoint, cost: 10) }
    }

    @Test func rowsWeighReservistsAgainstTheirShareOfThePatrol() {
        let harness = FamilyHarness(ScenarioBuilder.small(people: Self.people(reservists: 2), patrols: 1, searchers: 0))
        let layout = harness.layout, index = harness.index
        let model = harness.rows(ReservistShare(layout: layout))
        #expect(model.rowCount > 0)
        for r in 0..<model.rowCount {
            #expect(model.rowUpper[r] == 0)
            let terms = FamilyHarness.terms(model, r)
            let p = terms.filter { harness.kind($0.column) == .p }
            #expect(p.count == 1 && p[0].coefficient == -1)   // ⌊0.5 · 2⌋ = 1
            for x in terms where harness.kind(x.column) == .x {
                let person = index.scenario.people[index.classes[Int(layout.xClass[x.column])].representative]
                #expect(person.corps.isReservist && x.coefficient == 1)
            }
        }
    }

    /// Cheap reservists everywhere, but a two-person patrol holds at most one.
    @Test func aPatrolOfTwoHoldsOneReservist() throws {
        var scenario = ScenarioBuilder.small(people: Self.people(reservists: 3), patrols: 1, searchers: 0)
        scenario.patrolTemplates[0].roles[0].requirement.corps.append(.gendarmerieReservist)
        let plan = try EventPlanner.plan(scenario)
        #expect(!plan.patrols.isEmpty)
        for patrol in plan.patrols {
            #expect(patrol.members.filter { scenario.people[$0].corps.isReservist }.count <= 1)
        }
    }
}
