import Foundation

/// How much memory a run may use, checked against an estimate before the large arrays are
/// built, so that an instance too large for the machine stops at once with a clear message
/// instead of exhausting memory part-way.
public struct MemoryBudget: Sendable {
    public var bytes: UInt64

    public init(bytes: UInt64) { self.bytes = bytes }

    /// 80 % of the machine's physical memory.
    public static var machine: MemoryBudget {
        MemoryBudget(bytes: ProcessInfo.processInfo.physicalMemory / 5 * 4)
    }

    /// Throws `MemoryBudgetError` when `estimate` bytes exceed the budget.
    public func check(_ estimate: Double, for what: @autoclosure () -> String) throws(MemoryBudgetError) {
        guard estimate > Double(bytes) else { return }
        throw MemoryBudgetError(estimate: estimate, budget: bytes, what: what())
    }
}

/// An instance whose estimated memory exceeds the budget.
public struct MemoryBudgetError: Error, CustomStringConvertible {
    public var estimate: Double
    public var budget: UInt64
    public var what: String

    public var description: String {
        func gib(_ bytes: Double) -> String {
            bytes >= 1_073_741_824 ? String(format: "%.1f GiB", bytes / 1_073_741_824)
                : String(format: "%.1f MiB", bytes / 1_048_576)
        }
        return "too large for this machine: \(what) need about \(gib(estimate)) of memory, above the "
            + "\(gib(Double(budget))) allowed (80 % of this machine's memory, or --memory-limit); "
            + "split the instance (fewer days, departments or people) or run it on a larger machine"
    }
}
