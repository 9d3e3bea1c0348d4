/// Why a solve stopped.
public enum TerminationReason: String, Sendable, CaseIterable {
    /// Proven optimal (within the solver's tolerances).
    case optimal
    /// Stopped because the relative gap reached the requested tolerance.
    case gapReached = "gap-reached"
    case timeLimit = "time-limit"
    case iterationLimit = "iteration-limit"
    /// No feasible point exists.
    case infeasible
    /// The objective is unbounded (for a MIP: its LP relaxation is, and a feasible point exists or is not excluded).
    case unbounded
    /// The search ended (limit or exhausted heuristics) without any feasible point.
    case noFeasiblePointFound = "no-feasible-point"
    /// Stopped at the user's request (signal or interrupt flag).
    case interrupted
    /// The solver failed numerically.
    case numericalFailure = "numerical-failure"
}

/// What the returned point is.
public enum PointStatus: String, Sendable {
    case optimal
    /// Feasible, with a bound that may leave a gap.
    case feasible
    /// No point is returned.
    case none
}

/// The outcome of a solve: why it stopped and what it found.
public struct SolveResult: Sendable {
    public var termination: TerminationReason
    public var point: PointStatus
    /// Column values, in column order; empty when `point == .none`.
    public var values: [Double]
    /// Objective of `values`, including the constant.
    public var objective: Double?
    /// Best proven bound on the optimum (a lower bound when minimising).
    public var bound: Double?
    public var seconds: Double
    /// Branch-and-bound nodes, 0 for LPs.
    public var nodes: Int
    /// A short explanation when the termination needs one.
    public var detail: String?

    public init(termination: TerminationReason, point: PointStatus, values: [Double] = [],
                objective: Double? = nil, bound: Double? = nil, seconds: Double = 0,
                nodes: Int = 0, detail: String? = nil) {
        self.termination = termination
        self.point = point
        self.values = values
        self.objective = objective
        self.bound = bound
        self.seconds = seconds
        self.nodes = nodes
        self.detail = detail
    }

    /// Relative gap `|objective − bound| / max(|objective|, 1e-9)`, 0 when
    /// both agree, `nil` when either is unknown.
    public var gap: Double? { relativeGap(objective: objective, bound: bound) }
}

/// `|objective − bound| / max(|objective|, 1e-9)`, the gap convention of every report.
public func relativeGap(objective: Double?, bound: Double?) -> Double? {
    guard let objective, let bound, objective.isFinite, bound.isFinite else { return nil }
    let difference = abs(objective - bound)
    if difference <= 1e-9 * max(1, abs(objective)) { return 0 }
    return difference / max(abs(objective), 1e-9)
}
