import LinearModel

/// Most shifts of each type:  Σ_d x[i,d,t] ≤ MaxShifts[i][t], written only
/// where the limit is below the number of days the type is possible.
struct ShiftTypeLimits: ConstraintFamily {
    let layout: RosterLayout

    private func possible(_ i: Int, _ t: Int) -> Int {
        (0..<layout.days).filter { layout.column(i, $0, t) != nil }.count
    }

    func count(into counter: inout RowCounter) {
        for i in 0..<layout.employees {
            for t in 0..<layout.shifts where layout.instance.staff[i].maxShifts[t] < possible(i, t) {
                counter.row(terms: possible(i, t))
            }
        }
    }

    func fill(into writer: inout RowWriter) {
        for i in 0..<layout.employees {
            for t in 0..<layout.shifts where layout.instance.staff[i].maxShifts[t] < possible(i, t) {
                writer.beginRow(lower: -.infinity, upper: Double(layout.instance.staff[i].maxShifts[t]))
                for d in 0..<layout.days { if let c = layout.column(i, d, t) { writer.add(ColumnID(c), 1) } }
            }
        }
    }
}
