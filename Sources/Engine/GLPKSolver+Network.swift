import GLPK
import LinearModel

/// The outcome of a minimum-cost flow.
public struct FlowResult: Sendable {
    public var termination: TerminationReason
    /// Flow on each arc, integral.
    public var flow: [Int32]
    public var objective: Double?
    public var seconds: Double
}

extension GLPKSolver {
    /// Solves a minimum-cost flow as its linear program with GLPK's simplex.
    /// The constraint matrix of a network is totally unimodular, so the basic
    /// optimum is integral: no branch and bound is needed and the optimum is proven.
    ///
    /// (GLPK's network codes were tried: `glp_mincost_relax4` is disabled in the
    /// GLPK 5.0 that Debian ships, and `glp_mincost_okalg` was far slower than the
    /// simplex on these networks.)
    public func solve(_ network: FlowNetwork, timeLimit: Double? = nil) throws -> FlowResult {
        try network.validate()
        var parameters = SolveParameters()
        parameters.lpMethod = .primalSimplex
        parameters.presolve = false
        parameters.timeLimit = timeLimit
        let lp = try solve(network.linearModel(), parameters)
        guard lp.point != .none else {
            return FlowResult(termination: lp.termination, flow: [], objective: nil, seconds: lp.seconds)
        }
        return FlowResult(termination: lp.termination, flow: lp.values.map { Int32($0.rounded()) },
                          objective: lp.objective, seconds: lp.seconds)
    }
}
