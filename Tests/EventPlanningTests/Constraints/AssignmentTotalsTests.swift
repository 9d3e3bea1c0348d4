import EventScenario
import Testing
@testable import EventPlanning

/// `AssignmentTotals`: Σ_t x[c,s,t] − w[c,s] = 0 for every (class, shift) pair.
@Suite struct AssignmentTotalsTests {
    @Test func oneEqualityRowPerClassShiftPairLinkingItsAssignments() {
        let harness = FamilyHarness(ScenarioBuilder.small())
        let layout = harness.layout
        let model = harness.rows(AssignmentTotals(layout: layout))
        #expect(model.rowCount == layout.pairClass.count)
        for pair in 0..<model.rowCount {
            #expect(model.rowLower[pair] == 0 && model.rowUpper[pair] == 0)
            let terms = FamilyHarness.terms(model, pair)
            let xs = terms.filter { harness.kind($0.column) == .x }
            #expect(xs.allSatisfy { $0.coefficient == 1 })
            #expect(xs.map(\.column) == Array(Int(layout.pairStart[pair])..<Int(layout.pairStart[pair + 1])))
            #expect(xs.allSatisfy { layout.xClass[$0.column] == layout.pairClass[pair] && layout.xShift[$0.column] == layout.pairShift[pair] })
            let ws = terms.filter { harness.kind($0.column) == .w }
            #expect(ws.count == 1 && ws[0].column == layout.wBase + pair && ws[0].coefficient == -1)
        }
    }
}
