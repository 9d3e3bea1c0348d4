import EventScenario
import LinearModel

/// The weekly rest (the police's 35 h): every person of `weeklyRestCorps` gets, in each
/// week w of `PlanningIndex.restWeeks`, R consecutive hours free of work inside the week.
/// y[c,w,r] says the rest starts at slot r, one of the week's start or a shift end
/// (`ColumnLayout.buildRests`); `RestAndOverlap` keeps [r, r + R) free of shifts:
///
///     Σ_r y[c,w,r] ≥ n_c        for every class c under the rule and week w
///
/// Classes under the rule are singletons (`PlanningIndex`), so n_c = 1 and the rows
/// mean "this person has a rest somewhere in the week".
struct WeeklyRest: ConstraintFamily {
    private let layout: ColumnLayout

    init(layout: ColumnLayout) {
        self.layout = layout
    }

    func count(into counter: inout RowCounter) {
        for g in layout.restGroupClass.indices {
            counter.row(terms: Int(layout.restGroupStart[g + 1] - layout.restGroupStart[g]))
        }
    }

    func fill(into writer: inout RowWriter) {
        for g in layout.restGroupClass.indices {
            let n = Double(layout.index.classes[Int(layout.restGroupClass[g])].members.count)
            writer.beginRow(lower: n, upper: .infinity)
            for k in Int(layout.restGroupStart[g])..<Int(layout.restGroupStart[g + 1]) {
                writer.add(ColumnID(layout.yBase + k), 1)
            }
        }
    }
}
