import EventScenario
import LinearModel

/// Every patrol is complete: for patrol column q = (duty k, network n, shift s)
/// of template T and each role r of T,
///
///     Σ_{c} x[c, s, (k,n,r)] − count_r · p_q = 0
///
/// Only people holding network n and meeting role r's requirement have x
/// columns there, so all members of these patrols share radio n and every
/// role is filled as the template says.
struct PatrolComposition: ConstraintFamily {
    let layout: ColumnLayout

    private func roles(of q: Int) -> [PatrolRole] {
        let k = Int(layout.patrolDuty[q])
        guard case .patrol(let template) = layout.index.duties[k].kind else { return [] }
        return layout.index.scenario.patrolTemplates[template].roles
    }

    private func target(_ q: Int, role r: Int) -> Int {
        layout.targetID[Target(duty: Int(layout.patrolDuty[q]), network: Int(layout.patrolNetwork[q]), role: r)]!
    }

    func count(into counter: inout RowCounter) {
        for q in layout.patrolDuty.indices {
            let s = Int(layout.patrolShift[q])
            for r in roles(of: q).indices {
                counter.row(terms: layout.assignments(target: target(q, role: r), shift: s).count + 1)
            }
        }
    }

    func fill(into writer: inout RowWriter) {
        for q in layout.patrolDuty.indices {
            let s = Int(layout.patrolShift[q])
            for (r, role) in roles(of: q).enumerated() {
                writer.beginRow(lower: 0, upper: 0)
                for k in layout.assignments(target: target(q, role: r), shift: s) {
                    writer.add(ColumnID(Int(layout.byTargetShift[k])), 1)
                }
                writer.add(ColumnID(layout.pBase + q), -Double(role.count))
            }
        }
    }
}
