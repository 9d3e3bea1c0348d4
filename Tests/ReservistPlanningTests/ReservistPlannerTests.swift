import Engine
import Foundation
import LinearModel
@testable import ReservistPlanning
import ReservistScenario
import Testing

@Suite struct ReservistPlannerTests {
    @Test func generatedInstanceIsOptimalAndItsTotalsAddUp() throws {
        let scenario = ReservistGenerator.generate(reservists: 400, departments: 8, days: 30, seed: 7)
        let plan = try ReservistPlanner.plan(scenario)
        #expect(plan.termination == .optimal)
        #expect(abs(plan.objective - (plan.pay + plan.travel + plan.fairness + plan.shortfall)) < 1e-6)
        #expect(plan.bound <= plan.objective)
        #expect(plan.gap! < 1e-4)
        #expect(plan.daysCalled > 0)
        #expect(plan.daysCalled == plan.callUps.reduce(0) { $0 + $1.days.count })
    }

    @Test func relaxIVAgreesWithTheSimplexOnTheSameNetwork() throws {
        let scenario = ReservistGenerator.generate(reservists: 60, departments: 3, days: 14, seed: 3)
        let network = CallUpNetwork(scenario: scenario).network
        let flow = try GLPKSolver().solve(network)
        let lp = try GLPKSolver().solve(network.linearModel())
        #expect(flow.termination == .optimal && lp.termination == .optimal)
        #expect(abs(flow.objective! - lp.objective!) < 1e-6)
    }

    @Test func sameInputGivesTheSamePlan() throws {
        let scenario = ReservistGenerator.generate(reservists: 200, departments: 5, days: 20, seed: 11)
        let a = try ReservistPlanner.plan(scenario), b = try ReservistPlanner.plan(scenario)
        #expect(a.objective == b.objective)
        #expect(a.callUps.map { "\($0.reservist)/\($0.mission)/\($0.days)" } == b.callUps.map { "\($0.reservist)/\($0.mission)/\($0.days)" })
    }
}
