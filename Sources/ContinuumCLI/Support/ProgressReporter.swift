import Foundation
import LinearModel
import Synchronization

/// Progress lines on stderr for solves that last more than a second:
/// elapsed time, incumbent, bound and gap, at most once a second.
enum ProgressReporter {
    static func standardError() -> @Sendable (SolveProgress) -> Void {
        let lastPrinted = Mutex<Double>(0)
        return { progress in
            guard progress.elapsed >= 1 else { return }
            let due = lastPrinted.withLock { last -> Bool in
                guard progress.elapsed - last >= 1 else { return false }
                last = progress.elapsed
                return true
            }
            guard due else { return }
            printError(String(format: "[%7.1f s] incumbent %@  bound %@  gap %@  nodes %d", progress.elapsed,
                              Format.number(progress.incumbent), Format.number(progress.bound),
                              Format.percent(progress.gap), progress.nodes))
        }
    }

    /// Phase lines on stderr (`--verbose`), each with the time since `start`.
    static func phases(since start: ContinuousClock.Instant) -> @Sendable (String) -> Void {
        { line in
            printError(String(format: "[%7.2f s] ", (ContinuousClock.now - start).inSeconds) + line)
        }
    }
}
