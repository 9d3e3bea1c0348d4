import EventScenario
import LinearModel

/// One place at a time, with the minimum rest after every shift, for a class
/// of n_c interchangeable people. Stretch each shift s to [start_s, end_s + rest):
/// two shifts fit one person's day only if their stretched intervals are disjoint.
/// Intervals form an interval graph, which is perfect, so the counts w[c,·] can be
/// split among n_c people exactly when no instant is covered more than n_c times:
///
///     Σ_{s : start_s ≤ τ < end_s + rest} w[c,s] + Σ_{r : r + rest ≤ τ < r + R} y[c,r] ≤ n_c
///
/// for every start instant τ of class c (the maximum overlap is reached at some start).
///
/// The weekly rest of R hours starting at r (columns y, see `WeeklyRest`) joins the same
/// graph as the interval [r + rest, r + R): it is disjoint from a stretched shift
/// [start_s, end_s + rest) exactly when end_s ≤ r or start_s ≥ r + R, i.e. when the
/// shift leaves [r, r + R) free (R > rest, see `PlanningIndex.weeklyRestSlots`).
/// Weekly rests only exist for singleton classes, where the rows say "an independent set".
///
/// Rows with one term (implied by the bounds) or repeating the previous row's set are
/// dropped. The rows have consecutive ones in time: an interval matrix, totally unimodular.
struct RestAndOverlap: ConstraintFamily {
    /// Row r holds columns `members[rowStart[r] ..< rowStart[r+1]]` with limit `limits[r]`.
    private var rowStart: [Int32] = [0]
    private var members: [Int32] = []
    private var limits: [Double] = []

    private struct Interval {
        var lower: Int
        var upper: Int
        var column: Int32
    }

    init(layout: ColumnLayout) {
        let index = layout.index
        var group = 0
        var intervals: [Interval] = []
        for (c, run) in layout.classRuns() {
            intervals.removeAll(keepingCapacity: true)
            for b in run {
                let shift = index.shifts[Int(layout.pairShift[b])]
                intervals.append(Interval(lower: shift.startSlot, upper: shift.endSlot + index.restSlots,
                                          column: Int32(layout.wBase + b)))
            }
            while group < layout.restGroupClass.count && Int(layout.restGroupClass[group]) == c {
                for k in Int(layout.restGroupStart[group])..<Int(layout.restGroupStart[group + 1]) {
                    let r = Int(layout.restStart[k])
                    intervals.append(Interval(lower: r + index.restSlots, upper: r + index.weeklyRestSlots,
                                              column: Int32(layout.yBase + k)))
                }
                group += 1
            }
            if intervals.count > run.count {
                intervals.sort { ($0.lower, $0.upper, $0.column) < ($1.lower, $1.upper, $1.column) }
            }
            var previous: ArraySlice<Int32> = []
            var lastStart = Int.min
            for a in intervals.indices {
                let tau = intervals[a].lower
                if tau == lastStart { continue }
                lastStart = tau
                let before = members.count
                for b in intervals.indices {
                    if intervals[b].lower > tau { break }
                    if intervals[b].upper > tau { members.append(intervals[b].column) }
                }
                let current = members[before...]
                if current.count <= 1 || current.elementsEqual(previous) {
                    members.removeLast(members.count - before)
                    continue
                }
                previous = members[before...]
                rowStart.append(Int32(members.count))
                limits.append(Double(index.classes[c].members.count))
            }
        }
    }

    func count(into counter: inout RowCounter) {
        for r in limits.indices { counter.row(terms: Int(rowStart[r + 1] - rowStart[r])) }
    }

    func fill(into writer: inout RowWriter) {
        for r in limits.indices {
            writer.beginRow(lower: -.infinity, upper: limits[r])
            for k in Int(rowStart[r])..<Int(rowStart[r + 1]) { writer.add(ColumnID(Int(members[k])), 1) }
        }
    }
}
