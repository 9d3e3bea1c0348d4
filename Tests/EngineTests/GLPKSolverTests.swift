import Engine
import Foundation
import LinearModel
import Testing

@Suite struct GLPKSolverTests {
    let solver = GLPKSolver()

    @Test(arguments: [
        ("lp/production.lp", 13.0), ("lp/production.mps", -13.0), ("lp/production-free.mps", -13.0),
        ("lp/transportation.lp", 10950.0), ("lp/knapsack.mps", -492.0),
    ])
    func knownOptima(file: String, objective: Double) throws {
        let model = try ModelFile.read(Fixtures.path(file))
        let result = try solver.solve(model)
        #expect(result.termination == .optimal)
        #expect(result.point == .optimal)
        #expect(abs(result.objective! - objective) < 1e-6)
        #expect(result.gap == 0)
        #expect(model.isFeasible(result.values))
    }

    @Test(arguments: SolveParameters.LPMethod.allCases)
    func everyLPMethodSolvesTransportation(method: SolveParameters.LPMethod) throws {
        let model = try ModelFile.read(Fixtures.path("lp/transportation.lp"))
        var parameters = SolveParameters()
        parameters.lpMethod = method
        let result = try solver.solve(model, parameters)
        #expect(result.termination == .optimal)
        #expect(abs(result.objective! - 10950) < 1e-4)
    }

    @Test(arguments: [true, false])
    func infeasibleAndUnboundedAreStatuses(presolve: Bool) throws {
        var parameters = SolveParameters()
        parameters.presolve = presolve
        let infeasible = try solver.solve(try ModelFile.read(Fixtures.path("lp/infeasible.lp")), parameters)
        #expect(infeasible.termination == .infeasible && infeasible.point == .none)
        let unbounded = try solver.solve(try ModelFile.read(Fixtures.path("lp/unbounded.lp")), parameters)
        #expect(unbounded.termination == .unbounded && unbounded.point == .none)
        let noInteger = try solver.solve(try ModelFile.read(Fixtures.path("lp/infeasible-mip.lp")), parameters)
        #expect(noInteger.termination == .infeasible && noInteger.point == .none)
    }

    @Test func timeLimitReturnsIncumbentWithGapAndIsHonoured() throws {
        let model = try ModelFile.read(Fixtures.path("lp/hard-mip.lp"))
        var parameters = SolveParameters()
        parameters.timeLimit = 1.5
        let result = try solver.solve(model, parameters)
        #expect(result.termination == .timeLimit)
        #expect(result.point == .feasible)
        #expect(result.seconds < 1.5 * 1.1 + 0.2)
        let gap = try #require(result.gap)
        #expect(gap > 0)
        #expect(model.isFeasible(result.values))
        // The bound is a valid one: no better than the incumbent.
        #expect(model.sense.isBetter(result.bound!, than: result.objective!) || result.bound! == result.objective!)
    }

    @Test func suppliedIncumbentIsUsedAndNeverLost() throws {
        // A knapsack with a known feasible (not optimal) point.
        let model = try ModelFile.read(Fixtures.path("lp/knapsack.mps"))
        var start = [Double](repeating: 0, count: model.columnCount)
        start[0] = 1
        var parameters = SolveParameters()
        parameters.incumbent = start
        let result = try solver.solve(model, parameters)
        #expect(result.termination == .optimal && abs(result.objective! + 492) < 1e-9)
        #expect(result.detail == nil)
    }

    @Test func infeasibleIncumbentIsIgnoredWithANote() throws {
        let model = try ModelFile.read(Fixtures.path("lp/knapsack.mps"))
        var parameters = SolveParameters()
        parameters.incumbent = [Double](repeating: 1, count: model.columnCount)
        let result = try solver.solve(model, parameters)
        #expect(result.termination == .optimal)
        #expect(result.detail?.contains("ignored") == true)
    }

    @Test func incumbentIsReturnedWhenTimeRunsOutBeforeGLPKFindsBetter() throws {
        let model = try ModelFile.read(Fixtures.path("lp/hard-mip.lp"))
        let first = try solver.solve(model, { var p = SolveParameters(); p.timeLimit = 0.5; return p }())
        let start = try #require(first.point == .feasible ? first.values : nil)
        var parameters = SolveParameters()
        parameters.incumbent = start
        parameters.timeLimit = 0.3
        let second = try solver.solve(model, parameters)
        #expect(second.point == .feasible)
        // Never worse than what it was given.
        #expect(!model.sense.isBetter(first.objective!, than: second.objective!))
    }

    @Test func interruptFlagStopsTheSearchWithItsBestPoint() throws {
        let model = try ModelFile.read(Fixtures.path("lp/hard-mip.lp"))
        let flag = InterruptFlag()
        var parameters = SolveParameters()
        parameters.interrupt = flag
        parameters.timeLimit = 20
        parameters.progress = { progress in
            if progress.incumbent != nil && progress.elapsed > 0.3 { flag.raise() }
        }
        let result = try solver.solve(model, parameters)
        #expect(result.termination == .interrupted)
        #expect(result.seconds < 5)
    }

    @Test func invalidModelIsRejectedBeforeGLPK() {
        var model = LinearModel()
        let x = model.addColumn()
        model.addRow(lower: 0, upper: 1, terms: [(x, .nan)])
        #expect(throws: ModelValidationError.self) { try solver.solve(model) }
    }
}
