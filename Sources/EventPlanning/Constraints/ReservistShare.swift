import EventScenario
import LinearModel

/// At most ⌊share · size⌋ reservists per patrol, aggregated over the p_q
/// identical patrols of column q = (duty, network, shift):
///
///     Σ_r Σ_{c reservist} x[c, s, (k,n,r)] − ⌊share · size⌋ · p_q ≤ 0
///
/// When patrols are formed, reservists are dealt round-robin across the p_q
/// patrols, so each gets at most ⌈R/p_q⌉ ≤ ⌊share · size⌋. Rows are written only
/// for patrol columns with at least one reservist assignment column.
struct ReservistShare: ConstraintFamily {
    let layout: ColumnLayout
    /// For each patrol column with reservist columns: those x columns.
    private var rows: [(patrol: Int, limit: Double, columns: [Int32])] = []

    init(layout: ColumnLayout) {
        self.layout = layout
        let index = layout.index
        for q in layout.patrolDuty.indices {
            let k = Int(layout.patrolDuty[q])
            guard case .patrol(let template) = index.duties[k].kind else { continue }
            let s = Int(layout.patrolShift[q])
            var columns: [Int32] = []
            for r in index.scenario.patrolTemplates[template].roles.indices {
                let t = layout.targetID[Target(duty: k, network: Int(layout.patrolNetwork[q]), role: r)]!
                for position in layout.assignments(target: t, shift: s) {
                    let j = layout.byTargetShift[position]
                    let person = index.scenario.people[index.classes[Int(layout.xClass[Int(j)])].representative]
                    if person.corps.isReservist { columns.append(j) }
                }
            }
            if !columns.isEmpty {
                rows.append((q, Double(index.reservistLimit(of: template)), columns))
            }
        }
    }

    func count(into counter: inout RowCounter) {
        for row in rows { counter.row(terms: row.columns.count + 1) }
    }

    func fill(into writer: inout RowWriter) {
        for row in rows {
            writer.beginRow(lower: -.infinity, upper: 0)
            for j in row.columns { writer.add(ColumnID(Int(j)), 1) }
            writer.add(ColumnID(layout.pBase + row.patrol), -row.limit)
        }
    }
}
