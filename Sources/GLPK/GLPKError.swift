/// A failure of a GLPK call: the call did not work. (What is true of a model,
/// such as infeasibility, is a status, never an error.)
public struct GLPKError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// GLPK raised a fatal error (it would have called `abort()`); the
        /// thread's GLPK environment was freed and every problem on it is gone.
        case fatal
        /// The problem object was used from another thread, or after its
        /// thread's environment was freed by an earlier fatal error.
        case invalidatedProblem
        /// GLPK could not read a model file; `message` holds its `file:line: …` text.
        case readFailed
        /// GLPK could not write a model file.
        case writeFailed
    }

    public let kind: Kind
    /// The GLPK function that failed, for example `glp_set_mat_row`.
    public let function: String
    /// GLPK's own message.
    public let message: String

    public init(kind: Kind, function: String, message: String) {
        self.kind = kind
        self.function = function
        self.message = message
    }

    public var description: String {
        switch kind {
        case .fatal: return "GLPK fatal error in \(function): \(message)"
        case .invalidatedProblem: return "GLPK problem unusable (\(function)): \(message)"
        case .readFailed, .writeFailed: return message
        }
    }
}
