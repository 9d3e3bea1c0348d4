import Foundation
import GLPK
import LinearModel

/// Solves a `LinearModel` with GLPK: the solver-neutral model is validated,
/// copied into GLPK in one pass, solved, and read back as a `SolveResult`.
///
/// Everything happens on the calling thread, inside this call: the GLPK
/// problem never escapes it, as GLPK requires.
public struct GLPKSolver: Sendable {
    public init() {}

    /// - Throws: `ModelValidationError` for a model GLPK must not see,
    ///   `GLPKError` when GLPK itself fails (contained, never an abort).
    public func solve(_ model: LinearModel, _ parameters: SolveParameters = SolveParameters()) throws -> SolveResult {
        try model.validate()
        let clock = SolveClock(timeLimit: parameters.timeLimit)
        GLPK.setVerbose(parameters.verbose)
        defer { GLPK.setVerbose(false) }
        let problem = try GLPKProblem()
        try problem.load(model)
        let result = model.hasIntegerColumns
            ? try solveInteger(model, problem, parameters, clock)
            : try solveContinuous(model, problem, parameters, clock)
        return verified(result, model)
    }

    /// GLPK's answer is re-checked against the model: a point that breaks a
    /// bound, row or integrality (as GLPK's simplex can on badly scaled data)
    /// is never passed on as feasible.
    private func verified(_ result: SolveResult, _ model: LinearModel) -> SolveResult {
        guard result.point != .none, !model.isFeasible(result.values, tolerance: 1e-6) else { return result }
        let (amount, location) = model.maximumViolation(of: result.values)
        return SolveResult(termination: .numericalFailure, point: .none, bound: nil, seconds: result.seconds,
                           nodes: result.nodes,
                           detail: "GLPK returned a point that violates \(location ?? "the model") by \(amount); "
                               + "check the model's scaling")
    }

    // MARK: LP

    private func solveContinuous(_ model: LinearModel, _ problem: GLPKProblem,
                                 _ parameters: SolveParameters, _ clock: SolveClock) throws -> SolveResult {
        if parameters.interrupt?.isRaised == true {
            return SolveResult(termination: .interrupted, point: .none, seconds: clock.elapsed)
        }
        if parameters.lpMethod == .interiorPoint {
            let (code, status) = try problem.interior(verbose: parameters.verbose)
            switch (code, status) {
            case (.success, .optimal):
                let (values, objective) = try problem.solution(.interiorPoint)
                return SolveResult(termination: .optimal, point: .optimal, values: values, objective: objective,
                                   bound: objective, seconds: clock.elapsed)
            case (.noFeasible, _), (_, .noFeasible):
                return SolveResult(termination: .infeasible, point: .none, seconds: clock.elapsed,
                                   detail: "the interior-point method found no primal or dual feasible point")
            default:
                return SolveResult(termination: .numericalFailure, point: .none, seconds: clock.elapsed,
                                   detail: "interior point: \(code)")
            }
        }
        var simplex = SimplexParameters()
        simplex.method = switch parameters.lpMethod {
        case .primalSimplex: .primal
        case .dualSimplex: .dual
        default: .dualThenPrimal
        }
        simplex.presolve = parameters.presolve
        simplex.timeLimit = clock.remaining
        simplex.verbose = parameters.verbose
        var (code, status) = try problem.simplex(simplex)
        if code == .noPrimalFeasible || code == .noDualFeasible {
            // The presolver proves infeasibility of the primal or the dual
            // without saying which; the plain simplex tells them apart.
            simplex.presolve = false
            simplex.timeLimit = clock.remaining
            (code, status) = try problem.simplex(simplex)
        }
        return try continuousResult(code: code, status: status, problem: problem, clock: clock)
    }

    private func continuousResult(code: GLPKReturnCode, status: GLPKSolutionStatus,
                                  problem: GLPKProblem, clock: SolveClock) throws -> SolveResult {
        switch status {
        case .optimal where code == .success:
            let (values, objective) = try problem.solution(.basic)
            return SolveResult(termination: .optimal, point: .optimal, values: values, objective: objective,
                               bound: objective, seconds: clock.elapsed)
        case .noFeasible:
            return SolveResult(termination: .infeasible, point: .none, seconds: clock.elapsed)
        case .unbounded:
            return SolveResult(termination: .unbounded, point: .none, seconds: clock.elapsed)
        default:
            break
        }
        let termination: TerminationReason
        switch code {
        case .timeLimit: termination = .timeLimit
        case .iterationLimit: termination = .iterationLimit
        default:
            return SolveResult(termination: .numericalFailure, point: .none, seconds: clock.elapsed,
                               detail: "simplex: \(code)")
        }
        if status == .feasible {
            let (values, objective) = try problem.solution(.basic)
            return SolveResult(termination: termination, point: .feasible, values: values,
                               objective: objective, seconds: clock.elapsed)
        }
        return SolveResult(termination: termination, point: .none, seconds: clock.elapsed)
    }

    // MARK: MIP

    private func solveInteger(_ model: LinearModel, _ problem: GLPKProblem,
                              _ parameters: SolveParameters, _ clock: SolveClock) throws -> SolveResult {
        var detail: String?
        var incumbent: [Double]?
        if let supplied = parameters.incumbent {
            if supplied.count == model.columnCount, model.isFeasible(supplied) {
                incumbent = supplied
            } else {
                let place = supplied.count == model.columnCount
                    ? model.maximumViolation(of: supplied).location ?? "?" : "its length"
                detail = "the supplied starting solution was ignored: it violates \(place)"
            }
        }
        // GLPK's MIP presolver hands the callback a transformed problem, so a
        // starting solution needs it off; the relaxation is then solved here.
        let presolve = parameters.presolve && incumbent == nil
        var rootBound: Double?
        if !presolve {
            var simplex = SimplexParameters()
            simplex.method = .dualThenPrimal
            simplex.timeLimit = clock.remaining
            simplex.verbose = parameters.verbose
            let (code, status) = try problem.simplex(simplex)
            switch status {
            case .optimal:
                rootBound = try problem.solution(.basic).objective
            case .noFeasible:
                return SolveResult(termination: .infeasible, point: .none, seconds: clock.elapsed,
                                   detail: "the LP relaxation is infeasible")
            case .unbounded:
                return SolveResult(termination: .unbounded, point: .none, seconds: clock.elapsed,
                                   detail: "the LP relaxation is unbounded")
            default:
                let reason: TerminationReason = code == .timeLimit ? .timeLimit : .numericalFailure
                return fallback(reason, incumbent, model, bound: nil, clock, nodes: 0,
                                detail: "the LP relaxation was not solved: \(code)")
            }
        }

        var integer = IntegerParameters()
        integer.presolve = presolve
        integer.timeLimit = clock.remaining
        integer.relativeGap = parameters.relativeGap
        integer.gomoryCuts = parameters.cuts
        integer.mirCuts = parameters.cuts
        integer.coverCuts = parameters.cuts
        integer.cliqueCuts = parameters.cuts
        integer.feasibilityPump = parameters.feasibilityPump
        integer.proximitySearch = parameters.proximitySearch
        integer.verbose = parameters.verbose

        let monitor = TreeMonitor(clock: clock, parameters: parameters, incumbent: incumbent,
                                  sense: model.sense)
        let outcome = try problem.intopt(integer) { event, _, submission in
            monitor.handle(event, submission: submission)
        }

        var bound = combine(rootBound, outcome.treeBound, sense: model.sense)
        let hasPoint = outcome.status == .optimal || outcome.status == .feasible
        var termination: TerminationReason
        switch outcome.code {
        case .success:
            if outcome.status == .optimal {
                let (values, objective) = try problem.solution(.integer)
                return SolveResult(termination: .optimal, point: .optimal, values: values, objective: objective,
                                   bound: objective, seconds: clock.elapsed, nodes: outcome.nodes, detail: detail)
            }
            if outcome.status == .noFeasible {
                return SolveResult(termination: .infeasible, point: .none, seconds: clock.elapsed,
                                   nodes: outcome.nodes, detail: detail)
            }
            termination = .numericalFailure
        case .gapReached: termination = .gapReached
        case .timeLimit: termination = .timeLimit
        case .stopped: termination = monitor.interrupted ? .interrupted : .timeLimit
        case .noPrimalFeasible:
            return SolveResult(termination: .infeasible, point: .none, seconds: clock.elapsed,
                               detail: "the presolver proved the problem infeasible")
        case .noDualFeasible:
            return try classifyUnboundedRelaxation(model, clock)
        default:
            termination = .numericalFailure
            detail = "branch and cut: \(outcome.code)"
        }
        if hasPoint {
            let (values, objective) = try problem.solution(.integer)
            if let incumbent, model.sense.isBetter(model.objectiveValue(of: incumbent), than: objective) {
                return fallback(termination, incumbent, model, bound: bound, clock, nodes: outcome.nodes, detail: detail)
            }
            if let known = bound, model.sense.isBetter(known, than: objective) == false { bound = objective }
            return SolveResult(termination: termination, point: .feasible, values: values, objective: objective,
                               bound: bound, seconds: clock.elapsed, nodes: outcome.nodes, detail: detail)
        }
        return fallback(termination, incumbent, model, bound: bound, clock, nodes: outcome.nodes, detail: detail)
    }

    /// The result when GLPK holds no integer point: the supplied starting
    /// solution if there is one, otherwise no point at all.
    private func fallback(_ termination: TerminationReason, _ incumbent: [Double]?, _ model: LinearModel,
                          bound: Double?, _ clock: SolveClock, nodes: Int, detail: String?) -> SolveResult {
        if let incumbent {
            return SolveResult(termination: termination, point: .feasible, values: incumbent,
                               objective: model.objectiveValue(of: incumbent), bound: bound,
                               seconds: clock.elapsed, nodes: nodes, detail: detail)
        }
        return SolveResult(termination: termination, point: .none, bound: bound, seconds: clock.elapsed,
                           nodes: nodes, detail: detail ?? "no integer feasible point was found")
    }

    /// The presolver says the relaxation's dual is infeasible: the MIP is
    /// either infeasible or unbounded. Solving the relaxation tells which.
    private func classifyUnboundedRelaxation(_ model: LinearModel, _ clock: SolveClock) throws -> SolveResult {
        let problem = try GLPKProblem()
        try problem.load(model)
        var simplex = SimplexParameters()
        simplex.timeLimit = clock.remaining
        let (_, status) = try problem.simplex(simplex)
        if status == .noFeasible {
            return SolveResult(termination: .infeasible, point: .none, seconds: clock.elapsed,
                               detail: "the LP relaxation is infeasible")
        }
        return SolveResult(termination: .unbounded, point: .none, seconds: clock.elapsed,
                           detail: "the LP relaxation is unbounded")
    }

    private func combine(_ a: Double?, _ b: Double?, sense: LinearModel.Sense) -> Double? {
        guard let a else { return b }
        guard let b else { return a }
        return sense == .minimize ? max(a, b) : min(a, b)
    }
}

extension LinearModel.Sense {
    /// Whether objective `a` is strictly better than `b` under this sense.
    public func isBetter(_ a: Double, than b: Double) -> Bool {
        self == .minimize ? a < b - 1e-9 * max(1, abs(b)) : a > b + 1e-9 * max(1, abs(b))
    }
}

extension GLPKProblem {
    /// Copies a validated model into this empty problem in one pass.
    func load(_ model: LinearModel) throws {
        try load(maximize: model.sense == .maximize, objectiveConstant: model.objectiveConstant,
                 columnLower: model.columnLower, columnUpper: model.columnUpper,
                 columnCost: model.columnCost, columnIsInteger: model.columnIsInteger,
                 rowLower: model.rowLower, rowUpper: model.rowUpper,
                 rowStart: model.rowStart, columnIndex: model.columnIndex, value: model.coefficient)
    }
}
