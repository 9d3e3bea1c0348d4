import EventScenario
import Testing
@testable import EventPlanning

/// `PatrolComposition`: for patrol column q = (duty, network n, shift) and role r,
/// Σ_c x[c, s, (k,n,r)] − count_r · p_q = 0, with x only for holders of radio n.
@Suite struct PatrolCompositionTests {
    @Test func eachRoleRowBalancesItsHoldersAgainstThePatrolCount() {
        let harness = FamilyHarness(ScenarioBuilder.small())
        let layout = harness.layout, index = harness.index
        let model = harness.rows(PatrolComposition(layout: layout))
        #expect(model.rowCount > 0)
        for r in 0..<model.rowCount {
            #expect(model.rowLower[r] == 0 && model.rowUpper[r] == 0)
            let terms = FamilyHarness.terms(model, r)
            let ps = terms.filter { harness.kind($0.column) == .p }
            #expect(ps.count == 1)
            let q = ps[0].column - layout.pBase
            let duty = index.duties[Int(layout.patrolDuty[q])]
            let radio = duty.networks[Int(layout.patrolNetwork[q])]
            for x in terms where harness.kind(x.column) == .x {
                #expect(x.coefficient == 1)
                #expect(layout.xShift[x.column] == layout.patrolShift[q])
                let person = index.scenario.people[index.classes[Int(layout.xClass[x.column])].representative]
                #expect(person.radios.contains(radio))
                let target = layout.targets[Int(layout.xTarget[x.column])]
                guard case .patrol(let template) = duty.kind else { Issue.record("not a patrol duty"); continue }
                #expect(ps[0].coefficient == -Double(index.scenario.patrolTemplates[template].roles[target.role].count))
            }
        }
    }

    /// A leader and a member who share no radio network cannot patrol together.
    @Test func membersWithoutACommonNetworkFormNoPatrol() throws {
        let people = [ScenarioBuilder.person("np-1", .nationalPolice, status: .opj, radios: ["INPT"]),
                      ScenarioBuilder.person("np-2", .nationalPolice, status: .apj, radios: ["RUBIS"])]
        let apart = try EventPlanner.plan(ScenarioBuilder.small(people: people, patrols: 1, searchers: 0))
        #expect(apart.patrols.isEmpty)
        var shared = people
        shared[1].radios = ["INPT", "RUBIS"]
        let together = try EventPlanner.plan(ScenarioBuilder.small(people: shared, patrols: 1, searchers: 0))
        #expect(together.patrols.count >= 1)
        #expect(together.patrols.allSatisfy { $0.radio == "INPT" })
    }
}
