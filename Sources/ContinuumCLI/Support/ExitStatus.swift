import ReservistPlanning
import EventPlanning
import Engine
import GLPK
import LinearModel

/// The documented exit codes of `continuum` (README, "Exit codes").
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// `check` found violations.
    case violations = 1
    /// The solve ended without a feasible point (infeasible, unbounded or none found).
    case noSolution = 2
    /// Bad command line (ArgumentParser's validation failure).
    case usage = 64
    /// Bad input data: a file that is missing, malformed or inconsistent.
    case inputError = 65
    /// An internal error, including a contained GLPK fatal error.
    case internalError = 70
    /// An output file could not be written.
    case ioError = 74
    /// The instance is too large for this machine's memory (or `--memory-limit`): stopped before building it.
    case tooLarge = 75
    /// Stopped by SIGINT or SIGTERM.
    case interrupted = 130
}

/// A failure that carries its own exit status and a one-line message.
public struct CLIFailure: Error, CustomStringConvertible {
    public var status: ExitStatus
    public var message: String
    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }
    public var description: String { message }

    /// Maps an error of the lower layers to a status and message.
    static func from(_ error: any Error) -> CLIFailure {
        switch error {
        case let failure as CLIFailure: return failure
        case let error as ModelFileError: return CLIFailure(.inputError, error.description)
        case let error as ModelValidationError: return CLIFailure(.inputError, error.description)
        case let error as MemoryBudgetError: return CLIFailure(.tooLarge, error.description)
        case let error as PinConflict: return CLIFailure(.inputError, error.description)
        case let error as ReservistPlanningError:
            if case .tooSlow = error { return CLIFailure(.tooLarge, error.description) }
            return CLIFailure(.internalError, "internal error: \(error.description)")
        case let error as GLPKError:
            return CLIFailure(.internalError, "internal error: \(error.description)")
        default: return CLIFailure(.internalError, "internal error: \(error)")
        }
    }
}

/// Errors of Continuum's own layers, mapped to exit statuses by `CLIFailure.from`.
protocol DomainError: Error {}
extension ModelFileError: DomainError {}
extension ModelValidationError: DomainError {}
extension GLPKError: DomainError {}
