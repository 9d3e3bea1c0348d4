import LinearModel

/// Rotation: a shift t on day d forbids every shift of F(t) on day d+1. Since
/// at most one shift is worked a day, the pairwise conflicts aggregate into
///
///     x[i,d,t] + Σ_{t' ∈ F(t)} x[i,d+1,t'] ≤ 1
///
/// (stronger than one row per pair). Day −1 is a day off, so day 0 is free.
struct ForbiddenSuccessions: ConstraintFamily {
    let layout: RosterLayout

    private func terms(_ i: Int, _ d: Int, _ t: Int) -> Int {
        guard layout.column(i, d, t) != nil else { return 0 }
        let next = layout.instance.shifts[t].forbiddenNext.filter { layout.column(i, d + 1, $0) != nil }.count
        return next > 0 ? next + 1 : 0
    }

    func count(into counter: inout RowCounter) {
        for i in 0..<layout.employees {
            for d in 0..<(layout.days - 1) {
                for t in 0..<layout.shifts where terms(i, d, t) > 0 { counter.row(terms: terms(i, d, t)) }
            }
        }
    }

    func fill(into writer: inout RowWriter) {
        for i in 0..<layout.employees {
            for d in 0..<(layout.days - 1) {
                for t in 0..<layout.shifts where terms(i, d, t) > 0 {
                    writer.beginRow(lower: -.infinity, upper: 1)
                    writer.add(ColumnID(layout.column(i, d, t)!), 1)
                    for next in layout.instance.shifts[t].forbiddenNext {
                        if let c = layout.column(i, d + 1, next) { writer.add(ColumnID(c), 1) }
                    }
                }
            }
        }
    }
}
