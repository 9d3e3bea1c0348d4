import EventScenario

/// Breaks of an assignment (rules `breakAfterHours`, `breakMinutes`): taken on post, so the agent
/// still counts for coverage, and placed here rather than by the model. A shift of L minutes gets
/// the fewest breaks k of m minutes for which k + 1 equal stretches of work, (L − k·m)/(k + 1),
/// fit within the limit A; the breaks split the shift evenly. Shifts follow each other by at least
/// `PlanningIndex.restSlots` ≥ m minutes, so stretches never join across assignments.
public enum WorkBreaks {
    /// Breaks of a shift of `minutes` starting at minute `start`, as minute ranges on the same clock.
    public static func breaks(start: Int, minutes: Int, rules: Rules) -> [Range<Int>] {
        let m = rules.breakMinutes
        let limit = Int((rules.breakAfterHours * 60).rounded(.down))
        guard m > 0, limit > 0, minutes > limit else { return [] }
        var k = 1
        // ceil((L − k·m) / (k + 1)) ≤ A; terminates since m < A (the reader checks it).
        while (minutes - k * m + k) / (k + 1) > limit { k += 1 }
        let work = minutes - k * m
        var result: [Range<Int>] = []
        for i in 1...k {
            let from = start + (i * work) / (k + 1) + (i - 1) * m
            result.append(from..<(from + m))
        }
        return result
    }

    /// Breaks of the plan's assignment `a`, in minutes since the horizon start.
    public static func breaks(of a: EventPlan.Assignment, in scenario: Scenario) -> [Range<Int>] {
        let slot = scenario.horizon.slotMinutes
        return breaks(start: a.startSlot * slot, minutes: (a.endSlot - a.startSlot) * slot, rules: scenario.rules)
    }
}
