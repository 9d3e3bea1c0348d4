import Foundation
import GLPK
import Testing

@Suite struct GLPKProblemTests {
    /// max 3x + 2y  s.t.  x + y ≤ 4,  x + 3y ≤ 6,  x ≤ 3  →  x = 3, y = 1, objective 11.
    private func smallLP() throws -> GLPKProblem {
        let problem = try GLPKProblem()
        try problem.load(maximize: true, objectiveConstant: 0,
                         columnLower: [0, 0], columnUpper: [3, .infinity], columnCost: [3, 2],
                         columnIsInteger: [false, false],
                         rowLower: [-.infinity, -.infinity], rowUpper: [4, 6],
                         rowStart: [0, 2, 4], columnIndex: [0, 1, 0, 1], value: [1, 1, 1, 3])
        return problem
    }

    @Test(arguments: [SimplexParameters.Method.primal, .dual, .dualThenPrimal])
    func simplexMethodsAgree(method: SimplexParameters.Method) throws {
        let problem = try smallLP()
        var parameters = SimplexParameters()
        parameters.method = method
        let (code, status) = try problem.simplex(parameters)
        #expect(code == .success && status == .optimal)
        let (values, objective) = try problem.solution(.basic)
        #expect(objective == 11)
        #expect(values == [3, 1])
    }

    @Test func interiorPointFindsTheSameOptimum() throws {
        let problem = try smallLP()
        let (code, status) = try problem.interior()
        #expect(code == .success && status == .optimal)
        #expect(abs(try problem.solution(.interiorPoint).objective - 11) < 1e-6)
    }

    @Test func contentRoundTrips() throws {
        let content = try smallLP().content()
        #expect(content.maximize)
        #expect(content.columnUpper == [3, .infinity])
        #expect(content.rowUpper == [4, 6])
        #expect(content.rowLower == [-.infinity, -.infinity])
        #expect(content.rowStart == [0, 2, 4])
        // GLPK may list a row's entries in any order: compare per row.
        let second = zip(content.columnIndex[2..<4], content.value[2..<4]).sorted { $0.0 < $1.0 }
        #expect(second.map(\.1) == [1, 3])
    }

    @Test func intoptCallbackSeesBoundsAndCanSubmitASolution() throws {
        // max Σ v_i x_i  s.t.  Σ w_i x_i ≤ 10, x binary.
        let values: [Double] = [10, 7, 6, 5, 4], weights: [Double] = [6, 4, 3, 3, 2]
        let problem = try GLPKProblem()
        try problem.load(maximize: true, objectiveConstant: 0,
                         columnLower: Array(repeating: 0, count: 5), columnUpper: Array(repeating: 1, count: 5),
                         columnCost: values, columnIsInteger: Array(repeating: true, count: 5),
                         rowLower: [-.infinity], rowUpper: [10], rowStart: [0, 5],
                         columnIndex: [0, 1, 2, 3, 4], value: weights)
        _ = try problem.simplex(SimplexParameters())
        var parameters = IntegerParameters()
        parameters.wantsRelaxation = true
        var sawRelaxation = false
        var submitted = false
        var accepted: Bool?
        let outcome = try problem.intopt(parameters) { event, relaxation, submission in
            if let accepted0 = event.lastSubmissionAccepted { accepted = accepted0 }
            if event.reason == .heuristic, !submitted {
                sawRelaxation = relaxation != nil
                // x = (1,1,0,0,0): weight 10, value 17.
                for j in 0..<5 { submission[j] = j < 2 ? 1 : 0 }
                submitted = true
                return .submit
            }
            return []
        }
        #expect(outcome.code == .success && outcome.status == .optimal)
        // Optimum: items 2, 3, 4 (weight 10, value 18); the submitted 17 was a valid first incumbent.
        #expect(try problem.solution(.integer).objective == 18)
        #expect(accepted == true)
        #expect(sawRelaxation)
        #expect(submitted)
    }
}
