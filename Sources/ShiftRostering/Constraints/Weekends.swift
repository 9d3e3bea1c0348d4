import LinearModel

/// Worked weekends: k[i,w] ≥ w[i,Sat], k[i,w] ≥ w[i,Sun] (as  w[day] − k ≤ 0),
/// and  Σ_w k[i,w] ≤ MaxWeekends_i.
struct Weekends: ConstraintFamily {
    let layout: RosterLayout

    func count(into counter: inout RowCounter) {
        for i in 0..<layout.employees {
            var any = 0
            for w in 0..<layout.instance.weekends {
                guard layout.weekendColumn(i, w) != nil else { continue }
                any += 1
                for day in [7 * w + 5, 7 * w + 6] where layout.workedTerms(i, day) > 0 {
                    counter.row(terms: layout.workedTerms(i, day) + 1)
                }
            }
            if any > layout.instance.staff[i].maxWeekends { counter.row(terms: any) }
        }
    }

    func fill(into writer: inout RowWriter) {
        for i in 0..<layout.employees {
            var columns: [Int] = []
            for w in 0..<layout.instance.weekends {
                guard let k = layout.weekendColumn(i, w) else { continue }
                columns.append(k)
                for day in [7 * w + 5, 7 * w + 6] where layout.workedTerms(i, day) > 0 {
                    writer.beginRow(lower: -.infinity, upper: 0)
                    layout.addWorked(i, day, 1, to: &writer)
                    writer.add(ColumnID(k), -1)
                }
            }
            if columns.count > layout.instance.staff[i].maxWeekends {
                writer.beginRow(lower: -.infinity, upper: Double(layout.instance.staff[i].maxWeekends))
                for k in columns { writer.add(ColumnID(k), 1) }
            }
        }
    }
}
