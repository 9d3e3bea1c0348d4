import LinearModel

/// Soft cover:  Σ_i x[i,d,t] + under[d,t] − over[d,t] = requirement[d,t],
/// with under and over priced by the cover weights in the objective.
struct CoverBalance: ConstraintFamily {
    let layout: RosterLayout

    func count(into counter: inout RowCounter) {
        for d in 0..<layout.days {
            for t in 0..<layout.shifts {
                let staff = (0..<layout.employees).filter { layout.column($0, d, t) != nil }.count
                counter.row(terms: staff + 2)
            }
        }
    }

    func fill(into writer: inout RowWriter) {
        for d in 0..<layout.days {
            for t in 0..<layout.shifts {
                let requirement = Double(layout.instance.cover[d][t].requirement)
                writer.beginRow(lower: requirement, upper: requirement)
                for i in 0..<layout.employees { if let c = layout.column(i, d, t) { writer.add(ColumnID(c), 1) } }
                writer.add(ColumnID(layout.underBase + d * layout.shifts + t), 1)
                writer.add(ColumnID(layout.overBase + d * layout.shifts + t), -1)
            }
        }
    }
}
