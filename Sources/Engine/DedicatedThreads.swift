import Foundation
import GLPK
import Synchronization

/// Runs independent GLPK work on dedicated threads. A GLPK problem lives and
/// dies on the thread that creates it, and Swift's task pool may move a task
/// between threads, so solves run on threads of their own; each worker frees
/// its GLPK environment when it ends. Results come back in item order, so the
/// outcome is the same for any thread count.
public enum DedicatedThreads {
    /// Calls `work` once per item on up to `threads` worker threads.
    /// - Returns: the results in the order of `items`.
    /// - Throws: the error of the first failing item (in item order), after all work has finished.
    public static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], threads: Int, stackSize: Int = 16 << 20,
        _ work: @escaping @Sendable (Item) throws -> Output
    ) throws -> [Output] {
        guard !items.isEmpty else { return [] }
        let workers = max(1, min(threads, items.count))
        let state = SharedState<Output>(count: items.count)
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            let thread = Thread {
                while let index = state.claim() {
                    let outcome = Result { try work(items[index]) }
                    state.store(outcome, at: index)
                }
                GLPK.freeThreadEnvironment()
                done.signal()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        for _ in 0..<workers { done.wait() }
        return try state.results().map { try $0.get() }
    }
}

private final class SharedState<Output: Sendable>: Sendable {
    private let next = Atomic<Int>(0)
    private let count: Int
    private let slots: Mutex<[Result<Output, any Error>?]>

    init(count: Int) {
        self.count = count
        slots = Mutex(Array(repeating: nil, count: count))
    }

    func claim() -> Int? {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }

    func store(_ outcome: Result<Output, any Error>, at index: Int) {
        slots.withLock { $0[index] = outcome }
    }

    func results() -> [Result<Output, any Error>] {
        slots.withLock { $0.map { $0! } }
    }
}
