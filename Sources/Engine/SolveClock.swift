import Foundation

/// Wall-clock bookkeeping of one solve: GLPK's own `tm_lim` overshoots, so
/// the branch-and-cut callback checks this deadline too.
struct SolveClock: Sendable {
    let start = ContinuousClock.now
    let timeLimit: Double?

    var elapsed: Double {
        let duration = ContinuousClock.now - start
        return duration.inSeconds
    }

    /// Seconds left, `nil` without a limit; never below a millisecond.
    var remaining: Double? {
        guard let timeLimit else { return nil }
        return max(0.001, timeLimit - elapsed)
    }

    var isExpired: Bool {
        guard let timeLimit else { return false }
        return elapsed >= timeLimit
    }
}
