import GLPKShim

/// A return code of a GLPK solver routine (`glp_simplex`, `glp_intopt`, …):
/// why the routine stopped. Not a closed enum: GLPK may add codes.
///
/// The corresponding C constants are `GLP_E*`.
public struct GLPKReturnCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let success = Self(rawValue: 0)
    public static let invalidBasis = Self(rawValue: GLP_EBADB)
    public static let singularMatrix = Self(rawValue: GLP_ESING)
    public static let illConditioned = Self(rawValue: GLP_ECOND)
    public static let invalidBounds = Self(rawValue: GLP_EBOUND)
    public static let solverFailed = Self(rawValue: GLP_EFAIL)
    public static let objectiveLowerLimit = Self(rawValue: GLP_EOBJLL)
    public static let objectiveUpperLimit = Self(rawValue: GLP_EOBJUL)
    public static let iterationLimit = Self(rawValue: GLP_EITLIM)
    public static let timeLimit = Self(rawValue: GLP_ETMLIM)
    public static let noPrimalFeasible = Self(rawValue: GLP_ENOPFS)
    public static let noDualFeasible = Self(rawValue: GLP_ENODFS)
    public static let rootNotOptimal = Self(rawValue: GLP_EROOT)
    public static let stopped = Self(rawValue: GLP_ESTOP)
    public static let gapReached = Self(rawValue: GLP_EMIPGAP)
    public static let noFeasible = Self(rawValue: GLP_ENOFEAS)
    public static let noConvergence = Self(rawValue: GLP_ENOCVG)
    public static let instability = Self(rawValue: GLP_EINSTAB)
    public static let invalidData = Self(rawValue: GLP_EDATA)
    public static let outOfRange = Self(rawValue: GLP_ERANGE)

    public var description: String {
        switch self {
        case .success: return "success"
        case .invalidBasis: return "invalid basis"
        case .singularMatrix: return "singular matrix"
        case .illConditioned: return "ill-conditioned matrix"
        case .invalidBounds: return "invalid bounds"
        case .solverFailed: return "solver failed"
        case .iterationLimit: return "iteration limit"
        case .timeLimit: return "time limit"
        case .noPrimalFeasible: return "no primal feasible solution"
        case .noDualFeasible: return "no dual feasible solution"
        case .rootNotOptimal: return "root LP optimum not provided"
        case .stopped: return "stopped by the application"
        case .gapReached: return "relative gap reached"
        case .noFeasible: return "no primal or dual feasible solution"
        case .noConvergence: return "no convergence"
        case .instability: return "numerical instability"
        default: return "GLPK code \(rawValue)"
        }
    }
}

/// What GLPK says of a solution: `glp_get_status`, `glp_ipt_status`, `glp_mip_status`.
public struct GLPKSolutionStatus: RawRepresentable, Hashable, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let undefined = Self(rawValue: GLP_UNDEF)
    public static let feasible = Self(rawValue: GLP_FEAS)
    public static let infeasible = Self(rawValue: GLP_INFEAS)
    public static let noFeasible = Self(rawValue: GLP_NOFEAS)
    public static let optimal = Self(rawValue: GLP_OPT)
    public static let unbounded = Self(rawValue: GLP_UNBND)
}

/// Which stored solution of a problem to read.
public enum GLPKSolutionKind: Int32, Sendable {
    case basic = 0, interiorPoint = 1, integer = 2
}

/// Model file formats GLPK reads and writes.
public enum GLPKFileFormat: Int32, Sendable, CaseIterable {
    /// Fixed-column MPS (`glp_read_mps` with `GLP_MPS_DECK`).
    case fixedMPS = 0
    /// Free MPS (`GLP_MPS_FILE`).
    case freeMPS = 1
    /// CPLEX LP (`glp_read_lp`).
    case cplexLP = 2
}
