import GLPK
import LinearModel

/// Watches GLPK's branch and cut through its callback: enforces the
/// wall-clock limit and the interrupt flag, hands GLPK the starting solution
/// at the first heuristic call, and reports progress.
final class TreeMonitor {
    private let clock: SolveClock
    private let progress: (@Sendable (SolveProgress) -> Void)?
    private let interrupt: InterruptFlag?
    private var pendingIncumbent: [Double]?
    private var lastReport = -1.0
    private var lastIncumbent: Double?
    private(set) var interrupted = false

    init(clock: SolveClock, parameters: SolveParameters, incumbent: [Double]?, sense: LinearModel.Sense) {
        self.clock = clock
        progress = parameters.progress
        interrupt = parameters.interrupt
        pendingIncumbent = incumbent
    }

    func handle(_ event: TreeEvent, submission: UnsafeMutableBufferPointer<Double>) -> TreeAction {
        var action: TreeAction = []
        if interrupt?.isRaised == true {
            interrupted = true
            action.insert(.terminate)
        } else if clock.isExpired {
            action.insert(.terminate)
        }
        if event.reason == .heuristic, let incumbent = pendingIncumbent {
            pendingIncumbent = nil
            for j in 0..<min(incumbent.count, submission.count) { submission[j] = incumbent[j] }
            action.insert(.submit)
        }
        if let progress {
            let now = clock.elapsed
            if now - lastReport >= 0.5 || event.incumbent != lastIncumbent {
                lastReport = now
                lastIncumbent = event.incumbent
                progress(SolveProgress(elapsed: now, incumbent: event.incumbent, bound: event.bestBound,
                                       nodes: event.totalNodes))
            }
        }
        return action
    }
}
