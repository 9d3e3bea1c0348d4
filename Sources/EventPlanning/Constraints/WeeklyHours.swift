import EventScenario
import LinearModel

/// Weekly working time, aggregated over a class of n_c people who have already
/// worked h_c hours this week, under the cap H:
///
///     Σ_s hours_s · w[c,s] ≤ n_c · (H − h_c)
///
/// Only for classes that could work two shifts in the horizon (otherwise each
/// shift was already filtered against the cap). The per-person cap is then
/// enforced when the class's shifts are handed to individuals, balancing hours.
struct WeeklyHours: ConstraintFamily {
    private var classRanges: [(range: Range<Int>, limit: Double)] = []
    private let layout: ColumnLayout

    init(layout: ColumnLayout) {
        self.layout = layout
        let index = layout.index
        let rules = index.scenario.rules
        for (c, run) in layout.classRuns() {
            let shifts = run.map { index.shifts[Int(layout.pairShift[$0])] }
            let earliestEnd = shifts.map(\.endSlot).min() ?? 0
            let latestStart = shifts.map(\.startSlot).max() ?? 0
            if latestStart >= earliestEnd + index.restSlots {
                let person = index.scenario.people[index.classes[c].representative]
                let limit = Double(index.classes[c].members.count) * (rules.weeklyHoursCap - person.hoursThisWeek)
                classRanges.append((run, limit))
            }
        }
    }

    func count(into counter: inout RowCounter) {
        for entry in classRanges { counter.row(terms: entry.range.count) }
    }

    func fill(into writer: inout RowWriter) {
        for entry in classRanges {
            writer.beginRow(lower: -.infinity, upper: entry.limit)
            for i in entry.range {
                writer.add(ColumnID(layout.wBase + i), layout.index.shifts[Int(layout.pairShift[i])].hours)
            }
        }
    }
}
