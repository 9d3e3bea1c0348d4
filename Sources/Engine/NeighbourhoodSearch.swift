import Foundation
import LinearModel

/// A small deterministic random generator (SplitMix64) for heuristics:
/// the same seed gives the same choices on every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Large-neighbourhood search with GLPK sub-MIPs: free a part of the columns,
/// fix the rest at the incumbent, solve the small MIP (seeded with the
/// incumbent, so it can only improve), keep what is better. Any planner hands
/// in its model and its own idea of a neighbourhood.
public struct NeighbourhoodSearch {
    public struct Outcome: Sendable {
        public var values: [Double]
        public var objective: Double
        public var iterations: Int
        public var improvements: Int
    }

    public let model: LinearModel
    public var subTimeLimit = 2.0
    public var interrupt: InterruptFlag?
    public var progress: (@Sendable (SolveProgress) -> Void)?

    public init(model: LinearModel) { self.model = model }

    /// Improves `start` (feasible) until `deadline`, or until the objective reaches `target`.
    /// `neighbourhood` returns the columns to free (any order) for iteration n.
    /// `until`, if given, ends the search as soon as it holds of the incumbent.
    public func improve(_ start: [Double], deadline: ContinuousClock.Instant, target: Double? = nil, bound: Double? = nil,
                        until: (([Double]) -> Bool)? = nil, neighbourhood: (Int) -> [Int]) throws -> Outcome {
        precondition(model.isFeasible(start), "the starting point must be feasible")
        var best = start
        var bestObjective = model.objectiveValue(of: start)
        var iterations = 0, improvements = 0
        let solver = GLPKSolver()
        let began = ContinuousClock.now
        while ContinuousClock.now < deadline, interrupt?.isRaised != true {
            // Nothing better than the target (a proven bound) can exist.
            if let target, !model.sense.isBetter(target, than: bestObjective) { break }
            if let until, until(best) { break }
            let free = Array(Set(neighbourhood(iterations))).sorted()
            iterations += 1
            guard !free.isEmpty else { continue }
            let sub = model.restricted(toFree: free, fixedAt: best)
            var parameters = SolveParameters()
            let left = deadline - ContinuousClock.now
            let leftSeconds = left.inSeconds
            parameters.timeLimit = max(0.05, min(subTimeLimit, leftSeconds))
            parameters.incumbent = free.map { best[$0] }
            parameters.interrupt = interrupt
            let result = try solver.solve(sub, parameters)
            guard result.point != .none, let objective = result.objective,
                  model.sense.isBetter(objective, than: bestObjective) else { continue }
            var candidate = best
            for (k, j) in free.enumerated() { candidate[j] = result.values[k] }
            guard model.isFeasible(candidate) else { continue }
            best = candidate
            bestObjective = model.objectiveValue(of: candidate)
            improvements += 1
            if let progress {
                let elapsed = ContinuousClock.now - began
                progress(SolveProgress(elapsed: elapsed.inSeconds,
                                       incumbent: bestObjective, bound: bound, nodes: iterations))
            }
        }
        return Outcome(values: best, objective: bestObjective, iterations: iterations, improvements: improvements)
    }
}
