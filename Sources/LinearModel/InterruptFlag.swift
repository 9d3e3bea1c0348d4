import Synchronization

/// A flag that any thread (or a signal handler's relay) may raise to stop running solves.
public final class InterruptFlag: Sendable {
    private let raised = Atomic<Bool>(false)
    public init() {}
    public func raise() { raised.store(true, ordering: .relaxed) }
    public var isRaised: Bool { raised.load(ordering: .relaxed) }
}
