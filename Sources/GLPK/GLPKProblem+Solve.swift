import GLPKShim

/// Parameters of `glp_simplex`.
public struct SimplexParameters: Sendable {
    public enum Method: Int32, Sendable { case primal = 1, dualThenPrimal = 2, dual = 3 }
    public var method: Method = .dualThenPrimal
    public var presolve = false
    /// Seconds; `nil` for none.
    public var timeLimit: Double?
    public var iterationLimit: Int?
    public var verbose = false
    public init() {}
}

/// Parameters of `glp_intopt`.
public struct IntegerParameters: Sendable {
    public var presolve = false
    public var timeLimit: Double?
    /// Relative gap at which GLPK stops (`mip_gap`).
    public var relativeGap = 0.0
    public var gomoryCuts = false
    public var mirCuts = false
    public var coverCuts = false
    public var cliqueCuts = false
    public var feasibilityPump = false
    public var proximitySearch = false
    public var proximityTimeLimit: Double?
    public var simpleRounding = true
    public var verbose = false
    /// Hand the node LP values to the callback at heuristic time.
    public var wantsRelaxation = false
    public init() {}
}

/// What the branch-and-cut tree reports at a callback.
public struct TreeEvent: Sendable {
    public enum Reason: Sendable { case select, preprocess, rowGeneration, heuristic, cutGeneration, branch, betterSolution, other }
    public var reason: Reason
    public var bestBound: Double?
    public var incumbent: Double?
    public var activeNodes: Int
    public var totalNodes: Int
    /// Whether GLPK accepted the previously submitted solution (`nil`: none submitted).
    public var lastSubmissionAccepted: Bool?
}

/// What the callback asks GLPK to do.
public struct TreeAction: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let terminate = TreeAction(rawValue: CX_ACTION_TERMINATE)
    /// Hand the values written into the submission buffer to `glp_ios_heur_sol`
    /// (only honoured at `.heuristic` events).
    public static let submit = TreeAction(rawValue: CX_ACTION_SUBMIT)
}

/// The branch-and-cut callback. It sees the node relaxation (when asked for,
/// at `.heuristic` events) and may fill `submission` with a candidate
/// solution; it must not call GLPK.
public typealias TreeCallback = (_ event: TreeEvent, _ relaxation: UnsafeBufferPointer<Double>?,
                                 _ submission: UnsafeMutableBufferPointer<Double>) -> TreeAction

/// The outcome of `glp_intopt`.
public struct IntegerOutcome: Sendable {
    public var code: GLPKReturnCode
    public var status: GLPKSolutionStatus
    /// The last global bound seen in the tree, if any node was explored.
    public var treeBound: Double?
    public var nodes: Int
}

/// Owns the two buffers shared with C during `glp_intopt`: C writes the
/// relaxation and reads the submission, Swift the reverse, never at once.
private final class TreeContext {
    let callback: TreeCallback
    let relaxation: UnsafeMutableBufferPointer<Double>
    let submission: UnsafeMutableBufferPointer<Double>
    init(callback: @escaping TreeCallback, columns: Int) {
        self.callback = callback
        relaxation = .allocate(capacity: max(columns, 1))
        relaxation.initialize(repeating: 0)
        submission = .allocate(capacity: max(columns, 1))
        submission.initialize(repeating: 0)
    }
    deinit {
        relaxation.deallocate()
        submission.deallocate()
    }
}

private let treeTrampoline: cx_tree_callback = { user, info in
    guard let user, let info else { return CX_ACTION_NONE }
    let context = Unmanaged<TreeContext>.fromOpaque(user).takeUnretainedValue()
    let raw = info.pointee
    let reason: TreeEvent.Reason
    switch raw.reason {
    case GLP_ISELECT: reason = .select
    case GLP_IPREPRO: reason = .preprocess
    case GLP_IROWGEN: reason = .rowGeneration
    case GLP_IHEUR: reason = .heuristic
    case GLP_ICUTGEN: reason = .cutGeneration
    case GLP_IBRANCH: reason = .branch
    case GLP_IBINGO: reason = .betterSolution
    default: reason = .other
    }
    let event = TreeEvent(
        reason: reason,
        bestBound: raw.has_bound != 0 ? raw.best_bound : nil,
        incumbent: raw.has_incumbent != 0 ? raw.incumbent : nil,
        activeNodes: Int(raw.active_nodes), totalNodes: Int(raw.total_nodes),
        lastSubmissionAccepted: raw.last_heuristic_accepted < 0 ? nil : raw.last_heuristic_accepted == 1)
    let relaxationAvailable = raw.relaxation_available != 0
    let action = context.callback(event, relaxationAvailable ? UnsafeBufferPointer(context.relaxation) : nil,
                                  context.submission)
    return action.rawValue
}

extension GLPKProblem {
    /// Solves the LP (or the LP relaxation) with the simplex method.
    /// The corresponding C function is `glp_simplex`.
    public func simplex(_ parameters: SimplexParameters) throws -> (GLPKReturnCode, GLPKSolutionStatus) {
        var params = cx_simplex_params(
            method: parameters.method.rawValue, presolve: parameters.presolve ? 1 : 0,
            time_limit_ms: Self.milliseconds(parameters.timeLimit),
            iteration_limit: Int32(clamping: parameters.iterationLimit ?? 0),
            verbose: parameters.verbose ? 1 : 0)
        var code: Int32 = 0, status: Int32 = 0
        try guarded("glp_simplex") { cx_simplex(handle, &params, &code, &status) }
        return (GLPKReturnCode(rawValue: code), GLPKSolutionStatus(rawValue: status))
    }

    /// Solves the LP with the interior-point method. The corresponding C function is `glp_interior`.
    public func interior(verbose: Bool = false) throws -> (GLPKReturnCode, GLPKSolutionStatus) {
        var code: Int32 = 0, status: Int32 = 0
        try guarded("glp_interior") { cx_interior(handle, verbose ? 1 : 0, &code, &status) }
        return (GLPKReturnCode(rawValue: code), GLPKSolutionStatus(rawValue: status))
    }

    /// Branch and cut. Without presolve, solve the relaxation with `simplex`
    /// first. The corresponding C function is `glp_intopt`.
    public func intopt(_ parameters: IntegerParameters, callback: TreeCallback? = nil) throws -> IntegerOutcome {
        var params = cx_intopt_params()
        params.presolve = parameters.presolve ? 1 : 0
        params.time_limit_ms = Self.milliseconds(parameters.timeLimit)
        params.relative_gap = parameters.relativeGap
        params.cuts_gomory = parameters.gomoryCuts ? 1 : 0
        params.cuts_mir = parameters.mirCuts ? 1 : 0
        params.cuts_cover = parameters.coverCuts ? 1 : 0
        params.cuts_clique = parameters.cliqueCuts ? 1 : 0
        params.feasibility_pump = parameters.feasibilityPump ? 1 : 0
        params.proximity_search = parameters.proximitySearch ? 1 : 0
        params.proximity_time_limit_ms = Self.milliseconds(parameters.proximityTimeLimit)
        params.simple_rounding = parameters.simpleRounding ? 1 : 0
        params.verbose = parameters.verbose ? 1 : 0
        params.want_relaxation = parameters.wantsRelaxation ? 1 : 0

        var dims = (rows: Int32(0), columns: Int32(0), nnz: Int32(0), max: Int32(0), constant: 0.0)
        try guarded("glp_get_num_cols") {
            cx_get_dims(handle, &dims.rows, &dims.columns, &dims.nnz, &dims.max, &dims.constant)
        }
        var code: Int32 = 0, status: Int32 = 0, hasBound: Int32 = 0, bound = 0.0, nodes: Int32 = 0
        if let callback {
            let context = TreeContext(callback: callback, columns: Int(dims.columns))
            let user = Unmanaged.passRetained(context)
            defer { user.release() }
            try guarded("glp_intopt") {
                cx_intopt(handle, &params, treeTrampoline, user.toOpaque(),
                          context.relaxation.baseAddress, context.submission.baseAddress,
                          &code, &status, &hasBound, &bound, &nodes)
            }
        } else {
            try guarded("glp_intopt") {
                cx_intopt(handle, &params, nil, nil, nil, nil, &code, &status, &hasBound, &bound, &nodes)
            }
        }
        return IntegerOutcome(code: GLPKReturnCode(rawValue: code), status: GLPKSolutionStatus(rawValue: status),
                              treeBound: hasBound != 0 ? bound : nil, nodes: Int(nodes))
    }

    /// Column values and objective of a stored solution.
    public func solution(_ kind: GLPKSolutionKind) throws -> (values: [Double], objective: Double) {
        var dims = (rows: Int32(0), columns: Int32(0), nnz: Int32(0), max: Int32(0), constant: 0.0)
        try guarded("glp_get_num_cols") {
            cx_get_dims(handle, &dims.rows, &dims.columns, &dims.nnz, &dims.max, &dims.constant)
        }
        var values = [Double](repeating: 0, count: Int(dims.columns))
        var objective = 0.0
        try guarded("glp_get_col_prim") { cx_get_solution(handle, kind.rawValue, &values, &objective) }
        return (values, objective)
    }

    static func milliseconds(_ seconds: Double?) -> Int32 {
        guard let seconds, seconds.isFinite, seconds > 0 else { return 0 }
        return Int32(clamping: Int64(max(1, (seconds * 1000).rounded(.up))))
    }
}
