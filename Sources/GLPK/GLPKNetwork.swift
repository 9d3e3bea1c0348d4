import GLPKShim

/// GLPK's graph routines. The corresponding C function is `glp_mincost_relax4`
/// (RELAX-IV, Bertsekas and Tseng), on a graph that lives only inside the call.
public enum GLPKNetwork {
    /// Minimum-cost flow: vertex `i` supplies `supply[i]` (negative: demands),
    /// arc `k` goes `tail[k] → head[k]` with capacity `capacity[k]` and cost `cost[k]`
    /// (integral; lower bounds 0). Arrays are 0-based.
    /// - Returns: GLPK's return code, the flow on each arc and the total cost.
    public static func minimumCostFlow(supply: [Int32], tail: [Int32], head: [Int32], capacity: [Int32],
                                       cost: [Double]) throws -> (code: GLPKReturnCode, flow: [Double], objective: Double) {
        precondition(tail.count == head.count && tail.count == capacity.count && tail.count == cost.count)
        var flow = [Double](repeating: 0, count: tail.count)
        var objective = 0.0
        var code: Int32 = 0
        let status = cx_mincost_relax4(Int32(supply.count), supply, Int32(tail.count), tail, head, capacity, cost,
                                       &flow, &objective, &code)
        if status == CX_FATAL { throw GLPK.lastFatalError() }
        return (GLPKReturnCode(rawValue: code), flow, objective)
    }
}
