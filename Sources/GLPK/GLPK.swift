import GLPKShim
#if canImport(Glibc)
import Glibc
#endif

/// Process- and thread-level GLPK facts.
public enum GLPK {
    /// GLPK's version, for example "5.0". The corresponding C function is `glp_version`.
    public static var version: String { String(cString: glp_version()) }

    /// Whether GLPK's terminal output on the calling thread is forwarded to
    /// stderr (it is captured silently otherwise, never written to stdout).
    public static func setVerbose(_ on: Bool) { cx_set_verbose(on ? 1 : 0) }

    /// Frees the calling thread's GLPK environment and every problem created on
    /// it. Call it when a worker thread that used GLPK ends.
    /// The corresponding C function is `glp_free_env`.
    public static func freeThreadEnvironment() { cx_free_env() }

    /// The tail of GLPK's terminal output during the last call on this thread.
    public static var capturedOutput: String { String(cString: cx_captured_output()) }

    static var environmentGeneration: UInt { UInt(cx_env_generation()) }

    static func lastFatalError() -> GLPKError {
        GLPKError(
            kind: .fatal,
            function: String(cString: cx_last_error_function()),
            message: String(cString: cx_last_error_message())
        )
    }
}
