import EventScenario
import LinearModel

/// One place at a time, with the minimum rest after every shift, for a class
/// of n_c interchangeable people. Stretch each shift s to [start_s, end_s + rest):
/// two shifts fit one person's day only if their stretched intervals are disjoint.
/// Intervals form an interval graph, which is perfect, so the counts w[c,·] can be
/// split among n_c people exactly when no instant is covered more than n_c times:
///
///     Σ_{s : start_s ≤ τ < end_s + rest} w[c,s] ≤ n_c     for every start instant τ of class c
///
/// (the maximum overlap is reached at some start). Rows with one term (implied by
/// the bound on w) or repeating the previous row's set are dropped. The rows have
/// consecutive ones in time: an interval matrix, totally unimodular.
struct RestAndOverlap: ConstraintFamily {
    /// Row r holds pairs `members[rowStart[r] ..< rowStart[r+1]]` with limit `limits[r]`.
    private var rowStart: [Int32] = [0]
    private var members: [Int32] = []
    private var limits: [Double] = []

    init(layout: ColumnLayout) {
        let index = layout.index
        var i = 0
        let pairs = layout.pairClass.count
        while i < pairs {
            let c = layout.pairClass[i]
            var end = i
            while end < pairs && layout.pairClass[end] == c { end += 1 }
            // Pairs i..<end belong to class c, ordered by (start, end) of their shifts.
            var previous: ArraySlice<Int32> = []
            var lastStart = -1
            for a in i..<end {
                let tau = index.shifts[Int(layout.pairShift[a])].startSlot
                if tau == lastStart { continue }
                lastStart = tau
                let before = members.count
                for b in i..<end {
                    let shift = index.shifts[Int(layout.pairShift[b])]
                    if shift.startSlot > tau { break }
                    if shift.endSlot + index.restSlots > tau { members.append(Int32(b)) }
                }
                let current = members[before...]
                if current.count <= 1 || current.elementsEqual(previous) {
                    members.removeLast(members.count - before)
                    continue
                }
                previous = members[before...]
                rowStart.append(Int32(members.count))
                limits.append(Double(index.classes[Int(c)].members.count))
            }
            i = end
        }
        self.wBase = layout.wBase
    }

    private let wBase: Int

    func count(into counter: inout RowCounter) {
        for r in limits.indices { counter.row(terms: Int(rowStart[r + 1] - rowStart[r])) }
    }

    func fill(into writer: inout RowWriter) {
        for r in limits.indices {
            writer.beginRow(lower: -.infinity, upper: limits[r])
            for k in Int(rowStart[r])..<Int(rowStart[r + 1]) { writer.add(ColumnID(wBase + Int(members[k])), 1) }
        }
    }
}
