/// How to solve a model, in solver-neutral terms. Backends map these to their own options.
public struct SolveParameters: Sendable {
    public enum LPMethod: String, Sendable, CaseIterable {
        case automatic, primalSimplex = "primal", dualSimplex = "dual", interiorPoint = "interior"
    }

    /// Wall-clock limit in seconds for the whole solve; `nil` for none.
    public var timeLimit: Double?
    /// Stop a MIP once the relative gap is at most this.
    public var relativeGap = 1e-6
    public var lpMethod: LPMethod = .automatic
    /// Let the solver presolve. Ignored (off) when an incumbent or heuristic
    /// is supplied, because those speak of the original columns.
    public var presolve = true
    public var cuts = true
    public var feasibilityPump = false
    public var proximitySearch = false
    /// A starting solution (column values). It is checked against the model
    /// and handed to the branch and cut only if feasible.
    public var incumbent: [Double]?
    /// Forward the solver's own log to stderr.
    public var verbose = false
    /// Called (on the solving thread) when the incumbent or bound changes, at most a few times a second.
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Set to stop the solve early; the best point found is returned as `.interrupted`.
    public var interrupt: InterruptFlag?

    public init() {}
}

/// A snapshot of a running solve.
public struct SolveProgress: Sendable {
    public var elapsed: Double
    public var incumbent: Double?
    public var bound: Double?
    public var nodes: Int
    public init(elapsed: Double, incumbent: Double?, bound: Double?, nodes: Int) {
        self.elapsed = elapsed
        self.incumbent = incumbent
        self.bound = bound
        self.nodes = nodes
    }
    public var gap: Double? { relativeGap(objective: incumbent, bound: bound) }
}
