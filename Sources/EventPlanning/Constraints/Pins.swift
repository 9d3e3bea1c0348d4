import EventScenario
import LinearModel

/// Pinned assignments: for each pin of (singleton) class c on shift s at duty k in role r,
///
///     Σ_{t : duty k, role r (any network)} x[c,s,t] ≥ 1
///
/// A patrol pin leaves the network to the model; the patrol around the pinned person is then
/// completed by `PatrolComposition`.
struct Pins: ConstraintFamily {
    private var rowStart: [Int32] = [0]
    private var members: [Int32] = []
    /// `Scenario.pins` index of each row.
    private(set) var pinOfRow: [Int] = []

    init(layout: ColumnLayout, pins: [ResolvedPin]) {
        let index = layout.index
        var pairOf: [Int: Int] = [:]
        for i in layout.pairClass.indices { pairOf[Int(layout.pairClass[i]) * index.shifts.count + Int(layout.pairShift[i])] = i }
        for pin in pins {
            let c = index.classOfPerson[index.scenario.pins[pin.pin].person]
            guard layout.component.classes.contains(c) else { continue }
            if let pair = pairOf[c * index.shifts.count + pin.shift] {
                for j in Int(layout.pairStart[pair])..<Int(layout.pairStart[pair + 1]) {
                    let target = layout.targets[Int(layout.xTarget[j])]
                    if target.duty == pin.duty && target.role == pin.role { members.append(Int32(j)) }
                }
            }
            rowStart.append(Int32(members.count))
            pinOfRow.append(pin.pin)
        }
    }

    func count(into counter: inout RowCounter) {
        for r in pinOfRow.indices { counter.row(terms: Int(rowStart[r + 1] - rowStart[r])) }
    }

    func fill(into writer: inout RowWriter) {
        for r in pinOfRow.indices {
            writer.beginRow(lower: 1, upper: .infinity)
            for k in Int(rowStart[r])..<Int(rowStart[r + 1]) { writer.add(ColumnID(Int(members[k])), 1) }
        }
    }
}
