/// A part of the problem that shares no person with any other part: its
/// classes can only serve its duties. Components are solved independently
/// (and in parallel); their objectives and bounds add up to the whole's.
public struct Component: Sendable {
    public var classes: [Int]
    public var duties: [Int]
}

extension PlanningIndex {
    /// Splits classes and duties into components: a class and a duty are
    /// linked when the class may hold one of the duty's targets on some shift.
    /// Ordered by their smallest duty (then class) index.
    public func components() -> [Component] {
        let classCount = classes.count
        var parent = Array(0..<(classCount + duties.count))
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for c in 0..<classCount where !shiftsOfClass[c].isEmpty {
            for target in eligibleTargets[c] {
                let a = find(c), b = find(classCount + target.duty)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var byRoot: [Int: Int] = [:]
        var result: [Component] = []
        // Duties first so that components are ordered by their first duty.
        for k in duties.indices {
            let root = find(classCount + k)
            if let existing = byRoot[root] {
                result[existing].duties.append(k)
            } else {
                byRoot[root] = result.count
                result.append(Component(classes: [], duties: [k]))
            }
        }
        for c in 0..<classCount {
            if let existing = byRoot[find(c)] { result[existing].classes.append(c) }
            // A class linked to no duty has nothing to do: it stays out of every model.
        }
        return result
    }
}
