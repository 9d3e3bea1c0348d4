import EventScenario
import LinearModel

/// Soft coverage of every demand, per coverage segment g of demand d (a
/// stretch of its window where the same shifts cover every slot):
///
///     patrols:  Σ_{s ⊇ g} Σ_n p[k,n,s]           + u_g ≥ count_d
///     posts:    Σ_{s ⊇ g} Σ_c x[c, s, post(k)]    + u_g ≥ count_d
///
/// u_g ∈ [0, count_d] costs priority_d × hours(g) per missing unit: the
/// shortfall, reported to the planner with its reason.
struct Coverage: ConstraintFamily {
    let layout: ColumnLayout

    private func forEachTerm(_ position: Int, _ body: (Int) -> Void) {
        let index = layout.index
        let segment = index.segments[layout.segments[position]]
        let k = index.dutyOfDemand[segment.demand]
        switch index.duties[k].kind {
        case .patrol:
            for s in segment.coveringShifts {
                for n in index.duties[k].networks.indices {
                    if let q = layout.patrol(duty: k, network: n, shift: s) { body(layout.pBase + q) }
                }
            }
        case .post:
            guard let t = layout.targetID[Target(duty: k, network: -1, role: -1)] else { return }
            for s in segment.coveringShifts {
                for position in layout.assignments(target: t, shift: s) { body(Int(layout.byTargetShift[position])) }
            }
        }
    }

    func count(into counter: inout RowCounter) {
        for position in layout.segments.indices {
            var terms = 1
            forEachTerm(position) { _ in terms += 1 }
            counter.row(terms: terms)
        }
    }

    func fill(into writer: inout RowWriter) {
        for position in layout.segments.indices {
            let demand = layout.index.scenario.demands[layout.index.segments[layout.segments[position]].demand]
            writer.beginRow(lower: Double(demand.count), upper: .infinity)
            forEachTerm(position) { writer.add(ColumnID($0), 1) }
            writer.add(ColumnID(layout.uBase + position), 1)
        }
    }
}
