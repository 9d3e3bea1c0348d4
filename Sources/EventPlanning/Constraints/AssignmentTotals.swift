import EventScenario
import LinearModel

/// Links each class-shift total to the assignments it splits into:
///
///     Σ_t x[c,s,t] − w[c,s] = 0        for every (class c, shift s) pair
///
/// One row per pair, `targets + 1` terms.
struct AssignmentTotals: ConstraintFamily {
    let layout: ColumnLayout

    func count(into counter: inout RowCounter) {
        for i in layout.pairClass.indices {
            counter.row(terms: Int(layout.pairStart[i + 1] - layout.pairStart[i]) + 1)
        }
    }

    func fill(into writer: inout RowWriter) {
        for i in layout.pairClass.indices {
            writer.beginRow(lower: 0, upper: 0)
            for j in Int(layout.pairStart[i])..<Int(layout.pairStart[i + 1]) { writer.add(ColumnID(j), 1) }
            writer.add(ColumnID(layout.wBase + i), -1)
        }
    }
}
