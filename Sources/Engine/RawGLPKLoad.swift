import Foundation
import GLPK
#if canImport(Glibc)
import Glibc
#endif
import LinearModel

/// The floor of the generator benchmark: how long GLPK itself takes to take in
/// a model whose rows are already computed. The arrays are first laid out as
/// GLPK wants them (1-based column numbers after a dummy element 0), untimed;
/// then `glp_create_prob`, `glp_add_cols` with bounds and costs, `glp_add_rows`
/// with bounds and one `glp_set_mat_row` per row straight from those arrays
/// are timed, as one would write it in C. No validation, names or integrality.
public enum RawGLPKLoad {
    public struct Measurement: Sendable {
        /// Wall seconds of create + columns + rows + matrix.
        public var seconds: Double
        /// CPU seconds of the same (the process's CPU clock, user + system).
        public var cpuSeconds: Double
        /// Nonzeros GLPK reports after the load (should equal the model's).
        public var nonzeros: Int
    }

    /// Loads `model` into a fresh GLPK problem on the calling thread and deletes it.
    public static func measure(_ model: LinearModel) throws -> Measurement {
        var index1 = [Int32](repeating: 0, count: model.nonzeroCount + 1)
        var value1 = [Double](repeating: 0, count: model.nonzeroCount + 1)
        model.columnIndex.withUnsafeBufferPointer { source in
            for k in source.indices { index1[k + 1] = source[k] + 1 }
        }
        value1.withUnsafeMutableBufferPointer { target in
            model.coefficient.withUnsafeBufferPointer { source in
                for k in source.indices { target[k + 1] = source[k] }
            }
        }
        let cpu = processCPUSeconds()
        let started = ContinuousClock.now
        let problem = try GLPKProblem()
        try problem.addColumnsRaw(lower: model.columnLower, upper: model.columnUpper, cost: model.columnCost)
        try problem.addRowsRaw(rowLower: model.rowLower, rowUpper: model.rowUpper, rowStart: model.rowStart,
                               oneBasedIndex: index1, value: value1)
        let elapsed = ContinuousClock.now - started
        let cpuSeconds = processCPUSeconds() - cpu
        let nonzeros = try problem.dimensions().nonzeros
        return Measurement(seconds: elapsed.inSeconds,
                           cpuSeconds: cpuSeconds, nonzeros: nonzeros)
    }

    /// The process's CPU time (user + system, all threads), seconds.
    public static func processCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
    }
}
