import LinearModel

/// Total working time:  MinTotal_i ≤ Σ_{d,t} length_t · x[i,d,t] ≤ MaxTotal_i.
/// In the elastic model a column short_i ≥ 0 joins the row (+short_i): minutes
/// short of the minimum, priced so that the search drives them to zero.
struct WorkingTime: ConstraintFamily {
    let layout: RosterLayout

    func count(into counter: inout RowCounter) {
        for i in 0..<layout.employees {
            counter.row(terms: (0..<layout.days).reduce(0) { $0 + layout.workedTerms(i, $1) } + (layout.elastic ? 1 : 0))
        }
    }

    func fill(into writer: inout RowWriter) {
        for (i, employee) in layout.instance.staff.enumerated() {
            writer.beginRow(lower: Double(employee.minTotalMinutes), upper: Double(employee.maxTotalMinutes))
            for d in 0..<layout.days {
                for t in 0..<layout.shifts {
                    if let c = layout.column(i, d, t) { writer.add(ColumnID(c), Double(layout.instance.shifts[t].minutes)) }
                }
            }
            if layout.elastic { writer.add(ColumnID(layout.shortBase + i), 1) }
        }
    }
}
