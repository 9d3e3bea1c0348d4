import EventScenario
import Testing
@testable import EventPlanning

/// `Coverage`: per coverage segment g, covering patrols (or post agents) + u_g ≥ count.
@Suite struct CoverageFamilyTests {
    @Test func oneRowPerSegmentWithItsShortfallAndCount() {
        let harness = FamilyHarness(ScenarioBuilder.small(patrols: 2, searchers: 1))
        let layout = harness.layout, index = harness.index
        let model = harness.rows(Coverage(layout: layout))
        #expect(model.rowCount == layout.segments.count)
        for (r, g) in layout.segments.enumerated() {
            let segment = index.segments[g]
            #expect(model.rowLower[r] == Double(index.scenario.demands[segment.demand].count))
            let terms = FamilyHarness.terms(model, r)
            #expect(terms.filter { harness.kind($0.column) == .u }.map(\.column) == [layout.uBase + r])
            for t in terms where harness.kind(t.column) == .p {
                #expect(segment.coveringShifts.contains(Int(layout.patrolShift[t.column - layout.pBase])))
            }
            for t in terms where harness.kind(t.column) == .x {
                #expect(segment.coveringShifts.contains(Int(layout.xShift[t.column])))
            }
        }
    }

    /// Nobody to cover: the whole demand is short, priced by priority × hours × missing.
    @Test func shortfallIsPricedByPriorityAndHours() throws {
        let plan = try EventPlanner.plan(ScenarioBuilder.small(people: [], patrols: 2, searchers: 1))
        // Perimeter patrols 14:00-22:00, 2 × 8 h × 500; gate search 16:00-24:00, 1 × 8 h × 300.
        #expect(plan.objective == 2 * 8 * 500 + 8 * 300)
        #expect(plan.shortfallCost == plan.objective)
    }
}
