import LinearModel

/// At most one shift a day:  Σ_t x[i,d,t] ≤ 1  for every employee i and day d
/// with two or more possible shifts.
struct OneShiftPerDay: ConstraintFamily {
    let layout: RosterLayout

    func count(into counter: inout RowCounter) {
        for i in 0..<layout.employees {
            for d in 0..<layout.days where layout.workedTerms(i, d) > 1 { counter.row(terms: layout.workedTerms(i, d)) }
        }
    }

    func fill(into writer: inout RowWriter) {
        for i in 0..<layout.employees {
            for d in 0..<layout.days where layout.workedTerms(i, d) > 1 {
                writer.beginRow(lower: -.infinity, upper: 1)
                layout.addWorked(i, d, 1, to: &writer)
            }
        }
    }
}
