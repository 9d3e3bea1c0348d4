import EventScenario
import LinearModel

/// The columns of one component's model and the lookups the constraint
/// families need. Column order: assignments x (class, shift, target), then
/// class-shift totals w, then patrol counts p, then shortfalls u, then weekly rests y.
///
/// - x[c,s,t] ∈ ℤ≥0: people of class c on shift s holding target t;
/// - w[c,s] ≥ 0: people of class c working shift s (= Σ_t x[c,s,t]);
/// - p[k,n,s] ∈ ℤ≥0: patrols of duty k on network n during shift s;
/// - u[g] ∈ [0, count]: patrols or agents missing over coverage segment g;
/// - y[c,w,r] ∈ {0,1}: the weekly rest of (singleton) class c in week w starts at slot r.
struct ColumnLayout {
    let index: PlanningIndex
    let component: Component

    // x columns, grouped by (class, shift): xRange[cs] is the x block of the cs-th (class, shift) pair.
    var xClass: [Int32] = []
    var xShift: [Int32] = []
    var xTarget: [Int32] = []        // global target id
    var pairClass: [Int32] = []      // (class, shift) pairs, in column order of w
    var pairShift: [Int32] = []
    var pairStart: [Int32] = [0]     // x columns of pair i: pairStart[i] ..< pairStart[i+1]

    // Targets of the component, globally numbered.
    var targets: [Target] = []
    var targetID: [Target: Int] = [:]
    /// x columns grouped by (target, shift): CSR over key target * shiftCount + shift.
    var byTargetShiftStart: [Int32] = []
    var byTargetShift: [Int32] = []

    // Patrol columns: for each (duty, network, shift) with every role fillable.
    var patrolDuty: [Int32] = []
    var patrolNetwork: [Int32] = []
    var patrolShift: [Int32] = []
    var patrolColumn: [Int: Int] = [:]   // key (duty * maxNetworks + network) * shiftCount + shift

    var segments: [Int] = []             // indices into index.segments

    // Weekly-rest columns, grouped by (class, week): group i holds columns
    // restGroupStart[i] ..< restGroupStart[i+1] (offsets from yBase), starts ascending;
    // the first start of each group is the week's start.
    var restGroupClass: [Int32] = []
    var restGroupStart: [Int32] = [0]
    var restStart: [Int32] = []          // slot where the rest begins

    var xCount: Int { xClass.count }
    var wBase: Int { xCount }
    var pBase: Int { xCount + pairClass.count }
    var uBase: Int { pBase + patrolDuty.count }
    var yBase: Int { uBase + segments.count }
    var columnCount: Int { yBase + restStart.count }
    let shiftCount: Int
    let maxNetworks: Int

    init(index: PlanningIndex, component: Component) {
        self.index = index
        self.component = component
        shiftCount = index.shifts.count
        maxNetworks = max(1, index.duties.map { $0.networks.count }.max() ?? 1)
        for k in component.duties {
            for target in index.targetsOfDuty[k] {
                targetID[target] = targets.count
                targets.append(target)
            }
        }
        for c in component.classes {
            let eligible = index.eligibleTargets[c].compactMap { targetID[$0] }
            for s in index.shiftsOfClass[c] {
                let before = xClass.count
                for t in eligible where index.mayAssign(class: c, target: targets[t], shift: s) {
                    xClass.append(Int32(c))
                    xShift.append(Int32(s))
                    xTarget.append(Int32(t))
                }
                if xClass.count > before {
                    pairClass.append(Int32(c))
                    pairShift.append(Int32(s))
                    pairStart.append(Int32(xClass.count))
                }
            }
        }
        groupByTargetShift()
        buildPatrols()
        buildSegments()
        buildRests()
    }

    /// Candidate rest starts of class c in week w: the week's start and the end of every
    /// shift the class may work, as long as the whole rest fits in the week. A rest never
    /// needs to start elsewhere: sliding it back to the end of the previous shift (or the
    /// week's start) keeps it free of work.
    private mutating func buildRests() {
        let rest = index.weeklyRestSlots
        for (c, range) in classRuns() {
            guard index.hasWeeklyRest(index.scenario.people[index.classes[c].representative]) else { continue }
            let ends = Set(range.map { index.shifts[Int(pairShift[$0])].endSlot })
            for week in index.restWeeks {
                let candidates = Set([week.lowerBound]).union(ends.filter { week.contains($0) })
                    .filter { $0 + rest <= week.upperBound }.sorted()
                restGroupClass.append(Int32(c))
                for r in candidates { restStart.append(Int32(r)) }
                restGroupStart.append(Int32(restStart.count))
            }
        }
    }

    /// The (class, shift) pairs grouped by class: each class with the range of its pairs, which
    /// are consecutive and ordered by their shifts' (start, end).
    func classRuns() -> [(class: Int, pairs: Range<Int>)] {
        var runs: [(class: Int, pairs: Range<Int>)] = []
        var i = 0
        while i < pairClass.count {
            var end = i
            while end < pairClass.count && pairClass[end] == pairClass[i] { end += 1 }
            runs.append((Int(pairClass[i]), i..<end))
            i = end
        }
        return runs
    }

    private mutating func groupByTargetShift() {
        let keys = targets.count * shiftCount
        var counts = [Int32](repeating: 0, count: keys + 1)
        for j in 0..<xCount { counts[Int(xTarget[j]) * shiftCount + Int(xShift[j]) + 1] += 1 }
        for key in 0..<keys { counts[key + 1] += counts[key] }
        byTargetShiftStart = counts
        var cursor = counts
        byTargetShift = [Int32](repeating: 0, count: xCount)
        for j in 0..<xCount {
            let key = Int(xTarget[j]) * shiftCount + Int(xShift[j])
            byTargetShift[Int(cursor[key])] = Int32(j)
            cursor[key] += 1
        }
    }

    /// x columns holding `target` on `shift`.
    func assignments(target: Int, shift: Int) -> Range<Int> {
        let key = target * shiftCount + shift
        return Int(byTargetShiftStart[key])..<Int(byTargetShiftStart[key + 1])
    }

    private mutating func buildPatrols() {
        for k in component.duties {
            guard case .patrol(let template) = index.duties[k].kind else { continue }
            let roles = index.scenario.patrolTemplates[template].roles.count
            var useful = Set<Int>()
            for g in index.segmentsOfDuty[k] { useful.formUnion(index.segments[g].coveringShifts) }
            for n in index.duties[k].networks.indices {
                for s in 0..<shiftCount where useful.contains(s) {
                    let fillable = (0..<roles).allSatisfy { r in
                        let t = targetID[Target(duty: k, network: n, role: r)]!
                        return !assignments(target: t, shift: s).isEmpty
                    }
                    guard fillable else { continue }
                    patrolColumn[(k * maxNetworks + n) * shiftCount + s] = patrolDuty.count
                    patrolDuty.append(Int32(k))
                    patrolNetwork.append(Int32(n))
                    patrolShift.append(Int32(s))
                }
            }
        }
    }

    private mutating func buildSegments() {
        for k in component.duties { segments.append(contentsOf: index.segmentsOfDuty[k]) }
    }

    func patrol(duty k: Int, network n: Int, shift s: Int) -> Int? {
        patrolColumn[(k * maxNetworks + n) * shiftCount + s]
    }

    /// Adds the columns to `model` with their bounds, costs and integrality.
    func addColumns(to model: inout LinearModel) {
        let scenario = index.scenario
        for j in 0..<xCount {
            let person = scenario.people[index.classes[Int(xClass[j])].representative]
            let cost = person.costPerHour * index.shifts[Int(xShift[j])].hours
            model.addColumn(lower: 0, upper: Double(index.classes[Int(xClass[j])].members.count), cost: cost,
                            isInteger: true)
        }
        for i in pairClass.indices {
            model.addColumn(lower: 0, upper: Double(index.classes[Int(pairClass[i])].members.count), isInteger: true)
        }
        for _ in patrolDuty.indices {
            model.addColumn(lower: 0, upper: .infinity, isInteger: true)
        }
        let slotHours = Double(scenario.horizon.slotMinutes) / 60
        for g in segments {
            let segment = index.segments[g]
            let demand = scenario.demands[segment.demand]
            model.addColumn(lower: 0, upper: Double(demand.count),
                            cost: demand.priority * Double(segment.endSlot - segment.startSlot) * slotHours,
                            isInteger: true)
        }
        for g in restGroupClass.indices {
            let n = Double(index.classes[Int(restGroupClass[g])].members.count)
            for _ in Int(restGroupStart[g])..<Int(restGroupStart[g + 1]) {
                model.addColumn(lower: 0, upper: n, isInteger: true)
            }
        }
    }
}
