import Foundation
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
    /// Solves a minimum-cost flow with GLPK's RELAX-IV. The optimum of a
    /// network is integral and proven: objective and bound coincide.
    /// - Throws: `ModelValidationError` before GLPK sees bad data, `GLPKError` if GLPK fails.
    public func solve(_ network: FlowNetwork) throws -> FlowResult {
        try network.validate()
        let clock = SolveClock(timeLimit: nil)
        if ProcessInfo.processInfo.environment["CONTINUUM_FLOW_LP"] != nil {
            var parameters = SolveParameters()
            parameters.lpMethod = .dualSimplex
            let lp = try solve(network.linearModel(), parameters)
            FileHandle.standardError.write(Data("flow LP: \(network.vertexCount) vertices, \(network.arcCount) arcs, \(lp.termination) \(lp.objective ?? -1) in \(lp.seconds) s\n".utf8))
            return FlowResult(termination: lp.termination, flow: lp.values.map { Int32($0.rounded()) }, objective: lp.objective, seconds: lp.seconds)
        }
        let (code, flow, objective) = try GLPKNetwork.minimumCostFlow(
            supply: network.supply, tail: network.tail, head: network.head,
            capacity: network.capacity, cost: network.cost)
        switch code {
        case .success:
            return FlowResult(termination: .optimal, flow: flow.map { Int32($0.rounded()) }, objective: objective,
                              seconds: clock.elapsed)
        case .noPrimalFeasible:
            return FlowResult(termination: .infeasible, flow: [], objective: nil, seconds: clock.elapsed)
        default:
            throw GLPKError(kind: .fatal, function: "glp_mincost_relax4",
                            message: "RELAX-IV stopped: \(code) (costs or capacities too large?)")
        }
    }
}
