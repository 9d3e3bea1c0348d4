import Engine
import Foundation
import LinearModel
@testable import ReservistPlanning
import ReservistScenario
import ReservistChecker
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

    /// The network is totally unimodular: its LP optimum is integral and equals the MIP optimum.
    @Test func flowOptimumIsIntegralAndEqualsTheIntegerOptimum() throws {
        let scenario = ReservistGenerator.generate(reservists: 60, departments: 3, days: 14, seed: 3)
        let network = CallUpNetwork(scenario: scenario).network
        let flow = try GLPKSolver().solve(network)
        var integer = network.linearModel()
        for j in 0..<integer.columnCount { integer.setInteger(true, of: ColumnID(j)) }
        let mip = try GLPKSolver().solve(integer)
        #expect(flow.termination == .optimal && mip.termination == .optimal)
        #expect(abs(flow.objective! - mip.objective!) < 1e-6)
    }

    /// The bundled small scenario: its optimum, 11 019.48, was computed independently with SciPy's MILP.
    @Test func smallScenarioReachesTheIndependentOptimumAndPassesTheChecker() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let scenario = try ReservistReader.read(path: root.appendingPathComponent("Scenarios/reservists-small.json").path)
        let plan = try ReservistPlanner.plan(scenario)
        #expect(plan.termination == .optimal)
        #expect(abs(plan.objective - 11019.48) < 0.01)
        #expect(plan.gap == 0)
        let checked = ReservistChecker.check(scenario: scenario, plan: CheckerPlan.from(plan, scenario))
        #expect(checked.violations.isEmpty, "\(checked.violations)")
        #expect(abs(checked.objective - plan.objective) < 1e-6)
    }

    @Test func generatedPlansPassTheIndependentChecker() throws {
        for seed in [UInt64(1), 2, 3] {
            let scenario = ReservistGenerator.generate(reservists: 150, departments: 4, days: 21, seed: seed)
            let plan = try ReservistPlanner.plan(scenario)
            let checked = ReservistChecker.check(scenario: scenario, plan: CheckerPlan.from(plan, scenario))
            #expect(checked.violations.isEmpty, "seed \(seed): \(checked.violations.prefix(3))")
            #expect(abs(checked.objective - plan.objective) < 1e-6 * max(1, plan.objective))
        }
    }

    /// Past the whole-flow size the planner runs auctions then the Lagrangian search: on an instance
    /// GLPK also solves whole, its plan is within 1 % of the optimum and its bound below it.
    @Test func decomposedSearchLandsWithinOnePercentOfTheExactOptimum() throws {
        let scenario = ReservistGenerator.generate(reservists: 250, departments: 4, days: 28, seed: 13)
        let exact = try ReservistPlanner.plan(scenario)
        try #require(exact.statistics.wholeFlow && exact.termination == .optimal)
        var options = ReservistPlanOptions()
        options.monolithicArcLimit = 0
        options.timeLimit = 20
        options.relativeGap = 0.005
        let plan = try ReservistPlanner.plan(scenario, options: options)
        #expect(!plan.statistics.wholeFlow && plan.statistics.auctions >= 1)
        #expect(plan.bound <= exact.objective + 1e-6)
        #expect(plan.objective >= exact.objective - 1e-6)
        #expect(plan.objective <= exact.objective * 1.01, "\(plan.objective) vs optimum \(exact.objective)")
        let checked = ReservistChecker.check(scenario: scenario, plan: CheckerPlan.from(plan, scenario))
        #expect(checked.violations.isEmpty, "\(checked.violations.prefix(3))")
    }

    @Test func sameInputGivesTheSamePlan() throws {
        let scenario = ReservistGenerator.generate(reservists: 200, departments: 5, days: 20, seed: 11)
        let a = try ReservistPlanner.plan(scenario), b = try ReservistPlanner.plan(scenario)
        #expect(a.objective == b.objective)
        #expect(a.callUps.map { "\($0.reservist)/\($0.mission)/\($0.days)" } == b.callUps.map { "\($0.reservist)/\($0.mission)/\($0.days)" })
    }
}

/// The planner's plan in the checker's terms (what `continuum solve --format json` writes).
enum CheckerPlan {
    static func from(_ plan: CallUpPlan, _ scenario: ReservistScenario) -> ReservistChecker.Plan {
        let callups = plan.callUps.map { callUp in
            ReservistChecker.Plan.Callup(reservist: scenario.reservists[callUp.reservist].id,
                                         mission: scenario.missions[callUp.mission].id,
                                         days: callUp.days.map { scenario.date(ofDay: $0) })
        }
        let totals = ReservistChecker.Plan.Totals(
            pay: plan.pay, travel: plan.travel, fairness: plan.fairness, shortfall: plan.shortfall,
            daysCalled: plan.daysCalled, reservistsUsed: plan.reservistsUsed, capUse: plan.capUse,
            missingDays: plan.missingDays, continuity: plan.continuity)
        let coverage = plan.coverage.map { entry in
            ReservistChecker.Plan.CoverageEntry(department: scenario.departments[entry.department].id,
                                                date: scenario.date(ofDay: entry.day), needed: entry.needed,
                                                covered: entry.covered, missing: entry.missing)
        }
        return ReservistChecker.Plan(scenario: scenario.name, status: plan.termination.rawValue, objective: plan.objective,
                                     bound: plan.bound, gap: plan.gap, totals: totals, callups: callups, coverage: coverage)
    }
}

@Suite struct LagrangianCallUpTests {
    /// On an instance small enough to solve exactly, the Lagrangian bound is below the
    /// optimum, its plan above it, and the plan passes the independent checker.
    @Test(arguments: [UInt64(5), 6])
    func boundAndPlanBracketTheExactOptimum(seed: UInt64) throws {
        let scenario = ReservistGenerator.generate(reservists: 250, departments: 5, days: 21, seed: seed)
        let exact = try ReservistPlanner.plan(scenario)
        #expect(exact.termination == .optimal)
        let outcome = LagrangianCallUp(scenario: scenario).solve(deadline: .now.advanced(by: .seconds(10)))
        #expect(outcome.bound <= exact.objective + 1e-6)
        let plan = ReservistPlanner.summarize(scenario, outcome.assigned)
        #expect(abs(plan.objective - outcome.objective) < 1e-6 * max(1, plan.objective))
        #expect(plan.objective >= exact.objective - 1e-6)
        #expect((plan.objective - outcome.bound) / plan.objective < 0.05, "gap \(plan.objective) vs \(outcome.bound)")
        let checked = ReservistChecker.check(scenario: scenario, plan: CheckerPlan.from(plan, scenario))
        #expect(checked.violations.isEmpty, "\(checked.violations.prefix(3))")
    }
}
